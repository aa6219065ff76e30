import { countQueries, startTestSubgraph, type TestSubgraph } from '@cppcc/toolkit/testing';
import { generateOrganizationDemo, type OrganizationDemo } from './generator';
import { loadOrganizationDemo } from './loader';
import { organizationSubgraph } from '@cppcc/organization';

/**
 * A division's homes in figures (the organization's part of the cross-county view), against the
 * demo's rows and against each home's own `compliance`.
 */
let graph: TestSubgraph;
let demo: OrganizationDemo;
beforeAll(async () => {
  graph = await startTestSubgraph(organizationSubgraph, 'home_stats');
  demo = generateOrganizationDemo({ seed: 5, scale: 0.1 });
  await loadOrganizationDemo(graph.orm, demo);
});
afterAll(() => graph?.stop());

const STATS = 'homeStats { homes activeHomes pilotHomes compliantHomes membersServing }';

/** The figures of a division computed from the demo's rows, as the field describes them. */
function expectedUnder(code: string) {
  const homes = demo.homes.filter((home) => home.division_code.startsWith(code));
  const ids = new Set(homes.map((home) => home.id));
  const serving = demo.homeMemberships.filter((row) => ids.has(row.home_id) && row.until === null);
  const compliant = homes.filter((home) => {
    const mine = serving.filter((row) => row.home_id === home.id);
    return mine.length >= 3 && mine.filter((row) => row.role === 'LEADER').length === 1;
  });
  return {
    homes: homes.length,
    activeHomes: homes.filter((home) => home.status !== 'SUSPENDED').length,
    pilotHomes: homes.filter((home) => home.pilot_cohort_year !== null).length,
    compliantHomes: compliant.length,
    membersServing: new Set(serving.map((row) => row.member_id)).size,
  };
}

describe('a division’s homes in figures', () => {
  it('gives each county of the city its homes, active, pilot and staffed homes and members serving', async () => {
    const data = await graph.query(
      `{ division(code: "3207") { ${STATS} children(first: 20) { edges { node { code ${STATS} } } } } }`,
    );
    const counties = data.division.children.edges.map((edge: any) => edge.node);
    expect(counties).toHaveLength(7);
    for (const county of counties) {
      expect({ code: county.code, ...county.homeStats }).toEqual({
        code: county.code,
        ...expectedUnder(county.code),
      });
    }
    expect(data.division.homeStats).toEqual(expectedUnder('3207'));
    // The demo has something to count in every column, so a figure stuck at zero fails here.
    const total = data.division.homeStats;
    expect(total.pilotHomes).toBeGreaterThan(0);
    expect(total.compliantHomes).toBeGreaterThan(0);
    expect(total.compliantHomes).toBeLessThan(total.homes);
    expect(total.activeHomes).toBeLessThan(total.homes);
  });

  it('counts as compliant exactly the homes whose own compliance says so', async () => {
    const data = await graph.query(
      `{ division(code: "320706") { homeStats { homes compliantHomes } homes(first: 100) { totalCount edges { node { compliance { compliant } } } } } }`,
    );
    const homes = data.division.homes.edges.map((edge: any) => edge.node);
    expect(homes).toHaveLength(data.division.homes.totalCount);
    expect(data.division.homeStats.homes).toBe(homes.length);
    expect(data.division.homeStats.compliantHomes).toBe(
      homes.filter((home: any) => home.compliance.compliant).length,
    );
  });

  it('answers 2 divisions or 7 with the same statements, through _entities as the gateway asks', async () => {
    const ask = async (codes: string[]) => {
      const counter = countQueries(graph.orm);
      const data = await graph.query(
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Division { code ${STATS} } } }`,
        { r: codes.map((code) => ({ __typename: 'Division', code })) },
      );
      counter.stop();
      expect(data._entities.map((division: any) => division.homeStats)).toEqual(
        codes.map(expectedUnder),
      );
      return counter.count;
    };
    const counties = demo.counties.map((county) => county.code);
    const two = await ask(counties.slice(0, 2));
    const seven = await ask(counties);
    expect(counties).toHaveLength(7);
    expect(seven).toBe(two);
    // The division itself and its figures.
    expect(seven).toBeLessThanOrEqual(2);
  });

  it('shows a county caller nothing of the other counties: their figures are zeros', async () => {
    const haizhou = graph.as({
      subject: 'test:haizhou',
      level: 'COUNTY',
      division: '320706',
      roles: ['STAFF'],
      surface: 'county',
    });
    const data = await haizhou.query(
      `{ division(code: "3207") { ${STATS} children(first: 20) { edges { node { code ${STATS} } } } } }`,
    );
    const none = {
      homes: 0,
      activeHomes: 0,
      pilotHomes: 0,
      compliantHomes: 0,
      membersServing: 0,
    };
    for (const { node } of data.division.children.edges) {
      expect(node.homeStats).toEqual(node.code === '320706' ? expectedUnder('320706') : none);
    }
    expect(expectedUnder('320706').homes).toBeGreaterThan(0);
    // The city as a whole, to 海州区, is 海州区.
    expect(data.division.homeStats).toEqual(expectedUnder('320706'));
  });
});
