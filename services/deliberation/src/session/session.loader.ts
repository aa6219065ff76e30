import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import {
  byKeyLoader,
  byParentLoader,
  groupedPageLoader,
  rowReader,
  perFilter,
  scopeSql,
  type Caller,
  uuidsOnly,
} from '@cppcc/toolkit';
import { SESSION_POLICY, Session, type SessionKind, SessionStatus } from './session.entity';
import { SessionEvent } from './session-event.entity';
import { AgendaItem } from '../agenda/agenda.entity';
import { Attendance } from '../attendance/attendance.entity';
import { attendanceRecordLoader } from '../attendance/attendance.record';
import { quarterBounds } from './session.cadence';

export interface CadenceKey {
  homeId: string;
  year: number;
  quarter: number;
}

/** Which of a home's sessions a list shows: by status, kind, and when they were scheduled. */
export interface HomeSessionsFilter {
  status: SessionStatus[];
  kinds: SessionKind[];
  from: Date | null;
  to: Date | null;
}

function homeSessionsWhere(filter: HomeSessionsFilter): { sql: string; params: unknown[] } {
  const parts: Array<[string, unknown]> = [];
  if (filter.status.length) parts.push(['s.status in (?)', filter.status]);
  if (filter.kinds.length) parts.push(['s.kind in (?)', filter.kinds]);
  if (filter.from) parts.push(['s.scheduled_at >= ?', filter.from]);
  if (filter.to) parts.push(['s.scheduled_at < ?', filter.to]);
  return {
    sql: parts.map(([part]) => ` and ${part}`).join(''),
    params: parts.map(([, param]) => param),
  };
}

export function createSessionLoaders(em: EntityManager, caller: Caller) {
  // Counts of held sessions are public, published or not.
  const scope = scopeSql(caller, { ...SESSION_POLICY, publicOnlyWhenSet: undefined }, 'session');
  return {
    byId: byKeyLoader(em, Session),
    /** Pages of the sessions many departments are invited to, latest first. */
    ofDepartment: groupedPageLoader<Record<string, unknown>, Session>(em, {
      query: (departmentIds) => ({
        sql: `select s.*, d.id::text as group_key
              from unnest(array[?]::uuid[]) as d(id) join session s on s.department_ids @> array[d.id]
              where true ${scopeSql(caller, SESSION_POLICY, 's').sql}`,
        params: [departmentIds, ...scopeSql(caller, SESSION_POLICY, 's').params],
      }),
      orderBy: 'scheduled_at desc, id',
      toNode: rowReader(em, Session),
    }),
    /** Members' attendance of held sessions, per year. */
    attendanceOfMember: attendanceRecordLoader(em, caller),
    /** The agendas of many sessions, in order. */
    agenda: byParentLoader(em, AgendaItem, 'sessionId', { orderBy: { position: 'asc' } }),
    /** Who was invited to many sessions. */
    attendance: byParentLoader(em, Attendance, 'sessionId', {
      orderBy: { attendeeKind: 'asc', id: 'asc' },
    }),
    /** The steps of many sessions' lives, oldest first. */
    history: byParentLoader(em, SessionEvent, 'sessionId', { orderBy: { id: 'asc' } }),
    /** Pages of the sessions of many homes, latest first; one loader per filter asked for. */
    ofHome: perFilter((filter: HomeSessionsFilter) => {
      const where = homeSessionsWhere(filter);
      const scope = scopeSql(caller, SESSION_POLICY, 's');
      return groupedPageLoader<Record<string, unknown>, Session>(em, {
        query: (homeIds) => ({
          sql: `select s.*, s.home_id::text as group_key from session s
                where s.home_id = any(array[?]::uuid[]) ${scope.sql} ${where.sql}`,
          params: [uuidsOnly(homeIds), ...scope.params, ...where.params],
        }),
        // A home meets for years: its page is read from (home_id, scheduled_at).
        perList: {
          keyType: 'uuid',
          sql: `select s.* from session s where s.home_id = k.key ${scope.sql} ${where.sql}`,
          params: [...scope.params, ...where.params],
        },
        orderBy: 'scheduled_at desc, id',
        toNode: rowReader(em, Session),
      });
    }),
    /** Sessions held per home in a quarter: one statement per quarter asked for. */
    heldInQuarter: new DataLoader<CadenceKey, number, string>(
      async (keys) => {
        const counts = new Map<string, number>();
        const quarters = new Set(keys.map((key) => `${key.year}:${key.quarter}`));
        for (const quarter of quarters) {
          const [year, q] = quarter.split(':').map(Number);
          const { from, to } = quarterBounds(year, q);
          const homeIds = keys
            .filter((key) => key.year === year && key.quarter === q)
            .map((key) => key.homeId);
          const rows = await em.getConnection().execute<Array<{ home_id: string; held: number }>>(
            `select home_id::text, count(*)::int as held from session
             where home_id = any(array[?]::uuid[]) and status = ? and held_at >= ? and held_at < ? ${scope.sql}
             group by home_id`,
            [uuidsOnly(homeIds), SessionStatus.HELD, from, to, ...scope.params],
          );
          for (const row of rows) counts.set(`${row.home_id}:${quarter}`, row.held);
        }
        return keys.map((key) => counts.get(`${key.homeId}:${key.year}:${key.quarter}`) ?? 0);
      },
      { cacheKeyFn: (key) => `${key.homeId}:${key.year}:${key.quarter}` },
    ),
  };
}

export type SessionLoaders = ReturnType<typeof createSessionLoaders>;
