import type { EntityManager } from '@mikro-orm/postgresql';
import { NotFoundError, checkVersion, inTransaction, type Caller, isUuid } from '@cppcc/toolkit';
import { SessionEvent } from './session-event.entity';
import { Session } from './session.entity';
import { requireEditable, type SESSION_EDITS } from './session.workflow';

/** An edit of a session that leaves its state: checked against the table, versioned, recorded. */
export async function editSession(
  em: EntityManager,
  caller: Caller,
  sessionId: string,
  expectedVersion: number | null | undefined,
  edit: keyof typeof SESSION_EDITS,
  work: (tx: EntityManager, session: Session) => Promise<Record<string, unknown>>,
): Promise<Session> {
  return inTransaction(em, 'Session', async (tx) => {
    const session = isUuid(sessionId) ? await tx.findOne(Session, { id: sessionId }) : null;
    if (!session) throw new NotFoundError('Session', { field: 'input.sessionId' });
    checkVersion('Session', session, expectedVersion);
    requireEditable(session.status, edit);
    const detail = await work(tx, session);
    session.updatedAt = new Date();
    tx.create(SessionEvent, {
      sessionId: session.id,
      step: edit,
      fromStatus: session.status,
      toStatus: session.status,
      bySubject: caller.subject,
      detail,
    });
    await tx.flush();
    return session;
  });
}
