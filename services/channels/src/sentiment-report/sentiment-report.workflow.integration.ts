import { randomUUID } from 'node:crypto';
import { ACTORS, todayInCity } from '@cppcc/toolkit';
import {
  countQueries,
  startTestSubgraph,
  type GraphQLResponse,
  type TestSubgraph,
} from '@cppcc/toolkit/testing';
import { addDays } from '../shared/dates';
import { channelsSubgraph } from '../subgraph';
import { departmentCaller, seedDepartment, seedHome, seedMember } from '../testing/fixtures';
import { SentimentReportStatus as S } from './sentiment-report.entity';
import { SENTIMENT_REPORT_STEPS, type SentimentReportStep } from './sentiment-report.workflow';

let graph: TestSubgraph;
/** The departments every report in the matrix is forwarded to; OTHER never is. */
let FIRST: string;
let SECOND: string;
let OTHER: string;
let HOME: string;
const AUTHOR = randomUUID();

beforeAll(async () => {
  graph = await startTestSubgraph(channelsSubgraph, 'sentiment_workflow');
  FIRST = await seedDepartment(graph, 'CITY', '3207');
  SECOND = await seedDepartment(graph, 'CITY', '3207');
  OTHER = await seedDepartment(graph, 'CITY', '3207');
  HOME = await seedHome(graph, '320706001001');
  await seedMember(graph, '3207', AUTHOR);
});
afterAll(() => graph?.stop());

const as = (department: string) => graph.as(departmentCaller(department));

const FIELDS = `id status version title content notAdoptedReason issuedTo submittedAt issuedAt closedAt
  authors { id } forwardedTo { id } instructions { level leader text givenOn }
  feedback { text givenOn department { id } } sources { demands { id status } homes { id } }
  history { step fromStatus toStatus byDepartmentId }`;
const READ = `query($id: ID!) { sentimentReport(id: $id) { ${FIELDS} } }`;
const read = async (id: string) => (await graph.query(READ, { id })).sentimentReport;

function draft(extra: Record<string, unknown> = {}, author: string = AUTHOR) {
  return graph.send(
    `mutation($input: DraftSentimentReportInput!) { draftSentimentReport(input: $input) { ${FIELDS} } }`,
    {
      input: {
        title: '关于农村留守老人助餐服务的情况反映',
        content: '部分村居助餐点运营困难，老人就餐不便，建议统筹财政补贴。',
        authorMemberIds: [author],
        ...extra,
      },
    },
  );
}

type Response = Promise<GraphQLResponse<Record<string, any>>>;
const stepInput = (id: string, v?: number) => ({ i: { reportId: id, expectedVersion: v } });

const feedback = (department: string, id: string, v?: number) =>
  as(department).send(
    `mutation($i: SentimentReportStepInput!) { giveSentimentFeedback(input: $i, text: "已督促各镇落实助餐补贴。") { ${FIELDS} } }`,
    stepInput(id, v),
  );

/** Each step as its mutation, sent by whoever the table says takes it (feedback: SECOND). */
const STEP: Record<SentimentReportStep, (id: string, version?: number) => Response> = {
  submit: (id, v) =>
    graph.send(
      `mutation($i: SentimentReportStepInput!) { submitSentimentReport(input: $i) { ${FIELDS} } }`,
      stepInput(id, v),
    ),
  adopt: (id, v) =>
    graph.send(
      `mutation($i: SentimentReportStepInput!) { adoptSentimentReport(input: $i) { ${FIELDS} } }`,
      stepInput(id, v),
    ),
  reject: (id, v) =>
    graph.send(
      `mutation($i: SentimentReportStepInput!) { rejectSentimentReport(input: $i, reason: "反映问题已在专项工作中解决") { ${FIELDS} } }`,
      stepInput(id, v),
    ),
  edit: (id, v) =>
    graph.send(
      `mutation($i: SentimentReportStepInput!) { editSentimentReport(input: $i, title: "农村留守老人助餐难问题亟待解决") { ${FIELDS} } }`,
      stepInput(id, v),
    ),
  issue: (id, v) =>
    graph.send(
      `mutation($i: SentimentReportStepInput!) { issueSentimentReport(input: $i, issuedTo: [CITY_PARTY_COMMITTEE, CITY_GOVERNMENT]) { ${FIELDS} } }`,
      stepInput(id, v),
    ),
  recordInstruction: (id, v) =>
    graph.send(
      `mutation($i: SentimentReportStepInput!, $n: LeaderInstructionInput!) { recordLeaderInstruction(input: $i, instruction: $n) { ${FIELDS} } }`,
      {
        ...stepInput(id, v),
        n: { leader: '市长', level: 'CITY', text: '请民政局研究落实。', givenOn: todayInCity() },
      },
    ),
  forward: (id, v) =>
    graph.send(
      `mutation($i: SentimentReportStepInput!, $d: [ID!]!) { forwardSentimentReport(input: $i, departmentIds: $d) { ${FIELDS} } }`,
      { ...stepInput(id, v), d: [FIRST, SECOND] },
    ),
  giveFeedback: (id, v) => feedback(SECOND, id, v),
  close: (id, v) =>
    graph.send(
      `mutation($i: SentimentReportStepInput!) { closeSentimentReport(input: $i) { ${FIELDS} } }`,
      stepInput(id, v),
    ),
};

/** FIRST's feedback brings a report to FEEDBACK and leaves SECOND's to give. */
type PathStep = SentimentReportStep | 'firstFeedback';
const take = (step: PathStep, id: string) =>
  step === 'firstFeedback' ? feedback(FIRST, id) : STEP[step](id);

/** The steps that bring a new report to each state. */
const ISSUED: PathStep[] = ['submit', 'adopt', 'edit', 'issue'];
const PATH: Record<S, PathStep[]> = {
  [S.DRAFT]: [],
  [S.SUBMITTED]: ['submit'],
  [S.NOT_ADOPTED]: ['submit', 'reject'],
  [S.ADOPTED]: ['submit', 'adopt'],
  [S.EDITED]: ['submit', 'adopt', 'edit'],
  [S.ISSUED]: ISSUED,
  [S.INSTRUCTED]: [...ISSUED, 'recordInstruction'],
  [S.FORWARDED]: [...ISSUED, 'recordInstruction', 'forward'],
  [S.FEEDBACK]: [...ISSUED, 'forward', 'firstFeedback'],
  [S.CLOSED]: [...ISSUED, 'forward', 'firstFeedback', 'close'],
};

async function reportIn(status: S, extra: Record<string, unknown> = {}) {
  const response = await draft(extra);
  if (response.errors) throw new Error(`draft: ${JSON.stringify(response.errors)}`);
  const { id } = response.data!.draftSentimentReport;
  for (const step of PATH[status]) {
    const taken = await take(step, id);
    if (taken.errors) throw new Error(`${step}: ${JSON.stringify(taken.errors)}`);
  }
  return read(id);
}

/** States in which it was not forwarded: to a department, the report does not exist. */
const NOT_FORWARDED = new Set<S>([
  S.DRAFT,
  S.SUBMITTED,
  S.NOT_ADOPTED,
  S.ADOPTED,
  S.EDITED,
  S.ISSUED,
  S.INSTRUCTED,
]);

describe('the life of a sentiment report', () => {
  it.each(
    Object.values(S).flatMap((status) =>
      (Object.keys(SENTIMENT_REPORT_STEPS) as SentimentReportStep[]).map(
        (step) => [status, step] as const,
      ),
    ),
  )(
    'from %s, %s is allowed exactly when the table says so; a refused step changes nothing',
    async (status, name) => {
      const before = await reportIn(status);
      expect(before.status).toBe(status);
      const rule = SENTIMENT_REPORT_STEPS[name];
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
          byDepartmentId: rule.actor === ACTORS.DEPARTMENT ? SECOND : null,
        });
      } else if (rule.actor === ACTORS.DEPARTMENT && NOT_FORWARDED.has(status)) {
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

  it('is not adopted only with a reason, and then ends', async () => {
    const report = await reportIn(S.SUBMITTED);
    const reject = `mutation($i: SentimentReportStepInput!, $r: String!) { rejectSentimentReport(input: $i, reason: $r) { id } }`;
    const blank = await graph.send(reject, { ...stepInput(report.id), r: '   ' });
    expect(blank.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'reason',
    });
    expect(await read(report.id)).toEqual(report);
    const rejected = (await STEP.reject(report.id)).data!.rejectSentimentReport;
    expect(rejected).toMatchObject({
      status: 'NOT_ADOPTED',
      notAdoptedReason: '反映问题已在专项工作中解决',
    });
  });

  it("keeps the authors' draft in the history when the office edits it for issue", async () => {
    const adopted = await reportIn(S.ADOPTED);
    const edited = (await STEP.edit(adopted.id)).data!.editSentimentReport;
    expect(edited).toMatchObject({
      status: 'EDITED',
      title: '农村留守老人助餐难问题亟待解决',
      content: adopted.content,
    });
    const [event] = await graph.orm.em
      .getConnection()
      .execute(`select detail from channel_event where record_id = ? and step = 'edit'`, [
        adopted.id,
      ]);
    expect(event.detail).toEqual({ before: { title: adopted.title, content: adopted.content } });
  });

  it('is issued to someone, named', async () => {
    const report = await reportIn(S.EDITED);
    const none = await graph.send(
      `mutation($i: SentimentReportStepInput!) { issueSentimentReport(input: $i, issuedTo: []) { id } }`,
      stepInput(report.id),
    );
    expect(none.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'issuedTo',
    });
    expect(await read(report.id)).toEqual(report);
    const issued = (await STEP.issue(report.id)).data!.issueSentimentReport;
    expect(issued.issuedTo).toEqual(['CITY_PARTY_COMMITTEE', 'CITY_GOVERNMENT']);
    expect(issued.issuedAt).not.toBeNull();
  });

  it("lists leaders' instructions in the order they were given, none dated in the future", async () => {
    const report = await reportIn(S.ISSUED);
    const record = `mutation($i: SentimentReportStepInput!, $n: LeaderInstructionInput!) { recordLeaderInstruction(input: $i, instruction: $n) { status instructions { level leader text givenOn } } }`;
    const instructions = [
      {
        level: 'PROVINCE',
        leader: '省政协主席',
        text: '请连云港市研究。',
        givenOn: addDays(todayInCity(), -3),
      },
      {
        level: 'CITY',
        leader: '市委书记',
        text: '请市民政局牵头办理。',
        givenOn: addDays(todayInCity(), -1),
      },
      { level: 'CITY', leader: '市长', text: '同意。', givenOn: todayInCity() },
    ];
    let last: any;
    for (const n of instructions) last = await graph.query(record, { ...stepInput(report.id), n });
    expect(last.recordLeaderInstruction).toEqual({ status: 'INSTRUCTED', instructions });

    const before = await read(report.id);
    const future = await graph.send(record, {
      ...stepInput(report.id),
      n: { ...instructions[2], givenOn: addDays(todayInCity(), 1) },
    });
    expect(future.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'instruction.givenOn',
    });
    expect(await read(report.id)).toEqual(before);
  });

  it('is forwarded only to departments that exist, naming the unknown one by its place', async () => {
    const report = await reportIn(S.ISSUED);
    const unknown = randomUUID();
    const response = await graph.send(
      `mutation($i: SentimentReportStepInput!, $d: [ID!]!) { forwardSentimentReport(input: $i, departmentIds: $d) { id } }`,
      { ...stepInput(report.id), d: [FIRST, unknown] },
    );
    expect(response.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'departmentIds.1',
    });
    // The field says which one; the message never repeats the id given.
    expect(response.errors?.[0].message).toBe('There is no such department in the city.');
    expect(await read(report.id)).toEqual(report);
  });

  it('refuses a stale version with CONFLICT and changes nothing', async () => {
    const report = await reportIn(S.SUBMITTED);
    const stale = await STEP.adopt(report.id, report.version - 1);
    expect(stale.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      currentVersion: report.version,
    });
    expect(await read(report.id)).toEqual(report);
    expect((await STEP.adopt(report.id, report.version)).data!.adoptSentimentReport.status).toBe(
      'ADOPTED',
    );
  });

  it('gives one report for one idempotency key, however often the draft is sent', async () => {
    const key = randomUUID();
    const author = await seedMember(graph, '3207');
    const [a, b] = await Promise.all([
      draft({ idempotencyKey: key }, author),
      draft({ idempotencyKey: key }, author),
    ]);
    expect(a.errors).toBeUndefined();
    expect(b.errors).toBeUndefined();
    expect(a.data!.draftSentimentReport.id).toBe(b.data!.draftSentimentReport.id);
    const [{ n }] = await graph.orm.em
      .getConnection()
      .execute(`select count(*)::int as n from sentiment_report where ? = any(author_member_ids)`, [
        author,
      ]);
    expect(n).toBe(1);
  });
});

describe('departments and sentiment reports', () => {
  it('each department it was forwarded to gives feedback once; the others find nothing', async () => {
    const report = await reportIn(S.FORWARDED);
    expect(report.forwardedTo).toEqual([{ id: FIRST }, { id: SECOND }]);

    const byOther = await feedback(OTHER, report.id);
    expect(byOther.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const other = as(OTHER);
    expect((await other.query(READ, { id: report.id })).sentimentReport).toBeNull();
    const list = `{ sentimentReports(first: 100) { totalCount edges { node { id } } } }`;
    expect((await other.query(list)).sentimentReports).toEqual({ totalCount: 0, edges: [] });
    const seen = (await as(FIRST).query(list)).sentimentReports.edges.map((e: any) => e.node.id);
    expect(seen).toContain(report.id);
    expect(await read(report.id)).toEqual(report);

    const first = (await feedback(FIRST, report.id)).data!.giveSentimentFeedback;
    expect(first.status).toBe('FEEDBACK');
    const again = await feedback(FIRST, report.id);
    expect(again.errors?.[0].extensions).toEqual({
      code: 'INVALID_TRANSITION',
      currentState: 'FEEDBACK',
    });
    expect(again.errors?.[0].message).toMatch(/already/);
    const afterFirst = await read(report.id);
    expect(afterFirst.feedback).toHaveLength(1);
    expect(afterFirst.version).toBe(first.version);

    await feedback(SECOND, report.id);
    const FEEDBACK = `query($id: ID!) { sentimentReport(id: $id) { feedback { department { id } } } }`;
    const own = async (department: string) =>
      (await as(department).query(FEEDBACK, { id: report.id })).sentimentReport.feedback;
    expect(await own(FIRST)).toEqual([{ department: { id: FIRST } }]);
    expect(await own(SECOND)).toEqual([{ department: { id: SECOND } }]);
    expect((await graph.query(FEEDBACK, { id: report.id })).sentimentReport.feedback).toEqual([
      { department: { id: FIRST } },
      { department: { id: SECOND } },
    ]);

    const closed = (await STEP.close(report.id)).data!.closeSentimentReport;
    expect(closed.status).toBe('CLOSED');
    expect(closed.closedAt).not.toBeNull();
    expect(closed.feedback).toEqual([
      { text: '已督促各镇落实助餐补贴。', givenOn: todayInCity(), department: { id: FIRST } },
      { text: '已督促各镇落实助餐补贴。', givenOn: todayInCity(), department: { id: SECOND } },
    ]);
  });

  it('takes one feedback from a department that presses send twice at once', async () => {
    const report = await reportIn(S.FEEDBACK);
    const [a, b] = await Promise.all([feedback(SECOND, report.id), feedback(SECOND, report.id)]);
    // The second waits for the first, then finds the feedback given.
    const refused = [a, b].filter((r) => r.errors);
    expect(refused).toHaveLength(1);
    expect(refused[0].errors?.[0].extensions?.code).toBe('INVALID_TRANSITION');
    expect(refused[0].errors?.[0].message).toMatch(/already/);
    const after = await read(report.id);
    expect(after.feedback.map((f: any) => f.department.id)).toEqual([FIRST, SECOND]);
    expect(after.history.filter((h: any) => h.step === 'giveFeedback')).toHaveLength(2);
  });

  it('staff steps are refused to departments, and the department step to staff', async () => {
    const report = await reportIn(S.FORWARDED);
    const byDepartment = await as(FIRST).send(
      `mutation($i: SentimentReportStepInput!) { closeSentimentReport(input: $i) { id } }`,
      stepInput(report.id),
    );
    expect(byDepartment.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const byStaff = await graph.send(
      `mutation($i: SentimentReportStepInput!) { giveSentimentFeedback(input: $i, text: "答复") { id } }`,
      stepInput(report.id),
    );
    expect(byStaff.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await read(report.id)).toEqual(report);
  });

  it('carries the demands it reports up on submit, and back as answered on the first feedback', async () => {
    const demand = (
      await graph.query(
        `mutation($input: RaiseDemandInput!) { raiseDemand(input: $input) { id } }`,
        {
          input: { homeId: HOME, category: 'SOCIAL_SECURITY', content: '村里老人吃饭难。' },
        },
      )
    ).raiseDemand.id;
    const DEMAND = `query($id: ID!) { demand(id: $id) { status history { step }
      escalations { ... on SentimentReport { id } } } }`;
    const { id } = (await draft({ sourceDemandIds: [demand] })).data!.draftSentimentReport;
    expect((await graph.query(DEMAND, { id: demand })).demand.status).toBe('RECEIVED');

    await STEP.submit(id);
    expect((await graph.query(DEMAND, { id: demand })).demand).toEqual({
      status: 'ESCALATED',
      history: [{ step: 'raise' }, { step: 'escalate' }],
      escalations: [{ id }],
    });
    for (const step of ['adopt', 'edit', 'issue', 'forward'] as const) await STEP[step](id);
    expect((await graph.query(DEMAND, { id: demand })).demand.status).toBe('ESCALATED');

    await feedback(FIRST, id);
    await feedback(SECOND, id);
    expect((await graph.query(DEMAND, { id: demand })).demand).toEqual({
      status: 'ANSWERED',
      history: [{ step: 'raise' }, { step: 'escalate' }, { step: 'answer' }],
      escalations: [{ id }],
    });
    expect((await read(id)).sources).toEqual({
      demands: [{ id: demand, status: 'ANSWERED' }],
      homes: [{ id: HOME }],
    });
  });

  it("lists members' reports and departments' forwarded reports in a fixed number of statements", async () => {
    const members = await Promise.all(Array.from({ length: 6 }, () => seedMember(graph, '3207')));
    const byMember = new Map<string, string[]>();
    for (const [index, member] of members.entries()) {
      const ids: string[] = [];
      for (let n = 0; n <= index % 3; n++) {
        ids.unshift((await draft({}, member)).data!.draftSentimentReport.id);
      }
      byMember.set(member, ids);
    }
    const MEMBERS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Member { id
      sentimentReports(first: 10) { totalCount edges { node { id authors { id } } } } } } }`;
    const memberReps = (list: string[]) => list.map((id) => ({ __typename: 'Member', id }));
    const data = await graph.query(MEMBERS, { r: memberReps(members) });
    for (const [index, entity] of data._entities.entries()) {
      expect(entity.id).toBe(members[index]);
      expect(entity.sentimentReports.totalCount).toBe(1 + (index % 3));
      expect(entity.sentimentReports.edges.map((e: any) => e.node.id)).toEqual(
        byMember.get(members[index]),
      );
    }

    const departments = await Promise.all(
      [1, 2, 3, 4, 5].map(() => seedDepartment(graph, 'CITY', '3207')),
    );
    const forwarded = new Map<string, string[]>(departments.map((d) => [d, []]));
    for (const [index, department] of departments.entries()) {
      const report = await reportIn(S.ISSUED);
      const to = [department, departments[(index + 1) % departments.length]];
      await graph.query(
        `mutation($i: SentimentReportStepInput!, $d: [ID!]!) { forwardSentimentReport(input: $i, departmentIds: $d) { id } }`,
        { ...stepInput(report.id), d: to },
      );
      for (const d of to) forwarded.get(d)!.push(report.id);
    }
    const INBOX = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Department { id
      forwardedReports(first: 10) { totalCount edges { node { id status } } } } } }`;
    const deptReps = (list: string[]) => list.map((id) => ({ __typename: 'Department', id }));
    const inbox = await graph.query(INBOX, { r: deptReps(departments) });
    for (const [index, entity] of inbox._entities.entries()) {
      const ids = entity.forwardedReports.edges.map((e: any) => e.node.id);
      expect(new Set(ids)).toEqual(new Set(forwarded.get(departments[index])));
      expect(entity.forwardedReports.totalCount).toBe(2);
    }
    // A department's own system sees its own inbox only.
    const mine = await as(departments[0]).query(INBOX, { r: deptReps(departments.slice(0, 2)) });
    expect(mine._entities[0].forwardedReports.totalCount).toBe(2);
    // Of another department's, only what was forwarded to both.
    expect(mine._entities[1].forwardedReports.edges.map((e: any) => e.node.id)).toEqual([
      forwarded.get(departments[0])![0],
    ]);

    const counter = countQueries(graph.orm);
    const statements = async (query: string, r: unknown) => {
      counter.reset();
      await graph.query(query, { r });
      return counter.count;
    };
    const fewMembers = await statements(MEMBERS, memberReps(members.slice(0, 2)));
    const manyMembers = await statements(MEMBERS, memberReps(members));
    const fewDepartments = await statements(INBOX, deptReps(departments.slice(0, 2)));
    const manyDepartments = await statements(INBOX, deptReps(departments));
    counter.stop();
    expect(manyMembers).toBe(fewMembers);
    expect(manyDepartments).toBe(fewDepartments);
  });
});

describe("a department's system catching up on its reports", () => {
  it('reads exactly the reports changed since an instant, newest first, page by page', async () => {
    const fed = await reportIn(S.FORWARDED);
    await reportIn(S.FORWARDED);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const since = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await feedback(FIRST, fed.id);
    const fresh = await reportIn(S.FORWARDED);
    const changed = [fresh.id, fed.id];

    const pages: string[] = [];
    let after: string | null = null;
    do {
      const data: any = await as(FIRST).query(
        `query($r: [_Any!]!, $u: DateTime, $a: String) { _entities(representations: $r) {
          ... on Department { forwardedReports(updatedAfter: $u, first: 1, after: $a) {
            totalCount pageInfo { hasNextPage endCursor } edges { node { id updatedAt } } } } } }`,
        { r: [{ __typename: 'Department', id: FIRST }], u: since, a: after },
      );
      const list = data._entities[0].forwardedReports;
      expect(list.totalCount).toBe(2);
      pages.push(...list.edges.map((edge: any) => edge.node.id));
      after = list.pageInfo.hasNextPage ? list.pageInfo.endCursor : null;
    } while (after);
    expect(pages).toEqual(changed);

    const own = await as(FIRST).query(
      `query($u: DateTime) { sentimentReports(updatedAfter: $u) { edges { node { id } } } }`,
      { u: since },
    );
    expect(own.sentimentReports.edges.map((edge: any) => edge.node.id)).toEqual(changed);
    const authored = await graph.query(
      `query($r: [_Any!]!, $u: DateTime) { _entities(representations: $r) {
        ... on Member { sentimentReports(updatedAfter: $u) { edges { node { id } } } } } }`,
      { r: [{ __typename: 'Member', id: AUTHOR }], u: since },
    );
    expect(authored._entities[0].sentimentReports.edges.map((edge: any) => edge.node.id)).toEqual(
      changed,
    );
  });
});
