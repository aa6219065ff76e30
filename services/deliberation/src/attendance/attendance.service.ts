import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { BadUserInputError, executeIn, type Caller, isUuid } from '@cppcc/toolkit';
import { requireReferences, type ReferenceKind } from '@cppcc/organization-feed';
import { editSession } from '../session/session.edits';
import { type Session, SessionStatus } from '../session/session.entity';
import { AttendanceStatus, AttendeeKind } from './attendance.entity';
import type { AttendanceInput } from './attendance.inputs';

/** What each kind of attendee is, among what a session may name (`requireReferences`). */
const ATTENDEE: Record<AttendeeKind, ReferenceKind> = {
  [AttendeeKind.MEMBER]: 'member',
  [AttendeeKind.PARTICIPANT]: 'participant',
  [AttendeeKind.DEPARTMENT]: 'department',
};

/**
 * Records invitations, and after the session who came, in bulk: one row per attendee, updated in
 * place when recorded again. Presence is known once the session is held. Each attendee is one of
 * the session's county or the city, as its kind says (`requireReferences`).
 */
export function recordAttendance(
  em: EntityManager,
  caller: Caller,
  sessionId: string,
  entries: AttendanceInput[],
  expectedVersion?: number | null,
): Promise<Session> {
  entries.forEach((entry, index) => {
    if (!isUuid(entry.attendeeId))
      throw new BadUserInputError('This is not an id.', `entries.${index}.attendeeId`);
  });
  return editSession(
    em,
    caller,
    sessionId,
    expectedVersion,
    'recordAttendance',
    async (tx, session) => {
      entries.forEach((entry, index) => {
        if (entry.status !== AttendanceStatus.INVITED && session.status !== SessionStatus.HELD) {
          throw new BadUserInputError(
            'This status can be recorded once the session is held.',
            `entries.${index}.status`,
          );
        }
      });
      await requireReferences(
        tx,
        session.divisionCode,
        entries.map((entry, index) => ({
          kind: ATTENDEE[entry.attendeeKind],
          id: entry.attendeeId,
          field: `entries.${index}.attendeeId`,
        })),
      );
      const rows = entries.map((entry) => ({
        id: randomUUID(),
        session_id: session.id,
        home_id: session.homeId,
        division_code: session.divisionCode,
        attendee_kind: entry.attendeeKind,
        attendee_id: entry.attendeeId,
        role: entry.role,
        status: entry.status,
      }));
      if (rows.length) {
        await executeIn(
          tx,
          `insert into attendance (id, session_id, home_id, division_code, attendee_kind, attendee_id, role, status)
         select id, session_id, home_id, division_code, attendee_kind, attendee_id, role, status
         from json_populate_recordset(null::attendance, ?::json)
         on conflict (session_id, attendee_kind, attendee_id) do update set role = excluded.role, status = excluded.status`,
          [JSON.stringify(rows)],
        );
      }
      return { entries: rows.length };
    },
  );
}
