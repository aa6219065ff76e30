import { setTimeout as delay } from 'node:timers/promises';
import pg from 'pg';
import { todayInCity } from '@cppcc/toolkit';
import { startTestSubgraph, type TestSubgraph } from '@cppcc/toolkit/testing';
import { addDays } from '../shared/dates';
import { channelsSubgraph } from '../subgraph';
import { departmentCaller, HAIZHOU_STAFF, seedDepartment } from '../testing/fixtures';
import { proposalOperations } from '../testing/proposal-operations';
import { raiseDeadlineEvents } from './proposal.deadlines';

let graph: TestSubgraph;
let pool: pg.Pool;
let ops: ReturnType<typeof proposalOperations>;

beforeAll(async () => {
  graph = await startTestSubgraph(channelsSubgraph, 'proposal_inbox');
  pool = new pg.Pool({ connectionString: graph.database.url, options: '-c search_path=channels' });
  ops = proposalOperations(graph, graph);
});
afterAll(async () => {
  await pool?.end();
  await graph?.stop();
});

const OPEN = ['ASSIGNED', 'HANDLING', 'REHANDLING'];

const INBOX = `query($r: [_Any!]!, $first: Int, $after: String, $status: [ProposalStatus!], $updatedAfter: DateTime) {
  _entities(representations: $r) { ... on Department {
    assignedProposals(first: $first, after: $after, status: $status, updatedAfter: $updatedAfter) {
      totalCount pageInfo { hasNextPage hasPreviousPage endCursor }
      edges { cursor node { id status updatedAt } } } } } }`;

interface InboxPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
  edges: Array<{ cursor: string; node: { id: string; status: string; updatedAt: string } }>;
}

async function inboxPage(
  department: string,
  variables: Record<string, unknown>,
): Promise<InboxPage> {
  const data = await graph
    .as(departmentCaller(department))
    .query(INBOX, { r: [{ __typename: 'Department', id: department }], ...variables });
  return data._entities[0].assignedProposals;
}

/** A proposal assigned to the department and accepted by it: HANDLING. */
async function handling(department: string, divisionCode?: string) {
  const id = await ops.registered(divisionCode);
  await ops.assign(id, department);
  await ops.accept(graph.as(departmentCaller(department)), id);
  return id;
}

/** Replied, evaluated and closed: out of the department's open inbox. */
async function closed(department: string, id: string) {
  await ops.reply(graph.as(departmentCaller(department)), id);
  await ops.evaluate(id);
  await ops.close(id);
}

describe("a department's system paging its inbox", () => {
  it('sees every proposal present throughout exactly once while others are assigned and closed', async () => {
    const department = await seedDepartment(graph, 'CITY', '3207');
    const present: string[] = [];
    for (let n = 0; n < 9; n++) present.push(await handling(department));
    // The newest, so each is closed after the system has seen it on an earlier page.
    const toClose = present.slice(-4).reverse();
    const kept = present.filter((id) => !toClose.includes(id));
    // Registered after the ones present, so newer: assigned, they land ahead of the cursor.
    const later: string[] = [];
    for (let n = 0; n < 4; n++) later.push(await ops.registered());

    // What the office and the department do while the system reads its next pages: closings and
    // assignments that do not balance, so a position in the list would move under the reader.
    const assign = () => ops.assign(later.shift()!, department);
    const close = () => closed(department, toClose.shift()!);
    const meanwhile: Array<Array<() => Promise<unknown>>> = [
      [],
      [close],
      [close],
      [assign, assign],
      [close, assign],
      [close, assign],
    ];
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const changes = (meanwhile[pages] ?? []).map((change) => change());
      const [page]: [InboxPage, ...unknown[]] = await Promise.all([
        inboxPage(department, { first: 2, after, status: OPEN }),
        ...changes,
      ]);
      seen.push(...page.edges.map((edge) => edge.node.id));
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      pages += 1;
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }

    expect(pages).toBeGreaterThan(3);
    expect(new Set(seen).size).toBe(seen.length);
    for (const id of kept) expect(seen.filter((s) => s === id)).toHaveLength(1);
    // Newest first, so the last page ends with the first proposal assigned.
    expect(seen.at(-1)).toBe(present[0]);
  });

  it('gets exactly the proposals changed since an instant with updatedAfter', async () => {
    const department = await seedDepartment(graph, 'CITY', '3207');
    const before = [await handling(department), await handling(department)];
    const waiting = await ops.registered();
    await delay(5);
    const since = new Date();
    await delay(5);
    await ops.assign(waiting, department);
    await ops.extend(before[1]);

    const page = await inboxPage(department, { updatedAfter: since.toISOString() });
    expect(page.edges.map((edge) => edge.node.id).sort()).toEqual([waiting, before[1]].sort());
    expect(page.totalCount).toBe(2);
    for (const edge of page.edges)
      expect(Date.parse(edge.node.updatedAt)).toBeGreaterThanOrEqual(+since);

    // Inclusive: the greatest updatedAt seen brings back its record and nothing older.
    const latest = page.edges
      .map((edge) => edge.node.updatedAt)
      .sort()
      .at(-1)!;
    const again = await inboxPage(department, { updatedAfter: latest });
    expect(again.edges.map((edge) => edge.node.updatedAt)).toEqual([latest]);

    // The department's view of the whole list agrees.
    const { proposals } = await graph
      .as(departmentCaller(department))
      .query(
        `query($u: DateTime) { proposals(updatedAfter: $u) { totalCount edges { node { id } } } }`,
        { u: since.toISOString() },
      );
    expect(proposals.totalCount).toBe(2);
    expect(proposals.edges.map((edge: any) => edge.node.id).sort()).toEqual(
      [waiting, before[1]].sort(),
    );
  });

  it('takes an updatedAfter before any record (year 0) as filtering nothing', async () => {
    const department = await seedDepartment(graph, 'CITY', '3207');
    const id = await handling(department);
    const page = await inboxPage(department, { updatedAfter: '0000-01-01T00:00:00Z' });
    expect(page.edges.map((edge) => edge.node.id)).toEqual([id]);
    const { proposals } = await graph
      .as(departmentCaller(department))
      .query(`query($u: DateTime) { proposals(updatedAfter: $u) { totalCount } }`, {
        u: '0000-01-01T00:00:00Z',
      });
    expect(proposals.totalCount).toBe(1);
  });

  it('pages the whole list of what it may see in the same order, one proposal at a time', async () => {
    const department = await seedDepartment(graph, 'CITY', '3207');
    for (let n = 0; n < 3; n++) await handling(department);
    const client = graph.as(departmentCaller(department));
    const paged: string[] = [];
    let after: string | null = null;
    do {
      const { proposals }: { proposals: any } = await client.query(
        `query($a: String) { proposals(first: 1, after: $a) {
          totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`,
        { a: after },
      );
      expect(proposals.totalCount).toBe(3);
      paged.push(...proposals.edges.map((edge: any) => edge.node.id));
      after = proposals.pageInfo.hasNextPage ? proposals.pageInfo.endCursor : null;
    } while (after);
    const inbox = await inboxPage(department, { first: 10 });
    expect(paged).toEqual(inbox.edges.map((edge) => edge.node.id));
    expect(paged).toHaveLength(3);
  });

  it('refuses a garbled, forged or other list’s cursor on `after`', async () => {
    const department = await seedDepartment(graph, 'CITY', '3207');
    await handling(department);
    await handling(department);
    const page = await inboxPage(department, { first: 1 });
    const cursor = page.pageInfo.endCursor!;
    const client = graph.as(departmentCaller(department));
    const forged = (text: string) => Buffer.from(text).toString('base64url');
    for (const after of [
      'garbled!',
      forged('o:3'),
      forged('k1:assignedProposals:[1,2]'),
      forged('k1:assignedProposals:["not a time","00000000-0000-0000-0000-000000000000"]'),
      forged('k1:assignedProposals:{'),
    ]) {
      const answer = await client.send(INBOX, {
        r: [{ __typename: 'Department', id: department }],
        after,
      });
      expect(answer.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'after',
      });
    }
    // A cursor of the inbox is not one of the whole list, nor of the reports forwarded.
    const whole = await client.send(`query($a: String) { proposals(after: $a) { totalCount } }`, {
      a: cursor,
    });
    expect(whole.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const reports = await client.send(
      `query($r: [_Any!]!, $a: String) { _entities(representations: $r) { ... on Department {
        forwardedReports(after: $a) { totalCount } } } }`,
      { r: [{ __typename: 'Department', id: department }], a: cursor },
    );
    expect(reports.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'after',
    });
    // Its own cursor continues the list.
    const next = await inboxPage(department, { first: 1, after: cursor });
    expect(next.edges).toHaveLength(1);
    expect(next.edges[0].node.id).not.toBe(page.edges[0].node.id);
    expect(next.pageInfo.hasNextPage).toBe(false);
  });
});

const OVERDUE = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Department { id
  overdueProposals(first: 100) { totalCount edges { node { id isOverdue } } } } } }`;

describe('what is late, by department', () => {
  let lead: string;
  let other: string;
  const late: Record<string, string[]> = {};
  const onTime: string[] = [];

  beforeAll(async () => {
    lead = await seedDepartment(graph, 'CITY', '3207');
    other = await seedDepartment(graph, 'CITY', '3207');
    const overdue = async (department: string, divisionCode: string, daysLate: number) => {
      const id = await handling(department, divisionCode);
      await graph.orm.em
        .getConnection()
        .execute(`update proposal set due_on = ? where id = ?`, [
          addDays(todayInCity(), -daysLate),
          id,
        ]);
      (late[department] ??= []).push(id);
      return id;
    };
    await overdue(lead, '320706', 3);
    await overdue(lead, '320706', 40);
    await overdue(lead, '3207', 1);
    await overdue(other, '320706', 70);
    onTime.push(await handling(lead, '320706'));
    // Past its due date but replied to: not overdue.
    const replied = await handling(lead, '320706');
    await graph.orm.em
      .getConnection()
      .execute(`update proposal set due_on = ? where id = ?`, [
        addDays(todayInCity(), -5),
        replied,
      ]);
    await ops.reply(graph.as(departmentCaller(lead)), replied);
    onTime.push(replied);
  });

  const overdueOf = async (
    caller: Parameters<TestSubgraph['as']>[0] | null,
    department: string,
  ) => {
    const client = caller ? graph.as(caller) : graph;
    const data = await client.query(OVERDUE, { r: [{ __typename: 'Department', id: department }] });
    return data._entities[0].overdueProposals;
  };

  it('the city office sees every overdue proposal of a department, longest overdue first', async () => {
    const list = await overdueOf(null, lead);
    expect(list.totalCount).toBe(3);
    expect(list.edges.map((edge: any) => edge.node.id)).toEqual([
      late[lead][1],
      late[lead][0],
      late[lead][2],
    ]);
    expect(list.edges.every((edge: any) => edge.node.isOverdue)).toBe(true);
  });

  it("a county office sees its own CPPCC's, a department only its own", async () => {
    const county = await overdueOf(HAIZHOU_STAFF, lead);
    expect(county.edges.map((edge: any) => edge.node.id).sort()).toEqual(
      [late[lead][0], late[lead][1]].sort(),
    );
    const own = await overdueOf(departmentCaller(lead), lead);
    expect(own.totalCount).toBe(3);
    expect(await overdueOf(departmentCaller(other), lead)).toBeNull();
  });

  it('the report counts them by department and month due, as the overdue events do', async () => {
    const { proposalReport } = await graph.query(
      `{ proposalReport(groupBy: [DEPARTMENT, DUE_MONTH], first: 100) {
          rows { department { id } dueMonth overdue } } }`,
    );
    const counts = new Map<string, number>();
    for (const row of proposalReport.rows) {
      if (row.overdue === 0) continue;
      counts.set(`${row.department.id} ${row.dueMonth}`, row.overdue);
    }
    const expected = new Map<string, number>();
    const { rows } = await pool.query<{ key: string; n: number }>(
      `select lead_department_id || ' ' || to_char(due_on, 'YYYY-MM') as key, count(*)::int as n
         from proposal where id = any($1::uuid[]) group by 1`,
      [[...late[lead], ...late[other]]],
    );
    for (const row of rows) expected.set(row.key, row.n);
    expect(counts).toEqual(expected);

    // The morning job raises proposal.overdue for exactly the proposals the report counts.
    const client = await pool.connect();
    try {
      const raised = await raiseDeadlineEvents(client);
      expect(raised.overdue).toBe([...counts.values()].reduce((sum, n) => sum + n, 0));
    } finally {
      client.release();
    }
    const { rows: events } = await pool.query<{ record_id: string }>(
      `select record_id from domain_event where type = 'proposal.overdue'`,
    );
    expect(events.map((event) => event.record_id).sort()).toEqual(
      [...late[lead], ...late[other]].sort(),
    );
  });
});
