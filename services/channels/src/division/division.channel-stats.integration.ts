import { randomUUID } from 'node:crypto';
import { todayInCity } from '@cppcc/toolkit';
import { countQueries, startTestSubgraph, type TestSubgraph } from '@cppcc/toolkit/testing';
import { addDays } from '../shared/dates';
import { channelsSubgraph } from '../subgraph';
import { GUANNAN_STAFF } from '../testing/fixtures';

/**
 * A division's channels in figures (the channels' part of the cross-county view): demands by the
 * village they concern, sentiment reports and proposals by the CPPCC they were submitted to.
 */
let graph: TestSubgraph;
const COUNTIES = ['320703', '320706', '320707', '320722', '320723', '320724', '320771'];
const IN_2025 = '2025-05-10T10:00:00+08:00';

async function insertDemand(division: string, receivedAt: string, steps: string[]) {
  const connection = graph.orm.em.getConnection();
  const id = randomUUID();
  // The milestones the service keeps when it takes those steps.
  const reached = (status: string) => (steps.includes(status) ? receivedAt : null);
  await connection.execute(
    `insert into demand (id, home_id, division_code, category, content, status, received_at,
                         resolved_at_home_at, escalated_at)
     values (?, ?, ?, 'INFRASTRUCTURE', '修路', ?, ?, ?, ?)`,
    [
      id,
      randomUUID(),
      division,
      steps[steps.length - 1],
      receivedAt,
      reached('RESOLVED_AT_HOME'),
      reached('ESCALATED'),
    ],
  );
  for (const status of steps) {
    await connection.execute(
      `insert into channel_event (record_kind, record_id, step, to_status, by_subject) values ('DEMAND', ?, 'step', ?, 'test')`,
      [id, status],
    );
  }
}

async function insertReport(division: string, submittedAt: string | null, status: string) {
  await graph.orm.em.getConnection().execute(
    `insert into sentiment_report (id, division_code, title, content, author_member_ids, status, submitted_at, not_adopted_reason)
     values (?, ?, '民情', '内容', ?::uuid[], ?, ?, ?)`,
    [
      randomUUID(),
      division,
      `{${randomUUID()}}`,
      status,
      submittedAt,
      status === 'NOT_ADOPTED' ? '重复' : null,
    ],
  );
}

async function insertProposal(
  division: string,
  registeredAt: string | null,
  status: string,
  facts: { assignedOn?: string; dueOn?: string; repliedOn?: string; evaluation?: string } = {},
) {
  const assigned = facts.assignedOn !== undefined;
  await graph.orm.em.getConnection().execute(
    `insert into proposal (id, division_code, year, kind, lead_member_id, title, content, status, registered_at,
       lead_department_id, assigned_on, due_on, replied_on, evaluation)
     values (?, ?, 2025, 'MEMBER', ?, '提案', '内容', ?, ?, ?, ?, ?, ?, ?)`,
    [
      randomUUID(),
      division,
      randomUUID(),
      status,
      registeredAt,
      assigned ? randomUUID() : null,
      facts.assignedOn ?? null,
      facts.dueOn ?? null,
      facts.repliedOn ?? null,
      facts.evaluation ?? null,
    ],
  );
}

beforeAll(async () => {
  graph = await startTestSubgraph(channelsSubgraph, 'channel_stats');
  // 海州区: five demands of 2025 (one from 2024 that does not count) in two of its villages.
  await insertDemand('320706001001', IN_2025, ['RECEIVED']);
  await insertDemand('320706001001', IN_2025, ['RECEIVED', 'ON_AGENDA']);
  await insertDemand('320706001002', IN_2025, ['RECEIVED', 'RESOLVED_AT_HOME', 'CLOSED']);
  await insertDemand('320706001002', IN_2025, ['RECEIVED', 'ESCALATED']);
  await insertDemand('320706006', '2025-12-31T23:30:00+08:00', [
    'RECEIVED',
    'ESCALATED',
    'ANSWERED',
    'CLOSED',
  ]);
  await insertDemand('320706001001', '2024-12-31T23:30:00+08:00', ['RECEIVED']);
  // 灌南县: one.
  await insertDemand('320724100001', IN_2025, ['RECEIVED', 'RESOLVED_AT_HOME']);

  // Sentiment reports submitted to 海州区's CPPCC, the city's, and 灌南县's.
  await insertReport('320706', IN_2025, 'ADOPTED');
  await insertReport('320706', IN_2025, 'CLOSED');
  await insertReport('320706', IN_2025, 'NOT_ADOPTED');
  await insertReport('320706', IN_2025, 'SUBMITTED');
  await insertReport('320706', null, 'DRAFT');
  await insertReport('3207', IN_2025, 'ISSUED');
  await insertReport('320724', IN_2025, 'FORWARDED');

  // Proposals registered with 海州区's CPPCC in 2025, one with the city's, one with 灌南县's.
  const yesterday = addDays(todayInCity(), -1);
  await insertProposal('320706', IN_2025, 'REGISTERED');
  await insertProposal('320706', IN_2025, 'HANDLING', {
    assignedOn: '2025-05-12',
    dueOn: yesterday, // overdue
  });
  await insertProposal('320706', IN_2025, 'ASSIGNED', {
    assignedOn: '2025-05-12',
    dueOn: addDays(todayInCity(), 30), // not yet due
  });
  await insertProposal('320706', IN_2025, 'REPLIED', {
    assignedOn: '2025-05-12',
    dueOn: '2025-08-12',
    repliedOn: '2025-06-11', // 30 days
  });
  await insertProposal('320706', IN_2025, 'EVALUATED', {
    assignedOn: '2025-05-12',
    dueOn: '2025-08-12',
    repliedOn: '2025-06-26', // 45 days
    evaluation: 'BASICALLY_SATISFIED',
  });
  await insertProposal('320706', IN_2025, 'CLOSED', {
    assignedOn: '2025-05-12',
    dueOn: '2025-08-12',
    repliedOn: '2025-07-02', // 51 days
    evaluation: 'DISSATISFIED',
  });
  await insertProposal('320706', '2024-03-01T10:00:00+08:00', 'REGISTERED'); // another year
  await insertProposal('320706', null, 'SUBMITTED'); // not registered (yet)
  await insertProposal('3207', IN_2025, 'REGISTERED');
  await insertProposal('320724', IN_2025, 'EVALUATED', {
    assignedOn: '2025-05-12',
    dueOn: '2025-08-12',
    repliedOn: '2025-05-22',
    evaluation: 'SATISFIED',
  });
});
afterAll(() => graph?.stop());

const FIGURES = `demandsReceived openDemands resolvedAtHome escalated sentimentReportsAdopted
  proposalsRegistered proposalsReplied proposalsOverdue averageDaysToReply satisfactionRate`;
const NOTHING = {
  demandsReceived: 0,
  openDemands: 0,
  resolvedAtHome: 0,
  escalated: 0,
  sentimentReportsAdopted: 0,
  proposalsRegistered: 0,
  proposalsReplied: 0,
  proposalsOverdue: 0,
  averageDaysToReply: null,
  satisfactionRate: null,
};
const HAIZHOU_2025 = {
  demandsReceived: 5,
  openDemands: 3, // RECEIVED, ON_AGENDA, ESCALATED
  resolvedAtHome: 1,
  escalated: 2, // one waiting, one answered and closed
  sentimentReportsAdopted: 2,
  proposalsRegistered: 6,
  proposalsReplied: 3,
  proposalsOverdue: 1,
  averageDaysToReply: 42, // (30 + 45 + 51) / 3
  satisfactionRate: 0.5,
};
const GUANNAN_2025 = {
  ...NOTHING,
  demandsReceived: 1,
  resolvedAtHome: 1,
  sentimentReportsAdopted: 1,
  proposalsRegistered: 1,
  proposalsReplied: 1,
  averageDaysToReply: 10,
  satisfactionRate: 1,
};

/** Divisions' channelStats as the gateway asks them, through _entities. */
async function statsOf(codes: string[], args: string, client: Pick<TestSubgraph, 'query'> = graph) {
  const data = await client.query(
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on Division { code channelStats(${args}) { ${FIGURES} } } } }`,
    { r: codes.map((code) => ({ __typename: 'Division', code })) },
  );
  return Object.fromEntries(
    data._entities.map((division: any) => [division.code, division.channelStats]),
  );
}

describe('a division’s channels in figures', () => {
  it('counts a year per county: demands by village, reports and proposals by the CPPCC', async () => {
    const stats = await statsOf([...COUNTIES, '3207', '320706001'], 'year: 2025');
    expect(stats['320706']).toEqual(HAIZHOU_2025);
    expect(stats['320724']).toEqual(GUANNAN_2025);
    expect(stats['320703']).toEqual(NOTHING);
    // The city counts its own CPPCC's and every county's.
    expect(stats['3207']).toMatchObject({
      demandsReceived: 6,
      sentimentReportsAdopted: 4,
      proposalsRegistered: 8,
      proposalsReplied: 4,
      satisfactionRate: 0.667,
    });
    // A township has demands but no CPPCC of its own.
    expect(stats['320706001']).toMatchObject({
      demandsReceived: 4,
      sentimentReportsAdopted: 0,
      proposalsRegistered: 0,
      averageDaysToReply: null,
    });
  });

  it('counts a range of days, both ends included, in China Standard Time', async () => {
    const stats = await statsOf(['320706'], 'from: "2025-12-31", to: "2025-12-31"');
    expect(stats['320706']).toMatchObject({ demandsReceived: 1, escalated: 1, openDemands: 0 });
    const early = await statsOf(['320706'], 'from: "2024-01-01", to: "2024-12-31"');
    expect(early['320706']).toMatchObject({ demandsReceived: 1, proposalsRegistered: 1 });
  });

  it('refuses no period, a year with a range, and a range that ends before it starts', async () => {
    for (const args of [
      '',
      '(year: 2025, from: "2025-01-01", to: "2025-02-01")',
      '(from: "2025-02-01", to: "2025-01-31")',
    ]) {
      const response = await graph.send(
        `{ _entities(representations: [{ __typename: "Division", code: "320706" }]) { ... on Division { channelStats${args} { demandsReceived } } } }`,
      );
      expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('answers 2 divisions or 7 with the same statements', async () => {
    const count = async (codes: string[]) => {
      const counter = countQueries(graph.orm);
      await statsOf(codes, 'year: 2025');
      counter.stop();
      return counter.count;
    };
    const two = await count(COUNTIES.slice(0, 2));
    const seven = await count(COUNTIES);
    expect(seven).toBe(two);
    expect(seven).toBe(1);
  });

  it('shows a county caller nothing of another county or of the city’s CPPCC: zeros there', async () => {
    const stats = await statsOf(
      ['320706', '320724', '3207'],
      'year: 2025',
      graph.as(GUANNAN_STAFF),
    );
    expect(stats['320706']).toEqual(NOTHING);
    expect(stats['320724']).toEqual(GUANNAN_2025);
    expect(stats['3207']).toEqual(GUANNAN_2025);
  });
});
