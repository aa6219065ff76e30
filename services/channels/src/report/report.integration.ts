import { randomUUID } from 'node:crypto';
import { REPORT_MAX_ROWS, todayInCity } from '@cppcc/toolkit';
import { countQueries, startTestSubgraph, type TestSubgraph } from '@cppcc/toolkit/testing';
import { addDays } from '../shared/dates';
import { channelsSubgraph } from '../subgraph';
import { GUANNAN_STAFF, HAIZHOU_STAFF, departmentCaller } from '../testing/fixtures';

/**
 * Analysts' reports over proposals and demands: figures per group checked against the rows
 * inserted here, one statement whatever the groups, and the caller's jurisdiction.
 */
let graph: TestSubgraph;
const ROADS = randomUUID();
const WATER = randomUUID();

async function insertProposal(
  division: string,
  submittedAt: string | null,
  status: string,
  facts: {
    kind?: string;
    lead?: string;
    co?: string[];
    assignedOn?: string;
    dueOn?: string;
    repliedOn?: string;
    resultClass?: string;
    evaluation?: string;
    isKey?: boolean;
  } = {},
) {
  const departments = [facts.lead, ...(facts.co ?? [])].filter(Boolean) as string[];
  await graph.orm.em.getConnection().execute(
    `insert into proposal (id, division_code, year, kind, lead_member_id, title, content, status, submitted_at,
       registered_at, is_key, lead_department_id, department_ids, assigned_on, due_on, replied_on, result_class, evaluation)
     values (?, ?, 2025, ?, ?, '提案', '内容', ?, ?, ?, ?, ?, ?::uuid[], ?, ?, ?, ?, ?)`,
    [
      randomUUID(),
      division,
      facts.kind ?? 'MEMBER',
      randomUUID(),
      status,
      submittedAt,
      ['SUBMITTED', 'DRAFT', 'NOT_REGISTERED'].includes(status) ? null : submittedAt,
      facts.isKey ?? false,
      facts.lead ?? null,
      `{${departments.join(',')}}`,
      facts.assignedOn ?? null,
      facts.dueOn ?? null,
      facts.repliedOn ?? null,
      facts.resultClass ?? null,
      facts.evaluation ?? null,
    ],
  );
}

/** A demand and its steps: [status, at, channel of an escalation]. */
async function insertDemand(
  division: string,
  receivedAt: string,
  category: string,
  steps: Array<[string, string, string?]>,
) {
  const connection = graph.orm.em.getConnection();
  const id = randomUUID();
  await connection.execute(
    `insert into demand (id, home_id, division_code, category, content, status, received_at)
     values (?, ?, ?, ?, '诉求', ?, ?)`,
    [id, randomUUID(), division, category, steps[steps.length - 1][0], receivedAt],
  );
  for (const [status, at, channel] of steps) {
    await connection.execute(
      `insert into channel_event (record_kind, record_id, step, to_status, by_subject, at, detail)
       values ('DEMAND', ?, 'step', ?, 'test', ?, ?::jsonb)`,
      [id, status, at, JSON.stringify(channel ? { channel } : {})],
    );
  }
}

beforeAll(async () => {
  graph = await startTestSubgraph(channelsSubgraph, 'channel_reports');
  const yesterday = addDays(todayInCity(), -1);
  // 海州区's CPPCC: three in 2025 Q1, two in 2025 Q3 (one just before midnight of 30 September,
  // China Standard Time), one in 2024 Q4.
  await insertProposal('320706', '2025-02-10T10:00:00+08:00', 'REPLIED', {
    lead: ROADS,
    assignedOn: '2025-03-01',
    dueOn: '2025-06-01',
    repliedOn: '2025-03-31', // 30 days
    resultClass: 'A',
  });
  await insertProposal('320706', '2025-03-10T10:00:00+08:00', 'EVALUATED', {
    lead: ROADS,
    co: [WATER],
    assignedOn: '2025-03-20',
    dueOn: '2025-06-20',
    repliedOn: '2025-05-04', // 45 days
    resultClass: 'B',
    evaluation: 'DISSATISFIED',
    isKey: true,
  });
  await insertProposal('320706', '2025-03-11T10:00:00+08:00', 'SUBMITTED', {
    kind: 'MEMBER_GROUP',
  });
  await insertProposal('320706', '2025-09-30T23:30:00+08:00', 'HANDLING', {
    lead: WATER,
    assignedOn: '2025-10-10',
    dueOn: yesterday, // overdue
  });
  await insertProposal('320706', '2025-08-01T10:00:00+08:00', 'EVALUATED', {
    lead: WATER,
    assignedOn: '2025-08-10',
    dueOn: '2025-11-10',
    repliedOn: '2025-08-20', // 10 days
    resultClass: 'A',
    evaluation: 'SATISFIED',
  });
  await insertProposal('320706', '2024-11-01T10:00:00+08:00', 'REGISTERED');
  await insertProposal('320706', null, 'DRAFT'); // not gone up: never counted
  // The city CPPCC's and 灌南县's.
  await insertProposal('3207', '2025-02-01T10:00:00+08:00', 'REGISTERED', { isKey: true });
  await insertProposal('320724', '2025-02-01T10:00:00+08:00', 'HANDLING', {
    lead: ROADS,
    assignedOn: '2025-02-10',
    dueOn: '2025-05-10',
  });

  // Demands in two townships of 海州区 and one in 灌南县.
  const Q1 = '2025-02-01T10:00:00+08:00';
  await insertDemand('320706001001', Q1, 'INFRASTRUCTURE', [['RECEIVED', Q1]]);
  await insertDemand('320706001002', Q1, 'INFRASTRUCTURE', [
    ['RECEIVED', Q1],
    ['RESOLVED_AT_HOME', '2025-02-11T10:00:00+08:00'], // 10 days
    ['CLOSED', '2025-02-20T10:00:00+08:00'],
  ]);
  await insertDemand('320706001002', Q1, 'EDUCATION', [
    ['RECEIVED', Q1],
    ['ESCALATED', '2025-02-05T10:00:00+08:00', 'PROPOSAL'],
    ['ESCALATED', '2025-02-06T10:00:00+08:00', 'SENTIMENT_REPORT'], // cited again: first counts
    ['ANSWERED', '2025-03-03T10:00:00+08:00'], // 30 days
  ]);
  await insertDemand('320706006001', '2025-07-01T10:00:00+08:00', 'EDUCATION', [
    ['RECEIVED', '2025-07-01T10:00:00+08:00'],
    ['ESCALATED', '2025-07-02T10:00:00+08:00', 'Speech'], // as speeches once named themselves
  ]);
  await insertDemand('320724100001', Q1, 'HEALTH', [
    ['RECEIVED', Q1],
    ['ESCALATED', '2025-02-02T10:00:00+08:00', 'SPECIAL_REPORT'],
  ]);
});
afterAll(() => graph?.stop());

const PROPOSAL_FIGURES = `count registered keyProposals replied overdue averageDaysToReply evaluated satisfactionRate`;

describe('proposalReport', () => {
  it('counts the submitted proposals of each county by quarter, in time order (a trend)', async () => {
    const { proposalReport } = await graph.query(
      `{ proposalReport(groupBy: [COUNTY, QUARTER]) {
           totalGroups truncated rows { county { code } year quarter status department { id } ${PROPOSAL_FIGURES} } } }`,
    );
    expect(proposalReport.truncated).toBe(false);
    expect(
      proposalReport.rows.map((row: any) => [row.county?.code ?? null, row.year, row.quarter]),
    ).toEqual([
      ['320706', 2024, 4],
      ['320706', 2025, 1],
      ['320706', 2025, 3],
      ['320724', 2025, 1],
      [null, 2025, 1], // the city CPPCC's own
    ]);
    expect(proposalReport.totalGroups).toBe(5);
    expect(proposalReport.rows[1]).toEqual({
      county: { code: '320706' },
      year: 2025,
      quarter: 1,
      status: null,
      department: null,
      count: 3,
      registered: 2,
      keyProposals: 1,
      replied: 2,
      overdue: 0,
      averageDaysToReply: 37.5,
      evaluated: 1,
      satisfactionRate: 0,
    });
    expect(proposalReport.rows[2]).toMatchObject({
      count: 2,
      replied: 1,
      overdue: 1,
      averageDaysToReply: 10,
      satisfactionRate: 1,
    });
  });

  it('groups by lead department and result class, with a filter', async () => {
    const { proposalReport } = await graph.query(
      `query($d: ID) { proposalReport(groupBy: [DEPARTMENT, RESULT_CLASS], filter: { year: 2025, divisionCode: "320706", departmentId: $d }) {
           rows { department { id } resultClass count replied } } }`,
      { d: WATER },
    );
    // WATER handles three of 海州区's 2025 proposals: co-handles one that ROADS leads.
    expect(proposalReport.rows).toEqual(
      expect.arrayContaining([
        { department: { id: ROADS }, resultClass: 'B', count: 1, replied: 1 },
        { department: { id: WATER }, resultClass: 'A', count: 1, replied: 1 },
        { department: { id: WATER }, resultClass: null, count: 1, replied: 0 },
      ]),
    );
    expect(proposalReport.rows).toHaveLength(3);
  });

  it('gives one row of totals without dimensions, and filters by status and kind', async () => {
    const totals = await graph.query(`{ proposalReport(groupBy: []) { rows { count } } }`);
    expect(totals.proposalReport.rows).toEqual([{ count: 8 }]);
    const some = await graph.query(
      `{ proposalReport(groupBy: [STATUS, KIND], filter: { status: [SUBMITTED, HANDLING], kind: [MEMBER_GROUP] }) { rows { status kind count } } }`,
    );
    expect(some.proposalReport.rows).toEqual([
      { status: 'SUBMITTED', kind: 'MEMBER_GROUP', count: 1 },
    ]);
  });

  it('answers in one statement however many groups', async () => {
    for (const groupBy of [
      '[]',
      '[COUNTY]',
      '[COUNTY, QUARTER, STATUS, DEPARTMENT, KIND, RESULT_CLASS]',
    ]) {
      const counter = countQueries(graph.orm);
      await graph.query(`{ proposalReport(groupBy: ${groupBy}) { rows { count } } }`);
      counter.stop();
      expect(counter.count).toBe(1);
    }
  });

  it('shows a county its own CPPCC’s proposals only, and a department those it handles', async () => {
    const county = await graph
      .as(GUANNAN_STAFF)
      .query(`{ proposalReport(groupBy: [COUNTY]) { rows { county { code } count } } }`);
    expect(county.proposalReport.rows).toEqual([{ county: { code: '320724' }, count: 1 }]);
    const department = await graph
      .as(departmentCaller(WATER))
      .query(`{ proposalReport(groupBy: [DEPARTMENT]) { rows { department { id } count } } }`);
    expect(department.proposalReport.rows).toEqual(
      [
        { department: { id: ROADS }, count: 1 },
        { department: { id: WATER }, count: 2 },
      ].sort((a, b) => (a.department.id < b.department.id ? -1 : 1)),
    );
    const stranger = await graph
      .as(departmentCaller(randomUUID()))
      .query(`{ proposalReport(groupBy: []) { rows { count } } }`);
    expect(stranger.proposalReport.rows).toEqual([{ count: 0 }]);
  });

  it('caps the groups: `first` limits them and says truncated; too many is bad input', async () => {
    const { proposalReport } = await graph.query(
      `{ proposalReport(groupBy: [COUNTY, QUARTER], first: 2) { totalGroups truncated rows { year } } }`,
    );
    expect(proposalReport).toMatchObject({ totalGroups: 5, truncated: true });
    expect(proposalReport.rows).toHaveLength(2);
    for (const first of [0, REPORT_MAX_ROWS + 1]) {
      const response = await graph.send(
        `{ proposalReport(groupBy: [], first: ${first}) { rows { count } } }`,
      );
      expect(response.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'first',
      });
    }
    const quarterAlone = await graph.send(
      `{ proposalReport(groupBy: [], filter: { quarter: 1 }) { rows { count } } }`,
    );
    expect(quarterAlone.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('demandReport', () => {
  it('counts by township and channel what became of the demands', async () => {
    const { demandReport } = await graph.query(
      `{ demandReport(groupBy: [TOWNSHIP, CHANNEL], filter: { year: 2025 }) {
           rows { township { code } channel count open resolvedAtHome escalated averageDaysToResolve } } }`,
    );
    expect(demandReport.rows).toEqual([
      {
        township: { code: '320706001' },
        channel: 'NONE',
        count: 2,
        open: 1,
        resolvedAtHome: 1,
        escalated: 0,
        averageDaysToResolve: 10,
      },
      {
        township: { code: '320706001' },
        channel: 'PROPOSAL',
        count: 1,
        open: 0,
        resolvedAtHome: 0,
        escalated: 1,
        averageDaysToResolve: 30,
      },
      {
        township: { code: '320706006' },
        channel: 'SPEECH',
        count: 1,
        open: 1,
        resolvedAtHome: 0,
        escalated: 1,
        averageDaysToResolve: null,
      },
      {
        township: { code: '320724100' },
        channel: 'SPECIAL_REPORT',
        count: 1,
        open: 1,
        resolvedAtHome: 0,
        escalated: 1,
        averageDaysToResolve: null,
      },
    ]);
  });

  it('gives a county’s quarterly series by category, and only its own county', async () => {
    const { demandReport } = await graph
      .as(HAIZHOU_STAFF)
      .query(
        `{ demandReport(groupBy: [COUNTY, QUARTER, CATEGORY]) { rows { county { code } year quarter category count } } }`,
      );
    expect(demandReport.rows).toEqual([
      { county: { code: '320706' }, year: 2025, quarter: 1, category: 'EDUCATION', count: 1 },
      { county: { code: '320706' }, year: 2025, quarter: 1, category: 'INFRASTRUCTURE', count: 2 },
      { county: { code: '320706' }, year: 2025, quarter: 3, category: 'EDUCATION', count: 1 },
    ]);
  });

  it('answers in one statement however many groups', async () => {
    for (const groupBy of ['[]', '[COUNTY, TOWNSHIP, CATEGORY, STATUS, CHANNEL, QUARTER]']) {
      const counter = countQueries(graph.orm);
      await graph.query(`{ demandReport(groupBy: ${groupBy}) { rows { count } } }`);
      counter.stop();
      expect(counter.count).toBe(1);
    }
  });
});
