import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { keysetOrderBy, keysetSql } from './keyset';
import { toConnection, type ConnectionShape, type Page } from './pagination';

/**
 * The SQL of many lists at once: its rows carry the list they belong to in a `group_key` column.
 * Raw SQL bypasses the ORM's filters, so it must apply the caller's jurisdiction itself. Bind a
 * list as `in (?)` or `array[?]`: the driver expands an array binding into a list of values.
 */
export interface GroupedQuery {
  sql: string;
  params: unknown[];
}

export interface GroupedPageRequest {
  key: string;
  page: Page;
}

/**
 * One list's rows for a lateral read of its page: the SQL names the list's key `k.key`. Rows are
 * bound to the list by that key, so the statement needs no `group_key`.
 */
export interface ListQuery {
  /** The SQL type the keys are bound as, e.g. `uuid`. */
  keyType: string;
  sql: string;
  params: unknown[];
}

/**
 * A loader of connection pages for many lists (the children of many divisions, the members of
 * many homes …): each batch is two SQL statements, whatever the number of lists: one counts, one
 * reads the requested page of each list. The page is read by numbering every row of every list
 * with a window function, or, with `perList`, by a lateral LIMIT per list that an index in the
 * list's order serves: what long lists (a home's ten years of demands or sessions) need, since
 * then a page of 100 homes reads 100 first rows rather than every row of those homes.
 * A page with a keyset order (see `toPage`) is read in that order, after its cursor's key, and
 * `orderBy` is unused; the count statement also counts the rows after the key, for `hasNextPage`.
 */
export function groupedPageLoader<Row extends Record<string, unknown>, Node>(
  em: EntityManager,
  options: {
    query(keys: string[]): GroupedQuery;
    /**
     * The ORDER BY of a list, over the query's output columns; must end in a unique column.
     * Unused for keyset pages.
     */
    orderBy: string;
    toNode(row: Row): Node;
    /** The same lists one at a time, for the lateral read of their pages. */
    perList?: ListQuery;
  },
): DataLoader<GroupedPageRequest, ConnectionShape<Node>, string> {
  return new DataLoader(
    async (requests) => {
      const byPage = new Map<string, GroupedPageRequest[]>();
      for (const request of requests) {
        const shape = pageShape(request.page);
        byPage.set(shape, [...(byPage.get(shape) ?? []), request]);
      }
      const connections = new Map<string, ConnectionShape<Node>>();
      const connection = em.getConnection();
      for (const group of byPage.values()) {
        const keys = [...new Set(group.map((request) => request.key))];
        const { page } = group[0];
        const { sql, params } = options.query(keys);
        const after = page.order && page.after ? keysetSql(page.order, page.after) : null;
        const counts = await connection.execute<
          Array<{ group_key: string; total: number; remaining: number }>
        >(
          `with q as (${sql}) select group_key, count(*)::int as total,
             count(*) filter (where ${after?.sql ?? 'true'})::int as remaining
           from q group by group_key`,
          [...params, ...(after?.params ?? [])],
        );
        const totals = new Map(counts.map((row) => [row.group_key, row.total]));
        const remaining = new Map(counts.map((row) => [row.group_key, row.remaining]));
        const listed = [...totals.keys()];
        const { perList } = options;
        const orderBy = page.order ? keysetOrderBy(page.order) : options.orderBy;
        const where = after ? `where ${after.sql}` : '';
        const afterParams = after?.params ?? [];
        const rows =
          page.limit === 0 || totals.size === 0
            ? []
            : perList
              ? await connection.execute<Array<Row & { group_key: string; page_index: string }>>(
                  `select l.*, k.key::text as group_key
                   from unnest(array[?]::${perList.keyType}[]) as k(key)
                   cross join lateral (
                     select q.*, row_number() over (order by ${orderBy}) - 1 + ? as page_index
                     from (select * from (${perList.sql}) p ${where}
                           order by ${orderBy} offset ? limit ?) q
                   ) l
                   order by group_key, page_index`,
                  [
                    // Only the lists the count found rows in, keys as the database wrote them.
                    listed,
                    page.offset,
                    ...perList.params,
                    ...afterParams,
                    page.offset,
                    page.limit,
                  ],
                )
              : await connection.execute<Array<Row & { group_key: string; page_index: string }>>(
                  `with q as (${sql})
                   select * from (
                     select q.*, row_number() over (partition by group_key order by ${orderBy}) - 1 as page_index
                     from q ${where}
                   ) numbered
                   where page_index >= ? and page_index < ?
                   order by group_key, page_index`,
                  [...params, ...afterParams, page.offset, page.offset + page.limit],
                );
        const rowsByKey = new Map<string, Row[]>();
        for (const row of rows) {
          const list = rowsByKey.get(row.group_key);
          if (list) list.push(row);
          else rowsByKey.set(row.group_key, [row]);
        }
        for (const key of keys) {
          const nodes = (rowsByKey.get(key) ?? []).map((row) => options.toNode(row));
          const hasNextPage = page.order ? (remaining.get(key) ?? 0) > nodes.length : undefined;
          connections.set(
            cacheKey({ key, page }),
            toConnection(nodes, totals.get(key) ?? 0, page, hasNextPage),
          );
        }
      }
      return requests.map((request) => connections.get(cacheKey(request))!);
    },
    { cacheKeyFn: cacheKey },
  );
}

function pageShape(page: Page): string {
  const after = page.order ? `:${page.order.name}:${JSON.stringify(page.after ?? null)}` : '';
  return `${page.offset}:${page.limit}${after}`;
}

function cacheKey(request: GroupedPageRequest): string {
  return `${request.key}|${pageShape(request.page)}`;
}
