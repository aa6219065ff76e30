import type { MikroORM } from '@mikro-orm/postgresql';
import { bulkLoad, hasRows, type BulkProgress, type BulkTable } from '@cppcc/devkit';
import type { OrganizationDemo } from './generator';

/**
 * The tables the demo fills, in foreign-key order, with the columns the demo sets. Listing the
 * columns lets version, created_at and updated_at take their defaults.
 */
const TABLES: ReadonlyArray<BulkTable<OrganizationDemo>> = [
  // Other cities of the province (empty for 连云港, which the reference data migration loads).
  {
    table: 'division',
    rows: (demo) => demo.divisions,
    columns: ['code', 'name', 'level', 'kind', 'parent_code'],
  },
  {
    table: 'committee',
    rows: (demo) => demo.committees,
    columns: ['id', 'kind', 'name', 'division_code', 'parent_id', 'policy_areas'],
  },
  {
    table: 'department',
    rows: (demo) => demo.departments,
    columns: ['id', 'name', 'short_name', 'level', 'kind', 'division_code', 'policy_areas'],
  },
  {
    table: 'member',
    rows: (demo) => demo.members,
    columns: ['id', 'name', 'gender', 'sector', 'party', 'expertise', 'division_code', 'phone'],
  },
  {
    table: 'committee_membership',
    rows: (demo) => demo.committeeMemberships,
    columns: ['id', 'committee_id', 'member_id', 'term_start', 'term_end'],
  },
  {
    table: 'home',
    rows: (demo) => demo.homes,
    columns: [
      'id',
      'name',
      'kind',
      'status',
      'division_code',
      'established_on',
      'pilot_cohort_year',
    ],
  },
  {
    table: 'home_membership',
    rows: (demo) => demo.homeMemberships,
    columns: ['id', 'home_id', 'member_id', 'role', 'since', 'until'],
  },
  {
    table: 'participant',
    rows: (demo) => demo.participants,
    columns: ['id', 'name', 'kind', 'division_code', 'organisation', 'phone', 'id_number'],
  },
];

/** True when the organization already has homes: a demo (or real data) is there. */
export async function isOrganizationDemoLoaded(orm: MikroORM): Promise<boolean> {
  return hasRows(orm, 'home');
}

/**
 * Inserts the demo in one transaction, table by table in foreign-key order, by COPY (toolkit
 * `bulkLoad`), not row-by-row ORM inserts. Refuses to load into an organization that already has
 * homes, so a second load cannot mix two demos. Returns the rows inserted per table.
 */
export async function loadOrganizationDemo(
  orm: MikroORM,
  demo: OrganizationDemo,
  onProgress?: BulkProgress,
): Promise<Record<string, number>> {
  return bulkLoad(
    orm,
    demo,
    TABLES,
    {
      table: 'home',
      refusal:
        'The organization already has homes: the demo loads into an empty organization only.',
    },
    onProgress,
  );
}
