import { migrate, openDatabase, type Orm } from '@cppcc/toolkit';
import { createTestDatabase, type TestDatabase } from '@cppcc/toolkit/testing';
import { organizationDatabase } from '@cppcc/organization';
import { demoRowCounts, generateOrganizationDemo, type OrganizationDemo } from './generator';
import { isOrganizationDemoLoaded, loadOrganizationDemo } from './loader';

let database: TestDatabase;
let orm: Orm;
let demo: OrganizationDemo;
beforeAll(async () => {
  database = await createTestDatabase('organization_demo');
  orm = await openDatabase(organizationDatabase, database.url);
  await migrate(orm);
  demo = generateOrganizationDemo({ seed: 11, scale: 0.1 });
});
afterAll(async () => {
  await orm?.close(true);
  await database?.drop();
});

/** The demo's tables that hold reference data too (the migration's 连云港): not counted here. */
const REFERENCE_TABLES = ['division', 'committee'];

/** The demo's own rows per table, as the generator counts them. */
function demoCounts(of: OrganizationDemo): Record<string, number> {
  return Object.fromEntries(
    Object.entries(demoRowCounts(of)).filter(([table]) => !REFERENCE_TABLES.includes(table)),
  );
}

/** Rows per table as the database counts them. */
async function countRows(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of Object.keys(demoCounts(demo))) {
    const [row] = await orm.em
      .getConnection()
      .execute<Array<{ n: number }>>(`select count(*)::int as n from ${table}`);
    counts[table] = row.n;
  }
  return counts;
}

describe('loading the demo of 连云港市 into a fresh organization database', () => {
  it('starts from an organization without homes', async () => {
    expect(await isOrganizationDemoLoaded(orm)).toBe(false);
  });

  it('inserts every row the generator made, table by table, within the schema’s constraints', async () => {
    const inserted = await loadOrganizationDemo(orm, demo);
    expect(inserted).toEqual(demoRowCounts(demo));
    expect(await countRows()).toEqual(demoCounts(demo));
    expect(await isOrganizationDemoLoaded(orm)).toBe(true);
  });

  it('lets the defaults fill version and timestamps, and keeps dates and arrays as generated', async () => {
    const connection = orm.em.getConnection();
    const [home] = await connection.execute<Array<Record<string, unknown>>>(
      `select version, created_at is not null as stamped, established_on::text as established_on
       from home where id = ?`,
      [demo.homes[0].id],
    );
    expect(home.version).toBe(1);
    expect(home.stamped).toBe(true);
    expect(home.established_on).toBe(demo.homes[0].established_on);
    const [department] = await connection.execute<Array<{ policy_areas: string[] }>>(
      `select policy_areas from department where id = ?`,
      [demo.departments[0].id],
    );
    expect(department.policy_areas).toEqual(demo.departments[0].policy_areas);
  });

  it('joins members to the reference committees of their counties and of the city', async () => {
    const [row] = await orm.em.getConnection().execute<Array<{ orphans: number; city: number }>>(
      `select count(*) filter (where c.id is null)::int as orphans,
              count(*) filter (where c.division_code = '3207')::int as city
       from committee_membership m left join committee c on c.id = m.committee_id`,
    );
    expect(row.orphans).toBe(0);
    expect(row.city).toBeGreaterThan(0);
  });

  it('refuses a second load and leaves the first one as it was', async () => {
    await expect(
      loadOrganizationDemo(orm, generateOrganizationDemo({ seed: 12, scale: 0.1 })),
    ).rejects.toThrow(/already has homes/);
    expect(await countRows()).toEqual(demoCounts(demo));
  });
});
