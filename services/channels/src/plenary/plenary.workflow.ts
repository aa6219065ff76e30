import { ForbiddenError } from '@cppcc/toolkit';
import { ChannelRecordKind } from '../history/channel-event.entity';
import { isActor, type Workflow } from '../history/take-step';
import { PlenaryStatus as S, Speech, SpecialReport, type PlenaryItem } from './plenary.entity';

/** The life of a speech or special report, as data; every step is the CPPCC office's. */
export const PLENARY_STEPS = {
  /** Chosen: for the plenary's agenda, or as a report to the party committee and government. */
  accept: { from: [S.SUBMITTED], to: S.ACCEPTED },
  decline: { from: [S.SUBMITTED], to: S.DECLINED },
  /** Delivered, with what came of it. */
  deliver: { from: [S.ACCEPTED], to: S.DELIVERED },
} as const satisfies Record<string, { from: readonly S[]; to: S }>;

export type PlenaryStep = keyof typeof PLENARY_STEPS;

function workflow<T extends PlenaryItem>(
  entity: new () => T,
  what: string,
  typeName: string,
  kind: ChannelRecordKind,
): Workflow<T, S, PlenaryStep> {
  return {
    entity,
    what,
    typeName,
    kind,
    steps: PLENARY_STEPS,
    authorize(caller, step) {
      if (!isActor(caller, 'STAFF')) {
        throw new ForbiddenError(`${step} is a step of the CPPCC office (city or county staff).`);
      }
    },
  };
}

export const SPEECH_WORKFLOW = workflow(Speech, 'The speech', 'Speech', ChannelRecordKind.SPEECH);
export const SPECIAL_REPORT_WORKFLOW = workflow(
  SpecialReport,
  'The special report',
  'SpecialReport',
  ChannelRecordKind.SPECIAL_REPORT,
);
