import { ACTORS, canStep, defineWorkflow } from '@cppcc/toolkit';
import { ChannelRecordKind } from '../history/channel-event.entity';
import { channelHistory } from '../history/channel-event';
import { Demand, DemandStatus as S } from './demand.entity';
import { demandEvents } from '../event/channel-events';

/**
 * A demand's life, as data (docs/domain.md): RECEIVED → ON_AGENDA → RESOLVED_AT_HOME | ESCALATED →
 * ANSWERED → CLOSED, with who takes each step. Escalating and answering are not steps a clerk
 * takes by hand: a demand is escalated when a proposal, sentiment report, speech or special
 * report citing it goes up (the office's step), and answered when a department replies to it; a
 * demand may feed several of them.
 */
export const DEMAND_STEPS = {
  /** Put on a session's agenda (an agenda item of deliberation). */
  putOnAgenda: { from: [S.RECEIVED, S.ON_AGENDA], to: S.ON_AGENDA, actor: ACTORS.HOME_OR_OFFICE },
  /** Settled at the home, with how. */
  resolveAtHome: {
    from: [S.RECEIVED, S.ON_AGENDA],
    to: S.RESOLVED_AT_HOME,
    actor: ACTORS.HOME_OR_OFFICE,
  },
  /** Cited by what went up (a proposal, sentiment report, speech or special report). */
  escalate: { from: [S.RECEIVED, S.ON_AGENDA, S.ESCALATED], to: S.ESCALATED, actor: ACTORS.OFFICE },
  /** A department answered what it went up as. */
  answer: { from: [S.ESCALATED, S.ANSWERED], to: S.ANSWERED, actor: ACTORS.DEPARTMENT },
  /** The resident was told; nothing more to do. */
  close: { from: [S.RESOLVED_AT_HOME, S.ANSWERED], to: S.CLOSED, actor: ACTORS.HOME_OR_OFFICE },
} as const;

export type DemandStep = keyof typeof DEMAND_STEPS;

export const DEMAND_WORKFLOW = defineWorkflow({
  entity: Demand,
  what: 'the demand',
  idField: 'demandId',
  states: S,
  steps: DEMAND_STEPS,
  history: channelHistory(ChannelRecordKind.DEMAND),
  afterStep: demandEvents,
});

/** True when a step may start from the demand's state (to check sources before citing them). */
export function demandCan(current: S, step: DemandStep): boolean {
  return canStep(DEMAND_STEPS, current, step);
}
