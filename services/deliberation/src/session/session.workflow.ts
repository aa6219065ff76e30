import { InvalidTransitionError, nextState } from '@cppcc/toolkit';
import { SessionStatus } from './session.entity';

/**
 * The life of a session, as data: each step, the states it may start from, and where it leads.
 * The service reads this table and nothing else to decide whether a step is allowed; the tests
 * walk it. Minutes (drafted, approved, published) follow a held session.
 */
export const SESSION_STEPS = {
  /** 改期: a planned session moves to another date. */
  reschedule: { from: [SessionStatus.PLANNED], to: SessionStatus.PLANNED },
  /** The session took place. */
  recordHeld: { from: [SessionStatus.PLANNED], to: SessionStatus.HELD },
  /** Called off, with a reason. */
  cancel: { from: [SessionStatus.PLANNED], to: SessionStatus.CANCELLED },
} as const satisfies Record<string, { from: readonly SessionStatus[]; to: SessionStatus }>;

export type SessionStep = keyof typeof SESSION_STEPS;

/** The state a step leads to, or INVALID_TRANSITION naming the current state. */
export function nextStatus(current: SessionStatus, step: SessionStep): SessionStatus {
  return nextState<SessionStatus>(SESSION_STEPS, 'The session', current, step);
}

/** What may be recorded of a session in which states (edits that do not change its state). */
export const SESSION_EDITS = {
  setAgenda: [SessionStatus.PLANNED, SessionStatus.HELD],
  recordAttendance: [SessionStatus.PLANNED, SessionStatus.HELD],
} as const satisfies Record<string, readonly SessionStatus[]>;

/** Refuses an edit the session's state does not allow, naming that state. */
export function requireEditable(current: SessionStatus, edit: keyof typeof SESSION_EDITS): void {
  if (!(SESSION_EDITS[edit] as readonly SessionStatus[]).includes(current)) {
    throw new InvalidTransitionError('The session', current, edit);
  }
}
