/**
 * The whole graph as a newcomer meets it, for the tests that cross services: a fresh database,
 * every subgraph of schema/supergraph.yaml over HTTP and the gateway in front, with test secrets;
 * and callers' tokens.
 */
import 'reflect-metadata';
import {
  generateChannelsDemo,
  generateDeliberationDemo,
  generateOrganizationDemo,
  generatePetitionsDemo,
  loadChannelsDemo,
  loadDeliberationDemo,
  loadOrganizationDemo,
  loadPetitionsDemo,
  withAgendaDemands,
  type ChannelsDemo,
  type DeliberationDemo,
  type OrganizationDemo,
  type PetitionsDemo,
} from '@cppcc/demo';
import { loadConfig, startGateway, type RunningGateway } from '@cppcc/gateway';
import { subgraphUrlVariables, subgraphs as listedSubgraphs } from '@cppcc/scripts';
import {
  createLogger,
  startSubgraph,
  type Logger,
  type StartedSubgraph,
  type Surface,
} from '@cppcc/toolkit';
import {
  TEST_INTERNAL_AUTH_SECRET,
  FEED_STATEMENT,
  countQueries,
  createTestDatabase,
  postGraphQL,
  type GraphQLResponse,
  type TestDatabase,
} from '@cppcc/toolkit/testing';
import { SignJWT } from 'jose';
import { Client } from 'pg';

export const TEST_AUTH_JWT_SECRET = 'test-only-auth-jwt-secret-0123456789abcdef';

/** The subgraphs the tests name; every subgraph of schema/supergraph.yaml is started. */
export type SubgraphName = 'organization' | 'deliberation' | 'channels' | 'petitions';

export interface Stack {
  database: TestDatabase;
  subgraphs: Record<SubgraphName, StartedSubgraph>;
  gateway: RunningGateway;
  /** Every replica of each subgraph (`replicas`); the first is `subgraphs`. */
  replicas: Array<Record<SubgraphName, StartedSubgraph>>;
  /** Every gateway (`gateways`); the first is `gateway`. Gateway i calls replica i (modulo). */
  gateways: RunningGateway[];
  /** The demo data set the stack loaded (`demo: true`), for tests to count on. */
  demo?: {
    organization: OrganizationDemo;
    deliberation: DeliberationDemo;
    channels: ChannelsDemo;
    petitions: PetitionsDemo;
  };
  stop(): Promise<void>;
}

export async function startStack(
  label: string,
  options: {
    demo?: boolean;
    timeoutMs?: number;
    rateLimitScale?: number;
    trustedOnly?: string;
    /** More of the gateway's configuration (e.g. AUTH_JWT_ISSUER). */
    env?: Record<string, string>;
    /** The logger of every process of the stack (silent unless LOG_LEVEL says otherwise). */
    logger?: Logger;
    /**
     * Gateways over the stack (1 by default); with more than one they share the database
     * (DATABASE_URL), as replicas behind a load balancer do.
     */
    gateways?: number;
    /** Replicas of each subgraph over the one database (1 by default). */
    replicas?: number;
  } = {},
): Promise<Stack> {
  const logger = options.logger ?? createLogger('e2e', process.env.LOG_LEVEL ?? 'silent');
  const database = await createTestDatabase(label);
  const replicas: Stack['replicas'] = [];
  for (let replica = 0; replica < (options.replicas ?? 1); replica++) {
    const started = {} as Stack['subgraphs'];
    // The organization first: the others follow its change feeds (petitions, listed last, also
    // deliberation's and channels' event feeds).
    const all = listedSubgraphs().sort((a, b) =>
      a.name === 'organization' ? -1 : b.name === 'organization' ? 1 : 0,
    );
    for (const { process: subgraph } of all) {
      started[subgraph.name as SubgraphName] = await startSubgraph(subgraph, {
        databaseUrl: database.url,
        internalAuthSecret: TEST_INTERNAL_AUTH_SECRET,
        port: 0,
        host: '127.0.0.1',
        logger,
        organizationUrl: started.organization?.url,
        deliberationUrl: started.deliberation?.url,
        channelsUrl: started.channels?.url,
      });
    }
    replicas.push(started);
  }
  const subgraphs = replicas[0];
  let demo: Stack['demo'];
  if (options.demo) {
    // As npm start loads it: the organization's demo, its homes' sessions, the demands raised at
    // them and where they went (same seed).
    const organization = generateOrganizationDemo({ seed: 7, scale: 0.1 });
    const sessions = generateDeliberationDemo(organization);
    const channels = generateChannelsDemo(organization, sessions);
    const deliberation = withAgendaDemands(sessions, channels);
    await loadOrganizationDemo(subgraphs.organization.orm, organization);
    await loadDeliberationDemo(subgraphs.deliberation.orm, deliberation);
    await loadChannelsDemo(subgraphs.channels.orm, channels);
    const petitions = generatePetitionsDemo(organization, deliberation, channels);
    await loadPetitionsDemo(subgraphs.petitions.orm, petitions);
    demo = { organization, deliberation, channels, petitions };
  }
  const gateways: RunningGateway[] = [];
  for (let index = 0; index < (options.gateways ?? 1); index++) {
    const called = replicas[index % replicas.length];
    gateways.push(
      await startGateway(
        loadConfig({
          PORT: '0',
          HOST: '127.0.0.1',
          ...subgraphUrls(called),
          ...(options.gateways && options.gateways > 1 ? { DATABASE_URL: database.url } : {}),
          SUBGRAPH_TIMEOUT_MS: String(options.timeoutMs ?? 10_000),
          AUTH_JWT_SECRET: TEST_AUTH_JWT_SECRET,
          INTERNAL_AUTH_SECRET: TEST_INTERNAL_AUTH_SECRET,
          // Tests send many requests as one caller; the rate-limit test sets its own scale.
          RATE_LIMIT_SCALE: String(options.rateLimitScale ?? 100),
          // Tests ask ad-hoc questions of every surface; the trusted-documents test turns this on.
          TRUSTED_DOCUMENTS_ONLY: options.trustedOnly ?? 'none',
          ...options.env,
        }),
        logger,
      ),
    );
  }
  return {
    database,
    subgraphs,
    gateway: gateways[0],
    replicas,
    gateways,
    demo,
    stop: async () => {
      for (const gateway of gateways) await gateway.stop();
      for (const started of replicas)
        for (const subgraph of Object.values(started)) await subgraph.stop().catch(() => undefined);
      await database.drop();
    },
  };
}

/** The gateway's variables that send it to these subgraphs: `{ CHANNELS_URL: … }` for every one. */
export function subgraphUrls(
  started: Record<SubgraphName, StartedSubgraph>,
): Record<string, string> {
  return subgraphUrlVariables((entry) => started[entry.name as SubgraphName].url);
}

export interface TokenClaims {
  level: 'CITY' | 'COUNTY' | 'HOME' | 'DEPARTMENT';
  division: string;
  roles?: string[];
  homeId?: string;
  memberId?: string;
  departmentId?: string;
}

/** A caller's token as an identity provider would sign it (HS256 with the test secret). */
export function tokenFor(claims: TokenClaims, expiresIn: string | number = '1h'): Promise<string> {
  return new SignJWT({ roles: [], ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(`test:${claims.level.toLowerCase()}:${claims.division}`)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(TEST_AUTH_JWT_SECRET));
}

/** Sends a GraphQL request to a surface of the gateway, with a token when one is given. */
export function ask(
  stack: Stack,
  surface: Surface,
  token: string | null,
  query: string,
  variables?: Record<string, unknown>,
): Promise<GraphQLResponse<Record<string, any>>> {
  return postGraphQL(
    `${stack.gateway.origin}/graphql/${surface}`,
    query,
    variables,
    token ? { authorization: `Bearer ${token}` } : {},
  );
}

/** The same as `ask`, failing the test when the answer carries errors. */
export async function data(
  stack: Stack,
  surface: Surface,
  token: string | null,
  query: string,
  variables?: Record<string, unknown>,
): Promise<Record<string, any>> {
  const response = await ask(stack, surface, token, query, variables);
  if (response.errors?.length)
    throw new Error(`GraphQL errors: ${JSON.stringify(response.errors, null, 2)}`);
  return response.data!;
}

/** A caller of each surface's own level (none for the public), with a made-up home and department. */
export async function surfaceTokens(): Promise<Record<Surface, string | null>> {
  return {
    city: await tokenFor({ level: 'CITY', division: '3207', roles: ['STAFF'] }),
    county: await tokenFor({ level: 'COUNTY', division: '320706', roles: ['STAFF'] }),
    home: await tokenFor({
      level: 'HOME',
      division: '320706001',
      homeId: '6a1f5e0c-1c1d-4c43-9a56-0e1f2a3b4c5d',
      roles: ['HOME_LEADER'],
    }),
    department: await tokenFor({
      level: 'DEPARTMENT',
      division: '3207',
      departmentId: '0b8f0d6e-2d5c-4b8a-8e8f-3c1d2e3f4a5b',
      roles: ['DEPARTMENT'],
    }),
    public: null,
  };
}

/** The statements each subgraph sends while `work` runs, the change feeds' left out. */
export async function statementsDuring(
  stack: Stack,
  work: () => Promise<unknown>,
): Promise<Record<keyof Stack['subgraphs'], number>> {
  const counters = Object.entries(stack.subgraphs).map(
    ([name, subgraph]) => [name, countQueries(subgraph.orm)] as const,
  );
  await work();
  return Object.fromEntries(
    counters.map(([name, counter]) => {
      counter.stop();
      return [name, counter.statements.filter((text) => !FEED_STATEMENT.test(text)).length];
    }),
  ) as Record<keyof Stack['subgraphs'], number>;
}

/** Runs one statement on the stack's database in a service's schema, on a session of its own. */
export async function sqlIn<T>(
  stack: Stack,
  schema: string,
  text: string,
  values: unknown[] = [],
): Promise<T[]> {
  const client = new Client({ connectionString: stack.database.url });
  await client.connect();
  try {
    await client.query(`set search_path to ${schema}`);
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}
