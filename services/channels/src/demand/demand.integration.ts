import { randomUUID } from 'node:crypto';
import { countQueries, startTestSubgraph, type TestSubgraph } from '@cppcc/toolkit/testing';
import { channelsSubgraph } from '../subgraph';

let graph: TestSubgraph;
const homes = Array.from({ length: 10 }, () => randomUUID());

beforeAll(async () => {
  graph = await startTestSubgraph(channelsSubgraph, 'demand');
  const connection = graph.orm.em.getConnection();
  for (const [index, homeId] of homes.entries()) {
    for (const [n, status] of ['RECEIVED', 'ON_AGENDA', 'RESOLVED_AT_HOME']
      .slice(0, 1 + (index % 3))
      .entries()) {
      await connection.execute(
        `insert into demand (id, home_id, division_code, category, content, status, received_at)
         values (?, ?, '320724100001', 'AGRICULTURE', ?, ?, ?)`,
        [randomUUID(), homeId, `灌溉渠修缮 ${n}`, status, `2026-0${n + 4}-01T10:00:00+08:00`],
      );
    }
  }
});
afterAll(() => graph?.stop());

const HOMES = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Home {
  id all: demands { totalCount edges { node { content status home { id } } } }
  open: demands(status: [RECEIVED, ON_AGENDA]) { totalCount }
} } }`;

describe('demands raised at homes', () => {
  it('list each home its demands, latest first, and filter them by status', async () => {
    const data = await graph.query(HOMES, {
      representations: homes.slice(0, 3).map((id) => ({ __typename: 'Home', id })),
    });
    const [one, two, three] = data._entities;
    expect([one.all.totalCount, two.all.totalCount, three.all.totalCount]).toEqual([1, 2, 3]);
    expect([one.open.totalCount, two.open.totalCount, three.open.totalCount]).toEqual([1, 2, 2]);
    expect(three.all.edges[0].node).toEqual({
      content: '灌溉渠修缮 2',
      status: 'RESOLVED_AT_HOME',
      home: { id: homes[2] },
    });
  });

  it('resolve the demands of many homes in a fixed number of SQL statements', async () => {
    const counter = countQueries(graph.orm);
    await graph.query(HOMES, {
      representations: homes.slice(0, 2).map((id) => ({ __typename: 'Home', id })),
    });
    const few = counter.count;
    counter.reset();
    await graph.query(HOMES, { representations: homes.map((id) => ({ __typename: 'Home', id })) });
    const many = counter.count;
    counter.stop();
    expect(many).toBe(few);
  });

  it('page each home’s demands one by one in order, each page read per home from its index', async () => {
    const PAGE = `query($r: [_Any!]!, $after: String) { _entities(representations: $r) { ... on Home {
      demands(first: 1, after: $after) { totalCount pageInfo { hasNextPage } edges { cursor node { content } } }
    } } }`;
    const home = homes[2]; // three demands, received in April, May and June
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const [page] = (await graph.query(PAGE, { r: [{ __typename: 'Home', id: home }], after }))
        ._entities;
      expect(page.demands.totalCount).toBe(3);
      seen.push(
        ...page.demands.edges.map((edge: { node: { content: string } }) => edge.node.content),
      );
      if (!page.demands.pageInfo.hasNextPage) break;
      after = page.demands.edges.at(-1).cursor;
    }
    expect(seen).toEqual(['灌溉渠修缮 2', '灌溉渠修缮 1', '灌溉渠修缮 0']);

    // The second page of several homes at once: each home's own second demand, or none.
    const second = (
      await graph.query(PAGE, {
        r: homes.slice(0, 3).map((id) => ({ __typename: 'Home', id })),
        after: (await graph.query(PAGE, { r: [{ __typename: 'Home', id: home }] }))._entities[0]
          .demands.edges[0].cursor,
      })
    )._entities.map((entity: { demands: { edges: Array<{ node: { content: string } }> } }) =>
      entity.demands.edges.map((edge) => edge.node.content),
    );
    expect(second).toEqual([[], ['灌溉渠修缮 0'], ['灌溉渠修缮 1']]);
  });

  it('filter by year in China Standard Time, and refuse a year out of range', async () => {
    const connection = graph.orm.em.getConnection();
    const [{ total }] = await connection.execute('select count(*)::int as total from demand');
    // Received at 23:30 on New Year's Eve in Beijing: 2025 there, though 2025-12-31 in UTC too.
    await connection.execute(
      `insert into demand (id, home_id, division_code, category, content, status, received_at)
       values (gen_random_uuid(), ?, '320724100001', 'AGRICULTURE', '跨年的诉求', 'RECEIVED', '2025-12-31T23:30:00+08:00')`,
      [homes[0]],
    );
    const count = async (year: number) =>
      (await graph.query(`query($y: Int) { demands(year: $y) { totalCount } }`, { y: year }))
        .demands.totalCount;
    expect(await count(2026)).toBe(total);
    expect(await count(2025)).toBe(1);
    const bad = await graph.send(`{ demands(year: 1900) { totalCount } }`);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
  });

  it('answer a home that cannot exist (an id that is no UUID) with no demands, not an error', async () => {
    const data = await graph.query(HOMES, {
      representations: [
        { __typename: 'Home', id: 'not-a-uuid' },
        { __typename: 'Home', id: homes[1] },
      ],
    });
    expect(data._entities[0].all.totalCount).toBe(0);
    expect(data._entities[1].all.totalCount).toBe(2);
    const none = await graph.query(HOMES, { representations: [{ __typename: 'Home', id: 'x' }] });
    expect(none._entities[0].all).toEqual({ totalCount: 0, edges: [] });
  });
});
