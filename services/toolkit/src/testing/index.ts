/**
 * Helpers for the tests of every package: a fresh database per test file on the server of
 * DATABASE_URL (the global setup starts an embedded one when it is not set), and a counter of
 * the SQL statements a piece of work sends.
 */
import { randomBytes } from 'node:crypto';
import type { Orm } from '../database';
import { dropDatabase, ensureDatabase, withDatabase } from '../database';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** Creates an empty database with a unique name; `drop()` removes it after the file's tests. */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const server = process.env.DATABASE_URL;
  if (!server) throw new Error('DATABASE_URL is not set: run the tests through jest (its global setup sets it)');
  const safeLabel = label.toLowerCase().replace(/[^a-z0-9]+/g, '_').slice(0, 30);
  const url = withDatabase(server, `test_${safeLabel}_${randomBytes(4).toString('hex')}`);
  await ensureDatabase(url);
  return { url, drop: () => dropDatabase(url) };
}

export interface QueryCounter {
  /** SQL statements sent since the counter started or was last reset. */
  readonly count: number;
  readonly statements: string[];
  reset(): void;
  stop(): void;
}

/** Counts the SQL statements the ORM's connection pool sends, e.g. around one GraphQL request. */
export function countQueries(orm: Orm): QueryCounter {
  const knex = orm.em.getConnection().getKnex();
  const statements: string[] = [];
  const listener = (query: { sql: string }) => statements.push(query.sql);
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
