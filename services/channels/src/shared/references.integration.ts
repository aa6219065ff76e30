// What a record of the channels may name (requireReferences, docs/domain.md "What a record may
// name"): departments, members and participants of its county or of the city, known from the
// organization's feeds; of another county's, no more is said than of one that does not exist.
import { randomUUID } from 'node:crypto';
import {
  startTestSubgraph,
  type CallerClient,
  type GraphQLResponse,
  type TestSubgraph,
} from '@cppcc/toolkit/testing';
import { channelsSubgraph } from '../subgraph';
import {
  HAIZHOU_STAFF,
  seedDepartment,
  seedHome,
  seedMember,
  seedParticipant,
} from '../testing/fixtures';

let graph: TestSubgraph;
/** 海州区 (320706)'s office. */
let haizhou: CallerClient;
const at = {} as Record<
  | 'home'
  | 'cityDepartment'
  | 'haizhouDepartment'
  | 'donghaiDepartment'
  | 'cityMember'
  | 'haizhouMember'
  | 'donghaiMember'
  | 'haizhouParticipant'
  | 'donghaiParticipant',
  string
>;

beforeAll(async () => {
  graph = await startTestSubgraph(channelsSubgraph, 'channel_references');
  haizhou = graph.as(HAIZHOU_STAFF);
  at.home = await seedHome(graph, '320706001001');
  at.cityDepartment = await seedDepartment(graph, 'CITY', '3207');
  at.haizhouDepartment = await seedDepartment(graph, 'COUNTY', '320706');
  // 东海县 (320722): another county of the city.
  at.donghaiDepartment = await seedDepartment(graph, 'COUNTY', '320722');
  at.cityMember = await seedMember(graph, '3207');
  at.haizhouMember = await seedMember(graph, '320706');
  at.donghaiMember = await seedMember(graph, '320722');
  at.haizhouParticipant = await seedParticipant(graph, '320706001002');
  at.donghaiParticipant = await seedParticipant(graph, '320722100001');
});
afterAll(() => graph?.stop());

const NOBODY = '00000000-0000-0000-0000-000000000000';

const count = async (table: string) =>
  (await graph.orm.em.getConnection().execute(`select count(*)::int as n from ${table}`))[0].n;

/** The one refusal: BAD_USER_INPUT on the field, the message given, the id never repeated. */
function expectRefused(
  response: GraphQLResponse<Record<string, unknown>>,
  field: string,
  message: string,
  id: string,
) {
  expect(response.data ?? null).toBeNull();
  expect(response.errors?.[0]).toMatchObject({
    message,
    extensions: { code: 'BAD_USER_INPUT', field },
  });
  expect(JSON.stringify(response.errors)).not.toContain(id);
}

const NO_MEMBER = 'There is no such member in this county or the city.';
const NO_DEPARTMENT = 'There is no such department in this county or the city.';

const draftProposal = (input: Record<string, unknown>) =>
  haizhou.send(`mutation($input: DraftProposalInput!) { draftProposal(input: $input) { id } }`, {
    input: { kind: 'MEMBER', title: '关于加快农村道路提档升级的建议', content: '建议。', ...input },
  });

async function registeredProposal(): Promise<string> {
  const drafted = await draftProposal({ leadMemberId: at.haizhouMember });
  const proposalId = (drafted.data!.draftProposal as { id: string }).id;
  const step = 'mutation($i: ProposalStepInput!)';
  await haizhou.query(`${step} { submitProposal(input: $i) { id } }`, { i: { proposalId } });
  await haizhou.query(`${step} { registerProposal(input: $i) { id } }`, { i: { proposalId } });
  return proposalId;
}

const assign = (proposalId: string, lead: string, co: string[] = []) =>
  haizhou.send(
    `mutation($i: ProposalStepInput!, $lead: ID!, $co: [ID!]) {
       assignProposal(input: $i, leadDepartmentId: $lead, coDepartmentIds: $co) {
         status leadDepartment { id } coDepartments { id } } }`,
    { i: { proposalId }, lead, co },
  );

const proposalStatus = async (id: string) =>
  (await graph.query(`query($id: ID!) { proposal(id: $id) { status version } }`, { id })).proposal;

describe('the departments a county assigns its proposal to', () => {
  it("a county cannot assign its proposal to another county's department, nor to one that does not exist", async () => {
    const proposal = await registeredProposal();
    const before = await proposalStatus(proposal);
    for (const stranger of [at.donghaiDepartment, NOBODY, randomUUID()]) {
      expectRefused(await assign(proposal, stranger), 'leadDepartmentId', NO_DEPARTMENT, stranger);
    }
    const co = await assign(proposal, at.haizhouDepartment, [
      at.cityDepartment,
      at.donghaiDepartment,
    ]);
    expectRefused(co, 'coDepartmentIds.1', NO_DEPARTMENT, at.donghaiDepartment);
    expect(await proposalStatus(proposal)).toEqual(before);
  });

  it("a city department may handle a county's proposal, beside the county's own", async () => {
    const proposal = await registeredProposal();
    const assigned = await assign(proposal, at.cityDepartment, [at.haizhouDepartment]);
    expect(assigned.errors).toBeUndefined();
    expect(assigned.data!.assignProposal).toEqual({
      status: 'ASSIGNED',
      leadDepartment: { id: at.cityDepartment },
      coDepartments: [{ id: at.haizhouDepartment }],
    });
  });
});

describe('the members a county names as proposers and authors', () => {
  it('a county proposal cannot name a member of another county or one that does not exist, and writes nothing', async () => {
    const before = await count('proposal');
    for (const stranger of [at.donghaiMember, NOBODY]) {
      expectRefused(
        await draftProposal({ leadMemberId: stranger }),
        'input.leadMemberId',
        NO_MEMBER,
        stranger,
      );
    }
    expectRefused(
      await draftProposal({
        kind: 'MEMBER_GROUP',
        leadMemberId: at.haizhouMember,
        coSignerIds: [at.cityMember, at.donghaiMember],
      }),
      'input.coSignerIds.1',
      NO_MEMBER,
      at.donghaiMember,
    );
    expect(await count('proposal')).toBe(before);
  });

  it("a county's members and the city's may propose together in the county", async () => {
    const drafted = await draftProposal({
      kind: 'MEMBER_GROUP',
      leadMemberId: at.cityMember,
      coSignerIds: [at.haizhouMember],
    });
    expect(drafted.errors).toBeUndefined();
  });

  it("a city proposal names the city's members only", async () => {
    const city = (leadMemberId: string) =>
      graph.send(`mutation($input: DraftProposalInput!) { draftProposal(input: $input) { id } }`, {
        input: { kind: 'MEMBER', leadMemberId, title: '题', content: '内容', divisionCode: '3207' },
      });
    expect((await city(at.cityMember)).errors).toBeUndefined();
    expectRefused(
      await city(at.haizhouMember),
      'input.leadMemberId',
      'There is no such member in the city.',
      at.haizhouMember,
    );
  });

  it('a sentiment report cannot name an author of another county, at its place in the list', async () => {
    const before = await count('sentiment_report');
    const draft = (authorMemberIds: string[]) =>
      haizhou.send(
        `mutation($input: DraftSentimentReportInput!) { draftSentimentReport(input: $input) { id } }`,
        { input: { title: '农村留守老人助餐难', content: '情况反映。', authorMemberIds } },
      );
    expectRefused(
      await draft([at.haizhouMember, at.cityMember, at.donghaiMember]),
      'input.authorMemberIds.2',
      NO_MEMBER,
      at.donghaiMember,
    );
    expectRefused(await draft([NOBODY]), 'input.authorMemberIds.0', NO_MEMBER, NOBODY);
    expect(await count('sentiment_report')).toBe(before);
    expect((await draft([at.haizhouMember, at.cityMember])).errors).toBeUndefined();
  });

  it("a sentiment report is forwarded to its county's or the city's departments only", async () => {
    const drafted = await haizhou.query(
      `mutation($input: DraftSentimentReportInput!) { draftSentimentReport(input: $input) { id } }`,
      { input: { title: '题', content: '内容', authorMemberIds: [at.haizhouMember] } },
    );
    const i = { reportId: drafted.draftSentimentReport.id };
    const step = (name: string, extra = '') =>
      haizhou.query(
        `mutation($i: SentimentReportStepInput!) { ${name}(input: $i${extra}) { id } }`,
        {
          i,
        },
      );
    await step('submitSentimentReport');
    await step('adoptSentimentReport');
    await step('editSentimentReport', ', title: "农村留守老人助餐难问题"');
    await step('issueSentimentReport', ', issuedTo: [CITY_GOVERNMENT]');
    const forward = (d: string[]) =>
      haizhou.send(
        `mutation($i: SentimentReportStepInput!, $d: [ID!]!) { forwardSentimentReport(input: $i, departmentIds: $d) { status } }`,
        { i, d },
      );
    expectRefused(
      await forward([at.haizhouDepartment, at.donghaiDepartment]),
      'departmentIds.1',
      NO_DEPARTMENT,
      at.donghaiDepartment,
    );
    expect((await forward([at.haizhouDepartment, at.cityDepartment])).errors).toBeUndefined();
  });

  it.each(['Speech', 'SpecialReport'])(
    'a %s cannot name an author of another county or one that does not exist',
    async (type) => {
      const submit = (authorMemberIds: string[]) =>
        haizhou.send(
          `mutation($input: SubmitPlenaryItemInput!) { submit${type}(input: $input) { id } }`,
          { input: { title: '题', content: '内容', authorMemberIds } },
        );
      const table = type === 'Speech' ? 'speech' : 'special_report';
      const before = await count(table);
      expectRefused(
        await submit([at.cityMember, at.donghaiMember]),
        'input.authorMemberIds.1',
        NO_MEMBER,
        at.donghaiMember,
      );
      expectRefused(await submit([NOBODY]), 'input.authorMemberIds.0', NO_MEMBER, NOBODY);
      expect(await count(table)).toBe(before);
      expect((await submit([at.haizhouMember, at.cityMember])).errors).toBeUndefined();
    },
  );
});

describe('the participant who raises a demand', () => {
  const raise = (participantId: string) =>
    haizhou.send(
      `mutation($input: RaiseDemandInput!) { raiseDemand(input: $input) { participant { id } } }`,
      {
        input: {
          homeId: at.home,
          category: 'INFRASTRUCTURE',
          content: '村口桥梁栏杆损坏。',
          participantId,
        },
      },
    );

  it('is one of the county: of another county, or one that does not exist, the demand is refused', async () => {
    const before = await count('demand');
    for (const stranger of [at.donghaiParticipant, NOBODY]) {
      expectRefused(
        await raise(stranger),
        'input.participantId',
        'There is no such participant in this county.',
        stranger,
      );
    }
    expect(await count('demand')).toBe(before);
    const raised = await raise(at.haizhouParticipant);
    expect(raised.data!.raiseDemand).toEqual({ participant: { id: at.haizhouParticipant } });
  });
});
