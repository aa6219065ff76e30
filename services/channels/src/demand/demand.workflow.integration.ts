import { randomUUID } from 'node:crypto';
import type { Caller } from '@cppcc/toolkit';
import { startTestSubgraph, type GraphQLResponse, type TestSubgraph } from '@cppcc/toolkit/testing';
import { channelsSubgraph } from '../subgraph';
import {
  GUANNAN_STAFF,
  HAIZHOU_STAFF,
  departmentCaller,
  seedDepartment,
  seedHome,
  seedMember,
  seedParticipant,
  seedSession,
} from '../testing/fixtures';
import { DemandStatus as S } from './demand.entity';
import { DEMAND_STEPS } from './demand.workflow';

let graph: TestSubgraph;
/** A villagers' home of 海州区's township 320706001, its neighbour, and one of 灌南县. */
let HOME: string;
let SIBLING: string;
let GUANNAN_HOME: string;
let SUSPENDED: string;
let DEPARTMENT: string;
/** A member of the city CPPCC, who writes the reports that carry demands up. */
let AUTHOR: string;

beforeAll(async () => {
  graph = await startTestSubgraph(channelsSubgraph, 'demand_workflow');
  HOME = await seedHome(graph, '320706001001');
  SIBLING = await seedHome(graph, '320706001002');
  GUANNAN_HOME = await seedHome(graph, '320724100001');
  SUSPENDED = await seedHome(graph, '320706001003', 'SUSPENDED');
  DEPARTMENT = await seedDepartment(graph, 'CITY', '3207');
  AUTHOR = await seedMember(graph, '3207');
  SESSION = await seedSession(graph, HOME, '320706001001');
});
afterAll(() => graph?.stop());

/** The leader of HOME, through the home surface. */
const homeLeader = (roles = ['HOME_LEADER']): Caller => ({
  subject: `test:home:${HOME}:${roles.join(',')}`,
  level: 'HOME',
  division: '320706001',
  homeId: HOME,
  roles,
  surface: 'home',
});

const FIELDS = `id status version category content isPetition raisedByKind receivedAt resolution
  resolvedAtHomeAt escalatedAt participant { id } residentName residentContact session { id } agendaItem { id }
  history { step fromStatus toStatus }`;
const READ = `query($id: ID!) { demand(id: $id) { ${FIELDS} } }`;
const read = async (id: string) => (await graph.query(READ, { id })).demand;
const RAISE = `mutation($input: RaiseDemandInput!) { raiseDemand(input: $input) { ${FIELDS} } }`;

function raise(extra: Record<string, unknown> = {}, client: Pick<TestSubgraph, 'send'> = graph) {
  return client.send(RAISE, {
    input: {
      homeId: HOME,
      category: 'INFRASTRUCTURE',
      content: '村口桥梁栏杆损坏，存在安全隐患。',
      ...extra,
    },
  });
}

const raised = async (extra: Record<string, unknown> = {}) => {
  const response = await raise(extra);
  if (response.errors) throw new Error(`raise: ${JSON.stringify(response.errors)}`);
  return response.data!.raiseDemand;
};

/** A held session of HOME (seeded below), and an item of its agenda. */
let SESSION: string;
const AGENDA_ITEM = randomUUID();

/** The clerk's steps, as their mutations. */
const CLERK_STEPS = ['putOnAgenda', 'resolveAtHome', 'close'] as const;
type ClerkStep = (typeof CLERK_STEPS)[number];
type Response = Promise<GraphQLResponse<Record<string, any>>>;
const STEP: Record<ClerkStep, (id: string, version?: number) => Response> = {
  putOnAgenda: (id, v) =>
    graph.send(
      `mutation($i: DemandStepInput!, $s: ID!, $a: ID!) { putDemandOnAgenda(input: $i, sessionId: $s, agendaItemId: $a) { ${FIELDS} } }`,
      { i: { demandId: id, expectedVersion: v }, s: SESSION, a: AGENDA_ITEM },
    ),
  resolveAtHome: (id, v) =>
    graph.send(
      `mutation($i: DemandStepInput!) { resolveDemandAtHome(input: $i, resolution: "村委会已组织修复栏杆。") { ${FIELDS} } }`,
      { i: { demandId: id, expectedVersion: v } },
    ),
  close: (id, v) =>
    graph.send(
      `mutation($i: DemandStepInput!) { closeDemand(input: $i, note: "已电话告知反映人。") { ${FIELDS} } }`,
      { i: { demandId: id, expectedVersion: v } },
    ),
};

const STEP_INPUT = `$i: SentimentReportStepInput!`;
/** Escalating: a sentiment report citing the demand is drafted and submitted. Returns the report. */
async function escalate(demandId: string): Promise<string> {
  const draft = await graph.query(
    `mutation($input: DraftSentimentReportInput!) { draftSentimentReport(input: $input) { id } }`,
    {
      input: {
        title: '农村桥梁安全隐患较多',
        content: '多个村口桥梁年久失修。',
        authorMemberIds: [AUTHOR],
        sourceDemandIds: [demandId],
      },
    },
  );
  const id = draft.draftSentimentReport.id;
  await graph.query(`mutation(${STEP_INPUT}) { submitSentimentReport(input: $i) { id } }`, {
    i: { reportId: id },
  });
  return id;
}

/** Answering: the report is issued, forwarded to a department, and the department answers. */
async function answer(reportId: string): Promise<void> {
  const i = { reportId };
  for (const step of ['adopt', 'edit']) {
    await graph.query(`mutation(${STEP_INPUT}) { ${step}SentimentReport(input: $i) { id } }`, {
      i,
    });
  }
  await graph.query(
    `mutation(${STEP_INPUT}) { issueSentimentReport(input: $i, issuedTo: [CITY_GOVERNMENT]) { id } }`,
    { i },
  );
  await graph.query(
    `mutation(${STEP_INPUT}, $d: [ID!]!) { forwardSentimentReport(input: $i, departmentIds: $d) { id } }`,
    { i, d: [DEPARTMENT] },
  );
  await graph
    .as(departmentCaller(DEPARTMENT))
    .query(
      `mutation(${STEP_INPUT}) { giveSentimentFeedback(input: $i, text: "已安排交通局维修。") { id } }`,
      { i },
    );
}

async function demandIn(status: S) {
  const { id } = await raised();
  const take = async (step: ClerkStep) => {
    const response = await STEP[step](id);
    if (response.errors) throw new Error(`${step}: ${JSON.stringify(response.errors)}`);
  };
  switch (status) {
    case S.RECEIVED:
      break;
    case S.ON_AGENDA:
      await take('putOnAgenda');
      break;
    case S.RESOLVED_AT_HOME:
      await take('resolveAtHome');
      break;
    case S.ESCALATED:
      await escalate(id);
      break;
    case S.ANSWERED:
      await answer(await escalate(id));
      break;
    case S.CLOSED:
      await take('resolveAtHome');
      await take('close');
      break;
  }
  return read(id);
}

describe('raising a demand', () => {
  it('at its own home, by the home leader, with the defaults', async () => {
    const before = Date.now();
    const response = await raise({}, graph.as(homeLeader()));
    expect(response.errors).toBeUndefined();
    const demand = response.data!.raiseDemand;
    expect(demand).toMatchObject({
      status: 'RECEIVED',
      version: 1,
      isPetition: false,
      raisedByKind: 'RESIDENT',
      participant: null,
      residentName: null,
      residentContact: null,
      resolution: null,
      history: [{ step: 'raise', fromStatus: null, toStatus: 'RECEIVED' }],
    });
    const receivedAt = new Date(demand.receivedAt).getTime();
    expect(receivedAt).toBeGreaterThanOrEqual(before - 1_000);
    expect(receivedAt).toBeLessThanOrEqual(Date.now());
    const [row] = await graph.orm.em
      .getConnection()
      .execute(`select division_code, home_id::text as home_id from demand where id = ?`, [
        demand.id,
      ]);
    expect(row).toEqual({ division_code: '320706001001', home_id: HOME });
  });

  it('by the county office, for a participant, with what was given', async () => {
    const participant = await seedParticipant(graph, '320706001001');
    const response = await raise(
      {
        participantId: participant,
        isPetition: true,
        category: 'LAND_AND_HOUSING',
        receivedAt: '2026-01-05T09:30:00.000Z',
      },
      graph.as(HAIZHOU_STAFF),
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.raiseDemand).toMatchObject({
      isPetition: true,
      category: 'LAND_AND_HOUSING',
      raisedByKind: 'PARTICIPANT',
      participant: { id: participant },
      receivedAt: '2026-01-05T09:30:00.000Z',
    });
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const count = async () =>
      (await graph.orm.em.getConnection().execute('select count(*)::int as n from demand'))[0].n;
    const before = await count();
    const cases: Array<[Record<string, unknown>, string, Caller?]> = [
      [{ divisionCode: '320706002001' }, 'input.divisionCode'],
      [{ divisionCode: '320706' }, 'input.divisionCode'],
      [{ divisionCode: 'abc' }, 'input.divisionCode'],
      [{ homeId: SUSPENDED }, 'input.homeId'],
      [{ homeId: randomUUID() }, 'input.homeId'],
      [{ homeId: GUANNAN_HOME }, 'input.homeId', HAIZHOU_STAFF],
      [{ homeId: SIBLING }, 'input.homeId', homeLeader()],
      [{ participantId: randomUUID(), residentName: '李四' }, 'input.residentName'],
      [{ residentContact: '12345' }, 'input.residentContact'],
      [{ receivedAt: new Date(Date.now() + 3_600_000).toISOString() }, 'input.receivedAt'],
      [{ content: ' ' }, 'input.content'],
    ];
    for (const [input, field, caller] of cases) {
      const response = await raise(input, caller ? graph.as(caller) : graph);
      expect({ input, error: response.errors?.[0].extensions }).toMatchObject({
        input,
        error: { code: 'BAD_USER_INPUT', field },
      });
    }
    expect(await count()).toBe(before);
  });

  it('outside the caller’s jurisdiction, a home looks exactly like one that does not exist', async () => {
    const unknown = randomUUID();
    const outside = await raise({ homeId: GUANNAN_HOME }, graph.as(HAIZHOU_STAFF));
    const absent = await raise({ homeId: unknown }, graph.as(HAIZHOU_STAFF));
    expect(outside.errors?.[0].message.replace(GUANNAN_HOME, '…')).toBe(
      absent.errors?.[0].message.replace(unknown, '…'),
    );
  });

  it('gives one demand for one idempotency key, even when the clerk presses twice at once', async () => {
    const key = randomUUID();
    const clerk = graph.as(homeLeader());
    const [a, b] = await Promise.all([
      raise({ idempotencyKey: key }, clerk),
      raise({ idempotencyKey: key }, clerk),
    ]);
    expect(a.errors).toBeUndefined();
    expect(b.errors).toBeUndefined();
    expect(a.data!.raiseDemand.id).toBe(b.data!.raiseDemand.id);
    const again = await raise({ idempotencyKey: key }, clerk);
    expect(again.data!.raiseDemand.id).toBe(a.data!.raiseDemand.id);
    const [{ n }] = await graph.orm.em
      .getConnection()
      .execute(`select count(*)::int as n from demand where idempotency_key like ?`, [`%:${key}`]);
    expect(n).toBe(1);
  });
});

describe('the life of a demand', () => {
  it.each(Object.values(S).flatMap((status) => CLERK_STEPS.map((step) => [status, step] as const)))(
    'from %s, the clerk may %s exactly when the table says so; a refused step changes nothing',
    async (status, name) => {
      const before = await demandIn(status);
      expect(before.status).toBe(status);
      const rule = DEMAND_STEPS[name];
      const response = await STEP[name](before.id);
      if ((rule.from as readonly S[]).includes(status)) {
        expect(response.errors).toBeUndefined();
        const after = Object.values(response.data!)[0] as any;
        expect(after.status).toBe(rule.to);
        expect(after.version).toBeGreaterThan(before.version);
        expect(after.history.at(-1)).toEqual({ step: name, fromStatus: status, toStatus: rule.to });
      } else {
        expect(response.errors?.[0].extensions).toEqual({
          code: 'INVALID_TRANSITION',
          currentState: status,
        });
        expect(await read(before.id)).toEqual(before);
      }
    },
  );

  it.each(Object.values(S))(
    'from %s, it goes up with what cites it exactly when the table says so',
    async (status) => {
      const before = await demandIn(status);
      const cited = await graph.send(
        `mutation($input: DraftSentimentReportInput!) { draftSentimentReport(input: $input) { id } }`,
        {
          input: {
            title: '题',
            content: '内容',
            authorMemberIds: [AUTHOR],
            sourceDemandIds: [before.id],
          },
        },
      );
      if ((DEMAND_STEPS.escalate.from as readonly S[]).includes(status)) {
        await graph.query(`mutation(${STEP_INPUT}) { submitSentimentReport(input: $i) { id } }`, {
          i: { reportId: cited.data!.draftSentimentReport.id },
        });
        const after = await read(before.id);
        expect(after.status).toBe('ESCALATED');
        expect(after.version).toBeGreaterThan(before.version);
        expect(after.history.at(-1)).toEqual({
          step: 'escalate',
          fromStatus: status,
          toStatus: 'ESCALATED',
        });
      } else {
        expect(cited.errors?.[0].extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          field: 'input.sourceDemandIds.0',
        });
        expect(await read(before.id)).toEqual(before);
      }
    },
  );

  it('keeps the agenda item it was put on, and the resolution', async () => {
    const onAgenda = await demandIn(S.ON_AGENDA);
    expect(onAgenda).toMatchObject({ session: { id: SESSION }, agendaItem: { id: AGENDA_ITEM } });
    const resolved = (await STEP.resolveAtHome(onAgenda.id)).data!.resolveDemandAtHome;
    expect(resolved.resolution).toBe('村委会已组织修复栏杆。');
    expect(Date.parse(resolved.resolvedAtHomeAt)).toBeLessThanOrEqual(Date.now());
    expect(resolved.escalatedAt).toBeNull();
  });

  it('is answered once by what it went up as, and is then closed by the clerk', async () => {
    const demand = await demandIn(S.ESCALATED);
    // Cited by a second report: it stays ESCALATED, and the step still counts as a change.
    const second = await escalate(demand.id);
    const twice = await read(demand.id);
    expect(twice.status).toBe('ESCALATED');
    expect(twice.version).toBeGreaterThan(demand.version);
    expect(twice.history.map((h: any) => h.step)).toEqual(['raise', 'escalate', 'escalate']);
    // It went up when it was first cited: a second citation keeps that moment.
    expect(twice.escalatedAt).toBe(demand.escalatedAt);

    await answer(second);
    const answered = await read(demand.id);
    expect(answered.status).toBe('ANSWERED');
    expect(answered.history.at(-1)).toEqual({
      step: 'answer',
      fromStatus: 'ESCALATED',
      toStatus: 'ANSWERED',
    });
    const closed = (await STEP.close(demand.id)).data!.closeDemand;
    expect(closed.status).toBe('CLOSED');
  });

  it('refuses a stale version with CONFLICT and changes nothing', async () => {
    const demand = await demandIn(S.RECEIVED);
    const stale = await STEP.putOnAgenda(demand.id, demand.version - 1);
    expect(stale.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      currentVersion: demand.version,
    });
    expect(await read(demand.id)).toEqual(demand);
  });

  it('is not a department’s to step', async () => {
    const demand = await demandIn(S.RECEIVED);
    const response = await graph
      .as(departmentCaller(DEPARTMENT))
      .send(
        `mutation($i: DemandStepInput!) { resolveDemandAtHome(input: $i, resolution: "已解决") { id } }`,
        { i: { demandId: demand.id } },
      );
    expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await read(demand.id)).toEqual(demand);
  });
});

describe("residents' personal data", () => {
  it('is shown to staff and home leaders, masked for everyone else', async () => {
    const { id } = await raised({ residentName: '王小明', residentContact: '13812345678' });
    const PERSONAL = `query($id: ID!) { demand(id: $id) { residentName residentContact } }`;
    const seen = async (caller: Caller) => (await graph.as(caller).query(PERSONAL, { id })).demand;
    const plain = { residentName: '王小明', residentContact: '13812345678' };
    const masked = { residentName: '***', residentContact: '138****5678' };
    expect((await graph.query(PERSONAL, { id })).demand).toEqual(plain);
    expect(await seen(HAIZHOU_STAFF)).toEqual(plain);
    expect(await seen(homeLeader())).toEqual(plain);
    expect(await seen(homeLeader(['MEMBER']))).toEqual(masked);
    expect(
      await seen({ ...HAIZHOU_STAFF, subject: 'test:county:analyst', roles: ['ANALYST'] }),
    ).toEqual(masked);
  });
});

describe('jurisdiction', () => {
  it("a 灌南县 caller sees none of 海州区's demands, by id, in lists or through the home", async () => {
    const demand = await raised();
    const guannan = graph.as(GUANNAN_STAFF);
    expect((await guannan.query(READ, { id: demand.id })).demand).toBeNull();
    expect((await guannan.query(`{ demands(first: 100) { totalCount } }`)).demands).toEqual({
      totalCount: 0,
    });
    const HOMES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Home { id
      demands(first: 100) { totalCount edges { node { id } } } } } }`;
    const r = [{ __typename: 'Home', id: HOME }];
    expect((await guannan.query(HOMES, { r }))._entities).toEqual([
      { id: HOME, demands: { totalCount: 0, edges: [] } },
    ]);
    const own = (await graph.as(HAIZHOU_STAFF).query(HOMES, { r }))._entities[0].demands;
    expect(own.edges.map((e: any) => e.node.id)).toContain(demand.id);
    const step = await guannan.send(
      `mutation($i: DemandStepInput!) { resolveDemandAtHome(input: $i, resolution: "越权") { id } }`,
      { i: { demandId: demand.id } },
    );
    expect(step.errors?.[0]).toMatchObject({
      message: 'There is no Demand with this id.',
      extensions: { code: 'NOT_FOUND', field: 'input.demandId' },
    });
    expect(await read(demand.id)).toEqual(demand);
  });

  it("a home's caller sees its own home's demands only", async () => {
    const own = await raised();
    const sibling = await raised({ homeId: SIBLING });
    const home = graph.as(homeLeader());
    expect((await home.query(READ, { id: sibling.id })).demand).toBeNull();
    const list = (await home.query(`{ demands(first: 100) { edges { node { id } } } }`)).demands;
    const ids = list.edges.map((e: any) => e.node.id);
    expect(ids).toContain(own.id);
    expect(ids).not.toContain(sibling.id);
  });
});
