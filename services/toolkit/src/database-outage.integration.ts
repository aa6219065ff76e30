import { GraphQLInt, GraphQLObjectType, GraphQLSchema } from 'graphql';
import { connect, createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import pino from 'pino';
import type { RequestContext } from './context';
import { executeIn, openDatabase, type Orm } from './database';
import { isDatabaseUnavailable } from './database-outage';
import { serveSubgraph, type RunningServer } from './server';
import {
  CITY_STAFF,
  TEST_INTERNAL_AUTH_SECRET,
  createTestDatabase,
  eventually,
  subgraphClient,
  type CallerClient,
  type TestDatabase,
} from './testing/index';

/**
 * A TCP relay in front of PostgreSQL that the test cuts and restores, as if the server stopped
 * and came back on the same address (the machine's PostgreSQL itself is shared: never stopped).
 */
function relay(target: URL) {
  let server: Server | undefined;
  const sockets = new Set<Socket>();
  let port = 0;
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
  };
  return {
    get port() {
      return port;
    },
    open: () =>
      new Promise<void>((resolve, reject) => {
        if (server?.listening) return resolve();
        server = createServer((client) => {
          const upstream = connect(Number(target.port || 5432), target.hostname);
          track(client);
          track(upstream);
          client.pipe(upstream).pipe(client);
        });
        server.once('error', reject);
        server.listen(port, '127.0.0.1', () => {
          port = (server!.address() as AddressInfo).port;
          resolve();
        });
      }),
    cut: () =>
      new Promise<void>((resolve) => {
        if (!server?.listening) return resolve();
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}

const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      answer: {
        type: GraphQLInt,
        resolve: async (_root, _args, context: RequestContext) =>
          (await executeIn<Array<{ n: number }>>(context.em, 'select 42 as n'))[0].n,
      },
    },
  }),
});

let database: TestDatabase;
let postgres: ReturnType<typeof relay>;
let orm: Orm;
let server: RunningServer;
let client: CallerClient;
const logs: Array<{ level: number; msg: string }> = [];

beforeAll(async () => {
  database = await createTestDatabase('outage');
  postgres = relay(new URL(database.url));
  await postgres.open();
  const url = new URL(database.url);
  url.hostname = '127.0.0.1';
  url.port = String(postgres.port);
  orm = await openDatabase({ schema: 'probe', entities: [], migrations: [] }, url.toString(), {
    discovery: { warnWhenNoEntities: false },
  });
  const logger = pino({ level: 'info' }, { write: (line: string) => logs.push(JSON.parse(line)) });
  server = await serveSubgraph(
    {
      name: 'probe',
      schema,
      orm,
      logger,
      internalAuthSecret: TEST_INTERNAL_AUTH_SECRET,
      createContext: (em, caller) => ({ em, caller, loaders: {} }),
      // A route for other services, as a change feed is.
      internalRoutes: (app) =>
        app.get('/internal/probe', async (_req, res) => {
          res.json((await executeIn(orm.em.fork(), 'select 42 as n'))[0]);
        }),
    },
    0,
    '127.0.0.1',
  );
  client = subgraphClient(server.url, CITY_STAFF);
});
afterAll(async () => {
  await server?.stop();
  await postgres?.open();
  await orm?.close(true);
  await postgres?.cut();
  await database?.drop();
});

const warnings = () => logs.filter((line) => line.level === 40);
const errors = () => logs.filter((line) => line.level >= 50);

describe('a subgraph while PostgreSQL is away', () => {
  it('answers SERVICE_UNAVAILABLE at once, warns once per outage, and recovers by itself', async () => {
    expect(await client.query('{ answer }')).toEqual({ answer: 42 });

    await postgres.cut();
    for (let request = 0; request < 5; request++) {
      const started = Date.now();
      const answer = await client.send('{ answer }');
      expect(Date.now() - started).toBeLessThan(1_000);
      expect(answer.data).toEqual({ answer: null });
      expect(answer.errors).toEqual([
        {
          message: 'The probe service cannot reach its database for now: try again shortly.',
          locations: [{ line: 1, column: 3 }],
          path: ['answer'],
          extensions: { code: 'SERVICE_UNAVAILABLE' },
        },
      ]);
    }
    expect(warnings().map((line) => line.msg)).toEqual([
      'database unreachable: requests answer SERVICE_UNAVAILABLE until it is back',
    ]);
    expect(errors()).toEqual([]);

    await postgres.open();
    await eventually(
      async () => expect(await client.query('{ answer }')).toEqual({ answer: 42 }),
      5_000,
    );
    expect(logs.map((line) => line.msg)).toContain('database reachable again');

    // A second outage is a second warning.
    await postgres.cut();
    expect((await client.send('{ answer }')).errors?.[0].extensions?.code).toBe(
      'SERVICE_UNAVAILABLE',
    );
    await client.send('{ answer }');
    expect(warnings()).toHaveLength(2);
    expect(errors()).toEqual([]);
    await postgres.open();
  });
});

describe('a route for other services while PostgreSQL is away', () => {
  it('answers 503 SERVICE_UNAVAILABLE, within the one warning of the outage, and recovers', async () => {
    const probe = () => fetch(new URL('/internal/probe', server.url));
    expect(await (await probe()).json()).toEqual({ n: 42 });
    const warned = warnings().length;

    await postgres.cut();
    for (let request = 0; request < 3; request++) {
      const answer = await probe();
      expect(answer.status).toBe(503);
      expect(await answer.json()).toEqual({
        errors: [
          {
            message: 'The probe service cannot reach its database for now: try again shortly.',
            extensions: { code: 'SERVICE_UNAVAILABLE' },
          },
        ],
      });
    }
    expect(warnings()).toHaveLength(warned + 1);
    expect(errors()).toEqual([]);

    await postgres.open();
    await eventually(async () => expect((await probe()).status).toBe(200), 5_000);
  });
});

describe('what pg says of a connection PostgreSQL closed', () => {
  it('is an unreachable database, at the first statement after and at the next ones', async () => {
    const client = new pg.Client({ connectionString: database.url });
    client.on('error', () => undefined);
    await client.connect();
    const other = new pg.Client({ connectionString: database.url });
    await other.connect();
    try {
      const { pid } = (await client.query<{ pid: number }>('select pg_backend_pid() as pid'))
        .rows[0];
      await other.query('select pg_terminate_backend($1)', [pid]);
      // The first statements meet the closing connection; the later ones a client pg gave up.
      const first: unknown = await client.query('select 1').catch((error: unknown) => error);
      let next: unknown;
      for (let n = 0; n < 5 && !/not queryable/.test(String((next as Error)?.message)); n++) {
        // knex reports a failed COMMIT as "COMMIT; - <pg's message>".
        next = await client.query('COMMIT').catch((error: unknown) => error);
      }
      expect(first).toBeInstanceOf(Error);
      expect((next as Error).message).toMatch(/not queryable/);
      expect(isDatabaseUnavailable(first)).toBe(true);
      expect(isDatabaseUnavailable(next)).toBe(true);
      expect(isDatabaseUnavailable(new Error(`COMMIT; - ${(next as Error).message}`))).toBe(true);
      // A wrong statement is not an outage.
      const wrong: unknown = await other
        .query('select * from no_such_table')
        .catch((error: unknown) => error);
      expect(isDatabaseUnavailable(wrong)).toBe(false);
    } finally {
      await client.end().catch(() => undefined);
      await other.end();
    }
  });
});
