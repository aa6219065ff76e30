/**
 * What `npm start`, `npm run db:migrate` and `npm run demo` share: finding the database (the
 * server of DATABASE_URL, or an embedded PostgreSQL in .data/), migrating every service, and
 * loading the demo data set on an empty database.
 */
import {
  CHANNELS_DEMO_GUARD,
  DELIBERATION_DEMO_GUARD,
  copyChannelsDemo,
  copyDeliberationDemo,
  generateChannelsDemo,
  generateDeliberationDemo,
  generateOrganizationDemo,
  generatePetitionsDemo,
  isChannelsDemoLoaded,
  isDeliberationDemoLoaded,
  isOrganizationDemoLoaded,
  isPetitionsDemoLoaded,
  loadOrganizationDemo,
  loadPetitionsDemo,
  todayInShanghai,
  withAgendaDemands,
  type OrganizationDemo,
  type PetitionsDemo,
} from '@cppcc/demo';
import {
  baseConfigShape,
  databaseUrl,
  ensureDatabase,
  migrate,
  openDatabase,
  parseConfig,
  port,
  withDatabase,
  type Logger,
  type Orm,
} from '@cppcc/toolkit';
import {
  startEmbeddedPostgres,
  withBulkLoad,
  type BulkGuard,
  type BulkLoadSession,
} from '@cppcc/devkit';
import { resolve } from 'node:path';
import { z } from 'zod';
import { DEMO_PRESET_NAMES, demoDensity, type DemoPresetName } from './demo-presets';
import { NO_PROGRESS, type Progress } from './progress';
import { REPO_ROOT, subgraphs } from './subgraphs';

/** The variables the start script reads, besides those it passes on to the processes. */
export const stackConfigShape = {
  ...baseConfigShape,
  DATABASE_URL: databaseUrl,
  /** The gateway's port; the subgraphs keep theirs (their routing URLs' in schema/supergraph.yaml). */
  PORT: port(4000),
  /** The development identity provider's port (loopback; only when no AUTH_JWKS_URL is set). */
  IDENTITY_PROVIDER_PORT: port(4005),
  /** Where the embedded PostgreSQL listens when DATABASE_URL is not set. */
  EMBEDDED_POSTGRES_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  /** The seed of the demo data set: the same seed gives the same data. */
  DEMO_SEED: z.coerce.number().int().min(0).default(20190816),
  /** How large the demo data set is: 1 is a city like 连云港 in its first years. */
  DEMO_SCALE: z.coerce.number().min(0.01).max(10).default(1),
  /**
   * A preset instead of a scale: `small` (the tests'), `city` (连云港 over ten years) or
   * `province` (江苏省's 13 cities); see scripts/src/demo-presets.ts. Unset: DEMO_SCALE applies.
   */
  DEMO_PRESET: z.enum(DEMO_PRESET_NAMES).optional(),
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
  if (server.dataDir !== dataDir) {
    logger.info(
      { dataDir: server.dataDir },
      "the embedded PostgreSQL's data lives outside the checkout: its `postgres` OS user cannot enter this folder",
    );
  }
  const url = withDatabase(server.url, 'cppcc');
  await ensureDatabase(url);
  return { url, embedded: true, stop: server.stop };
}

/** Applies every service's pending migrations. */
export async function migrateAll(url: string, logger: Logger): Promise<void> {
  for (const { process } of subgraphs()) {
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

/** What the demo data set is: its seed and its preset (or, without one, a bare scale). */
export interface DemoPlan {
  seed: number;
  preset?: DemoPresetName;
  scale: number;
  /** `YYYY-MM-DD`; the real today in the city by default. */
  today?: string;
}

/** What a demo load did: rows per table and milliseconds per step. */
export interface DemoLoadReport {
  counts: Record<string, Record<string, number>>;
  ms: Record<string, number>;
}

/**
 * Loads the deterministic demo data set into the services that are still empty: the
 * organization's homes, members and departments, the sessions of those homes, and the demands
 * raised at them with where they went (same seed, standing on today). Sessions and channels are
 * loaded only for homes of the same demo: a database whose organization holds other data (or
 * another seed's demo) gets none.
 *
 * Sessions and demands are generated and copied one city at a time, inside one transaction per
 * service, so a province never sits in memory whole. Returns what was loaded, or undefined when
 * nothing was.
 */
export async function loadDemoIfEmpty(
  url: string,
  plan: DemoPlan,
  logger: Logger,
  progress: Progress = NO_PROGRESS,
): Promise<DemoLoadReport | undefined> {
  const { seed } = plan;
  const density = demoDensity(plan.preset, plan.scale);
  const report: DemoLoadReport = { counts: {}, ms: {} };
  const timed = async <T>(step: string, work: () => Promise<T> | T): Promise<T> => {
    const started = Date.now();
    try {
      return await work();
    } finally {
      progress.end();
      report.ms[step] = (report.ms[step] ?? 0) + Date.now() - started;
    }
  };
  const add = (service: string, counts: Record<string, number>) => {
    const total = (report.counts[service] ??= {});
    for (const [table, n] of Object.entries(counts)) total[table] = (total[table] ?? 0) + n;
  };
  const tableProgress = (service: string) => (table: string, done: number, total: number) =>
    progress.update(`${service}: ${table}`, done, total);

  const processes = new Map(subgraphs().map((subgraph) => [subgraph.name, subgraph.process]));
  const open = (name: string) => openDatabase(processes.get(name)!.database, url, {}, logger);
  const organizationOrm = await open('organization');
  const deliberationOrm = await open('deliberation');
  const channelsOrm = await open('channels');
  const petitionsOrm = await open('petitions');
  try {
    const loaded = {
      organization: await isOrganizationDemoLoaded(organizationOrm),
      deliberation: await isDeliberationDemoLoaded(deliberationOrm),
      channels: await isChannelsDemoLoaded(channelsOrm),
      petitions: await isPetitionsDemoLoaded(petitionsOrm),
    };
    if (Object.values(loaded).every(Boolean)) {
      logger.info('the database already holds data: demo data not loaded');
      return undefined;
    }
    const organization = await timed('generate organization', () =>
      generateOrganizationDemo({ seed, ...density.organization }),
    );
    if (!loaded.organization) {
      const counts = await timed('load organization', () =>
        loadOrganizationDemo(organizationOrm, organization, tableProgress('organization')),
      );
      add('organization', counts);
      logger.info(
        { seed, preset: plan.preset, counts, ms: report.ms['load organization'] },
        'organization demo data loaded',
      );
    } else if (!(await holdsDemoHomes(organizationOrm, organization))) {
      logger.info(
        'the organization holds other homes than the demo’s: no demo sessions or demands',
      );
      return undefined;
    }
    if (loaded.deliberation) logger.info('deliberation already holds sessions: not loaded');
    if (loaded.channels) logger.info('channels already holds demands: not loaded');
    if (loaded.petitions) logger.info('petitions already holds cases: not loaded');
    // The petitions bureau's cases of every city, loaded once the cities' demands are known.
    const petitions: PetitionsDemo = {
      seed,
      today: '',
      cases: [],
      events: [],
      sessions: [],
      demands: [],
    };
    const today = plan.today ?? todayInShanghai();
    const cities = organization.cities.filter((city) =>
      organization.homes.some((home) => home.division_code.startsWith(city.code)),
    );
    // Each service's rows go in one transaction; a service already loaded gets none.
    const maybeLoad = <T>(
      skip: boolean,
      orm: Orm,
      guard: BulkGuard,
      work: (session: BulkLoadSession | undefined) => Promise<T>,
      service: string,
    ) => (skip ? work(undefined) : withBulkLoad(orm, guard, work, tableProgress(service)));
    await maybeLoad(
      loaded.deliberation,
      deliberationOrm,
      DELIBERATION_DEMO_GUARD,
      (sessionsInto) =>
        maybeLoad(
          loaded.channels,
          channelsOrm,
          CHANNELS_DEMO_GUARD,
          async (demandsInto) => {
            for (const city of cities) {
              const name = cities.length > 1 ? ` (${city.name})` : '';
              const slice = {
                ...organization,
                homes: organization.homes.filter((home) =>
                  home.division_code.startsWith(city.code),
                ),
              };
              const sessions = await timed('generate deliberation', () =>
                generateDeliberationDemo(slice, {
                  seed,
                  today,
                  ...density.deliberation,
                  onProgress: (done, total) => progress.update(`sessions${name}`, done, total),
                }),
              );
              const channels = await timed('generate channels', () =>
                generateChannelsDemo(slice, sessions, {
                  seed,
                  today,
                  ...density.channels,
                  onProgress: (done, total) => progress.update(`demands${name}`, done, total),
                }),
              );
              if (sessionsInto) {
                const deliberation = withAgendaDemands(sessions, channels);
                add(
                  'deliberation',
                  await timed('load deliberation', () =>
                    copyDeliberationDemo(sessionsInto, deliberation),
                  ),
                );
              }
              if (demandsInto) {
                add(
                  'channels',
                  await timed('load channels', () => copyChannelsDemo(demandsInto, channels)),
                );
              }
              if (!loaded.petitions) {
                const cases = await timed('generate petitions', () =>
                  generatePetitionsDemo(slice, sessions, channels, {
                    seed,
                    today,
                    firstNumber: petitions.cases.length + 1,
                  }),
                );
                // One by one: a province's slice holds more rows than a call's arguments may.
                for (const row of cases.cases) petitions.cases.push(row);
                for (const row of cases.events) petitions.events.push(row);
                for (const row of cases.sessions) petitions.sessions.push(row);
                for (const row of cases.demands) petitions.demands.push(row);
              }
            }
          },
          'channels',
        ),
      'deliberation',
    );
    if (!loaded.petitions) {
      add(
        'petitions',
        await timed('load petitions', () =>
          loadPetitionsDemo(petitionsOrm, { ...petitions, today }, tableProgress('petitions')),
        ),
      );
    }
    for (const service of ['deliberation', 'channels', 'petitions'] as const) {
      if (report.counts[service])
        logger.info(
          { seed, today, counts: report.counts[service], ms: report.ms[`load ${service}`] },
          `${service} demo data loaded`,
        );
    }
    return report;
  } finally {
    await petitionsOrm.close();
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
