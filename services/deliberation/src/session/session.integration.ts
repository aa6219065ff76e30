import { randomUUID } from 'node:crypto';
import { countQueries, startTestSubgraph, type TestSubgraph } from '@cppcc/toolkit/testing';
import { deliberationSubgraph } from '../subgraph';

let graph: TestSubgraph;
const homes = Array.from({ length: 12 }, () => randomUUID());

beforeAll(async () => {
  graph = await startTestSubgraph(deliberationSubgraph, 'session');
  // Each home holds a session per quarter of 2026 up to its index; the last one is only planned.
  const connection = graph.orm.em.getConnection();
  for (const [index, homeId] of homes.entries()) {
    for (let month = 1; month <= 1 + (index % 4) * 3; month += 3) {
      const at = `2026-${String(month).padStart(2, '0')}-15T09:00:00+08:00`;
      await connection.execute(
        `insert into session (id, home_id, division_code, title, kind, status, scheduled_at, held_at)
         values (?, ?, '320706001', '季度协商议事会', 'COUNCIL', 'HELD', ?, ?)`,
        [randomUUID(), homeId, at, at],
      );
    }
    await connection.execute(
      `insert into session (id, home_id, division_code, title, kind, status, scheduled_at)
       values (?, ?, '320706001', '政策宣讲', 'BRIEFING', 'PLANNED', '2026-12-20T09:00:00+08:00')`,
      [randomUUID(), homeId],
    );
  }
});
afterAll(() => graph?.stop());

const HOMES = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Home {
  id sessions(first: 3) { totalCount edges { node { status kind home { id } } } }
  q1: cadence(year: 2026, quarter: 1) { held required compliant }
  q4: cadence(year: 2026, quarter: 4) { held compliant }
} } }`;

describe('sessions of homes', () => {
  it('give each home its cadence: one held session a quarter is compliant, a planned one is not', async () => {
    const data = await graph.query(HOMES, {
      representations: homes.map((id) => ({ __typename: 'Home', id })),
    });
    const [first, , , fourth] = data._entities;
    expect(first.q1).toEqual({ held: 1, required: 1, compliant: true });
    expect(first.q4).toEqual({ held: 0, compliant: false });
    expect(fourth.q4).toEqual({ held: 1, compliant: true });
    expect(first.sessions.totalCount).toBe(2);
    expect(first.sessions.edges[0].node).toEqual({
      status: 'PLANNED',
      kind: 'BRIEFING',
      home: { id: homes[0] },
    });
  });

  it('resolve sessions and cadence of many homes in a fixed number of SQL statements', async () => {
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
    expect(many).toBeLessThanOrEqual(4);
  });
});

describe("a list's period (year, quarter, from, to), one meaning on every list of sessions", () => {
  const ofHome = async (home: string, args: string) =>
    (
      await graph.query(
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Home { sessions(${args}) { totalCount } } } }`,
        { r: [{ __typename: 'Home', id: home }] },
      )
    )._entities[0].sessions.totalCount;
  const all = async (args: string) =>
    (await graph.query(`{ sessions(divisionCode: "320706001", ${args}) { totalCount } }`)).sessions
      .totalCount;

  it('takes a year alone, a quarter of it, and instants that narrow it, in China Standard Time', async () => {
    // homes[3] held one session in each quarter of 2026 and plans one on 20 December.
    expect(await ofHome(homes[3], 'year: 2026')).toBe(5);
    expect(await ofHome(homes[3], 'year: 2026, quarter: 2')).toBe(1);
    expect(await ofHome(homes[3], 'year: 2026, quarter: 4')).toBe(2);
    expect(await ofHome(homes[3], 'year: 2026, from: "2026-07-01T00:00:00+08:00"')).toBe(3);
    expect(await ofHome(homes[3], 'year: 2025')).toBe(0);
  });

  it('means the same at the root: a quarter equals its instants', async () => {
    const quarter = await all('year: 2026, quarter: 1');
    expect(quarter).toBe(homes.length);
    expect(await all('from: "2026-01-01T00:00:00+08:00", to: "2026-04-01T00:00:00+08:00"')).toBe(
      quarter,
    );
  });

  it('refuses a quarter without its year, on both lists, naming year', async () => {
    for (const query of [
      `{ sessions(quarter: 2) { totalCount } }`,
      `{ _entities(representations: [{ __typename: "Home", id: "${homes[0]}" }]) { ... on Home { sessions(quarter: 2) { totalCount } } } }`,
    ]) {
      const answer = await graph.send(query);
      expect(answer.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'year',
      });
    }
  });
});
