import { ACTORS, defineWorkflow, type Workflow } from '@cppcc/toolkit';
import { ChannelRecordKind } from '../history/channel-event.entity';
import { channelHistory } from '../history/channel-event';
import { PlenaryStatus as S, Speech, SpecialReport, type PlenaryItem } from './plenary.entity';

/** The life of a speech or special report, as data; every step is the CPPCC office's. */
export const PLENARY_STEPS = {
  /** Chosen: for the plenary's agenda, or as a report to the party committee and government. */
  accept: { from: [S.SUBMITTED], to: S.ACCEPTED, actor: ACTORS.OFFICE },
  decline: { from: [S.SUBMITTED], to: S.DECLINED, actor: ACTORS.OFFICE },
  /** Delivered, with what came of it. */
  deliver: { from: [S.ACCEPTED], to: S.DELIVERED, actor: ACTORS.OFFICE },
} as const;

export type PlenaryStep = keyof typeof PLENARY_STEPS;

/** A plenary item's workflow, with the kind its history entries carry. */
export interface PlenaryWorkflow<T extends PlenaryItem> extends Workflow<T, S, PlenaryStep> {
  kind: ChannelRecordKind;
}

/** Both kinds' steps take `PlenaryStepInput`, which names the record `id`. */
export const PLENARY_STEP_RECORD = { idField: 'id', what: 'the speech or special report' } as const;

function workflow<T extends PlenaryItem>(
  entity: new () => T,
  what: string,
  kind: ChannelRecordKind,
): PlenaryWorkflow<T> {
  return {
    ...defineWorkflow({
      entity,
      what,
      idField: PLENARY_STEP_RECORD.idField,
      states: S,
      steps: PLENARY_STEPS,
      history: channelHistory(kind),
    }),
    kind,
  };
}

export const SPEECH_WORKFLOW = workflow(Speech, 'the speech', ChannelRecordKind.SPEECH);
export const SPECIAL_REPORT_WORKFLOW = workflow(
  SpecialReport,
  'the special report',
  ChannelRecordKind.SPECIAL_REPORT,
);
