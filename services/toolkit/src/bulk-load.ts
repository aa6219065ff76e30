import type { Orm } from './database';

/** One table a bulk load fills: its rows (keys are the SQL columns) and the columns it sets. */
export interface BulkTable<Data> {
  table: string;
  rows: (data: Data) => object[];
  /**
   * The columns the rows set. Listing them (rather than `select *`) lets the others take their
   * defaults (ids, versions, timestamps): json_populate_recordset would turn missing keys into nulls.
   */
  columns: string[];
}

/** Rows per INSERT: large enough to be quick, small enough to keep each statement's JSON modest. */
const BATCH_SIZE = 5_000;

/** True when `table` has a row: data (a demo, or real data) is there. */
export async function hasRows(orm: Orm, table: string): Promise<boolean> {
  const knex = orm.em.getConnection().getKnex();
  const result = await knex.raw<{ rows: Array<{ loaded: boolean }> }>(
    `select exists (select 1 from "${table}") as loaded`,
  );
  return result.rows[0].loaded;
}

/**
 * Inserts a data set in one transaction, table by table in the order given (foreign keys first),
 * a few thousand rows per statement: JSON expanded by json_populate_recordset on the server, not
 * row-by-row ORM inserts. The rows travel as a bound parameter, never spliced into the SQL text.
 * Refuses when `guardTable` already has rows, so a second load cannot mix two data sets; two
 * loads at once are serialised by a lock on it (the second waits, then refuses). Returns the rows
 * inserted per table.
 */
export async function bulkLoad<Data>(
  orm: Orm,
  data: Data,
  tables: ReadonlyArray<BulkTable<Data>>,
  guard: { table: string; refusal: string },
): Promise<Record<string, number>> {
  const knex = orm.em.getConnection().getKnex();
  return knex.transaction(async (trx) => {
    await trx.raw(`lock table "${guard.table}" in share row exclusive mode`);
    const existing = await trx.raw<{ rows: Array<{ loaded: boolean }> }>(
      `select exists (select 1 from "${guard.table}") as loaded`,
    );
    if (existing.rows[0].loaded) throw new Error(guard.refusal);
    const counts: Record<string, number> = {};
    for (const { table, rows, columns } of tables) {
      const list = columns.map((column) => `"${column}"`).join(', ');
      const sql = `insert into "${table}" (${list}) select ${list} from json_populate_recordset(null::"${table}", ?::json)`;
      const all = rows(data);
      counts[table] = 0;
      for (let start = 0; start < all.length; start += BATCH_SIZE) {
        const batch = all.slice(start, start + BATCH_SIZE);
        const result = await trx.raw<{ rowCount: number }>(sql, [JSON.stringify(batch)]);
        counts[table] += result.rowCount;
      }
    }
    return counts;
  });
}
