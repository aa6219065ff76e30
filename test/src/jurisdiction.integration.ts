import type { Surface } from '@cppcc/toolkit';
import type { ChannelsDemo } from '@cppcc/demo';
import { randomUUID } from 'node:crypto';
import { eventually } from '@cppcc/toolkit/testing';
import { ask, data, startStack, tokenFor, type Stack } from './support/stack';

/**
 * The leak matrix: every root field that reads records under a jurisdiction, asked by callers of
 * each level from inside and outside it, on every surface that offers the field. Nothing a
 * caller may not see appears; out of scope looks exactly like absent. Add a probe with each new
 * field (the surfaces test fails on a root field it does not know).
 */
interface World {
  homeDivision: Map<string, string>;
  memberDivision: Map<string, string>;
  servingInA: Set<string>;
  participantDivision: Map<string, string>;
  A: string;
  A2: string;
  G: string;
  haizhouMember: string;
  haizhouParticipant: string;
  sessionOfA: string;
  demandOfA: string;
  /** A demo record of the city CPPCC and one of 灌南县's, per kind (a random id when none). */
  records: Record<
    'proposal' | 'sentimentReport' | 'speech' | 'specialReport',
    { city: string; guannan: string }
  >;
}

interface CallerCase {
  name: string;
  surfaces: Surface[];
  token: string | null;
  seesHome(world: World, id: string): boolean;
  seesMember(world: World, id: string): boolean;
  seesParticipant(world: World, id: string): boolean;
  seesCounty(code: string): boolean;
  /** Whether it sees the proposals and reports of this CPPCC (3207, or a county's code). */
  seesCppcc(code: string): boolean;
}

let stack: Stack;
let world: World;
let city: string;
const callers: CallerCase[] = [];

const inCounty = (county: string) => ({
  seesHome: (w: World, id: string) => (w.homeDivision.get(id) ?? '').startsWith(county),
  seesMember: (w: World, id: string) => (w.memberDivision.get(id) ?? '').startsWith(county),
  seesParticipant: (w: World, id: string) =>
    (w.participantDivision.get(id) ?? '').startsWith(county),
  seesCounty: (code: string) => code === county,
  seesCppcc: (code: string) => code === county,
});

beforeAll(async () => {
  stack = await startStack('jurisdiction', { demo: true });
  city = await tokenFor({ level: 'CITY', division: '3207', roles: ['STAFF'] });
  const homes = async (county: string) =>
    (
      await data(
        stack,
        'city',
        city,
        `{ homes(first: 100, filter: { divisionCode: "${county}" }) { edges { node { id division { code } members { member { id } } } } } }`,
      )
    ).homes.edges.map((edge: any) => edge.node);
  const everyHome = (
    await data(
      stack,
      'city',
      city,
      `{ homes(first: 100) { totalCount edges { node { id division { code } } } } }`,
    )
  ).homes;
  const homeDivision = new Map<string, string>(
    everyHome.edges.map(({ node }: any) => [node.id, node.division.code]),
  );
  expect(everyHome.totalCount).toBe(homeDivision.size);
  const [a, a2] = await homes('320706');
  const [g] = await homes('320724');
  /** Every record of a list as the city sees it: id → division code. */
  const divisionsOfAll = async (field: 'members' | 'participants') => {
    const found = new Map<string, string>();
    let after: string | null = null;
    do {
      const page: any = (
        await data(
          stack,
          'city',
          city,
          `query($after: String) { ${field}(first: 100, after: $after) {
        pageInfo { hasNextPage endCursor } edges { node { id division { code } } } } }`,
          { after },
        )
      )[field];
      for (const { node } of page.edges) found.set(node.id, node.division.code);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    return found;
  };
  const memberDivision = await divisionsOfAll('members');
  const participantDivision = await divisionsOfAll('participants');

  const sessionOfA = randomUUID();
  const demandOfA = randomUUID();
  const connection = stack.subgraphs.deliberation.orm.em.getConnection();
  for (const [id, home] of [
    [sessionOfA, a],
    [randomUUID(), a2],
    [randomUUID(), g],
  ] as const) {
    await connection.execute(
      `insert into session (id, home_id, division_code, title, kind, status, scheduled_at, held_at)
       values (?, ?, ?, '协商议事会', 'COUNCIL', 'HELD', '2026-08-10T09:00:00+08:00', '2026-08-10T09:00:00+08:00')`,
      [id, home.id, home.division.code],
    );
  }
  for (const [id, home] of [
    [demandOfA, a],
    [randomUUID(), a2],
    [randomUUID(), g],
  ] as const) {
    await stack.subgraphs.channels.orm.em.getConnection().execute(
      `insert into demand (id, home_id, division_code, category, content, status, received_at)
       values (?, ?, ?, 'INFRASTRUCTURE', '修路', 'RECEIVED', '2026-07-20T10:00:00+08:00')`,
      [id, home.id, home.division.code],
    );
  }
  world = {
    homeDivision,
    memberDivision,
    participantDivision,
    servingInA: new Set(a.members.map((m: any) => m.member.id)),
    A: a.id,
    A2: a2.id,
    G: g.id,
    haizhouMember: [...memberDivision].find(([, code]) => code.startsWith('320706'))![0],
    haizhouParticipant: [...participantDivision].find(([, code]) => code.startsWith('320706'))![0],
    sessionOfA,
    demandOfA,
    records: recordsOf(stack.demo!.channels),
  };

  callers.push(
    {
      name: 'the city office',
      surfaces: ['city', 'county', 'home', 'public'],
      token: city,
      seesHome: () => true,
      seesMember: () => true,
      seesParticipant: () => true,
      seesCounty: () => true,
      seesCppcc: () => true,
    },
    {
      name: '海州区',
      surfaces: ['county', 'home', 'public'],
      token: await tokenFor({ level: 'COUNTY', division: '320706', roles: ['STAFF'] }),
      ...inCounty('320706'),
    },
    {
      name: '灌南县',
      surfaces: ['county', 'home', 'public'],
      token: await tokenFor({ level: 'COUNTY', division: '320724', roles: ['STAFF'] }),
      ...inCounty('320724'),
    },
    {
      name: 'a home of 海州区',
      surfaces: ['home', 'public'],
      token: await tokenFor({
        level: 'HOME',
        division: a.division.code,
        homeId: a.id,
        roles: ['HOME_LEADER'],
      }),
      seesHome: (w, id) => id === w.A,
      seesMember: (w, id) => w.servingInA.has(id),
      seesParticipant: (w, id) => (w.participantDivision.get(id) ?? '').startsWith(a.division.code),
      seesCounty: (code) => a.division.code.startsWith(code),
      // A home's caller works on its demands; proposals and reports are the offices'.
      seesCppcc: () => false,
    },
    {
      name: 'a department',
      surfaces: ['department', 'public'],
      token: await tokenFor({
        level: 'DEPARTMENT',
        division: '3207',
        departmentId: randomUUID(),
        roles: ['DEPARTMENT'],
      }),
      // Homes are public: a department sees them as the public does.
      seesHome: () => true,
      seesMember: () => false,
      seesParticipant: () => false,
      seesCounty: () => false,
      // A department that nothing was assigned or forwarded to.
      seesCppcc: () => false,
    },
  );
});
afterAll(() => stack?.stop());

/** One demo record per kind of the city CPPCC and one of 灌南县's, to ask for by id. */
function recordsOf(demo: ChannelsDemo): World['records'] {
  const pick = (rows: Array<{ id: string; division_code: string }>) => ({
    city: rows.find((row) => row.division_code === '3207')?.id ?? randomUUID(),
    guannan: rows.find((row) => row.division_code === '320724')?.id ?? randomUUID(),
  });
  return {
    proposal: pick(demo.proposals),
    sentimentReport: pick(demo.sentimentReports),
    speech: pick(demo.speeches),
    specialReport: pick(demo.specialReports),
  };
}

/** Demands of the demo data under a division code, or of one home. */
const demoDemands = (divisionOrHome: string) =>
  stack.demo!.channels.demands.filter(
    (demand) =>
      demand.home_id === divisionOrHome || demand.division_code.startsWith(divisionOrHome),
  ).length;

/** Sessions of the demo data under a division code, or of one home. */
const demoSessions = (divisionOrHome: string) =>
  stack.demo!.deliberation.sessions.filter(
    (session) =>
      session.home_id === divisionOrHome || session.division_code.startsWith(divisionOrHome),
  ).length;

type Seen = {
  homes?: string[];
  members?: string[];
  participants?: string[];
  counties?: string[];
  cppccs?: string[];
};

/** One probe per root field that reads records under a jurisdiction: what its answer reveals. */
const PROBES: Array<{
  field: string;
  query: (w: World) => string;
  reveals: (answer: any) => Seen;
}> = [
  {
    field: 'home',
    query: (w) => `{ a: home(id: "${w.A}") { id } g: home(id: "${w.G}") { id } }`,
    reveals: (d) => ({ homes: [d.a?.id, d.g?.id].filter(Boolean) }),
  },
  {
    field: 'homes',
    query: () => `{ homes(first: 100) { edges { node { id } } } }`,
    reveals: (d) => ({ homes: d.homes.edges.map((e: any) => e.node.id) }),
  },
  {
    field: 'division',
    query: () =>
      `{ haizhou: division(code: "320706") { homes(first: 100) { edges { node { id } } } } guannan: division(code: "320724") { homes(first: 100) { edges { node { id } } } } }`,
    reveals: (d) => ({
      homes: [...d.haizhou.homes.edges, ...d.guannan.homes.edges].map((e: any) => e.node.id),
    }),
  },
  {
    field: 'pilotRollout',
    query: () => `{ pilotRollout(cohortYear: 2019) { county { code } pilotHomes } }`,
    reveals: (d) => ({
      counties: d.pilotRollout.filter((r: any) => r.pilotHomes > 0).map((r: any) => r.county.code),
    }),
  },
  {
    field: 'cadenceReport',
    query: () =>
      `{ cadenceReport(divisionCode: "3207", year: 2026, quarter: 3) { homes { home { id } } } }`,
    reveals: (d) => ({ homes: d.cadenceReport.homes.map((row: any) => row.home.id) }),
  },
  {
    field: 'member',
    query: (w) => `{ member(id: "${w.haizhouMember}") { id } }`,
    reveals: (d) => ({ members: [d.member?.id].filter(Boolean) }),
  },
  {
    field: 'members',
    query: () => `{ members(first: 100) { edges { node { id } } } }`,
    reveals: (d) => ({ members: d.members.edges.map((e: any) => e.node.id) }),
  },
  {
    field: 'participant',
    query: (w) => `{ participant(id: "${w.haizhouParticipant}") { id } }`,
    reveals: (d) => ({ participants: [d.participant?.id].filter(Boolean) }),
  },
  {
    field: 'participants',
    query: () => `{ participants(first: 100) { edges { node { id } } } }`,
    reveals: (d) => ({ participants: d.participants.edges.map((e: any) => e.node.id) }),
  },
  {
    field: 'session',
    query: (w) => `{ session(id: "${w.sessionOfA}") { home { id } } }`,
    reveals: (d) => ({ homes: [d.session?.home.id].filter(Boolean) }),
  },
  {
    field: 'sessions',
    query: () => `{ sessions(first: 100) { edges { node { home { id } } } } }`,
    reveals: (d) => ({ homes: d.sessions.edges.map((e: any) => e.node.home.id) }),
  },
  {
    field: 'demand',
    query: (w) => `{ demand(id: "${w.demandOfA}") { home { id } } }`,
    reveals: (d) => ({ homes: [d.demand?.home.id].filter(Boolean) }),
  },
  {
    field: 'demands',
    query: () => `{ demands(first: 100) { edges { node { home { id } } } } }`,
    reveals: (d) => ({ homes: d.demands.edges.map((e: any) => e.node.home.id) }),
  },
  ...(['proposals', 'sentimentReports', 'speeches', 'specialReports'] as const).map((field) => ({
    field,
    query: () => `{ ${field}(first: 100) { edges { node { division { code } } } } }`,
    reveals: (d: any) => ({ cppccs: d[field].edges.map((e: any) => e.node.division.code) }),
  })),
  ...(['proposal', 'sentimentReport', 'speech', 'specialReport'] as const).map((field) => ({
    field,
    query: (w: World) =>
      `{ city: ${field}(id: "${w.records[field].city}") { division { code } } county: ${field}(id: "${w.records[field].guannan}") { division { code } } }`,
    reveals: (d: any) => ({
      cppccs: [d.city?.division.code, d.county?.division.code].filter(Boolean),
    }),
  })),
  {
    field: 'proposalReport',
    query: () => `{ proposalReport(groupBy: [COUNTY]) { rows { county { code } count } } }`,
    // A row without a county holds the city CPPCC's proposals.
    reveals: (d) => ({
      cppccs: d.proposalReport.rows
        .filter((row: any) => row.count > 0)
        .map((row: any) => row.county?.code ?? '3207'),
    }),
  },
  {
    field: 'demandReport',
    query: () =>
      `{ demandReport(groupBy: [COUNTY, TOWNSHIP]) { rows { county { code } township { code } } } }`,
    reveals: (d) => ({
      counties: d.demandReport.rows.flatMap((row: any) => [
        row.county.code,
        row.township.code.slice(0, 6),
      ]),
    }),
  },
  {
    field: 'petitionCases',
    query: () => `{ petitionCases(first: 100) { edges { node { division { code } } } } }`,
    reveals: (d) => ({
      counties: d.petitionCases.edges.map((e: any) => e.node.division.code.slice(0, 6)),
    }),
  },
  {
    field: 'sessionReport',
    query: () =>
      `{ sessionReport(groupBy: [COUNTY, HOME]) { rows { county { code } home { id } } } }`,
    reveals: (d) => ({
      counties: d.sessionReport.rows.map((row: any) => row.county.code),
      homes: d.sessionReport.rows.map((row: any) => row.home.id),
    }),
  },
];

describe('jurisdiction, read', () => {
  it('shows each caller only what lies in its jurisdiction, on every surface and root field', async () => {
    const leaks: string[] = [];
    let checked = 0;
    for (const caller of callers) {
      for (const surface of caller.surfaces) {
        for (const probe of PROBES) {
          const response = await ask(
            stack,
            surface,
            surface === 'public' ? null : caller.token,
            probe.query(world),
          );
          if (response.errors?.[0]?.extensions?.code === 'GRAPHQL_VALIDATION_FAILED') continue; // not on this surface
          expect(response.errors).toBeUndefined();
          checked += 1;
          const seen = probe.reveals(response.data);
          const publicCaller = surface === 'public';
          for (const id of seen.homes ?? [])
            if (!publicCaller && !caller.seesHome(world, id))
              leaks.push(`${caller.name} on ${surface}: ${probe.field} shows home ${id}`);
          for (const id of seen.members ?? [])
            if (publicCaller || !caller.seesMember(world, id))
              leaks.push(`${caller.name} on ${surface}: ${probe.field} shows member ${id}`);
          for (const id of seen.participants ?? [])
            if (publicCaller || !caller.seesParticipant(world, id))
              leaks.push(`${caller.name} on ${surface}: ${probe.field} shows participant ${id}`);
          for (const code of seen.counties ?? [])
            if (!publicCaller && !caller.seesCounty(code))
              leaks.push(`${caller.name} on ${surface}: ${probe.field} shows county ${code}`);
          for (const code of seen.cppccs ?? [])
            if (publicCaller || !caller.seesCppcc(code))
              leaks.push(`${caller.name} on ${surface}: ${probe.field} shows a record of ${code}`);
        }
      }
    }
    expect(leaks).toEqual([]);
    expect(checked).toBeGreaterThan(40);
  });

  it('gives 海州区 its homes, sessions and demands, and 灌南县 none of them', async () => {
    const query = `{ homes(first: 100) { edges { node { id sessions { totalCount } demands { totalCount } } } } sessions { totalCount } demands { totalCount } }`;
    const haizhou = await data(stack, 'county', callers[1].token, query);
    const guannan = await data(stack, 'county', callers[2].token, query);
    const haizhouIds = haizhou.homes.edges.map((e: any) => e.node.id);
    expect(haizhouIds).toEqual(expect.arrayContaining([world.A, world.A2]));
    // The demo's sessions of each county, and the ones this test added.
    expect(haizhou.sessions.totalCount).toBe(demoSessions('320706') + 2);
    expect(haizhou.demands.totalCount).toBe(demoDemands('320706') + 2);
    expect(
      haizhou.homes.edges.find((e: any) => e.node.id === world.A).node.sessions.totalCount,
    ).toBe(demoSessions(world.A) + 1);
    expect(guannan.homes.edges.map((e: any) => e.node.id)).not.toEqual(
      expect.arrayContaining([world.A]),
    );
    expect(guannan.sessions.totalCount).toBe(demoSessions('320724') + 1);
    expect(guannan.demands.totalCount).toBe(demoDemands('320724') + 1);
  });

  it('gives a home its own home, sessions and demands only', async () => {
    const answer = await data(
      stack,
      'home',
      callers[3].token,
      `{ homes { totalCount edges { node { id } } } sessions { totalCount } demands { totalCount } other: home(id: "${world.A2}") { id } }`,
    );
    expect(answer).toEqual({
      homes: { totalCount: 1, edges: [{ node: { id: world.A } }] },
      sessions: { totalCount: demoSessions(world.A) + 1 },
      demands: { totalCount: demoDemands(world.A) + 1 },
      other: null,
    });
  });

  it('shows the public the homes and their staffing, and not one phone number', async () => {
    const response = await ask(
      stack,
      'public',
      null,
      `{ homes(first: 100) { totalCount edges { node { name kind status division { name } compliance { memberCount compliant } cadence(year: 2026, quarter: 3) { held } } } } }`,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.homes.totalCount).toBe(world.homeDivision.size);
    expect(JSON.stringify(response.data)).not.toMatch(/1[3-9]\d{9}|1[3-9]\d\*{4}\d{4}/);
  });
});

describe('a department', () => {
  it('sees the sessions it is invited to, with their homes, and no other', async () => {
    // A county department of the demo data: deliberation knows it from the organization's feed,
    // and a county one takes part without a city special committee (rule 3).
    const invited = (
      await data(
        stack,
        'city',
        city,
        `{ departments(first: 1, level: COUNTY, divisionCode: "320706") { edges { node { id } } } }`,
      )
    ).departments.edges[0].node.id as string;
    const department = await tokenFor({
      level: 'DEPARTMENT',
      division: '3207',
      departmentId: invited,
      roles: ['DEPARTMENT'],
    });
    const other = await tokenFor({
      level: 'DEPARTMENT',
      division: '3207',
      departmentId: randomUUID(),
      roles: ['DEPARTMENT'],
    });
    // The demo homes and departments reach deliberation through the organization's change feeds.
    const session = await eventually(
      async () =>
        (
          await data(
            stack,
            'city',
            city,
            `mutation($home: ID!, $dept: ID!) { scheduleSession(input: { homeId: $home, title: "部门参加的协商会", kind: FORUM,
            scheduledAt: "2026-12-05T09:00:00+08:00", departmentIds: [$dept] }) { id } }`,
            { home: world.A, dept: invited },
          )
        ).scheduleSession,
    );
    const query = `query($after: String) { sessions(first: 100, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { id title home { id name } } } } }`;
    const seen: any[] = [];
    let after: string | null = null;
    do {
      const page: any = (await data(stack, 'department', department, query, { after })).sessions;
      seen.push(...page.edges.map((edge: any) => edge.node));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    // The demo's sessions it was invited to, and this one: no other.
    const invitedTo = [
      ...stack
        .demo!.deliberation.sessions.filter((s) => s.department_ids.includes(invited))
        .map((s) => s.id),
      session.id,
    ].sort();
    expect(seen.map((node) => node.id).sort()).toEqual(invitedTo);
    expect(seen.find((node) => node.id === session.id)).toEqual({
      id: session.id,
      title: '部门参加的协商会',
      home: { id: world.A, name: expect.any(String) },
    });
    expect((await data(stack, 'department', other, query)).sessions.totalCount).toBe(0);
  });
});

describe('the viewer', () => {
  it('gives each caller the entry points of its level', async () => {
    const county = await data(
      stack,
      'county',
      callers[1].token,
      `{ viewer { level surface division { name } divisions { totalCount } homes { totalCount } } }`,
    );
    const haizhouHomes = [...world.homeDivision.values()].filter((code) =>
      code.startsWith('320706'),
    ).length;
    expect(county.viewer).toEqual({
      level: 'COUNTY',
      surface: 'county',
      division: { name: '海州区' },
      divisions: { totalCount: 25 },
      homes: { totalCount: haizhouHomes },
    });
    const cityView = await data(stack, 'city', city, `{ viewer { divisions { totalCount } } }`);
    expect(cityView.viewer.divisions.totalCount).toBe(7);
    const home = await data(stack, 'home', callers[3].token, `{ viewer { level home { id } } }`);
    expect(home.viewer).toEqual({ level: 'HOME', home: { id: world.A } });
    const anyone = await data(stack, 'public', null, `{ viewer { level division { name } } }`);
    expect(anyone.viewer).toEqual({ level: 'PUBLIC', division: null });
  });
});

describe('jurisdiction, write', () => {
  it('refuses 灌南县 every write on 海州区’s records, as if they did not exist, and changes nothing', async () => {
    const guannan = callers[2].token;
    const before = await data(
      stack,
      'city',
      city,
      `{ home(id: "${world.A}") { version name members { member { id } } } }`,
    );
    const attempts: Array<[string, string]> = [
      [`mutation { updateHome(id: "${world.A}", input: { name: "改名" }) { id } }`, 'NOT_FOUND'],
      [`mutation { markHomeAsPilot(homeId: "${world.A}", cohortYear: 2020) { id } }`, 'NOT_FOUND'],
      [
        `mutation { setHomeLeader(homeId: "${world.A}", memberId: "${world.haizhouMember}") { id } }`,
        'NOT_FOUND',
      ],
      [
        `mutation { removeHomeMember(homeId: "${world.A}", memberId: "${world.haizhouMember}") { id } }`,
        'NOT_FOUND',
      ],
      [
        `mutation { assignHomeMember(input: { homeId: "${world.A}", memberId: "${world.haizhouMember}" }) { id } }`,
        'NOT_FOUND',
      ],
      [
        `mutation { createHome(input: { name: "越界之家", divisionCode: "320706001" }) { id } }`,
        'BAD_USER_INPUT',
      ],
      [
        `mutation { createMember(input: { name: "越界", gender: MALE, divisionCode: "320706" }) { id } }`,
        'BAD_USER_INPUT',
      ],
      [
        `mutation { updateMember(id: "${world.haizhouMember}", input: { sector: "经济界" }) { id } }`,
        'NOT_FOUND',
      ],
      [
        `mutation { createParticipant(input: { name: "越界", kind: EXPERT, divisionCode: "320706001" }) { id } }`,
        'BAD_USER_INPUT',
      ],
      [
        `mutation { updateParticipant(id: "${world.haizhouParticipant}", input: { organisation: "x" }) { id } }`,
        'NOT_FOUND',
      ],
      [
        `mutation { scheduleSession(input: { homeId: "${world.A}", title: "越界", kind: FORUM, scheduledAt: "2026-12-01T09:00:00+08:00" }) { id } }`,
        'BAD_USER_INPUT',
      ],
      [
        `mutation { cancelSession(input: { sessionId: "${world.sessionOfA}" }, reason: "越界") { id } }`,
        'NOT_FOUND',
      ],
    ];
    for (const [mutation, code] of attempts) {
      const response = await ask(stack, 'county', guannan, mutation);
      expect({
        mutation,
        code: response.errors?.[0]?.extensions?.code,
        data: response.data?.[Object.keys(response.data ?? {})[0]] ?? null,
      }).toEqual({ mutation, code, data: null });
    }
    const after = await data(
      stack,
      'city',
      city,
      `{ home(id: "${world.A}") { version name members { member { id } } } }`,
    );
    expect(after).toEqual(before);
  });
});
