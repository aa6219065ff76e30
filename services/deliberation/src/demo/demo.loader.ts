import type { MikroORM } from '@mikro-orm/postgresql';
import { bulkLoad, hasRows, type BulkTable } from '@cppcc/toolkit';
import type { DeliberationDemo } from './demo.generator';

/**
 * The tables the demo fills, in foreign-key order, with the columns the demo sets. Listing the
 * columns (rather than `select *`) lets session_event's id and idempotency_key take their
 * defaults: json_populate_recordset would otherwise turn the missing
 * keys into nulls.
 */
const TABLES: ReadonlyArray<BulkTable<DeliberationDemo>> = [
  {
    table: 'session',
    rows: (demo) => demo.sessions,
    columns: [
      'id',
      'home_id',
      'division_code',
      'title',
      'kind',
      'status',
      'scheduled_at',
      'held_at',
      'location',
      'cancel_reason',
      'coordinating_committee_id',
      'involved_divisions',
      'department_ids',
      'version',
      'published_at',
      'created_at',
      'updated_at',
    ],
  },
  {
    table: 'session_event',
    rows: (demo) => demo.sessionEvents,
    columns: ['session_id', 'step', 'from_status', 'to_status', 'at', 'by_subject', 'detail'],
  },
  {
    table: 'agenda_item',
    rows: (demo) => demo.agendaItems,
    columns: [
      'id',
      'session_id',
      'home_id',
      'division_code',
      'position',
      'title',
      'description',
      'presenter',
      'demand_ids',
    ],
  },
  {
    table: 'attendance',
    rows: (demo) => demo.attendance,
    columns: [
      'id',
      'session_id',
      'home_id',
      'division_code',
      'attendee_kind',
      'attendee_id',
      'role',
      'status',
    ],
  },
  {
    table: 'minutes',
    rows: (demo) => demo.minutes,
    columns: [
      'id',
      'session_id',
      'home_id',
      'division_code',
      'summary',
      'consensus',
      'disagreements',
      'status',
      'version',
      'approved_by',
      'approved_at',
      'published_at',
      'created_at',
      'updated_at',
    ],
  },
  {
    table: 'follow_up_action',
    rows: (demo) => demo.followUpActions,
    columns: [
      'id',
      'minutes_id',
      'home_id',
      'division_code',
      'position',
      'description',
      'owner_kind',
      'owner_id',
      'due_on',
      'status',
    ],
  },
];

/** True when deliberation already has sessions: a demo (or real data) is there. */
export async function isDeliberationDemoLoaded(orm: MikroORM): Promise<boolean> {
  return hasRows(orm, 'session');
}

/**
 * Inserts the demo in one transaction, table by table in foreign-key order, a few thousand rows
 * per statement (JSON expanded by json_populate_recordset on the server, not row-by-row ORM
 * inserts). The rows travel as a bound parameter, never spliced into the SQL text. Refuses to
 * load into a deliberation that already has sessions, so a second load cannot mix two demos.
 * Returns the rows inserted per table.
 *
 * The sessions name homes by id only: load the organization demo the sessions were generated
 * from into the organization's tables; its change feed brings the homes here.
 */
export async function loadDeliberationDemo(
  orm: MikroORM,
  demo: DeliberationDemo,
): Promise<Record<string, number>> {
  return bulkLoad(orm, demo, TABLES, {
    table: 'session',
    refusal: 'Deliberation already has sessions: the demo loads into an empty deliberation only.',
  });
}
