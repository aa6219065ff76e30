import type { MikroORM } from '@mikro-orm/postgresql';
import {
  copyTables,
  hasRows,
  withBulkLoad,
  type BulkLoadSession,
  type BulkProgress,
  type BulkTable,
} from '@cppcc/devkit';
import type { PetitionsDemo } from './rows';

/** The tables the demo fills, in foreign-key order, with the columns the demo sets. */
const TABLES: ReadonlyArray<BulkTable<PetitionsDemo>> = [
  // The sessions and demands the cases link to, as the feeds would have brought them.
  {
    table: 'session_projection',
    rows: (demo) => demo.sessions,
    columns: ['id', 'division_code', 'kind', 'status', 'version'],
  },
  {
    table: 'demand_projection',
    rows: (demo) => demo.demands,
    columns: ['id', 'division_code', 'is_petition'],
  },
  {
    table: 'petition_case',
    rows: (demo) => demo.cases,
    columns: [
      'id',
      'number',
      'subject',
      'petitioners',
      'division_code',
      'status',
      'registered_on',
      'handling_department_id',
      'accepted_on',
      'opinion_due_on',
      'opinion',
      'handled_on',
      'review_reason',
      'review_requested_on',
      'review_opinion',
      'reviewed_on',
      'closed_on',
      'demand_ids',
      'session_ids',
      'version',
    ],
  },
  {
    table: 'petition_case_event',
    // In order of time, so ids follow the order the steps were taken in.
    rows: (demo) => [...demo.events].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)),
    columns: [
      'case_id',
      'step',
      'from_status',
      'to_status',
      'at',
      'by_subject',
      'by_department_id',
      'detail',
    ],
  },
];

/** What a petitions demo load refuses: a petitions service that already has cases. */
export const PETITIONS_DEMO_GUARD = {
  table: 'petition_case',
  refusal: 'Petitions already has cases: the demo loads into an empty service only.',
};

/** True when petitions already has cases: a demo (or real data) is there. */
export function isPetitionsDemoLoaded(orm: MikroORM): Promise<boolean> {
  return hasRows(orm, 'petition_case');
}

/** Copies the demo's cases into an open bulk load, and moves the case numbers past them. */
export async function copyPetitionsDemo(
  session: BulkLoadSession,
  demo: PetitionsDemo,
): Promise<Record<string, number>> {
  return copyTables(session, demo, TABLES);
}

/**
 * Loads the petitions demo in one transaction (see `withBulkLoad`); refuses when petitions
 * already has cases. Then the numbers the service gives continue after the demo's. The cases
 * name demands, sessions and departments by id only: load the demos they were generated from.
 */
export async function loadPetitionsDemo(
  orm: MikroORM,
  demo: PetitionsDemo,
  onProgress?: BulkProgress,
): Promise<Record<string, number>> {
  const counts = await withBulkLoad(
    orm,
    PETITIONS_DEMO_GUARD,
    (session) => copyPetitionsDemo(session, demo),
    onProgress,
  );
  if (demo.cases.length) {
    await orm.em
      .getConnection()
      .execute(`select setval('petition_case_number', ?)`, [demo.cases.length]);
  }
  return counts;
}
