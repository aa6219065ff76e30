import type { MigrationObject } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import {
  MikroORM,
  PostgreSqlDriver,
  type EntityClass,
  type EntityManager,
  type Options,
} from '@mikro-orm/postgresql';
import pg from 'pg';
import type { Logger, PoolView } from '@cppcc/contract';

/** What a service tells the toolkit about its own slice of the database. */
export interface ServiceDatabase {
  /** The PostgreSQL schema that holds every table of the service, e.g. `organization`. */
  schema: string;
  entities: EntityClass<unknown>[];
  /** The service's migrations, oldest first; listed explicitly so a build needs no file scanning. */
  migrations: MigrationObject[];
}

export type Orm = MikroORM;

/**
 * The key of the advisory lock under which a service's schema is created and migrated: one per
 * schema (services share a database), in the single-bigint key space.
 */
const MIGRATION_LOCK_KEY = `hashtextextended('migrations ' || $1::text, 0)`;

/**
 * Creates the service's schema when it is missing, so its first migration has a home. Under the
 * migration lock: two `create schema if not exists` at once may both try to create it, and the
 * second fails on the catalog's unique index.
 */
async function ensureSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('begin');
    await client.query(`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`, [schema]);
    await client.query(`create schema if not exists "${schema}"`);
    await client.query('commit');
  } finally {
    await client.end();
  }
}

/**
 * Opens a service's database: its own schema on the server of `url`, set as the connection's
 * search path so that migrations and raw SQL stay unqualified. Never synchronises the schema:
 * tables come from migrations only (`migrate`).
 */
export async function openDatabase(
  service: ServiceDatabase,
  url: string,
  overrides: Partial<Options> = {},
  logger?: Logger,
): Promise<Orm> {
  if (!/^[a-z_]+$/.test(service.schema)) throw new Error(`bad schema name ${service.schema}`);
  await ensureSchema(url, service.schema);
  return MikroORM.init({
    driver: PostgreSqlDriver,
    clientUrl: url,
    schema: service.schema,
    entities: service.entities,
    extensions: [Migrator],
    discovery: { disableDynamicFileAccess: true, requireEntitiesArray: true },
    migrations: {
      migrationsList: service.migrations,
      tableName: 'mikro_orm_migrations',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
    },
    driverOptions: {
      connection: { options: `-c search_path=${service.schema}` },
      // knex's own lines go to the service's log, not to stderr as bare text. "Connection Error"
      // is a pooled connection found dead (one per connection when PostgreSQL restarts): the
      // outage is already warned of once (database-outage.ts), so these are debug.
      log: {
        warn: (message: unknown) =>
          /^Connection Error/.test(String(message))
            ? logger?.debug({ knex: String(message) }, 'pooled connection found closed')
            : logger?.warn({ knex: String(message) }, 'knex'),
        error: (message: unknown) => logger?.error({ knex: String(message) }, 'knex'),
        deprecate: (message: unknown) => logger?.warn({ knex: String(message) }, 'knex'),
        debug: (message: unknown) => logger?.debug({ knex: String(message) }, 'knex'),
      },
    },
    pool: { min: 0, max: 10 },
    allowGlobalContext: false,
    ensureDatabase: false,
    debug: false,
    // The ORM's own messages (migrations applied …) go to the service's log at debug level.
    logger: (message: string) => logger?.debug(message),
    ...overrides,
  });
}

/**
 * Runs the migrations not yet applied; returns their names. Replicas of a service that start at
 * once take turns: each runs under the schema's advisory lock, held by a session of its own (the
 * migrator's transaction is on another connection) and released when it ends or its connection
 * drops; a replica that waited finds nothing left to apply.
 */
export async function migrate(orm: Orm): Promise<string[]> {
  const schema = orm.config.get('schema');
  if (!schema) throw new Error('a service database has a schema');
  const lock = new pg.Client({ connectionString: orm.config.get('clientUrl') });
  await lock.connect();
  try {
    await lock.query(`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`, [schema]);
    const applied = await orm.getMigrator().up();
    return applied.map((migration) => migration.name);
  } finally {
    // Ending the session releases its lock.
    await lock.end();
  }
}

/** True when the database answers. Used by `/readyz`. */
export async function isDatabaseReachable(orm: Orm): Promise<boolean> {
  try {
    await orm.em.getConnection().execute('select 1');
    return true;
  } catch {
    return false;
  }
}

/** A URL to another database on the same server (same credentials and options). */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Creates the database named in `url` on its server when it does not exist yet. */
export async function ensureDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`bad database name "${name}"`);
  const client = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) await client.query(`create database "${name}"`);
  } finally {
    await client.end();
  }
}

/** Drops a database, closing whatever sessions still use it. */
export async function dropDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  const client = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    await client.query(`drop database if exists "${name}" with (force)`);
  } finally {
    await client.end();
  }
}

/**
 * Runs raw SQL inside the EntityManager's transaction when it has one. (A connection's `execute`
 * alone would take another connection from the pool, outside the transaction.)
 */
export function executeIn<T = Array<Record<string, unknown>>>(
  em: EntityManager,
  sql: string,
  params: unknown[] = [],
): Promise<T> {
  return em.getConnection().execute(sql, params, 'all', em.getTransactionContext()) as Promise<T>;
}

/** The ORM's knex pool, as the process metrics read it; undefined once the ORM is closed. */
export function poolOf(orm: Orm): PoolView | undefined {
  try {
    return (orm.em.getConnection().getKnex().client as { pool?: PoolView }).pool;
  } catch {
    // A closed ORM has no pool any more.
    return undefined;
  }
}
