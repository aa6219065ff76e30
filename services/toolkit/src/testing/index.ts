/**
 * Helpers for the tests of every package: a fresh database per test file on the server of
 * DATABASE_URL (the global setup starts an embedded one when it is not set), and a counter of
 * the SQL statements a piece of work sends.
 */
import { randomBytes } from 'node:crypto';
import type { Orm } from '../database';
import { dropDatabase, ensureDatabase, withDatabase } from '../database';
import { createLogger, type Caller, CALLER_HEADER, signCallerToken } from '@cppcc/contract';
import { startSubgraph, type SubgraphProcess, type SubgraphSettings } from '../server';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** Creates an empty database with a unique name; `drop()` removes it after the file's tests. */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const server = process.env.DATABASE_URL;
  if (!server)
    throw new Error(
      'DATABASE_URL is not set: run the tests through jest (its global setup sets it)',
    );
  const safeLabel = label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .slice(0, 30);
  const url = withDatabase(server, `test_${safeLabel}_${randomBytes(4).toString('hex')}`);
  await ensureDatabase(url);
  return { url, drop: () => dropDatabase(url) };
}

/**
 * The statements of the change feeds and their followers, which run in the background whatever
 * the request: serving a page of changes (taking the feed's lock, placing, reading a page),
 * applying it to a projection or queueing its webhook deliveries, moving the cursor.
 */
export const FEED_STATEMENT =
  /change_cursor|change feed|position as seq|_change\b|^\s*(insert|update|begin|commit|rollback|savepoint|release)\b/i;

export interface QueryCounter {
  /** SQL statements sent since the counter started or was last reset. */
  readonly count: number;
  readonly statements: string[];
  reset(): void;
  stop(): void;
}

/**
 * Counts the SQL statements the ORM's connection pool sends, e.g. around one GraphQL request.
 * The change-feed followers' reads of their cursor are left out: they run on their own timer
 * (every second, whether or not the organization answers) and belong to no request.
 */
export function countQueries(orm: Orm): QueryCounter {
  const knex = orm.em.getConnection().getKnex();
  const statements: string[] = [];
  const listener = (query: { sql: string }) => {
    if (!/\bchange_cursor\b/.test(query.sql)) statements.push(query.sql);
  };
  knex.on('query', listener);
  return {
    get count() {
      return statements.length;
    },
    statements,
    reset: () => {
      statements.length = 0;
    },
    stop: () => {
      knex.off('query', listener);
    },
  };
}

export interface GraphQLResponse<Data = Record<string, unknown>> {
  status: number;
  data?: Data | null;
  errors?: Array<{
    message: string;
    path?: Array<string | number>;
    extensions?: Record<string, unknown>;
  }>;
}

/** POSTs a GraphQL request as any client would. */
export async function postGraphQL<Data = Record<string, any>>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<Data>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json',
      ...headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLResponse<Data>, 'status'>;
  return { status: response.status, ...body };
}

/** The internal secret of test processes (never used outside tests). */
export const TEST_INTERNAL_AUTH_SECRET = 'test-only-internal-auth-secret-0123456789';

/** The city office's staff on the city surface: sees everything, personal data included. */
export const CITY_STAFF: Caller = {
  subject: 'test:city-staff',
  level: 'CITY',
  division: '3207',
  roles: ['STAFF'],
  surface: 'city',
};

export interface CallerClient {
  /** Sends a query; fails the test when the answer carries errors. */
  query<Data = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<Data>;
  /** Sends a query and returns the whole answer, errors included. */
  send<Data = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<Data>>;
}

/** A client of a subgraph that calls it as the gateway would, for the given caller. */
export function subgraphClient(url: string, caller: Caller): CallerClient {
  const send = async <Data>(query: string, variables?: Record<string, unknown>) =>
    postGraphQL<Data>(url, query, variables, {
      [CALLER_HEADER]: await signCallerToken(caller, TEST_INTERNAL_AUTH_SECRET),
    });
  return {
    send,
    query: async <Data>(query: string, variables?: Record<string, unknown>) => {
      const response = await send<Data>(query, variables);
      if (response.errors?.length)
        throw new Error(`GraphQL errors: ${JSON.stringify(response.errors, null, 2)}`);
      return response.data as Data;
    },
  };
}

export interface TestSubgraph extends CallerClient {
  url: string;
  orm: Orm;
  database: TestDatabase;
  /** The same subgraph called for another caller. */
  as(caller: Caller): CallerClient;
  stop(): Promise<void>;
}

/**
 * Starts a subgraph over HTTP on a free port with a fresh database built by its migrations, as
 * its process would start, for a test file. Its own `query`/`send` call as the city's staff.
 */
export async function startTestSubgraph(
  subgraph: SubgraphProcess,
  label = subgraph.name,
  settings: Partial<SubgraphSettings> = {},
): Promise<TestSubgraph> {
  const database = await createTestDatabase(label);
  const logger = createLogger(subgraph.name, process.env.LOG_LEVEL ?? 'silent');
  const started = await startSubgraph(subgraph, {
    databaseUrl: database.url,
    internalAuthSecret: TEST_INTERNAL_AUTH_SECRET,
    port: 0,
    host: '127.0.0.1',
    logger,
    // Alone in a test, a subgraph that follows the organization's changes (or deliberation's
    // or channels' events) finds nobody there (port 9, discard) and keeps retrying quietly.
    organizationUrl: 'http://127.0.0.1:9/graphql',
    deliberationUrl: 'http://127.0.0.1:9/graphql',
    channelsUrl: 'http://127.0.0.1:9/graphql',
    ...settings,
  });
  return {
    ...subgraphClient(started.url, CITY_STAFF),
    url: started.url,
    orm: started.orm,
    database,
    as: (caller) => subgraphClient(started.url, caller),
    stop: async () => {
      await started.stop();
      await database.drop();
    },
  };
}

/** Waits until `check` passes (for work done in the background, e.g. following a change feed). */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

export {
  mutationSurfaces,
  surfaceMismatches,
  walkWorkflow,
  type RecordState,
  type WalkResult,
  type WorkflowWalk,
} from './workflow-harness';
export { Receiver } from './webhook-receiver';
