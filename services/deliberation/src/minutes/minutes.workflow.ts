import { ACTORS, type Actor, defineWorkflow } from '@cppcc/toolkit';
import { minutesHistory } from './minutes-event.entity';
import { Minutes, MinutesStatus as S } from './minutes.entity';
import { minutesEvents } from '../event/deliberation-events';

/** Who approves and publishes minutes: the home's leader, or the staff of the county or city. */
export const MINUTES_APPROVER: Actor = {
  name: "the home's leader or the CPPCC office's staff",
  levels: ['CITY', 'COUNTY', 'HOME'],
  roles: ['HOME_LEADER', 'STAFF', 'ADMIN'],
};

/** The life of minutes, as data: edited while a draft, approved, then published. */
export const MINUTES_STEPS = {
  edit: { from: [S.DRAFT], to: S.DRAFT, actor: ACTORS.HOME_OR_OFFICE },
  approve: { from: [S.DRAFT], to: S.APPROVED, actor: MINUTES_APPROVER },
  /** The summary and consensus become public (never who attended). */
  publish: { from: [S.APPROVED], to: S.PUBLISHED, actor: MINUTES_APPROVER },
} as const;

export type MinutesStep = keyof typeof MINUTES_STEPS;

export const MINUTES_WORKFLOW = defineWorkflow({
  entity: Minutes,
  what: 'the minutes',
  idField: 'minutesId',
  states: S,
  steps: MINUTES_STEPS,
  history: minutesHistory,
  afterStep: minutesEvents,
});
