import { outbox, type RaisedEvent } from '@cppcc/toolkit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ActionOwnerKind, FollowUpAction, type Minutes } from '../minutes/minutes.entity';
import type { Session } from '../session/session.entity';

/**
 * The domain events of deliberation: a session's life, a department invited to a session, a
 * follow-up action a department owns, minutes published. Payloads carry ids and states only. Their types
 * are a contract in the toolkit (`DELIBERATION_EVENT_TYPES`): channels delivers them by webhook.
 */

/** A step of a session's life, and the event it raises (`LIFECYCLE`). */
const LIFECYCLE: Record<string, string> = {
  schedule: 'session.scheduled',
  recordHeld: 'session.held',
  cancel: 'session.cancelled',
};

/**
 * A session's life: scheduled, held, cancelled, each with its kind and status (the outbox adds
 * the status, the row its division) for the services that keep sessions (petitions links its
 * multi-party platform sessions to cases); the home and the office receive them, the invited
 * departments once it was held or called off. A session scheduled with departments also invites
 * them.
 */
export const sessionEvents = outbox<Session>('Session', (taken, session) => {
  const events: RaisedEvent[] = [];
  const lifecycle = LIFECYCLE[taken.step];
  if (lifecycle) {
    events.push({
      type: lifecycle,
      departmentIds: taken.step === 'schedule' ? [] : session.departmentIds,
      homeIds: [session.homeId],
      payload: { kind: session.kind },
    });
  }
  if (taken.step === 'schedule' && session.departmentIds.length) {
    events.push({
      type: 'session.departmentInvited',
      departmentIds: session.departmentIds,
      homeIds: [session.homeId],
      payload: { departmentIds: session.departmentIds, scheduledAt: session.scheduledAt },
    });
  }
  return events;
});

/**
 * The actions a department owns that this step writes: read from the unit of work the step is
 * about to flush (drafting and editing minutes create them), so no statement is added to learn
 * of them.
 */
function departmentActions(tx: EntityManager, minutes: Minutes): FollowUpAction[] {
  return [...tx.getUnitOfWork().getPersistStack()].filter(
    (entity): entity is FollowUpAction =>
      entity instanceof FollowUpAction &&
      entity.minutesId === minutes.id &&
      entity.ownerKind === ActionOwnerKind.DEPARTMENT,
  );
}

/** Minutes published; actions recorded for departments when drafted or edited. */
export const minutesEvents = outbox<Minutes>('Minutes', (taken, minutes, tx) => {
  if (taken.step === 'publish') {
    return [
      {
        type: 'minutes.published',
        homeIds: [minutes.homeId],
        payload: { sessionId: minutes.sessionId },
      },
    ];
  }
  if (taken.step !== 'draft' && taken.step !== 'edit') return [];
  const actions = departmentActions(tx, minutes);
  if (!actions.length) return [];
  const departmentIds = [...new Set(actions.map((action) => action.ownerId))];
  return [
    {
      type: 'minutes.actionAssigned',
      departmentIds,
      homeIds: [minutes.homeId],
      payload: {
        sessionId: minutes.sessionId,
        actions: actions.map((action) => ({
          id: action.id,
          departmentId: action.ownerId,
          dueOn: action.dueOn,
        })),
      },
    },
  ];
});
