import { randomUUID } from 'node:crypto';
import { ACTORS, todayInCity } from '@cppcc/toolkit';
import {
  countQueries,
  startTestSubgraph,
  type GraphQLResponse,
  type TestSubgraph,
} from '@cppcc/toolkit/testing';
import { addDays, addMonths } from '../shared/dates';
import { channelsSubgraph } from '../subgraph';
import { departmentCaller, seedDepartment, seedHome, seedMember } from '../testing/fixtures';
import { ProposalStatus as S } from './proposal.entity';
import { PROPOSAL_STEPS, type ProposalStep } from './proposal.workflow';

let graph: TestSubgraph;
let LEAD: string;
let CO: string;
let OTHER: string;
let HOME: string;
const MEMBER = randomUUID();
const CO_SIGNER = randomUUID();

beforeAll(async () => {
  graph = await startTestSubgraph(channelsSubgraph, 'proposal_workflow');
  LEAD = await seedDepartment(graph, 'CITY', '3207');
  CO = await seedDepartment(graph, 'CITY', '3207');
  OTHER = await seedDepartment(graph, 'CITY', '3207');
  HOME = await seedHome(graph, '320706001001');
  // Members of the city CPPCC, whom the city's and the counties' proposals may name.
  await seedMember(graph, '3207', MEMBER);
  await seedMember(graph, '3207', CO_SIGNER);
});
afterAll(() => graph?.stop());

const lead = () => graph.as(departmentCaller(LEAD));

const FIELDS = `id status version number isKey dueOn extended handlingRounds isOverdue mergedInto { id }
  notRegisteredReason turnedIntoOpinion returnReason leadDepartment { id } coDepartments { id }
  reply { text resultClass department { id } } evaluation { result comment }
  coSigners { id } sources { demands { id status } homes { id } }
  history { step fromStatus toStatus byDepartmentId }`;
const READ = `query($id: ID!) { proposal(id: $id) { ${FIELDS} } }`;
const read = async (id: string) => (await graph.query(READ, { id })).proposal;

function draft(extra: Record<string, unknown> = {}) {
  return graph.send(
    `mutation($input: DraftProposalInput!) { draftProposal(input: $input) { ${FIELDS} } }`,
    {
      input: {
        kind: 'MEMBER',
        leadMemberId: MEMBER,
        title: '关于加快农村道路提档升级的建议',
        content: '部分村组道路狭窄破损，雨天通行困难，建议纳入年度计划。',
        ...extra,
      },
    },
  );
}

/** Each step as its mutation, sent by whoever the table says takes it. */
type Answer = Promise<GraphQLResponse<Record<string, any>>>;
const STEP: Record<ProposalStep, (id: string, version?: number) => Answer> = {
  submit: (id, v) =>
    graph.send(`mutation($i: ProposalStepInput!) { submitProposal(input: $i) { ${FIELDS} } }`, {
      i: { proposalId: id, expectedVersion: v },
    }),
  register: (id, v) =>
    graph.send(
      `mutation($i: ProposalStepInput!) { registerProposal(input: $i, isKey: true) { ${FIELDS} } }`,
      { i: { proposalId: id, expectedVersion: v } },
    ),
  decline: (id, v) =>
    graph.send(
      `mutation($i: ProposalStepInput!) { declineProposal(input: $i, reason: INDIVIDUAL_CASE, turnIntoOpinion: true) { ${FIELDS} } }`,
      { i: { proposalId: id, expectedVersion: v } },
    ),
  return: (id, v) =>
    graph.send(
      `mutation($i: ProposalStepInput!) { returnProposal(input: $i, reason: "建议不够具体") { ${FIELDS} } }`,
      { i: { proposalId: id, expectedVersion: v } },
    ),
  revise: (id, v) =>
    graph.send(`mutation($i: ProposalStepInput!) { reviseProposal(input: $i) { ${FIELDS} } }`, {
      i: { proposalId: id, expectedVersion: v },
    }),
  merge: async (id, v) => {
    const into = (await draft()).data!.draftProposal;
    await STEP.submit(into.id);
    return graph.send(
      `mutation($i: ProposalStepInput!, $into: ID!) { mergeProposal(input: $i, intoProposalId: $into) { ${FIELDS} } }`,
      { i: { proposalId: id, expectedVersion: v }, into: into.id },
    );
  },
  assign: (id, v) =>
    graph.send(
      `mutation($i: ProposalStepInput!, $lead: ID!, $co: [ID!]) { assignProposal(input: $i, leadDepartmentId: $lead, coDepartmentIds: $co) { ${FIELDS} } }`,
      { i: { proposalId: id, expectedVersion: v }, lead: LEAD, co: [CO] },
    ),
  accept: (id, v) =>
    lead().send(`mutation($i: ProposalStepInput!) { acceptProposal(input: $i) { ${FIELDS} } }`, {
      i: { proposalId: id, expectedVersion: v },
    }),
  sendBack: (id, v) =>
    lead().send(
      `mutation($i: ProposalStepInput!) { sendBackProposal(input: $i, reason: "不属于本部门职责") { ${FIELDS} } }`,
      { i: { proposalId: id, expectedVersion: v } },
    ),
  extend: (id, v) =>
    graph.send(
      `mutation($i: ProposalStepInput!, $due: Date!) { extendProposal(input: $i, dueOn: $due, reason: "需跨年度统筹资金") { ${FIELDS} } }`,
      { i: { proposalId: id, expectedVersion: v }, due: addMonths(todayInCity(), 5) },
    ),
  reply: (id, v) =>
    lead().send(
      `mutation($i: ProposalStepInput!) { replyToProposal(input: $i, text: "已列入2027年农村公路提档升级计划。", resultClass: B) { ${FIELDS} } }`,
      { i: { proposalId: id, expectedVersion: v } },
    ),
  evaluate: (id, v) =>
    graph.send(
      `mutation($i: ProposalStepInput!) { evaluateProposal(input: $i, evaluation: SATISFIED) { ${FIELDS} } }`,
      { i: { proposalId: id, expectedVersion: v } },
    ),
  rehandle: (id, v) =>
    graph.send(
      `mutation($i: ProposalStepInput!) { evaluateProposal(input: $i, evaluation: DISSATISFIED, comment: "未明确完工时间") { ${FIELDS} } }`,
      { i: { proposalId: id, expectedVersion: v } },
    ),
  close: (id, v) =>
    graph.send(`mutation($i: ProposalStepInput!) { closeProposal(input: $i) { ${FIELDS} } }`, {
      i: { proposalId: id, expectedVersion: v },
    }),
};

/** The steps that bring a new proposal to each state. */
const PATH: Record<S, ProposalStep[]> = {
  [S.DRAFT]: [],
  [S.SUBMITTED]: ['submit'],
  [S.REGISTERED]: ['submit', 'register'],
  [S.NOT_REGISTERED]: ['submit', 'decline'],
  [S.RETURNED]: ['submit', 'return'],
  [S.MERGED]: ['submit', 'merge'],
  [S.ASSIGNED]: ['submit', 'register', 'assign'],
  [S.HANDLING]: ['submit', 'register', 'assign', 'accept'],
  [S.REPLIED]: ['submit', 'register', 'assign', 'accept', 'reply'],
  [S.REHANDLING]: ['submit', 'register', 'assign', 'accept', 'reply', 'rehandle'],
  [S.EVALUATED]: ['submit', 'register', 'assign', 'accept', 'reply', 'evaluate'],
  [S.CLOSED]: ['submit', 'register', 'assign', 'accept', 'reply', 'evaluate', 'close'],
};

async function proposalIn(status: S) {
  const { id } = (await draft()).data!.draftProposal;
  for (const step of PATH[status]) {
    const response = await STEP[step](id);
    if (response.errors) throw new Error(`${step}: ${JSON.stringify(response.errors)}`);
  }
  return read(id);
}

/** States in which no department is assigned: a department's step finds nothing there. */
const UNASSIGNED = new Set<S>([
  S.DRAFT,
  S.SUBMITTED,
  S.REGISTERED,
  S.NOT_REGISTERED,
  S.RETURNED,
  S.MERGED,
]);

describe('the life of a proposal', () => {
  it.each(
    Object.values(S).flatMap((status) =>
      (Object.keys(PROPOSAL_STEPS) as ProposalStep[]).map((step) => [status, step] as const),
    ),
  )(
    'from %s, %s is allowed exactly when the table says so; a refused step changes nothing',
    async (status, name) => {
      const before = await proposalIn(status);
      const rule = PROPOSAL_STEPS[name];
      const response = await STEP[name](before.id);
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
      } else if (rule.actor === ACTORS.DEPARTMENT && UNASSIGNED.has(status)) {
        // Not assigned to the department: to it, the proposal does not exist.
        expect(response.errors?.[0].extensions?.code).toBe('NOT_FOUND');
        expect(await read(before.id)).toEqual(before);
      } else {
        expect(response.errors?.[0].extensions).toEqual({
          code: 'INVALID_TRANSITION',
          currentState: status,
        });
        expect(await read(before.id)).toEqual(before);
      }
    },
  );

  it('numbers registered proposals in order within their CPPCC and year', async () => {
    const first = await proposalIn(S.REGISTERED);
    const second = await proposalIn(S.REGISTERED);
    expect(second.number).toBe(first.number + 1);
    expect(second.isKey).toBe(true);
  });

  it('goes round once more after a dissatisfied evaluation, then ends whatever the second evaluation', async () => {
    const proposal = await proposalIn(S.REHANDLING);
    expect(proposal).toMatchObject({ handlingRounds: 1, evaluation: { result: 'DISSATISFIED' } });
    expect(proposal.dueOn).toBe(addMonths(todayInCity(), 1));
    const replied = (await STEP.reply(proposal.id)).data!.replyToProposal;
    expect(replied).toMatchObject({ status: 'REPLIED', handlingRounds: 2, evaluation: null });
    const final = (await STEP.rehandle(proposal.id)).data!.evaluateProposal;
    expect(final).toMatchObject({ status: 'EVALUATED', evaluation: { result: 'DISSATISFIED' } });
    expect((await STEP.close(proposal.id)).data!.closeProposal.status).toBe('CLOSED');
  });

  it('is revised after being returned and submitted again', async () => {
    const returned = await proposalIn(S.RETURNED);
    expect(returned.returnReason).toBe('建议不够具体');
    const revised = (await STEP.revise(returned.id)).data!.reviseProposal;
    const edited = await graph.query(
      `mutation($i: ProposalStepInput!) { editProposal(input: $i, changes: { content: "建议将3个村组道路纳入2027年计划，明确资金来源。" }) { status version } }`,
      { i: { proposalId: returned.id, expectedVersion: revised.version } },
    );
    expect(edited.editProposal.status).toBe('DRAFT');
    expect((await STEP.submit(returned.id)).data!.submitProposal.status).toBe('SUBMITTED');
  });

  it('merged, hands its proposer and sources to the proposal it joins', async () => {
    const demand = await raiseDemand();
    const { id } = (
      await draft({
        kind: 'MEMBER_GROUP',
        leadMemberId: await seedMember(graph, '3207'),
        coSignerIds: [CO_SIGNER],
        sourceDemandIds: [demand],
      })
    ).data!.draftProposal;
    await STEP.submit(id);
    const into = await proposalIn(S.SUBMITTED);
    const merged = await graph.query(
      `mutation($i: ProposalStepInput!, $into: ID!) { mergeProposal(input: $i, intoProposalId: $into) { status mergedInto { id } } }`,
      { i: { proposalId: id }, into: into.id },
    );
    expect(merged.mergeProposal).toEqual({ status: 'MERGED', mergedInto: { id: into.id } });
    const after = await read(into.id);
    expect(after.coSigners.map((m: { id: string }) => m.id)).toContain(CO_SIGNER);
    expect(after.sources.demands.map((d: { id: string }) => d.id)).toEqual([demand]);
    expect(after.history.at(-1)).toMatchObject({ step: 'takeIn' });

    const closed = await proposalIn(S.CLOSED);
    const other = await proposalIn(S.SUBMITTED);
    const refused = await graph.send(
      `mutation($i: ProposalStepInput!, $into: ID!) { mergeProposal(input: $i, intoProposalId: $into) { id } }`,
      { i: { proposalId: other.id }, into: closed.id },
    );
    expect(refused.errors?.[0]).toMatchObject({
      message: expect.not.stringContaining(closed.id),
      extensions: { code: 'BAD_USER_INPUT', field: 'intoProposalId' },
    });
    const nowhere = randomUUID();
    const unknown = await graph.send(
      `mutation($i: ProposalStepInput!, $into: ID!) { mergeProposal(input: $i, intoProposalId: $into) { id } }`,
      { i: { proposalId: other.id }, into: nowhere },
    );
    expect(unknown.errors?.[0]).toMatchObject({
      message: 'There is no such proposal.',
      extensions: { code: 'BAD_USER_INPUT', field: 'intoProposalId' },
    });
    expect(await read(other.id)).toEqual(other);
  });

  it('extends once, to six months after assignment at most', async () => {
    const proposal = await proposalIn(S.HANDLING);
    const tooLate = await graph.send(
      `mutation($i: ProposalStepInput!, $due: Date!) { extendProposal(input: $i, dueOn: $due, reason: "资金") { id } }`,
      { i: { proposalId: proposal.id }, due: addDays(addMonths(todayInCity(), 6), 1) },
    );
    expect(tooLate.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'dueOn',
    });
    expect(await read(proposal.id)).toEqual(proposal);
    const extended = (await STEP.extend(proposal.id)).data!.extendProposal;
    expect(extended).toMatchObject({ extended: true, dueOn: addMonths(todayInCity(), 5) });
    const again = await STEP.extend(proposal.id);
    expect(again.errors?.[0].extensions).toEqual({
      code: 'INVALID_TRANSITION',
      currentState: 'HANDLING',
    });
    expect(again.errors?.[0].message).toMatch(/extended once already/);
  });

  it('may be sent back only within 10 days of assignment', async () => {
    const proposal = await proposalIn(S.ASSIGNED);
    await graph.orm.em
      .getConnection()
      .execute(`update proposal set assigned_on = ? where id = ?`, [
        addDays(todayInCity(), -11),
        proposal.id,
      ]);
    const before = await read(proposal.id);
    const late = await STEP.sendBack(proposal.id);
    expect(late.errors?.[0].extensions).toEqual({
      code: 'INVALID_TRANSITION',
      currentState: 'ASSIGNED',
    });
    expect(late.errors?.[0].message).toMatch(/more than 10 days/);
    expect(await read(proposal.id)).toEqual(before);
  });

  it('refuses a stale version with CONFLICT and changes nothing', async () => {
    const proposal = await proposalIn(S.SUBMITTED);
    const stale = await STEP.register(proposal.id, proposal.version - 1);
    expect(stale.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      currentVersion: proposal.version,
    });
    expect(await read(proposal.id)).toEqual(proposal);
  });

  it('gives one proposal for one idempotency key, however often the draft is sent', async () => {
    const key = randomUUID();
    const [a, b] = await Promise.all([
      draft({ idempotencyKey: key }),
      draft({ idempotencyKey: key }),
    ]);
    expect(a.data!.draftProposal.id).toBe(b.data!.draftProposal.id);
  });

  it('takes the key again with the same input in another order, refuses it with another input, and keeps it per caller', async () => {
    const key = randomUUID();
    const rows = () =>
      graph.orm.em
        .getConnection()
        .execute(
          `select id, title, content, version, idempotency_fingerprint from proposal where idempotency_key like ?`,
          [`%:${key}`],
        );
    const first = await draft({ idempotencyKey: key, year: 2026 });
    expect(first.errors).toBeUndefined();
    const kept = await rows();
    const reordered = await graph.send(
      `mutation($input: DraftProposalInput!) { draftProposal(input: $input) { id } }`,
      {
        input: {
          year: 2026,
          content: '部分村组道路狭窄破损，雨天通行困难，建议纳入年度计划。',
          title: '关于加快农村道路提档升级的建议',
          leadMemberId: MEMBER,
          idempotencyKey: key,
          kind: 'MEMBER',
        },
      },
    );
    expect(reordered.data!.draftProposal.id).toBe(first.data!.draftProposal.id);

    for (const changed of [
      { title: '关于另一件事的建议' },
      { year: 2025 },
      { kind: 'MEMBER_GROUP', coSignerIds: [CO_SIGNER] },
      { content: '部分村组道路狭窄破损。' },
    ]) {
      const refused = await draft({ idempotencyKey: key, year: 2026, ...changed });
      expect(refused.data).toBeNull();
      expect(refused.errors?.[0]).toMatchObject({
        message:
          'This idempotencyKey was used for a request with another input: use a new key for a new record.',
        extensions: { code: 'BAD_USER_INPUT', field: 'input.idempotencyKey' },
      });
    }
    expect(await rows()).toEqual(kept);
    expect(await read(first.data!.draftProposal.id)).toEqual(first.data!.draftProposal);

    const county = graph.as({
      subject: 'test:haizhou-office',
      level: 'COUNTY',
      division: '320706',
      roles: ['STAFF'],
      surface: 'county',
    });
    const theirs = await county.send(
      `mutation($input: DraftProposalInput!) { draftProposal(input: $input) { id } }`,
      {
        input: {
          kind: 'MEMBER',
          leadMemberId: MEMBER,
          title: '关于另一件事的建议',
          content: '另一件事。',
          idempotencyKey: key,
        },
      },
    );
    expect(theirs.errors).toBeUndefined();
    expect(theirs.data!.draftProposal.id).not.toBe(first.data!.draftProposal.id);
    expect(await rows()).toHaveLength(2);
  });

  it('refuses the key of one person’s draft from their token for another jurisdiction (not a 500, not the other record)', async () => {
    const key = randomUUID();
    const as = (level: 'CITY' | 'COUNTY', division: string) =>
      graph.as({
        subject: 'test:one-person',
        level,
        division,
        roles: ['STAFF'],
        surface: level === 'CITY' ? 'city' : 'county',
      });
    // The same input: its CPPCC is the caller's by default.
    const input = {
      kind: 'MEMBER',
      leadMemberId: MEMBER,
      title: '关于村道照明的建议',
      content: '建议将村道照明纳入年度民生实事。',
      idempotencyKey: key,
    };
    const MUTATION = `mutation($input: DraftProposalInput!) { draftProposal(input: $input) { id } }`;
    const first = await as('COUNTY', '320706').send(MUTATION, { input });
    expect(first.errors).toBeUndefined();
    for (const [level, division] of [
      ['COUNTY', '320722'],
      ['CITY', '3207'],
    ] as const) {
      const other = await as(level, division).send(MUTATION, { input });
      expect([division, other.errors?.[0]]).toMatchObject([
        division,
        {
          message: expect.stringContaining('used for a request with another input'),
          extensions: { code: 'BAD_USER_INPUT', field: 'input.idempotencyKey' },
        },
      ]);
    }
    const [{ n }] = await graph.orm.em
      .getConnection()
      .execute(`select count(*)::int as n from proposal where idempotency_key like ?`, [
        `%:${key}`,
      ]);
    expect(n).toBe(1);
  });

  it('gives one of two racing drafts with one key and different inputs its proposal, and refuses the other', async () => {
    const key = randomUUID();
    const answers = await Promise.all([
      draft({ idempotencyKey: key, title: '关于甲的建议' }),
      draft({ idempotencyKey: key, title: '关于乙的建议' }),
    ]);
    const created = answers.filter((answer) => !answer.errors);
    const refused = answers.filter((answer) => answer.errors);
    expect(created).toHaveLength(1);
    expect(refused.map((answer) => answer.errors![0].extensions)).toEqual([
      { code: 'BAD_USER_INPUT', field: 'input.idempotencyKey' },
    ]);
    const [{ n }] = await graph.orm.em
      .getConnection()
      .execute(`select count(*)::int as n from proposal where idempotency_key like ?`, [
        `%:${key}`,
      ]);
    expect(n).toBe(1);
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const count = async () =>
      (await graph.orm.em.getConnection().execute('select count(*)::int as n from proposal'))[0].n;
    const before = await count();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ title: '  ' }, 'input.title'],
      [{ kind: 'MEMBER_GROUP' }, 'input.coSignerIds'],
      [{ kind: 'SPECIAL_COMMITTEE', leadMemberId: null }, 'input.committeeId'],
      [{ divisionCode: '320724' }, 'input.divisionCode'],
      [{ sourceDemandIds: [randomUUID()] }, 'input.sourceDemandIds.0'],
      [{ leadMemberId: 'not-an-id' }, 'input.leadMemberId'],
    ];
    for (const [input, field] of cases) {
      const response = await graph
        .as({ ...HAIZHOU, subject: 'test:bad' })
        .send(`mutation($input: DraftProposalInput!) { draftProposal(input: $input) { id } }`, {
          input: { kind: 'MEMBER', leadMemberId: MEMBER, title: '题', content: '内容', ...input },
        });
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const assigned = await proposalIn(S.REGISTERED);
    const unknown = await graph.send(
      `mutation($i: ProposalStepInput!, $lead: ID!) { assignProposal(input: $i, leadDepartmentId: $lead) { id } }`,
      { i: { proposalId: assigned.id }, lead: randomUUID() },
    );
    expect(unknown.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'leadDepartmentId',
    });
    expect(await read(assigned.id)).toEqual(assigned);
    expect(await count()).toBe(before + 1);
  });
});

const HAIZHOU = {
  subject: 'test:county:320706',
  level: 'COUNTY' as const,
  division: '320706',
  roles: ['STAFF'],
  surface: 'county' as const,
};

async function raiseDemand(): Promise<string> {
  const data = await graph.query(
    `mutation($input: RaiseDemandInput!) { raiseDemand(input: $input) { id } }`,
    {
      input: {
        homeId: HOME,
        category: 'INFRASTRUCTURE',
        content: '村东头道路破损严重，雨天无法通行。',
      },
    },
  );
  return data.raiseDemand.id;
}

describe('departments and proposals', () => {
  it('a department sees and acts on only what is assigned to it, and only the lead replies', async () => {
    const proposal = await proposalIn(S.HANDLING);
    const other = graph.as(departmentCaller(OTHER));
    expect((await other.query(READ, { id: proposal.id })).proposal).toBeNull();
    const list = `{ proposals(first: 100) { totalCount edges { node { id } } } }`;
    expect((await other.query(list)).proposals.totalCount).toBe(0);
    const seen = (await lead().query(list)).proposals.edges.map((e: any) => e.node.id);
    expect(seen).toContain(proposal.id);

    const reply = `mutation($i: ProposalStepInput!) { replyToProposal(input: $i, text: "答复", resultClass: A) { id } }`;
    const byOther = await other.send(reply, { i: { proposalId: proposal.id } });
    expect(byOther.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const byCo = await graph
      .as(departmentCaller(CO))
      .send(reply, { i: { proposalId: proposal.id } });
    expect(byCo.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const byStaff = await graph.send(reply, { i: { proposalId: proposal.id } });
    expect(byStaff.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const register = await lead().send(
      `mutation($i: ProposalStepInput!) { registerProposal(input: $i) { id } }`,
      { i: { proposalId: proposal.id } },
    );
    expect(register.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await read(proposal.id)).toEqual(proposal);
  });

  it('carries a demand up and brings the answer back to it', async () => {
    const demand = await raiseDemand();
    const { id } = (await draft({ sourceDemandIds: [demand] })).data!.draftProposal;
    for (const step of PATH[S.HANDLING]) await STEP[step](id);
    const DEMAND = `query($id: ID!) { demand(id: $id) { status escalatedAt resolvedAtHomeAt escalations { ... on Proposal { id status } } history { step toStatus } } }`;
    expect((await graph.query(DEMAND, { id: demand })).demand).toMatchObject({
      status: 'ESCALATED',
      escalations: [{ id, status: 'HANDLING' }],
    });
    await STEP.reply(id);
    const answered = (await graph.query(DEMAND, { id: demand })).demand;
    expect(answered.status).toBe('ANSWERED');
    // Its milestones: when it went up (kept through the answer), never resolved at the home.
    expect(Date.parse(answered.escalatedAt)).toBeLessThanOrEqual(Date.now());
    expect(answered.resolvedAtHomeAt).toBeNull();
    expect(answered.history.map((h: any) => h.step)).toEqual(['raise', 'escalate', 'answer']);
    const proposal = await read(id);
    expect(proposal.sources).toEqual({
      demands: [{ id: demand, status: 'ANSWERED' }],
      homes: [{ id: HOME }],
    });
    expect(proposal.reply).toMatchObject({ resultClass: 'B', department: { id: LEAD } });

    // The home it came from follows it; another home does not see it, nor a draft citing it.
    const homeLeader = (homeId: string) =>
      graph.as({
        subject: 'test:home',
        level: 'HOME',
        division: '320706001',
        roles: ['HOME_LEADER'],
        surface: 'home',
        homeId,
      });
    const atHome = await homeLeader(HOME).query(DEMAND, { id: demand });
    expect(atHome.demand.escalations).toEqual([{ id, status: 'REPLIED' }]);
    const PROPOSAL = `query($id: ID!) { proposal(id: $id) { id } }`;
    expect((await homeLeader(HOME).query(PROPOSAL, { id })).proposal).toEqual({ id });
    const elsewhere = '00000000-0000-4000-8000-000000000001';
    expect((await homeLeader(elsewhere).query(PROPOSAL, { id })).proposal).toBeNull();
    const drafted = (await draft({ sourceDemandIds: [await raiseDemand()] })).data!.draftProposal
      .id;
    expect((await homeLeader(HOME).query(PROPOSAL, { id: drafted })).proposal).toBeNull();
    expect((await graph.query(PROPOSAL, { id: drafted })).proposal).toEqual({ id: drafted });
  });

  it('flags what is overdue, and a department lists its overdue proposals in a fixed number of statements', async () => {
    const late = await proposalIn(S.HANDLING);
    await graph.orm.em
      .getConnection()
      .execute(`update proposal set due_on = ? where id = ?`, [
        addDays(todayInCity(), -1),
        late.id,
      ]);
    expect((await read(late.id)).isOverdue).toBe(true);
    const INBOX = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Department { id
      assignedProposals(overdue: true, first: 50) { totalCount edges { node { id isOverdue } } } } } }`;
    const data = await graph.query(INBOX, { r: [{ __typename: 'Department', id: LEAD }] });
    const overdue = data._entities[0].assignedProposals;
    expect(overdue.edges.map((e: any) => e.node)).toContainEqual({ id: late.id, isOverdue: true });
    expect(overdue.edges.every((e: any) => e.node.isOverdue)).toBe(true);
    const filtered = await graph.query(
      `{ proposals(overdue: true, first: 50) { edges { node { id } } } }`,
    );
    expect(filtered.proposals.edges.map((e: any) => e.node.id)).toContain(late.id);

    const departments = [
      LEAD,
      CO,
      OTHER,
      ...(await Promise.all([1, 2, 3, 4, 5].map(() => seedDepartment(graph, 'COUNTY', '320706')))),
    ];
    const counter = countQueries(graph.orm);
    await graph.query(INBOX, {
      r: departments.slice(0, 2).map((id) => ({ __typename: 'Department', id })),
    });
    const few = counter.count;
    counter.reset();
    await graph.query(INBOX, { r: departments.map((id) => ({ __typename: 'Department', id })) });
    const many = counter.count;
    counter.stop();
    expect(many).toBe(few);
  });

  it('lists a page of proposals with their history, sources, escalations and merges in a fixed number of statements', async () => {
    // Enough proposals with sources to fill a long page.
    for (let n = 0; n < 6; n++) {
      const demand = await raiseDemand();
      const { id } = (await draft({ sourceDemandIds: [demand] })).data!.draftProposal;
      await STEP.submit(id);
      // The newest two (the list is newest first): a merged one and the one it went into, so
      // the short page asks for every field the long one does.
      if (n === 5) await STEP.merge(id);
    }
    const PAGE = `query($first: Int!) { proposals(first: $first) { edges { node { id mergedInto { id }
      history { step } reply { text } coSigners { id } leadDepartment { id }
      sources { homes { id } demands { id history { step } escalations { ... on Proposal { id } } } } } } } }`;
    const counter = countQueries(graph.orm);
    const few = await graph.query(PAGE, { first: 2 });
    const short = counter.count;
    counter.reset();
    const many = await graph.query(PAGE, { first: 30 });
    const long = counter.count;
    counter.stop();
    expect(few.proposals.edges).toHaveLength(2);
    expect(many.proposals.edges.length).toBeGreaterThan(5);
    expect(long).toBe(short);
  });
});
