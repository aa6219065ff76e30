import { ForbiddenError, nextState } from '@cppcc/toolkit';
import { ChannelRecordKind } from '../history/channel-event.entity';
import type { Workflow } from '../history/take-step';
import { Demand, DemandStatus } from './demand.entity';

/**
 * A demand's life, as data (DOMAIN.md): RECEIVED → ON_AGENDA → RESOLVED_AT_HOME | ESCALATED →
 * ANSWERED → CLOSED. Escalating and answering are not steps a clerk takes by hand: a demand is
 * escalated when a proposal, sentiment report, speech or special report citing it goes up, and
 * answered when a department replies to it; a demand may feed several of them.
 */
export const DEMAND_STEPS = {
  /** Put on a session's agenda (an agenda item of deliberation). */
  putOnAgenda: {
    from: [DemandStatus.RECEIVED, DemandStatus.ON_AGENDA],
    to: DemandStatus.ON_AGENDA,
  },
  /** Settled at the home, with how. */
  resolveAtHome: {
    from: [DemandStatus.RECEIVED, DemandStatus.ON_AGENDA],
    to: DemandStatus.RESOLVED_AT_HOME,
  },
  /** Cited by what went up (a proposal, sentiment report, speech or special report). */
  escalate: {
    from: [DemandStatus.RECEIVED, DemandStatus.ON_AGENDA, DemandStatus.ESCALATED],
    to: DemandStatus.ESCALATED,
  },
  /** A department answered what it went up as. */
  answer: { from: [DemandStatus.ESCALATED, DemandStatus.ANSWERED], to: DemandStatus.ANSWERED },
  /** The resident was told; nothing more to do. */
  close: {
    from: [DemandStatus.RESOLVED_AT_HOME, DemandStatus.ANSWERED],
    to: DemandStatus.CLOSED,
  },
} as const satisfies Record<string, { from: readonly DemandStatus[]; to: DemandStatus }>;

export type DemandStep = keyof typeof DEMAND_STEPS;

export function nextDemandStatus(current: DemandStatus, step: DemandStep): DemandStatus {
  return nextState<DemandStatus>(DEMAND_STEPS, 'The demand', current, step);
}

/** Demands are handled by the home and the offices above it; departments answer through channels. */
export const DEMAND_WORKFLOW: Workflow<Demand, DemandStatus, DemandStep> = {
  entity: Demand,
  what: 'The demand',
  typeName: 'Demand',
  kind: ChannelRecordKind.DEMAND,
  steps: DEMAND_STEPS,
  authorize(caller, step) {
    if (!['CITY', 'COUNTY', 'HOME'].includes(caller.level)) {
      throw new ForbiddenError(`${step} is a step of the home or the CPPCC office.`);
    }
  },
};

/** True when a step may start from the demand's state (to check sources before citing them). */
export function demandCan(current: DemandStatus, step: DemandStep): boolean {
  return (DEMAND_STEPS[step].from as readonly DemandStatus[]).includes(current);
}
