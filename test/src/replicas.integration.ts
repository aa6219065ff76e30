import { loadConfig, startGateway, type RunningGateway } from '@cppcc/gateway';
import { createLogger } from '@cppcc/toolkit';
import { TEST_INTERNAL_AUTH_SECRET, eventually, postGraphQL } from '@cppcc/toolkit/testing';
import {
  TEST_AUTH_JWT_SECRET,
  sqlIn,
  startStack,
  subgraphUrls,
  tokenFor,
  type Stack,
} from './support/stack';

/**
 * Every process as several replicas over one database (issue 12): two gateways in front of two
 * replicas of each subgraph, gateway i calling replica i. A write through one gateway is read
 * fresh through the other (their answer caches are emptied together over LISTEN/NOTIFY); the
 * rate limits are counted once for all gateways, per client address behind a trusted proxy; a
 * home renamed while both deliberation replicas follow the feed is applied once; and one replica
 * of each process stopped mid-way loses no acknowledged write.
 */
let stack: Stack;
let city: string;
const extraGateways: RunningGateway[] = [];

const through = (gateway: RunningGateway, query: string, variables?: Record<string, unknown>) =>
  postGraphQL<Record<string, any>>(`${gateway.origin}/graphql/city`, query, variables, {
    authorization: `Bearer ${city}`,
  });

async function dataThrough(
  gateway: RunningGateway,
  query: string,
  variables?: Record<string, unknown>,
): Promise<Record<string, any>> {
  const answer = await through(gateway, query, variables);
  if (answer.errors?.length) throw new Error(JSON.stringify(answer.errors));
  return answer.data!;
}

/** A SQL statement on the stack's database, in a service's schema. */
const sql = <T>(schema: string, text: string, values: unknown[] = []) =>
  sqlIn<T>(stack, schema, text, values);

beforeAll(async () => {
  stack = await startStack('replicas', { gateways: 2, replicas: 2 });
  city = await tokenFor({ level: 'CITY', division: '3207', roles: ['STAFF'] });
});
afterAll(async () => {
  for (const gateway of extraGateways) await gateway.stop();
  await stack?.stop();
});

const HOME_STATS = `query($code: String!) { division(code: $code) { homeStats { homes } } }`;

describe('two gateways over one database', () => {
  it('reads a write through gateway 1 fresh through gateway 2 at once', async () => {
    const [one, two] = stack.gateways;
    const count = async (gateway: RunningGateway) =>
      (await dataThrough(gateway, HOME_STATS, { code: '320706' })).division.homeStats
        .homes as number;
    const before = await count(two);
    // Kept by gateway 2 (figures may be served again for 30 s): the same answer, from its cache.
    expect(await count(two)).toBe(before);

    await dataThrough(
      one,
      `mutation { createHome(input: { name: "两关之家", divisionCode: "320706001" }) { id } }`,
    );
    expect(await count(two)).toBe(before + 1);
  });

  it('listens again by itself when its connection to PostgreSQL is cut, fresh meanwhile', async () => {
    const [one, two] = stack.gateways;
    const count = async (gateway: RunningGateway) =>
      (await dataThrough(gateway, HOME_STATS, { code: '320706' })).division.homeStats
        .homes as number;
    const before = await count(two);
    const cut = await sql<{ cut: boolean }>(
      'public',
      `select pg_terminate_backend(pid) as cut from pg_stat_activity
       where datname = current_database() and application_name = 'cppcc-gateway-cache'`,
    );
    expect(cut.length).toBeGreaterThanOrEqual(2); // every gateway's listening connection
    // Meanwhile nothing is served from a cache that could have missed a notice.
    await dataThrough(
      one,
      `mutation { createHome(input: { name: "断线之家", divisionCode: "320706001" }) { id } }`,
    );
    expect(await count(two)).toBe(before + 1);
    // Listening again within 5 s: a write through gateway 1 empties gateway 2's cache again.
    await eventually(async () => {
      const [row] = await sql<{ n: number }>(
        'public',
        `select count(*)::int as n from pg_stat_activity
         where datname = current_database() and application_name = 'cppcc-gateway-cache'`,
      );
      expect(row.n).toBe(cut.length);
    }, 5_000);
    const cached = await count(two);
    expect(await count(two)).toBe(cached);
    await dataThrough(
      one,
      `mutation { createHome(input: { name: "复联之家", divisionCode: "320706001" }) { id } }`,
    );
    expect(await count(two)).toBe(cached + 1);
  });

  it('counts rate limits once for every gateway, per client behind a trusted proxy', async () => {
    const logger = createLogger('e2e', process.env.LOG_LEVEL ?? 'silent');
    const gatewayWith = async (env: Record<string, string>) => {
      const gateway = await startGateway(
        loadConfig({
          PORT: '0',
          HOST: '127.0.0.1',
          ...subgraphUrls(stack.subgraphs),
          AUTH_JWT_SECRET: TEST_AUTH_JWT_SECRET,
          INTERNAL_AUTH_SECRET: TEST_INTERNAL_AUTH_SECRET,
          TRUSTED_DOCUMENTS_ONLY: 'none',
          // The public surface allows 120 a minute: 3 here.
          RATE_LIMIT_SCALE: String(3 / 120),
          ...env,
        }),
        logger,
      );
      extraGateways.push(gateway);
      return gateway;
    };
    const status = async (gateway: RunningGateway, client?: string) =>
      (
        await fetch(`${gateway.origin}/graphql/public`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(client ? { 'x-forwarded-for': client } : {}),
          },
          body: JSON.stringify({ query: '{ __typename }' }),
        })
      ).status;

    const shared = { DATABASE_URL: stack.database.url, TRUST_PROXY: 'loopback' };
    const [a, b] = [await gatewayWith(shared), await gatewayWith(shared)];
    const statuses = [];
    for (const gateway of [a, b, a, b]) statuses.push(await status(gateway, '203.0.113.7'));
    // Three allowed across both gateways, the fourth refused wherever it goes.
    expect(statuses.slice(0, 3)).not.toContain(429);
    expect(statuses[3]).toBe(429);
    // Another client behind the same proxy has its own count.
    expect(await status(b, '203.0.113.8')).not.toBe(429);

    // Without TRUST_PROXY (the default) the proxy's address is the client: one count for all,
    // and a forged X-Forwarded-For does not get a caller a fresh one.
    const plain = await gatewayWith({});
    const forged = [];
    for (const client of ['198.51.100.1', '198.51.100.2', '198.51.100.3', '198.51.100.4'])
      forged.push(await status(plain, client));
    expect(forged.slice(0, 3)).not.toContain(429);
    expect(forged[3]).toBe(429);
  });
});

describe('two replicas of each subgraph', () => {
  it('applies a home renamed while both deliberation replicas follow the feed once', async () => {
    const [one] = stack.gateways;
    const { id } = (
      await dataThrough(
        one,
        `mutation { createHome(input: { name: "一次之家", divisionCode: "320706001" }) { id } }`,
      )
    ).createHome;
    // Every change applied to deliberation's projection is written down by a trigger.
    await sql(
      'deliberation',
      `create table applied_home_change (home_id uuid, name text, at timestamptz default now());
       create function note_applied_home_change() returns trigger language plpgsql as $$
         begin insert into applied_home_change (home_id, name) values (new.id, new.name); return new; end $$;
       create trigger applied_home_change after insert or update on home_projection
         for each row execute function note_applied_home_change();`,
    );
    await dataThrough(
      one,
      `mutation($id: ID!) { updateHome(input: { id: $id, name: "改名之家" }) { id } }`,
      { id },
    );
    await eventually(async () => {
      const [row] = await sql<{ name: string }>(
        'deliberation',
        'select name from home_projection where id = $1',
        [id],
      );
      expect(row?.name).toBe('改名之家');
    });
    // Both replicas poll every second: give the other one turns to apply the page again.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const applied = await sql<{ name: string }>(
      'deliberation',
      'select name from applied_home_change where home_id = $1 and name = $2',
      [id, '改名之家'],
    );
    expect(applied).toHaveLength(1);
  });

  it('loses no acknowledged write when one replica of each process stops mid-way', async () => {
    const [one, two] = stack.gateways;
    const acknowledged: string[] = [];
    let refused = 0;
    let running = true;
    const writer = async (gateway: RunningGateway, label: string) => {
      for (let n = 0; running; n++) {
        const answer = await through(
          gateway,
          `mutation($name: String!) { createHome(input: { name: $name, divisionCode: "320706001" }) { id } }`,
          { name: `副本${label}${n}之家` },
        ).catch(() => null);
        if (answer?.data?.createHome?.id) acknowledged.push(answer.data.createHome.id as string);
        else refused += 1;
      }
    };
    const writers = [writer(one, '甲'), writer(one, '乙'), writer(two, '丙'), writer(two, '丁')];
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    // The second replica of each process goes: each subgraph's, then the second gateway.
    for (const subgraph of Object.values(stack.replicas[1])) await subgraph.stop();
    stack.gateways.splice(1, 1);
    await two.stop();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    running = false;
    await Promise.all(writers);
    expect(acknowledged.length).toBeGreaterThan(10);
    expect(refused).toBeGreaterThan(0); // through gateway 2 once its subgraphs were gone

    const homes = await sql<{ id: string }>(
      'organization',
      'select id from home where id = any($1)',
      [acknowledged],
    );
    expect(homes).toHaveLength(acknowledged.length);
    // The surviving replicas follow every acknowledged home into their projections.
    for (const schema of ['deliberation', 'channels'])
      await eventually(async () => {
        const [row] = await sql<{ n: number }>(
          schema,
          'select count(*)::int as n from home_projection where id = any($1)',
          [acknowledged],
        );
        expect(row.n).toBe(acknowledged.length);
      }, 15_000);
    // And the figures through gateway 1 count them (the cache emptied by those writes).
    const stats = await dataThrough(one, HOME_STATS, { code: '320706' });
    expect(stats.division.homeStats.homes).toBeGreaterThanOrEqual(acknowledged.length);
  });
});
