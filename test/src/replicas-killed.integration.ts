import { loadConfig, startGateway, type RunningGateway } from '@cppcc/gateway';
import { createLogger } from '@cppcc/toolkit';
import { TEST_INTERNAL_AUTH_SECRET, eventually, postGraphQL } from '@cppcc/toolkit/testing';
import { startReplicaProcesses, type ReplicaProcess } from './support/replica-process';
import {
  TEST_AUTH_JWT_SECRET,
  sqlIn,
  startStack,
  tokenFor,
  type Stack,
  type SubgraphName,
} from './support/stack';

/**
 * Replicas killed for real: two gateways, gateway 1 in front of one replica of each subgraph
 * (in this process), gateway 2 in front of another replica of each running as its own process.
 * While homes are renamed and demands raised through both gateways, the process replicas are
 * killed with SIGKILL (no shutdown runs; a follower may be cut off inside its transaction). Every
 * acknowledged write exists, every acknowledged rename reaches the home projections of
 * deliberation and channels exactly once, the surviving replicas carry on meanwhile, and the
 * killed ones, started again, serve and follow the feed where the others left it.
 */
let stack: Stack;
let processes: Record<SubgraphName, ReplicaProcess>;
let second: RunningGateway;
let city: string;
let county: string;

const HOMES = 96;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A SQL statement on the stack's database, in a service's schema. */
const sql = <T>(schema: string, text: string, values: unknown[] = []) =>
  sqlIn<T>(stack, schema, text, values);

async function send(
  gateway: RunningGateway,
  token: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<Record<string, any> | undefined> {
  const surface = token === city ? 'city' : 'county';
  const answer = await postGraphQL<Record<string, any>>(
    `${gateway.origin}/graphql/${surface}`,
    query,
    variables,
    { authorization: `Bearer ${token}` },
  ).catch(() => undefined);
  return answer?.errors?.length ? undefined : (answer?.data ?? undefined);
}

const CREATE_HOME = `mutation($name: String!) { createHome(input: { name: $name, divisionCode: "320706001" }) { id } }`;
const RENAME_HOME = `mutation($id: ID!, $name: String!) { updateHome(input: { id: $id, name: $name }) { id } }`;
const RAISE_DEMAND = `mutation($input: RaiseDemandInput!) { raiseDemand(input: $input) { id } }`;

beforeAll(async () => {
  stack = await startStack('replicas-killed');
  processes = await startReplicaProcesses(stack.database.url);
  second = await startGateway(
    loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      ORGANIZATION_URL: processes.organization.url,
      DELIBERATION_URL: processes.deliberation.url,
      CHANNELS_URL: processes.channels.url,
      SUBGRAPH_TIMEOUT_MS: '10000',
      AUTH_JWT_SECRET: TEST_AUTH_JWT_SECRET,
      INTERNAL_AUTH_SECRET: TEST_INTERNAL_AUTH_SECRET,
      RATE_LIMIT_SCALE: '100',
      TRUSTED_DOCUMENTS_ONLY: 'none',
    }),
    createLogger('e2e', process.env.LOG_LEVEL ?? 'silent'),
  );
  city = await tokenFor({ level: 'CITY', division: '3207', roles: ['STAFF'] });
  county = await tokenFor({ level: 'COUNTY', division: '320706', roles: ['STAFF'] });
}, 120_000);
afterAll(async () => {
  await second?.stop();
  for (const replica of Object.values(processes ?? {})) await replica.stop();
  await stack?.stop();
});

describe('one replica of each subgraph killed with SIGKILL mid-way', () => {
  it('loses no acknowledged write, applies every rename once, and the restarted replicas catch up', async () => {
    const first = stack.gateway;
    // Homes to rename, known to both projections before the writes start (demands need them).
    const homes: string[] = [];
    for (let batch = 0; batch < HOMES; batch += 8) {
      const created = await Promise.all(
        Array.from({ length: 8 }, (_, n) =>
          send(first, city, CREATE_HOME, { name: `待改${batch + n}号之家` }),
        ),
      );
      for (const data of created) homes.push(data!.createHome.id as string);
    }
    for (const schema of ['deliberation', 'channels']) {
      await eventually(async () => {
        const [row] = await sql<{ n: number }>(
          schema,
          'select count(*)::int as n from home_projection where id = any($1)',
          [homes],
        );
        expect(row.n).toBe(HOMES);
      }, 20_000);
      // Every change applied to the projection from now on is written down by a trigger.
      await sql(
        schema,
        `create table applied_home_change (home_id uuid, name text, version int);
         create function note_applied_home_change() returns trigger language plpgsql as $$
           begin insert into applied_home_change values (new.id, new.name, new.version); return new; end $$;
         create trigger applied_home_change after insert or update on home_projection
           for each row execute function note_applied_home_change();`,
      );
    }

    // Writers through both gateways: each home renamed once at most (so every acknowledged
    // rename is its home's latest change and must be applied), demands raised at those homes.
    const renamed = new Map<string, string>();
    const demands: string[] = [];
    const acknowledgedThrough = new Map<RunningGateway, number>([
      [first, 0],
      [second, 0],
    ]);
    const acknowledge = (gateway: RunningGateway) =>
      acknowledgedThrough.set(gateway, acknowledgedThrough.get(gateway)! + 1);
    let refused = 0;
    let next = 0;
    let running = true;
    const renamer = async (gateway: RunningGateway) => {
      while (running && next < homes.length) {
        const id = homes[next++];
        const name = `已改${id.slice(0, 8)}之家`;
        const data = await send(gateway, city, RENAME_HOME, { id, name });
        if (data?.updateHome) {
          renamed.set(id, name);
          acknowledge(gateway);
        } else refused += 1;
        // Paced, so homes are left to rename after the kill and the restart.
        await sleep(150);
      }
    };
    const raiser = async (gateway: RunningGateway) => {
      for (let n = 0; running; n++) {
        const data = await send(gateway, county, RAISE_DEMAND, {
          input: {
            homeId: homes[n % homes.length],
            category: 'INFRASTRUCTURE',
            content: `第${n}号诉求：路灯损坏，夜间出行不便。`,
            residentName: '王秀英',
          },
        });
        if (data?.raiseDemand) {
          demands.push(data.raiseDemand.id as string);
          acknowledge(gateway);
        } else refused += 1;
      }
    };
    /** Waits (by progress, not by the clock: the machine may be slow) until `done` holds. */
    const until = async (done: () => boolean, what: string) => {
      const deadline = Date.now() + 90_000;
      while (!done()) {
        if (Date.now() > deadline) throw new Error(`still waiting for ${what}`);
        await sleep(50);
      }
    };
    const writers = [first, first, second, second].flatMap((gateway) => [
      renamer(gateway),
      raiser(gateway),
    ]);
    try {
      await until(
        () => acknowledgedThrough.get(first)! >= 6 && acknowledgedThrough.get(second)! >= 6,
        'writes through both gateways',
      );
      for (const replica of Object.values(processes)) await replica.kill();
      // The surviving replicas carry on: writes through gateway 1 keep being acknowledged.
      const survived = acknowledgedThrough.get(first)!;
      await until(() => acknowledgedThrough.get(first)! >= survived + 6, 'the surviving replicas');
      for (const replica of Object.values(processes)) await replica.restart();
      // The restarted replicas serve gateway 2 again.
      const restarted = acknowledgedThrough.get(second)!;
      await until(
        () => acknowledgedThrough.get(second)! >= restarted + 4,
        'the restarted replicas',
      );
    } finally {
      running = false;
      await Promise.all(writers);
    }
    expect(renamed.size).toBeGreaterThan(6);
    expect(demands.length).toBeGreaterThan(6);
    expect(refused).toBeGreaterThan(0); // through gateway 2 while its subgraphs were dead

    // Every acknowledged write exists.
    /** How many renamed homes carry their acknowledged new name in a table (`home`'s id in `idColumn`). */
    const withNewName = async (schema: string, table: string, idColumn: string) =>
      (
        await sql<{ n: number }>(
          schema,
          `select count(*)::int as n from ${table} t
           join json_each_text($1::json) r on t.${idColumn} = r.key::uuid and t.name = r.value`,
          [JSON.stringify(Object.fromEntries(renamed))],
        )
      )[0].n;
    expect(await withNewName('organization', 'home', 'id')).toBe(renamed.size);
    const [demandsRaised] = await sql<{ n: number }>(
      'channels',
      'select count(*)::int as n from demand where id = any($1)',
      [demands],
    );
    expect(demandsRaised.n).toBe(demands.length);

    // Every acknowledged rename reaches both projections, and no change is applied twice.
    for (const schema of ['deliberation', 'channels']) {
      await eventually(
        async () => expect(await withNewName(schema, 'home_projection', 'id')).toBe(renamed.size),
        20_000,
      );
      const twice = await sql(
        schema,
        `select home_id, version from applied_home_change group by 1, 2 having count(*) > 1`,
      );
      expect(twice).toEqual([]);
      expect(await withNewName(schema, 'applied_home_change', 'home_id')).toBe(renamed.size);
    }

    // The restarted replicas alone: the in-process ones stop, and a rename through gateway 2 is
    // served by the restarted organization and followed by the restarted deliberation and
    // channels, from the cursor the others left.
    await stack.subgraphs.deliberation.stop();
    await stack.subgraphs.channels.stop();
    const last = homes[homes.length - 1];
    const renamedAgain = await eventually(async () => {
      const data = await send(second, city, RENAME_HOME, { id: last, name: '重启后改名之家' });
      expect(data?.updateHome).toBeDefined();
      return data;
    }, 30_000);
    expect(renamedAgain).toBeDefined();
    for (const schema of ['deliberation', 'channels'])
      await eventually(async () => {
        const [row] = await sql<{ name: string }>(
          schema,
          'select name from home_projection where id = $1',
          [last],
        );
        expect(row.name).toBe('重启后改名之家');
      }, 20_000);
    const demand = await send(second, county, RAISE_DEMAND, {
      input: {
        homeId: last,
        category: 'INFRASTRUCTURE',
        content: '重启之后：社区门口井盖松动。',
        residentName: '李建国',
      },
    });
    expect(demand?.raiseDemand?.id).toBeDefined();
  }, 400_000);
});
