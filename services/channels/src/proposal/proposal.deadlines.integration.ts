import pg from 'pg';
import { eventually, startTestSubgraph, type TestSubgraph } from '@cppcc/toolkit/testing';
import { addDays } from '../shared/dates';
import { channelsSubgraph } from '../subgraph';
import { departmentCaller, seedDepartment } from '../testing/fixtures';
import { EVENTS, proposalOperations } from '../testing/proposal-operations';
import { raiseDeadlineEvents } from './proposal.deadlines';

let graph: TestSubgraph;
let pool: pg.Pool;
let LEAD: string;

beforeAll(async () => {
  graph = await startTestSubgraph(channelsSubgraph, 'proposal_deadlines');
  pool = new pg.Pool({ connectionString: graph.database.url, options: '-c search_path=channels' });
  LEAD = await seedDepartment(graph, 'CITY', '3207');
});
afterAll(async () => {
  await pool?.end();
  await graph?.stop();
});

/** The morning job, run on the given day at 07:00 China Standard Time. */
async function morningOf(day: string) {
  const client = await pool.connect();
  try {
    return await raiseDeadlineEvents(client, new Date(`${day}T07:00:00+08:00`));
  } finally {
    client.release();
  }
}

describe('the morning job of proposal deadlines', () => {
  it('raises dueSoon and overdue exactly once each as the clock moves forward', async () => {
    const ops = proposalOperations(graph, graph);
    const id = await ops.registered();
    await ops.assign(id, LEAD);
    const { proposal } = await graph.query(`query($id: ID!) { proposal(id: $id) { dueOn } }`, {
      id,
    });
    const due: string = proposal.dueOn;

    expect(await morningOf(addDays(due, -30))).toEqual({ dueSoon: 0, overdue: 0 });
    expect(await morningOf(addDays(due, -7))).toEqual({ dueSoon: 1, overdue: 0 });
    expect(await morningOf(addDays(due, -6))).toEqual({ dueSoon: 0, overdue: 0 });
    expect(await morningOf(due)).toEqual({ dueSoon: 0, overdue: 0 });
    expect(await morningOf(addDays(due, 1))).toEqual({ dueSoon: 0, overdue: 1 });
    expect(await morningOf(addDays(due, 1))).toEqual({ dueSoon: 0, overdue: 0 });
    expect(await morningOf(addDays(due, 40))).toEqual({ dueSoon: 0, overdue: 0 });

    const lead = graph.as(departmentCaller(LEAD));
    const events = await eventually(async () => {
      const { events } = await lead.query(EVENTS, {
        types: ['proposal.dueSoon', 'proposal.overdue'],
      });
      expect(events.totalCount).toBe(2);
      return events.edges.map((edge: { node: { type: string; payload: string } }) => edge.node);
    });
    expect(events.map((event: { type: string }) => event.type)).toEqual([
      'proposal.dueSoon',
      'proposal.overdue',
    ]);
    expect(JSON.parse(events[1].payload)).toMatchObject({ status: 'ASSIGNED', dueOn: due });
  });

  it('raises nothing for a proposal already replied to', async () => {
    const ops = proposalOperations(graph, graph);
    const id = await ops.registered();
    await ops.assign(id, LEAD);
    const lead = graph.as(departmentCaller(LEAD));
    await ops.accept(lead, id);
    await ops.reply(lead, id);
    expect(await morningOf(addDays(new Date().toISOString().slice(0, 10), 400))).toEqual({
      dueSoon: 0,
      overdue: 0,
    });
  });
});
