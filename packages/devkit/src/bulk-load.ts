import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { MikroORM as Orm } from '@mikro-orm/postgresql';

/** One table a bulk load fills: its rows (keys are the SQL columns) and the columns it sets. */
export interface BulkTable<Data> {
  table: string;
  rows: (data: Data) => readonly object[];
  /**
   * The columns the rows set. Listing them lets the others take their defaults (ids, versions,
   * timestamps).
   */
  columns: string[];
}

/** What a bulk load refuses to load into: a table that already has rows. */
export interface BulkGuard {
  table: string;
  refusal: string;
}

/** Told after each chunk: the table, its rows written so far and all of them. */
export type BulkProgress = (table: string, done: number, total: number) => void;

/** An open bulk load: one transaction on one connection, tables copied into it one by one. */
export interface BulkLoadSession {
  /** Copies the rows into the table (COPY … FROM STDIN); returns how many were written. */
  copy(table: string, columns: readonly string[], rows: readonly object[]): Promise<number>;
}

/** Rows per chunk written to the COPY stream (and per progress report). */
const CHUNK_ROWS = 2_000;

/** True when `table` has a row: data (a demo, or real data) is there. */
export async function hasRows(orm: Orm, table: string): Promise<boolean> {
  const knex = orm.em.getConnection().getKnex();
  const result = await knex.raw<{ rows: Array<{ loaded: boolean }> }>(
    `select exists (select 1 from "${table}") as loaded`,
  );
  return result.rows[0].loaded;
}

/**
 * Opens a bulk load on the service's schema: its own connection and one transaction, in which
 * `work` copies tables (foreign keys first); commits when `work` resolves, rolls back when it
 * throws. Refuses when the guard table already has rows, so a second load cannot mix two data
 * sets; two loads at once are serialised by a lock on it (the second waits, then refuses).
 *
 * Rows travel by COPY in PostgreSQL's text format, a chunk at a time, never spliced into SQL
 * text. On the `city` demo preset (3.6 million rows of deliberation and channels) COPY took 38 s
 * where INSERTs of 5,000-row JSON batches (json_populate_recordset) took 49 s, and it never holds
 * a batch's JSON text in memory.
 */
export async function withBulkLoad<T>(
  orm: Orm,
  guard: BulkGuard,
  work: (session: BulkLoadSession) => Promise<T>,
  onProgress?: BulkProgress,
): Promise<T> {
  const schema = orm.config.get('schema');
  const client = new pg.Client({
    connectionString: orm.config.get('clientUrl'),
    options: schema ? `-c search_path=${schema}` : undefined,
  });
  await client.connect();
  try {
    await client.query('begin');
    await client.query(`lock table "${guard.table}" in share row exclusive mode`);
    const existing = await client.query<{ loaded: boolean }>(
      `select exists (select 1 from "${guard.table}") as loaded`,
    );
    if (existing.rows[0].loaded) throw new Error(guard.refusal);
    const types = new Map<string, Map<string, ColumnType>>();
    const session: BulkLoadSession = {
      async copy(table, columns, rows) {
        if (rows.length === 0) return 0;
        let columnTypes = types.get(table);
        if (!columnTypes) {
          columnTypes = await columnTypesOf(client, table);
          types.set(table, columnTypes);
        }
        const encoders = columns.map((column) => {
          const type = columnTypes.get(column);
          if (!type) throw new Error(`${table} has no column ${column}`);
          return ENCODERS[type];
        });
        const list = columns.map((column) => `"${column}"`).join(', ');
        const stream = client.query(copyFrom(`copy "${table}" (${list}) from stdin`));
        await pipeline(Readable.from(chunks(table, columns, encoders, rows, onProgress)), stream);
        return rows.length;
      },
    };
    const result = await work(session);
    await client.query('commit');
    // Fresh statistics, so the first queries after a load are planned on what is there now
    // (autovacuum would analyze the tables only some time later).
    for (const table of types.keys()) await client.query(`analyze "${table}"`);
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/**
 * Inserts a data set in one transaction, table by table in the order given (foreign keys first),
 * by COPY (see `withBulkLoad`). Returns the rows inserted per table.
 */
export async function bulkLoad<Data>(
  orm: Orm,
  data: Data,
  tables: ReadonlyArray<BulkTable<Data>>,
  guard: BulkGuard,
  onProgress?: BulkProgress,
): Promise<Record<string, number>> {
  return withBulkLoad(orm, guard, (session) => copyTables(session, data, tables), onProgress);
}

/** Copies each table of a data set in an open bulk load; returns the rows per table. */
export async function copyTables<Data>(
  session: BulkLoadSession,
  data: Data,
  tables: ReadonlyArray<BulkTable<Data>>,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const { table, rows, columns } of tables) {
    counts[table] = await session.copy(table, columns, rows(data));
  }
  return counts;
}

type ColumnType = 'array' | 'json' | 'scalar';

async function columnTypesOf(client: pg.Client, table: string): Promise<Map<string, ColumnType>> {
  const result = await client.query<{ column_name: string; data_type: string }>(
    `select column_name, data_type from information_schema.columns
     where table_schema = current_schema() and table_name = $1`,
    [table],
  );
  if (result.rows.length === 0) throw new Error(`no table ${table} in the current schema`);
  return new Map(
    result.rows.map((row) => [
      row.column_name,
      row.data_type === 'ARRAY'
        ? 'array'
        : row.data_type === 'json' || row.data_type === 'jsonb'
          ? 'json'
          : 'scalar',
    ]),
  );
}

/** COPY text format: backslash, tab, newline and carriage return escaped; `\N` is NULL. */
function escapeText(value: string): string {
  return /[\\\t\n\r]/.test(value)
    ? value.replace(/[\\\t\n\r]/g, (c) =>
        c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
      )
    : value;
}

function scalarText(value: unknown): string {
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

/** An array literal, `{"a","b"}`, every element quoted (so commas, braces and spaces are safe). */
function arrayLiteral(values: readonly unknown[]): string {
  const elements = values.map((value) =>
    value === null || value === undefined
      ? 'NULL'
      : `"${scalarText(value).replace(/[\\"]/g, (c) => `\\${c}`)}"`,
  );
  return `{${elements.join(',')}}`;
}

const NULL = '\\N';
const ENCODERS: Record<ColumnType, (value: unknown) => string> = {
  scalar: (value) => (value === null || value === undefined ? NULL : escapeText(scalarText(value))),
  array: (value) =>
    value === null || value === undefined ? NULL : escapeText(arrayLiteral(value as unknown[])),
  json: (value) =>
    value === null || value === undefined ? NULL : escapeText(JSON.stringify(value)),
};

/** The rows as COPY text, a chunk of rows at a time, reporting progress after each chunk. */
function* chunks(
  table: string,
  columns: readonly string[],
  encoders: Array<(value: unknown) => string>,
  rows: readonly object[],
  onProgress?: BulkProgress,
): Generator<string> {
  for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
    const end = Math.min(rows.length, start + CHUNK_ROWS);
    let text = '';
    for (let i = start; i < end; i++) {
      const row = rows[i] as Record<string, unknown>;
      for (let c = 0; c < columns.length; c++) {
        if (c > 0) text += '\t';
        text += encoders[c](row[columns[c]]);
      }
      text += '\n';
    }
    yield text;
    onProgress?.(table, end, rows.length);
  }
}
