import { ACTORS, InvalidTransitionError, defineWorkflow } from '@cppcc/toolkit';
import { sessionHistory } from './session-event.entity';
import { Session, SessionStatus as S } from './session.entity';
import { sessionEvents } from '../event/deliberation-events';

/**
 * The life of a session, as data: each step, the states it may start from, where it leads and
 * who takes it (the home and the CPPCC offices above it). The engine reads this table and nothing
 * else to decide whether a step is allowed; the tests walk it. Minutes (drafted, approved,
 * published) follow a held session.
 */
export const SESSION_STEPS = {
  /** 改期: a planned session moves to another date. */
  reschedule: { from: [S.PLANNED], to: S.PLANNED, actor: ACTORS.HOME_OR_OFFICE },
  /** The session took place. */
  recordHeld: { from: [S.PLANNED], to: S.HELD, actor: ACTORS.HOME_OR_OFFICE },
  /** Called off, with a reason. */
  cancel: { from: [S.PLANNED], to: S.CANCELLED, actor: ACTORS.HOME_OR_OFFICE },
} as const;

export type SessionStep = keyof typeof SESSION_STEPS;

export const SESSION_WORKFLOW = defineWorkflow({
  entity: Session,
  what: 'the session',
  idField: 'sessionId',
  states: S,
  steps: SESSION_STEPS,
  history: sessionHistory,
  afterStep: sessionEvents,
});

/** What may be recorded of a session in which states (edits that do not change its state). */
export const SESSION_EDITS = {
  setAgenda: [S.PLANNED, S.HELD],
  recordAttendance: [S.PLANNED, S.HELD],
} as const satisfies Record<string, readonly S[]>;

/** Refuses an edit the session's state does not allow, naming that state. */
export function requireEditable(current: S, edit: keyof typeof SESSION_EDITS): void {
  if (!(SESSION_EDITS[edit] as readonly S[]).includes(current)) {
    throw new InvalidTransitionError('The session', current, edit);
  }
}
