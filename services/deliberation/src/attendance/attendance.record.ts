import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { executeIn, scopeSql, type Caller, uuidsOnly } from '@cppcc/toolkit';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { SessionStatus } from '../session/session.entity';
import { ATTENDANCE_POLICY, AttendanceStatus, AttendeeKind } from './attendance.entity';
import { AttendanceCounts } from './attendance.counts';

/** A member's record at the table in a year (委员履职): sessions held they were invited to, and how they came. */
@ObjectType({
  description:
    "A member's attendance at held sessions in a year (invited: held sessions they were invited to).",
})
export class AttendanceRecord extends AttendanceCounts {
  @Field(() => Int, { description: 'The year counted.' })
  year: number;

  @Field(() => Float, { nullable: true, description: 'absent / invited; null when never invited.' })
  absenceRate: number | null;
}

export interface AttendanceKey {
  memberId: string;
  year: number;
}

/** Attendance records of many members for a year: one statement per year asked for. */
export function attendanceRecordLoader(em: EntityManager, caller: Caller) {
  const scope = scopeSql(caller, ATTENDANCE_POLICY, 'a');
  return new DataLoader<AttendanceKey, AttendanceRecord, string>(
    async (keys) => {
      const records = new Map<string, AttendanceRecord>();
      for (const year of new Set(keys.map((key) => key.year))) {
        const ids = keys.filter((key) => key.year === year).map((key) => key.memberId);
        const rows = await executeIn<
          Array<{
            member_id: string;
            invited: number;
            present: number;
            absent: number;
            excused: number;
          }>
        >(
          em,
          `select a.attendee_id::text as member_id, count(*)::int as invited,
                  count(*) filter (where a.status = ?)::int as present,
                  count(*) filter (where a.status = ?)::int as absent,
                  count(*) filter (where a.status = ?)::int as excused
           from attendance a join session s on s.id = a.session_id
           where a.attendee_kind = ? and a.attendee_id = any(array[?]::uuid[]) and s.status = ?
             and s.held_at >= ? and s.held_at < ? ${scope.sql}
           group by a.attendee_id`,
          [
            AttendanceStatus.PRESENT,
            AttendanceStatus.ABSENT,
            AttendanceStatus.EXCUSED,
            AttendeeKind.MEMBER,
            uuidsOnly(ids),
            SessionStatus.HELD,
            `${year}-01-01T00:00:00+08:00`,
            `${year + 1}-01-01T00:00:00+08:00`,
            ...scope.params,
          ],
        );
        for (const row of rows) {
          records.set(`${row.member_id}:${year}`, {
            year,
            ...row,
            absenceRate: row.invited ? Math.round((row.absent / row.invited) * 1000) / 1000 : null,
          });
        }
      }
      return keys.map(
        (key) =>
          records.get(`${key.memberId}:${key.year}`) ?? {
            year: key.year,
            invited: 0,
            present: 0,
            absent: 0,
            excused: 0,
            absenceRate: null,
          },
      );
    },
    { cacheKeyFn: (key) => `${key.memberId}:${key.year}` },
  );
}
