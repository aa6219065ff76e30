/**
 * What `npm start`, `npm run db:migrate` and `npm run demo` share: finding the database (the
 * server of DATABASE_URL, or an embedded PostgreSQL in .data/), migrating every service, and
 * loading the demo data set on an empty database.
 */
import {
  channelsSubgraph,
  generateChannelsDemo,
  isChannelsDemoLoaded,
  loadChannelsDemo,
  withAgendaDemands,
} from '@cppcc/channels';
import {
  deliberationSubgraph,
  generateDeliberationDemo,
  isDeliberationDemoLoaded,
  loadDeliberationDemo,
} from '@cppcc/deliberation';
import {
  generateOrganizationDemo,
  isOrganizationDemoLoaded,
  loadOrganizationDemo,
  organizationSubgraph,
  type OrganizationDemo,
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
  type Orm,
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

/**
 * Loads the deterministic demo data set into the services that are still empty: the
 * organization's homes, members and departments, the sessions of those homes, and the demands
 * raised at them with where they went (same seed, standing on today). Sessions and channels are
 * loaded only for homes of the same demo: a database whose organization holds other data (or
 * another seed's demo) gets none.
 */
export async function loadDemoIfEmpty(
  url: string,
  seed: number,
  scale: number,
  logger: Logger,
): Promise<void> {
  const organizationOrm = await openDatabase(organizationSubgraph.database, url, {}, logger);
  const deliberationOrm = await openDatabase(deliberationSubgraph.database, url, {}, logger);
  const channelsOrm = await openDatabase(channelsSubgraph.database, url, {}, logger);
  try {
    const loaded = {
      organization: await isOrganizationDemoLoaded(organizationOrm),
      deliberation: await isDeliberationDemoLoaded(deliberationOrm),
      channels: await isChannelsDemoLoaded(channelsOrm),
    };
    if (loaded.organization && loaded.deliberation && loaded.channels) {
      logger.info('the database already holds data: demo data not loaded');
      return;
    }
    let started = Date.now();
    const organization = generateOrganizationDemo({ seed, scale });
    if (!loaded.organization) {
      const counts = await loadOrganizationDemo(organizationOrm, organization);
      logger.info(
        { seed, scale, counts, ms: Date.now() - started },
        'organization demo data loaded',
      );
    } else if (!(await holdsDemoHomes(organizationOrm, organization))) {
      logger.info(
        'the organization holds other homes than the demo’s: no demo sessions or demands',
      );
      return;
    }
    started = Date.now();
    const sessions = generateDeliberationDemo(organization, { seed });
    const channels = generateChannelsDemo(organization, sessions, { seed });
    const deliberation = withAgendaDemands(sessions, channels);
    if (loaded.deliberation) {
      logger.info('deliberation already holds sessions: demo sessions not loaded');
    } else {
      const counts = await loadDeliberationDemo(deliberationOrm, deliberation);
      logger.info(
        { seed, today: deliberation.today, counts, ms: Date.now() - started },
        'deliberation demo data loaded',
      );
    }
    if (loaded.channels) {
      logger.info('channels already holds demands: demo demands not loaded');
    } else {
      started = Date.now();
      const counts = await loadChannelsDemo(channelsOrm, channels);
      logger.info({ seed, counts, ms: Date.now() - started }, 'channels demo data loaded');
    }
  } finally {
    await channelsOrm.close();
    await deliberationOrm.close();
    await organizationOrm.close();
  }
}

/** Whether every home of the demo is in the organization's tables (a database loaded before). */
async function holdsDemoHomes(orm: Orm, demo: OrganizationDemo): Promise<boolean> {
  const [row] = await orm.em
    .getConnection()
    .execute<Array<{ n: number }>>(
      'select count(*)::int as n from home where id = any(array[?]::uuid[])',
      [demo.homes.map((home) => home.id)],
    );
  return row.n === demo.homes.length;
}
