/**
 * What `npm start`, `npm run db:migrate` and `npm run demo` share: finding the database (the
 * server of DATABASE_URL, or an embedded PostgreSQL in .data/), migrating every service, and
 * loading the demo data set on an empty database.
 */
import { channelsSubgraph } from '@cppcc/channels';
import { deliberationSubgraph } from '@cppcc/deliberation';
import {
  generateOrganizationDemo,
  isOrganizationDemoLoaded,
  loadOrganizationDemo,
  organizationSubgraph,
} from '@cppcc/organization';
import {
  baseConfigShape,
  databaseUrl,
  ensureDatabase,
  migrate,
  openDatabase,
  parseConfig,
  port,
  startEmbeddedPostgres,
  withDatabase,
  type Logger,
  type SubgraphProcess,
} from '@cppcc/toolkit';
import { resolve } from 'node:path';
import { z } from 'zod';
import { REPO_ROOT } from './schema-pipeline';

export const SUBGRAPHS: Array<{ process: SubgraphProcess; port: number; folder: string }> = [
  { process: organizationSubgraph, port: 4001, folder: 'services/organization' },
  { process: deliberationSubgraph, port: 4002, folder: 'services/deliberation' },
  { process: channelsSubgraph, port: 4003, folder: 'services/channels' },
];

/** The variables the start script reads, besides those it passes on to the processes. */
export const stackConfigShape = {
  ...baseConfigShape,
  DATABASE_URL: databaseUrl,
  /** The gateway's port; the subgraphs keep theirs (4001–4003). */
  PORT: port(4000),
  /** Where the embedded PostgreSQL listens when DATABASE_URL is not set. */
  EMBEDDED_POSTGRES_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  /** The seed of the demo data set: the same seed gives the same data. */
  DEMO_SEED: z.coerce.number().int().min(0).default(20190816),
  /** How large the demo data set is: 1 is a city like 连云港 in its first years. */
  DEMO_SCALE: z.coerce.number().min(0.01).max(20).default(1),
};

export function loadStackConfig() {
  return parseConfig(stackConfigShape);
}

export interface StackDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/** The database of the stack: DATABASE_URL's (created when missing), or `cppcc` on an embedded server. */
export async function openStackDatabase(
  config: ReturnType<typeof loadStackConfig>,
  logger: Logger,
): Promise<StackDatabase> {
  if (config.DATABASE_URL) {
    await ensureDatabase(config.DATABASE_URL);
    return { url: config.DATABASE_URL, embedded: false, stop: async () => undefined };
  }
  const dataDir = resolve(REPO_ROOT, '.data/postgres');
  logger.info(
    { dataDir, port: config.EMBEDDED_POSTGRES_PORT },
    'DATABASE_URL is not set: starting an embedded PostgreSQL',
  );
  const server = await startEmbeddedPostgres(dataDir, config.EMBEDDED_POSTGRES_PORT);
  const url = withDatabase(server.url, 'cppcc');
  await ensureDatabase(url);
  return { url, embedded: true, stop: server.stop };
}

/** Applies every service's pending migrations. */
export async function migrateAll(url: string, logger: Logger): Promise<void> {
  for (const { process } of SUBGRAPHS) {
    const orm = await openDatabase(process.database, url, {}, logger);
    try {
      const applied = await migrate(orm);
      logger.info(
        { service: process.name, applied },
        applied.length ? 'migrations applied' : 'schema up to date',
      );
    } finally {
      await orm.close();
    }
  }
}

/** Loads the deterministic demo data set unless the database already holds homes. */
export async function loadDemoIfEmpty(
  url: string,
  seed: number,
  scale: number,
  logger: Logger,
): Promise<void> {
  const orm = await openDatabase(organizationSubgraph.database, url, {}, logger);
  try {
    if (await isOrganizationDemoLoaded(orm)) {
      logger.info('the database already holds data: demo data not loaded');
      return;
    }
    const counts = await loadOrganizationDemo(orm, generateOrganizationDemo({ seed, scale }));
    logger.info({ seed, scale, counts }, 'demo data loaded');
  } finally {
    await orm.close();
  }
}
