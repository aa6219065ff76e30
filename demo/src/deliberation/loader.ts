import type { MikroORM } from '@mikro-orm/postgresql';
import {
  bulkLoad,
  copyTables,
  hasRows,
  type BulkLoadSession,
  type BulkProgress,
  type BulkTable,
} from '@cppcc/devkit';
import type { DeliberationDemo } from './generator';

/**
 * The tables the demo fills, in foreign-key order, with the columns the demo sets. Listing the
 * columns lets session_event's id and idempotency_key take their defaults.
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
 * Inserts the demo in one transaction, table by table in foreign-key order, by COPY (toolkit
 * `bulkLoad`), not row-by-row ORM inserts. Refuses to load into a deliberation that already has
 * sessions, so a second load cannot mix two demos. Returns the rows inserted per table.
 *
 * The sessions name homes by id only: load the organization demo the sessions were generated
 * from into the organization's tables; its change feed brings the homes here.
 */
export async function loadDeliberationDemo(
  orm: MikroORM,
  demo: DeliberationDemo,
  onProgress?: BulkProgress,
): Promise<Record<string, number>> {
  return bulkLoad(orm, demo, TABLES, DELIBERATION_DEMO_GUARD, onProgress);
}

/** What a deliberation demo load refuses: a deliberation that already has sessions. */
export const DELIBERATION_DEMO_GUARD = {
  table: 'session',
  refusal: 'Deliberation already has sessions: the demo loads into an empty deliberation only.',
};

/** Copies a part of the demo (a city's, for the province) into an open bulk load. */
export function copyDeliberationDemo(
  session: BulkLoadSession,
  demo: DeliberationDemo,
): Promise<Record<string, number>> {
  return copyTables(session, demo, TABLES);
}
