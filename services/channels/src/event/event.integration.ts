import { randomUUID } from 'node:crypto';
import {
  countQueries,
  eventually,
  startTestSubgraph,
  type CallerClient,
  type TestSubgraph,
} from '@cppcc/toolkit/testing';
import { channelsSubgraph } from '../subgraph';
import {
  GUANNAN_STAFF,
  HAIZHOU_STAFF,
  departmentCaller,
  seedDepartment,
} from '../testing/fixtures';
import { EVENTS, proposalOperations } from '../testing/proposal-operations';

let graph: TestSubgraph;
let A: string;
let B: string;
let CO: string;
let ops: ReturnType<typeof proposalOperations>;

beforeAll(async () => {
  graph = await startTestSubgraph(channelsSubgraph, 'domain_events');
  A = await seedDepartment(graph, 'CITY', '3207');
  B = await seedDepartment(graph, 'CITY', '3207');
  CO = await seedDepartment(graph, 'CITY', '3207');
  ops = proposalOperations(graph, graph);
});
afterAll(() => graph?.stop());

interface EventNode {
  id: string;
  type: string;
  recordId: string;
  recordVersion: number;
  divisionCode: string;
  departmentIds: string[];
  payload: string;
}

interface EventPage {
  edges: Array<{ node: EventNode }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** Every event a caller may receive, page by page, once `count` of them are committed. */
async function allEvents(client: CallerClient, count: number, first = 100, types?: string[]) {
  // Events show once every older transaction of the server has ended: wait for them.
  return eventually(async () => {
    const nodes: EventNode[] = [];
    let after: string | null = null;
    for (;;) {
      const { events }: { events: EventPage } = await client.query(EVENTS, { after, first, types });
      nodes.push(...events.edges.map((edge) => edge.node));
      if (!events.pageInfo.hasNextPage) break;
      after = events.pageInfo.endCursor;
    }
    expect(nodes).toHaveLength(count);
    return nodes;
  });
}

describe('domain events of proposals', () => {
  let P1: string;
  let P2: string;

  beforeAll(async () => {
    P1 = await ops.registered();
    P2 = await ops.registered();
    await ops.assign(P1, A, [CO]);
    await ops.assign(P2, B);
  });

  it('a department receives only the events addressed to it', async () => {
    const [ofA] = await allEvents(graph.as(departmentCaller(A)), 1);
    expect(ofA).toMatchObject({
      type: 'proposal.assigned',
      recordId: P1,
      divisionCode: '320706',
      departmentIds: [A, CO],
    });
    const [ofB] = await allEvents(graph.as(departmentCaller(B)), 1);
    expect(ofB).toMatchObject({ type: 'proposal.assigned', recordId: P2, departmentIds: [B] });
    const [ofCo] = await allEvents(graph.as(departmentCaller(CO)), 1);
    expect(ofCo.id).toBe(ofA.id);
  });

  it("an event names the record's version after the step and carries ids and states only", async () => {
    const [event] = await allEvents(graph.as(departmentCaller(B)), 1);
    const { proposal } = await graph.query(`query($id: ID!) { proposal(id: $id) { version } }`, {
      id: P2,
    });
    expect(event.recordVersion).toBe(proposal.version);
    const payload = JSON.parse(event.payload);
    expect(payload).toEqual({
      status: 'ASSIGNED',
      leadDepartmentId: B,
      departmentIds: [B],
      dueOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
  });

  it('the steps of a proposal follow one another in the order they were taken', async () => {
    const lead = graph.as(departmentCaller(A));
    await ops.accept(lead, P1);
    await ops.extend(P1);
    await ops.reply(lead, P1);
    const events = await allEvents(lead, 4, 1);
    expect(events.map((event) => event.type)).toEqual([
      'proposal.assigned',
      'proposal.accepted',
      'proposal.extended',
      'proposal.replied',
    ]);
    const versions = events.map((event) => event.recordVersion);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(4);
    expect(JSON.parse(events[3].payload)).toMatchObject({ status: 'REPLIED', resultClass: 'B' });
    // Only the lead department's steps after assignment are addressed to it and its co-handler.
    await allEvents(graph.as(departmentCaller(CO)), 4);
    await allEvents(graph.as(departmentCaller(B)), 1);
  });

  it('an office reads its division’s events; another county’s office none', async () => {
    const county = await allEvents(graph.as(HAIZHOU_STAFF), 5);
    expect(new Set(county.map((event) => event.recordId))).toEqual(new Set([P1, P2]));
    await allEvents(graph.as(GUANNAN_STAFF), 0);
    const assigned = await allEvents(graph, 2, 100, ['proposal.assigned']);
    expect(assigned.map((event) => event.recordId).sort()).toEqual([P1, P2].sort());
  });

  it('refuses an event type it does not know and a cursor it did not issue', async () => {
    const unknown = await graph.send(EVENTS, { types: ['proposal.vanished'] });
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const forged = await graph.send(EVENTS, { after: 'bzo1' });
    expect(forged.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    // Positions beyond what PostgreSQL's xid8 and bigint hold: refused, not a database error.
    for (const cursor of ['e:99999999999999999999:1', 'e:1:9223372036854775808']) {
      const beyond = await graph.send(EVENTS, { after: Buffer.from(cursor).toString('base64url') });
      expect(beyond.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'after',
      });
    }
  });
});

describe('reading the outbox while steps commit', () => {
  it('serves no event behind one whose transaction is still open, so a cursor never skips it', async () => {
    const department = randomUUID();
    const client = graph.as(departmentCaller(department));
    const knex = graph.orm.em.getConnection().getKnex();
    const slow = await knex.transaction();
    // A step's transaction that began first and commits last.
    await slow.raw(
      `insert into domain_event (id, type, record_type, record_id, record_version, division_code,
         department_ids) values (?, 'proposal.accepted', 'Proposal', ?, 2, '320706', ?::uuid[])`,
      [randomUUID(), randomUUID(), `{${department}}`],
    );
    await graph.orm.em.getConnection().execute(
      `insert into domain_event (id, type, record_type, record_id, record_version, division_code,
         department_ids) values (?, 'proposal.replied', 'Proposal', ?, 3, '320706', ?::uuid[])`,
      [randomUUID(), randomUUID(), `{${department}}`],
    );
    const whileOpen = await client.query(EVENTS, {});
    expect(whileOpen.events.edges).toEqual([]);
    await slow.commit();
    const events = await allEvents(client, 2);
    expect(events.map((event) => event.type)).toEqual(['proposal.accepted', 'proposal.replied']);
  });
});

describe('what a step costs', () => {
  it('writes its event in one statement more than the step itself', async () => {
    const lead = graph.as(departmentCaller(A));
    const id = await ops.registered();
    const counter = countQueries(graph.orm);
    const cost = async (step: () => Promise<unknown>) => {
      counter.reset();
      await step();
      const events = counter.statements.filter((sql) =>
        /^insert into ("?\w+"?\.)?"?domain_event"? /.test(sql),
      );
      return { statements: counter.count, eventStatements: events.length };
    };
    const figures = {
      assign: await cost(() => ops.assign(id, A, [CO])),
      accept: await cost(() => ops.accept(lead, id)),
      extend: await cost(() => ops.extend(id)),
      reply: await cost(() => ops.reply(lead, id)),
      evaluate: await cost(() => ops.evaluate(id)),
    };
    counter.stop();
    // BEGIN, the locked read of the proposal (assign: and one check of all its departments),
    // the event row, the history row, the update, COMMIT: the event is the one statement added,
    // one row for the lead and every co-handling department.
    const step = (statements: number) => ({ statements, eventStatements: 1 });
    expect(figures).toEqual({
      assign: step(7),
      accept: step(6),
      extend: step(6),
      reply: step(6),
      evaluate: step(6),
    });
  });
});
