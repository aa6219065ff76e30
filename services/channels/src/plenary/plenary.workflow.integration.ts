import { randomUUID } from 'node:crypto';
import { todayInCity } from '@cppcc/toolkit';
import { startTestSubgraph, type GraphQLResponse, type TestSubgraph } from '@cppcc/toolkit/testing';
import { addDays } from '../shared/dates';
import { channelsSubgraph } from '../subgraph';
import {
  departmentCaller,
  HAIZHOU_STAFF,
  seedDepartment,
  seedHome,
  seedMember,
  seedSession,
} from '../testing/fixtures';
import { PlenaryStatus as S } from './plenary.entity';
import { PLENARY_STEPS, type PlenaryStep } from './plenary.workflow';

let graph: TestSubgraph;
let HOME: string;
const MEMBER = randomUUID();

beforeAll(async () => {
  graph = await startTestSubgraph(channelsSubgraph, 'plenary_workflow');
  HOME = await seedHome(graph, '320706001001');
  // A member of the city CPPCC, whom the city's and the counties' records may name.
  await seedMember(graph, '3207', MEMBER);
});
afterAll(() => graph?.stop());

const FIELDS = `id status version title declineReason outcome deliveredOn authors { id } committee { id }
  sources { demands { id status } sessions { id } homes { id } } history { step fromStatus toStatus }`;

/** Speeches and special reports: the same workflow under each one's names. */
const KINDS = [
  { type: 'Speech', one: 'speech' },
  { type: 'SpecialReport', one: 'specialReport' },
] as const;
type Kind = (typeof KINDS)[number];

const read = async (kind: Kind, id: string) =>
  (await graph.query(`query($id: ID!) { ${kind.one}(id: $id) { ${FIELDS} } }`, { id }))[kind.one];

function submit(kind: Kind, extra: Record<string, unknown> = {}, client = graph) {
  return client.send(
    `mutation($input: SubmitPlenaryItemInput!) { submit${kind.type}(input: $input) { ${FIELDS} } }`,
    {
      input: {
        title: '推进“协商民主之家”提质增效',
        content: '建议建立议事成果转化清单，按季度通报办理情况。',
        authorMemberIds: [MEMBER],
        ...extra,
      },
    },
  );
}

const submitted = async (kind: Kind, extra: Record<string, unknown> = {}) => {
  const response = await submit(kind, extra);
  if (response.errors) throw new Error(`submit: ${JSON.stringify(response.errors)}`);
  return response.data![`submit${kind.type}`];
};

type Response = Promise<GraphQLResponse<Record<string, any>>>;
const STEP: Record<PlenaryStep, (kind: Kind, id: string, version?: number) => Response> = {
  accept: (kind, id, v) =>
    graph.send(`mutation($i: PlenaryStepInput!) { accept${kind.type}(input: $i) { ${FIELDS} } }`, {
      i: { id, expectedVersion: v },
    }),
  decline: (kind, id, v) =>
    graph.send(
      `mutation($i: PlenaryStepInput!) { decline${kind.type}(input: $i, reason: "与往年发言重复") { ${FIELDS} } }`,
      { i: { id, expectedVersion: v } },
    ),
  deliver: (kind, id, v) =>
    graph.send(
      `mutation($i: PlenaryStepInput!, $on: Date!) { deliver${kind.type}(input: $i, deliveredOn: $on, outcome: "市委书记当场回应，列入年度督办。") { ${FIELDS} } }`,
      { i: { id, expectedVersion: v }, on: todayInCity() },
    ),
};

const PATH: Record<S, PlenaryStep[]> = {
  [S.SUBMITTED]: [],
  [S.ACCEPTED]: ['accept'],
  [S.DECLINED]: ['decline'],
  [S.DELIVERED]: ['accept', 'deliver'],
};

async function itemIn(kind: Kind, status: S) {
  const { id } = await submitted(kind);
  for (const step of PATH[status]) {
    const response = await STEP[step](kind, id);
    if (response.errors) throw new Error(`${step}: ${JSON.stringify(response.errors)}`);
  }
  return read(kind, id);
}

describe.each(KINDS)('the life of a $type', (kind) => {
  it.each(
    Object.values(S).flatMap((status) =>
      (Object.keys(PLENARY_STEPS) as PlenaryStep[]).map((step) => [status, step] as const),
    ),
  )(
    'from %s, %s is allowed exactly when the table says so; a refused step changes nothing',
    async (status, name) => {
      const before = await itemIn(kind, status);
      expect(before.status).toBe(status);
      const rule = PLENARY_STEPS[name];
      const response = await STEP[name](kind, before.id);
      if ((rule.from as readonly S[]).includes(status)) {
        expect(response.errors).toBeUndefined();
        const after = Object.values(response.data!)[0] as any;
        expect(after.status).toBe(rule.to);
        expect(after.version).toBeGreaterThan(before.version);
        expect(after.history.at(-1)).toMatchObject({
          step: name,
          fromStatus: status,
          toStatus: rule.to,
        });
      } else {
        expect(response.errors?.[0].extensions).toEqual({
          code: 'INVALID_TRANSITION',
          currentState: status,
        });
        expect(await read(kind, before.id)).toEqual(before);
      }
    },
  );

  it('is declined only with a reason, delivered not in the future, and keeps both', async () => {
    const one = await itemIn(kind, S.SUBMITTED);
    const blank = await graph.send(
      `mutation($i: PlenaryStepInput!) { decline${kind.type}(input: $i, reason: " ") { id } }`,
      { i: { id: one.id } },
    );
    expect(blank.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect(await read(kind, one.id)).toEqual(one);
    const declined = (await STEP.decline(kind, one.id)).data![`decline${kind.type}`];
    expect(declined).toMatchObject({ status: 'DECLINED', declineReason: '与往年发言重复' });

    const accepted = await itemIn(kind, S.ACCEPTED);
    const tomorrow = await graph.send(
      `mutation($i: PlenaryStepInput!, $on: Date!) { deliver${kind.type}(input: $i, deliveredOn: $on) { id } }`,
      { i: { id: accepted.id }, on: addDays(todayInCity(), 1) },
    );
    expect(tomorrow.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'deliveredOn',
    });
    expect(await read(kind, accepted.id)).toEqual(accepted);
    const delivered = (await STEP.deliver(kind, accepted.id)).data![`deliver${kind.type}`];
    expect(delivered).toMatchObject({
      status: 'DELIVERED',
      deliveredOn: todayInCity(),
      outcome: '市委书记当场回应，列入年度督办。',
    });
  });

  it('names its members or its special committee', async () => {
    const nobody = await submit(kind, { authorMemberIds: [] });
    expect(nobody.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.authorMemberIds',
    });
    const committee = randomUUID();
    const byCommittee = await submitted(kind, { authorMemberIds: null, committeeId: committee });
    expect(byCommittee).toMatchObject({ authors: [], committee: { id: committee } });
  });

  it('carries the demands it cites up when submitted', async () => {
    const demand = await raiseDemand();
    const item = await submitted(kind, { sourceDemandIds: [demand] });
    expect(item.sources).toEqual({
      demands: [{ id: demand, status: 'ESCALATED' }],
      sessions: [],
      homes: [{ id: HOME }],
    });
    const seen = await graph.query(
      `query($id: ID!) { demand(id: $id) { status history { step }
        escalations { __typename ... on ${kind.type} { id } } } }`,
      { id: demand },
    );
    expect(seen.demand).toEqual({
      status: 'ESCALATED',
      history: [{ step: 'raise' }, { step: 'escalate' }],
      escalations: [{ __typename: kind.type, id: item.id }],
    });
  });

  it('refuses a stale version with CONFLICT, and its steps to anyone but office staff', async () => {
    const item = await itemIn(kind, S.SUBMITTED);
    const stale = await STEP.accept(kind, item.id, item.version - 1);
    expect(stale.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      currentVersion: item.version,
    });
    const department = await seedDepartment(graph, 'CITY', '3207');
    const byDepartment = await graph
      .as(departmentCaller(department))
      .send(`mutation($i: PlenaryStepInput!) { accept${kind.type}(input: $i) { id } }`, {
        i: { id: item.id },
      });
    expect(byDepartment.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await read(kind, item.id)).toEqual(item);
  });

  it('gives one record for one idempotency key, however often it is sent', async () => {
    const key = randomUUID();
    const [a, b] = await Promise.all([
      submit(kind, { idempotencyKey: key }),
      submit(kind, { idempotencyKey: key }),
    ]);
    expect(a.data![`submit${kind.type}`].id).toBe(b.data![`submit${kind.type}`].id);
  });
});

async function raiseDemand(): Promise<string> {
  const data = await graph.query(
    `mutation($input: RaiseDemandInput!) { raiseDemand(input: $input) { id } }`,
    { input: { homeId: HOME, category: 'EDUCATION', content: '村小学缺少音乐老师。' } },
  );
  return data.raiseDemand.id;
}

describe('what a session sent up', () => {
  it('lists, over the four channels, what the caller may see', async () => {
    const session = await seedSession(graph, HOME, '320706001001');
    const quiet = await seedSession(graph, HOME, '320706001001');
    const cites = { sourceSessionIds: [session] };
    const sent: Array<{ __typename: string; id: string; division: string }> = [];
    for (const division of ['3207', '320706']) {
      const proposal = await graph.query(
        `mutation($input: DraftProposalInput!) { draftProposal(input: $input) { id } }`,
        {
          input: {
            kind: 'MEMBER',
            leadMemberId: MEMBER,
            title: '关于完善议事成果转化机制的建议',
            content: '建议明确转化责任单位。',
            divisionCode: division,
            ...cites,
          },
        },
      );
      // A draft has not gone up: it counts once submitted.
      await graph.query(
        `mutation($i: ProposalStepInput!) { submitProposal(input: $i) { status } }`,
        { i: { proposalId: proposal.draftProposal.id } },
      );
      sent.push({ __typename: 'Proposal', id: proposal.draftProposal.id, division });
      const report = await graph.query(
        `mutation($input: DraftSentimentReportInput!) { draftSentimentReport(input: $input) { id } }`,
        {
          input: {
            title: '群众反映议事结果落实慢',
            content: '部分议事结果半年未落实。',
            authorMemberIds: [MEMBER],
            divisionCode: division,
            ...cites,
          },
        },
      );
      await graph.query(
        `mutation($i: SentimentReportStepInput!) { submitSentimentReport(input: $i) { status } }`,
        { i: { reportId: report.draftSentimentReport.id } },
      );
      sent.push({ __typename: 'SentimentReport', id: report.draftSentimentReport.id, division });
      for (const kind of KINDS) {
        const item = await submitted(kind, { divisionCode: division, ...cites });
        sent.push({ __typename: kind.type, id: item.id, division });
      }
    }
    // Something else, citing another session, is not among them.
    await submitted(KINDS[0], { sourceSessionIds: [quiet] });

    const OUTCOMES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Session { id
      outcomes { __typename ... on Proposal { id } ... on SentimentReport { id }
        ... on Speech { id } ... on SpecialReport { id } } } } }`;
    const outcomes = async (client: Pick<TestSubgraph, 'query'>) =>
      (await client.query(OUTCOMES, { r: [{ __typename: 'Session', id: session }] }))._entities[0]
        .outcomes;
    const expected = (records: typeof sent) =>
      records.map(({ __typename, id }) => ({ __typename, id }));
    const byChannel = (a: { __typename: string }, b: { __typename: string }) =>
      a.__typename.localeCompare(b.__typename);

    const city = await outcomes(graph);
    expect(city).toHaveLength(8);
    expect([...city].sort(byChannel)).toEqual(expected(sent).sort(byChannel));

    const county = await outcomes(graph.as(HAIZHOU_STAFF));
    expect(county).toEqual(expected(sent.filter((record) => record.division === '320706')));
  });
});
