import { randomUUID } from 'node:crypto';
import { startTestSubgraph, type TestSubgraph } from '@cppcc/toolkit/testing';
import { channelsSubgraph } from '../subgraph';
import { HAIZHOU_STAFF } from '../testing/fixtures';
import { EVENTS } from '../testing/proposal-operations';

/**
 * The event feed pages by (transaction id, sequence) as numbers: transactions whose ids have more
 * digits come later, never before (as their text would sort), so paging reaches every event.
 */
let graph: TestSubgraph;

beforeAll(async () => {
  graph = await startTestSubgraph(channelsSubgraph, 'event_order');
});
afterAll(() => graph?.stop());

it('pages through events of transactions 9, 10, 99 and 100 in that order, skipping none', async () => {
  const connection = graph.orm.em.getConnection();
  // Written as transactions with those ids would have written them (final: long committed).
  const xids = ['100', '9', '99', '10'];
  const ids: Record<string, string> = {};
  for (const xid of xids) {
    ids[xid] = randomUUID();
    await connection.execute(
      `insert into domain_event (id, type, record_type, record_id, record_version, division_code, xid)
       values (?, 'proposal.assigned', 'Proposal', ?, 1, '320706', ?::xid8)`,
      [ids[xid], randomUUID(), xid],
    );
  }
  const read: string[] = [];
  let after: string | null = null;
  for (let page = 0; page < 10; page++) {
    const { events } = (await graph.as(HAIZHOU_STAFF).query(EVENTS, { after, first: 1 })) as {
      events: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        edges: Array<{ node: { id: string } }>;
      };
    };
    expect(events.totalCount).toBe(4);
    read.push(...events.edges.map((edge) => edge.node.id));
    if (!events.pageInfo.hasNextPage) break;
    after = events.pageInfo.endCursor;
  }
  expect(read).toEqual(['9', '10', '99', '100'].map((xid) => ids[xid]));
});
