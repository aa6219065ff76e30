import { randomUUID } from 'node:crypto';
import { countQueries, startTestSubgraph, type TestSubgraph } from '@cppcc/toolkit/testing';
import { deliberationSubgraph } from '../subgraph';

/**
 * A division's consultation activity in figures (deliberation's part of the cross-county view):
 * held sessions, cross-county ones, open follow-up actions, and the quarter's cadence as the
 * cadence report counts it.
 */
let graph: TestSubgraph;
const homes = {
  met: randomUUID(), // 海州区 朐阳街道: held two sessions in 2026 Q3, one across county lines
  missed: randomUUID(), // 海州区 朐阳街道: held only in Q2
  late: randomUUID(), // 海州区 新海街道: established in Q3's last weeks, not yet required
  suspended: randomUUID(), // 海州区 新海街道: suspended, not required
  guannan: randomUUID(), // 灌南县: held one in Q3
};
const COUNTIES = ['320703', '320706', '320707', '320722', '320723', '320724', '320771'];

async function insertSession(
  home: string,
  division: string,
  heldAt: string,
  options: { status?: string; involved?: string[]; actions?: string[] } = {},
) {
  const connection = graph.orm.em.getConnection();
  const id = randomUUID();
  const status = options.status ?? 'HELD';
  await connection.execute(
    `insert into session (id, home_id, division_code, title, kind, status, scheduled_at, held_at, involved_divisions)
     values (?, ?, ?, '议事', 'FORUM', ?, ?, ?, ?::text[])`,
    [
      id,
      home,
      division,
      status,
      heldAt,
      status === 'HELD' ? heldAt : null,
      `{${(options.involved ?? []).join(',')}}`,
    ],
  );
  if (options.actions) {
    const minutes = randomUUID();
    await connection.execute(
      `insert into minutes (id, session_id, home_id, division_code, summary, status) values (?, ?, ?, ?, '纪要', 'APPROVED')`,
      [minutes, id, home, division],
    );
    for (const [position, actionStatus] of options.actions.entries()) {
      await connection.execute(
        `insert into follow_up_action (id, minutes_id, home_id, division_code, position, description, owner_kind, owner_id, due_on, status)
         values (?, ?, ?, ?, ?, '跟进', 'MEMBER', ?, '2026-12-31', ?)`,
        [randomUUID(), minutes, home, division, position, randomUUID(), actionStatus],
      );
    }
  }
}

beforeAll(async () => {
  graph = await startTestSubgraph(deliberationSubgraph, 'session_stats');
  const connection = graph.orm.em.getConnection();
  for (const [id, division, status, established] of [
    [homes.met, '320706001', 'ACTIVE', '2020-05-01'],
    [homes.missed, '320706001001', 'ACTIVE', '2020-05-01'],
    [homes.late, '320706006', 'ACTIVE', '2026-09-10'],
    [homes.suspended, '320706006', 'SUSPENDED', '2020-05-01'],
    [homes.guannan, '320724100', 'PILOT', '2020-05-01'],
  ]) {
    await connection.execute(
      `insert into home_projection (id, division_code, status, kind, name, version, established_on) values (?, ?, ?, 'CITIZEN', '之家', 1, ?)`,
      [id, division, status, established],
    );
  }
  await insertSession(homes.met, '320706001', '2026-08-20T09:00:00+08:00', {
    involved: ['320724100'], // 灌南县: across county lines
    actions: ['OPEN', 'OPEN', 'DONE'],
  });
  await insertSession(homes.met, '320706001', '2026-09-30T23:30:00+08:00', {
    involved: ['320706006'], // the same county
    actions: ['DROPPED'],
  });
  await insertSession(homes.met, '320706001', '2026-09-15T09:00:00+08:00', { status: 'PLANNED' });
  await insertSession(homes.missed, '320706001001', '2026-06-30T20:00:00+08:00', {
    actions: ['OPEN'],
  });
  await insertSession(homes.guannan, '320724100', '2026-08-01T09:00:00+08:00', {
    involved: ['3207'], // the city as a whole
    actions: ['OPEN'],
  });
});
afterAll(() => graph?.stop());

const FIGURES =
  'held homesRequired homesCompliant complianceRate crossCountySessions openFollowUpActions';
const NOTHING = {
  held: 0,
  homesRequired: 0,
  homesCompliant: 0,
  complianceRate: null,
  crossCountySessions: 0,
  openFollowUpActions: 0,
};

/** Divisions' sessionStats as the gateway asks them, through _entities. */
async function statsOf(codes: string[], args: string, client: Pick<TestSubgraph, 'query'> = graph) {
  const data = await client.query(
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on Division { code sessionStats(${args}) { ${FIGURES} } } } }`,
    { r: codes.map((code) => ({ __typename: 'Division', code })) },
  );
  return Object.fromEntries(
    data._entities.map((division: any) => [division.code, division.sessionStats]),
  );
}

describe('a division’s consultation activity in figures', () => {
  it('counts a quarter per county: held, against the cadence, across counties, actions still open', async () => {
    const stats = await statsOf(COUNTIES, 'year: 2026, quarter: 3');
    expect(stats['320706']).toEqual({
      held: 2,
      homesRequired: 2, // met and missed; late and suspended are not required
      homesCompliant: 1,
      complianceRate: 0.5,
      crossCountySessions: 1,
      openFollowUpActions: 2,
    });
    expect(stats['320724']).toEqual({
      held: 1,
      homesRequired: 1,
      homesCompliant: 1,
      complianceRate: 1,
      crossCountySessions: 1,
      openFollowUpActions: 1,
    });
    expect(stats['320703']).toEqual(NOTHING);
  });

  it('agrees with the cadence report on the homes required and compliant', async () => {
    const { cadenceReport } = await graph.query(
      `{ cadenceReport(divisionCode: "320706", year: 2026, quarter: 3) { children { division { code } required compliant } } }`,
    );
    const townships = cadenceReport.children.map((row: any) => row.division.code);
    const stats = await statsOf(townships, 'year: 2026, quarter: 3');
    for (const row of cadenceReport.children) {
      expect(stats[row.division.code]).toMatchObject({
        homesRequired: row.required,
        homesCompliant: row.compliant,
      });
    }
    expect(townships).toEqual(expect.arrayContaining(['320706001', '320706006']));
  });

  it('over a range of days or a year counts sessions but leaves the quarter’s cadence out', async () => {
    const range = await statsOf(['320706'], 'from: "2026-06-30", to: "2026-08-20"');
    expect(range['320706']).toEqual({
      held: 2, // 30 June 20:00 and 20 August 09:00, both days included
      homesRequired: null,
      homesCompliant: null,
      complianceRate: null,
      crossCountySessions: 1,
      openFollowUpActions: 3,
    });
    const year = await statsOf(['3207'], 'year: 2026');
    expect(year['3207']).toMatchObject({ held: 4, crossCountySessions: 2, homesRequired: null });
  });

  it('refuses a quarter without a year, and a year with a range', async () => {
    for (const args of ['quarter: 3', 'year: 2026, from: "2026-01-01", to: "2026-02-01"']) {
      const response = await graph.send(
        `{ _entities(representations: [{ __typename: "Division", code: "320706" }]) { ... on Division { sessionStats(${args}) { held } } } }`,
      );
      expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('answers 2 divisions or 7 with the same statements', async () => {
    const count = async (codes: string[]) => {
      const counter = countQueries(graph.orm);
      await statsOf(codes, 'year: 2026, quarter: 3');
      counter.stop();
      return counter.count;
    };
    const two = await count(COUNTIES.slice(0, 2));
    const seven = await count(COUNTIES);
    expect(seven).toBe(two);
    expect(seven).toBe(1);
  });

  it('shows a county caller nothing of another county: zeros there', async () => {
    const guannan = graph.as({
      subject: 'test:guannan',
      level: 'COUNTY',
      division: '320724',
      roles: ['STAFF'],
      surface: 'county',
    });
    const stats = await statsOf(['320706', '320724', '3207'], 'year: 2026, quarter: 3', guannan);
    expect(stats['320706']).toEqual(NOTHING);
    expect(stats['320724']).toMatchObject({ held: 1, homesRequired: 1, openFollowUpActions: 1 });
    expect(stats['3207']).toEqual(stats['320724']);
  });
});
