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

const projection = async (homeId: string, consumer: 'deliberation' | 'channels' = 'deliberation') =>
  (
    await stack.subgraphs[consumer].orm.em
      .getConnection()
      .execute<Array<{ division_code: string; status: string; name: string }>>(
        'select division_code, status, name from home_projection where id = ?',
        [homeId],
      )
  )[0];

const createHome = async (name: string) =>
  (
    await data(
      stack,
      'city',
      city,
      `mutation($name: String!) { createHome(input: { name: $name, divisionCode: "320706001" }) { id } }`,
      { name },
    )
  ).createHome as { id: string };

/** A transaction of the organization's database on a connection of its own, left open. */
const organizationTransaction = () =>
  stack.subgraphs.organization.orm.em.getConnection().getKnex().transaction();
const rename = (
  tx: Awaited<ReturnType<typeof organizationTransaction>>,
  id: string,
  name: string,
) => tx.raw('update home set name = ? where id = ?', [name, id]);

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

describe('two writers committing in the other order than they recorded their changes', () => {
  it('loses neither: the change recorded first and committed last still arrives', async () => {
    const [x, y] = [await createHome('先记后交之家'), await createHome('后记先交之家')];
    await eventually(async () => {
      expect(await projection(x.id)).toBeDefined();
      expect(await projection(y.id)).toBeDefined();
    });

    const a = await organizationTransaction();
    await rename(a, x.id, '先记后交之家（新名）');
    const b = await organizationTransaction();
    await rename(b, y.id, '后记先交之家（新名）');
    await b.commit();
    // The followers have read past B's change while A's, recorded before it, is not committed.
    await eventually(async () =>
      expect((await projection(y.id)).name).toBe('后记先交之家（新名）'),
    );
    await a.commit();

    await eventually(async () => {
      expect((await projection(x.id)).name).toBe('先记后交之家（新名）');
      expect((await projection(x.id, 'channels')).name).toBe('先记后交之家（新名）');
      expect((await projection(y.id, 'channels')).name).toBe('后记先交之家（新名）');
    });
  });

  it('loses neither when the writer committing first had begun writing first', async () => {
    // A transaction id is taken at the first write: B's is older than A's, its change younger.
    // Serving only changes of transactions older than every running one would serve B's, not A's.
    const [x, y] = [await createHome('先启之家'), await createHome('后启之家')];
    await eventually(async () => {
      expect(await projection(x.id)).toBeDefined();
      expect(await projection(y.id)).toBeDefined();
    });

    const b = await organizationTransaction();
    await b.raw('select pg_current_xact_id()');
    const a = await organizationTransaction();
    await rename(a, x.id, '先启之家（新名）');
    await rename(b, y.id, '后启之家（新名）');
    await b.commit();
    await eventually(async () => expect((await projection(y.id)).name).toBe('后启之家（新名）'));
    await a.commit();

    await eventually(async () => {
      expect((await projection(x.id)).name).toBe('先启之家（新名）');
      expect((await projection(x.id, 'channels')).name).toBe('先启之家（新名）');
    });
  });
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
