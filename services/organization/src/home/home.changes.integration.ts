import { startTestSubgraph, type TestSubgraph } from '@cppcc/toolkit/testing';
import { organizationSubgraph } from '../subgraph';
import { readFeed } from '../testing/change-feed';

let graph: TestSubgraph;
beforeAll(async () => {
  graph = await startTestSubgraph(organizationSubgraph, 'home_changes');
});
afterAll(() => graph?.stop());

const feed = (after: number, subject?: string) =>
  readFeed(graph, `/internal/home-changes?after=${after}`, subject);

describe('the home change feed (a transactional outbox)', () => {
  it('records every create, move, rename and suspension of a home, in order', async () => {
    const { body: before } = await feed(0);
    const start = before.changes.at(-1)?.seq ?? 0;
    const home = (
      await graph.query(
        `mutation { createHome(input: { name: "外发之家", divisionCode: "320706001", establishedOn: "2024-03-01" }) { id version } }`,
      )
    ).createHome;
    await graph.query(
      `mutation($id: ID!) { updateHome(id: $id, input: { divisionCode: "320724100", name: "外发之家（迁）" }) { id } }`,
      { id: home.id },
    );
    await graph.query(
      `mutation($id: ID!) { updateHome(id: $id, input: { status: SUSPENDED }) { id } }`,
      { id: home.id },
    );
    const { status, body } = await feed(start);
    expect(status).toBe(200);
    expect(body.changes.map(({ seq: _seq, ...change }) => change)).toEqual([
      {
        homeId: home.id,
        divisionCode: '320706001',
        status: 'ACTIVE',
        kind: 'CITIZEN',
        name: '外发之家',
        homeVersion: 1,
        establishedOn: '2024-03-01',
      },
      {
        homeId: home.id,
        divisionCode: '320724100',
        status: 'ACTIVE',
        kind: 'CITIZEN',
        name: '外发之家（迁）',
        homeVersion: 2,
        establishedOn: '2024-03-01',
      },
      {
        homeId: home.id,
        divisionCode: '320724100',
        status: 'SUSPENDED',
        kind: 'CITIZEN',
        name: '外发之家（迁）',
        homeVersion: 3,
        establishedOn: '2024-03-01',
      },
    ]);
    expect(body.changes.map((change) => change.seq)).toEqual(
      [...body.changes.map((change) => change.seq)].sort((a, b) => a - b),
    );
  });

  it('places a change that commits late after those already served, never below them', async () => {
    const { body: before } = await feed(0);
    const start = before.changes.at(-1)?.seq ?? 0;
    const create = async (name: string) =>
      (
        await graph.query(
          `mutation($name: String!) { createHome(input: { name: $name, divisionCode: "320706001" }) { id } }`,
          { name },
        )
      ).createHome.id as string;
    const [x, y] = [await create('迟交之家'), await create('早交之家')];
    const { body: created } = await feed(start);
    const afterCreated = created.changes.at(-1)!.seq;

    const knex = graph.orm.em.getConnection().getKnex();
    const late = await knex.transaction();
    await late.raw(`update home set name = '迟交之家（新名）' where id = ?`, [x]);
    const early = await knex.transaction();
    await early.raw(`update home set name = '早交之家（新名）' where id = ?`, [y]);
    await early.commit();
    const { body: first } = await feed(afterCreated);
    expect(first.changes.map((change) => change.name)).toEqual(['早交之家（新名）']);

    await late.commit();
    const { body: second } = await feed(first.changes[0].seq);
    expect(second.changes.map((change) => change.name)).toEqual(['迟交之家（新名）']);
    expect(second.changes[0].seq).toBeGreaterThan(first.changes[0].seq);
  });

  it('records nothing for a write that fails', async () => {
    const { body: before } = await feed(0);
    await graph.send(
      `mutation { createHome(input: { name: "", divisionCode: "320706001" }) { id } }`,
    );
    const { body: after } = await feed(0);
    expect(after.changes.length).toBe(before.changes.length);
  });

  it('is for other services only', async () => {
    expect((await feed(0, 'test:city-staff')).status).toBe(401);
    const anonymous = await fetch(new URL('/internal/home-changes', graph.url));
    expect(anonymous.status).toBe(401);
  });
});
