import { HomeStatus, organizationSubgraph } from '@cppcc/organization';
import { createLogger } from '@cppcc/toolkit';
import { followHomes } from '@cppcc/organization-feed';
import { quarterBounds } from '@cppcc/reporting';
import {
  CITY_STAFF,
  TEST_INTERNAL_AUTH_SECRET,
  startTestSubgraph,
  type CallerClient,
  type TestSubgraph,
} from '@cppcc/toolkit/testing';
import { GRACE_DAYS_FOR_NEW_HOMES, SessionStatus, deliberationSubgraph } from '@cppcc/deliberation';
import { generateOrganizationDemo, type OrganizationDemo } from '../organization/generator';
import { loadOrganizationDemo } from '../organization/loader';
import {
  deliberationDemoRowCounts,
  generateDeliberationDemo,
  type DeliberationDemo,
} from './generator';
import { isDeliberationDemoLoaded, loadDeliberationDemo } from './loader';
import { dateOf, dayOf } from '../calendar';

/**
 * The demo as `npm start` loads it: the organization's homes into the organization subgraph, the
 * sessions into this one, the homes brought here by the organization's change feed; then the
 * cadence report of 海州区 must name exactly the homes the generated data left without a session.
 */
const TODAY = '2026-11-27';
let organization: TestSubgraph;
let graph: TestSubgraph;
let haizhou: CallerClient;
let organizationDemo: OrganizationDemo;
let demo: DeliberationDemo;

beforeAll(async () => {
  organization = await startTestSubgraph(organizationSubgraph, 'deliberation_demo_organization');
  organizationDemo = generateOrganizationDemo({ seed: 11, scale: 0.1 });
  await loadOrganizationDemo(organization.orm, organizationDemo);
  // Alone, this subgraph's own followers find nobody (startTestSubgraph points them nowhere); the
  // test follows the organization's home feed itself, so it knows when the projection caught up.
  graph = await startTestSubgraph(deliberationSubgraph, 'deliberation_demo');
  demo = generateDeliberationDemo(organizationDemo, { today: TODAY });
  haizhou = graph.as({
    ...CITY_STAFF,
    subject: 'test:haizhou',
    level: 'COUNTY',
    division: '320706',
    surface: 'county',
  });
});
afterAll(async () => {
  await graph?.stop();
  await organization?.stop();
});

/** Rows per table as the database counts them. */
async function countRows(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of Object.keys(deliberationDemoRowCounts(demo))) {
    const [row] = await graph.orm.em
      .getConnection()
      .execute<Array<{ n: number }>>(`select count(*)::int as n from ${table}`);
    counts[table] = row.n;
  }
  return counts;
}

/**
 * What the cadence report must say of a county's quarter, from the generated rows and the
 * report's rule: a home is required to meet unless it is suspended or was established in the
 * quarter's last 45 days; it missed when it was required and held nothing.
 */
function expectedCadence(county: string, year: number, quarter: number) {
  const { from, to } = quarterBounds(year, quarter);
  const lastEstablished = dateOf(dayOf(to.slice(0, 10)) - GRACE_DAYS_FOR_NEW_HOMES);
  const held = new Map<string, number>();
  for (const session of demo.sessions) {
    if (session.status !== SessionStatus.HELD) continue;
    const at = Date.parse(session.held_at!);
    if (at >= Date.parse(from) && at < Date.parse(to))
      held.set(session.home_id, (held.get(session.home_id) ?? 0) + 1);
  }
  const homes = organizationDemo.homes.filter((home) => home.division_code.startsWith(county));
  const missed = homes
    .filter(
      (home) =>
        home.status !== HomeStatus.SUSPENDED &&
        home.established_on <= lastEstablished &&
        !held.has(home.id),
    )
    .map((home) => home.id)
    .sort();
  return { held, homes, missed };
}

describe('the deliberation demo in a fresh database', () => {
  it('starts from a deliberation without sessions', async () => {
    expect(await isDeliberationDemoLoaded(graph.orm)).toBe(false);
  });

  it('inserts every row the generator made, within the schema’s constraints, in a few seconds', async () => {
    const started = Date.now();
    const inserted = await loadDeliberationDemo(graph.orm, demo);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(inserted).toEqual(deliberationDemoRowCounts(demo));
    expect(await countRows()).toEqual(deliberationDemoRowCounts(demo));
    expect(await isDeliberationDemoLoaded(graph.orm)).toBe(true);
  });

  it('keeps arrays, timestamps and history as generated, and lets the defaults fill the rest', async () => {
    const session = demo.sessions.find((s) => s.involved_divisions.length > 0)!;
    const [row] = await graph.orm.em.getConnection().execute<Array<Record<string, any>>>(
      `select involved_divisions, department_ids, held_at, idempotency_key,
              (select count(*)::int from session_event e where e.session_id = s.id) as steps,
              (select bool_and(demand_ids = '{}') from agenda_item a where a.session_id = s.id) as no_demands
       from session s where id = ?`,
      [session.id],
    );
    expect(row.involved_divisions).toEqual(session.involved_divisions);
    expect(row.department_ids).toEqual(session.department_ids);
    expect(new Date(row.held_at).toISOString()).toBe(session.held_at);
    expect(row.idempotency_key).toBeNull();
    expect(row.steps).toBe(session.version);
    expect(row.no_demands).toBe(true);
  });

  it('refuses a second load and leaves the first one as it was', async () => {
    await expect(
      loadDeliberationDemo(
        graph.orm,
        generateDeliberationDemo(organizationDemo, { seed: 12, today: TODAY }),
      ),
    ).rejects.toThrow(/already has sessions/);
    expect(await countRows()).toEqual(deliberationDemoRowCounts(demo));
  });

  it('names in 海州区’s cadence report exactly the homes the demo left without a session that quarter', async () => {
    // The homes reach this subgraph by the organization's feed, as in the running system.
    const follower = followHomes(
      graph.orm,
      {
        databaseUrl: graph.database.url,
        internalAuthSecret: TEST_INTERNAL_AUTH_SECRET,
        port: 0,
        logger: createLogger('deliberation', 'silent'),
        organizationUrl: `${organization.url}`,
      },
      {
        consumer: 'deliberation',
        recordTables: ['session', 'minutes', 'follow_up_action', 'agenda_item', 'attendance'],
      },
    );
    await follower.catchUp();
    await follower.stop();

    // The complete quarter in which the most homes of 海州区 missed: the sharpest test.
    const quarters: Array<[number, number]> = [];
    for (let year = 2020; year <= 2026; year++)
      for (let quarter = 1; quarter <= 4; quarter++)
        if (year < 2026 || quarter < 4) quarters.push([year, quarter]);
    const [year, quarter] = quarters.reduce((best, candidate) =>
      expectedCadence('320706', ...candidate).missed.length >
      expectedCadence('320706', ...best).missed.length
        ? candidate
        : best,
    );
    const expected = expectedCadence('320706', year, quarter);
    expect(expected.missed.length).toBeGreaterThan(0);

    const { cadenceReport } = await haizhou.query(
      `query($year: Int!, $quarter: Int!) { cadenceReport(divisionCode: "320706", year: $year, quarter: $quarter) {
        homes { home { id } held required compliant } total { homes required compliant } } }`,
      { year, quarter },
    );
    const missed = cadenceReport.homes
      .filter((row: any) => !row.compliant)
      .map((row: any) => row.home.id)
      .sort();
    expect(missed).toEqual(expected.missed);
    expect(cadenceReport.total.homes).toBe(expected.homes.length);
    for (const row of cadenceReport.homes)
      expect({ home: row.home.id, held: row.held }).toEqual({
        home: row.home.id,
        held: expected.held.get(row.home.id) ?? 0,
      });
  });
});
