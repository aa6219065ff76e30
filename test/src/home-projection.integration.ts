import { eventually } from '@cppcc/toolkit/testing';
import { randomUUID } from 'node:crypto';
import { restartDeliberation } from './support/restart';
import { data, startStack, tokenFor, type Stack } from './support/stack';

/**
 * Deliberation knows homes from the organization's change feed, without calling it on a request:
 * a home's move or suspension reaches its projection and its sessions, and a restart loses nothing.
 */
let stack: Stack;
let city: string;
let haizhou: string;
let guannan: string;
beforeAll(async () => {
  stack = await startStack('projection');
  city = await tokenFor({ level: 'CITY', division: '3207', roles: ['STAFF'] });
  haizhou = await tokenFor({ level: 'COUNTY', division: '320706', roles: ['STAFF'] });
  guannan = await tokenFor({ level: 'COUNTY', division: '320724', roles: ['STAFF'] });
});
afterAll(() => stack?.stop());

const projection = async (homeId: string) =>
  (
    await stack.subgraphs.deliberation.orm.em
      .getConnection()
      .execute<Array<{ division_code: string; status: string; name: string }>>(
        'select division_code, status, name from home_projection where id = ?',
        [homeId],
      )
  )[0];

const sessions = async (token: string) =>
  (await data(stack, 'county', token, '{ sessions { totalCount edges { node { id } } } }'))
    .sessions;

it('follows a home from its creation through a move to another county and a suspension', async () => {
  const home = (
    await data(
      stack,
      'city',
      city,
      `mutation { createHome(input: { name: "迁移之家", divisionCode: "320706001" }) { id } }`,
    )
  ).createHome;
  await eventually(async () =>
    expect(await projection(home.id)).toEqual({
      division_code: '320706001',
      status: 'ACTIVE',
      name: '迁移之家',
    }),
  );

  const sessionId = randomUUID();
  await stack.subgraphs.deliberation.orm.em.getConnection().execute(
    `insert into session (id, home_id, division_code, title, kind, status, scheduled_at)
     values (?, ?, '320706001', '搬迁协商会', 'COUNCIL', 'PLANNED', '2026-12-01T09:00:00+08:00')`,
    [sessionId, home.id],
  );
  expect((await sessions(haizhou)).edges.map((edge: any) => edge.node.id)).toContain(sessionId);
  expect((await sessions(guannan)).edges.map((edge: any) => edge.node.id)).not.toContain(sessionId);

  await data(
    stack,
    'city',
    city,
    `mutation($id: ID!) { updateHome(id: $id, input: { divisionCode: "320724100" }) { id } }`,
    { id: home.id },
  );
  await eventually(async () => expect((await projection(home.id)).division_code).toBe('320724100'));
  expect((await sessions(guannan)).edges.map((edge: any) => edge.node.id)).toContain(sessionId);
  expect((await sessions(haizhou)).edges.map((edge: any) => edge.node.id)).not.toContain(sessionId);

  await data(
    stack,
    'city',
    city,
    `mutation($id: ID!) { updateHome(id: $id, input: { status: SUSPENDED }) { id } }`,
    { id: home.id },
  );
  await eventually(async () => expect((await projection(home.id)).status).toBe('SUSPENDED'));
});

it('catches up after a restart with every change made while it was down', async () => {
  const home = (
    await data(
      stack,
      'city',
      city,
      `mutation { createHome(input: { name: "重启之家", divisionCode: "320706001" }) { id } }`,
    )
  ).createHome;
  await eventually(async () => expect(await projection(home.id)).toBeDefined());
  await stack.subgraphs.deliberation.stop();

  await data(
    stack,
    'city',
    city,
    `mutation($id: ID!) { updateHome(id: $id, input: { name: "重启之家（新名）" }) { id } }`,
    { id: home.id },
  );
  const created = (
    await data(
      stack,
      'city',
      city,
      `mutation { createHome(input: { name: "停机时的新家", divisionCode: "320724100" }) { id } }`,
    )
  ).createHome;

  await restartDeliberation(stack);
  await eventually(async () => {
    expect((await projection(home.id))?.name).toBe('重启之家（新名）');
    expect((await projection(created.id))?.division_code).toBe('320724100');
  });
});
