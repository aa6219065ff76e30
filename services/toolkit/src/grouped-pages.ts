import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
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
 * A loader of connection pages for many lists (the children of many divisions, the members of
 * many homes …): each batch is two SQL statements, whatever the number of lists: one numbers the
 * rows of every list with a window function and keeps the requested page of each, one counts.
 */
export function groupedPageLoader<Row extends Record<string, unknown>, Node>(
  em: EntityManager,
  options: {
    query(keys: string[]): GroupedQuery;
    /** The ORDER BY of a list, over the query's output columns; must end in a unique column. */
    orderBy: string;
    toNode(row: Row): Node;
  },
): DataLoader<GroupedPageRequest, ConnectionShape<Node>, string> {
  return new DataLoader(
    async (requests) => {
      const byPage = new Map<string, GroupedPageRequest[]>();
      for (const request of requests) {
        const shape = `${request.page.offset}:${request.page.limit}`;
        byPage.set(shape, [...(byPage.get(shape) ?? []), request]);
      }
      const connections = new Map<string, ConnectionShape<Node>>();
      const connection = em.getConnection();
      for (const group of byPage.values()) {
        const keys = [...new Set(group.map((request) => request.key))];
        const { page } = group[0];
        const { sql, params } = options.query(keys);
        const counts = await connection.execute<Array<{ group_key: string; total: number }>>(
          `with q as (${sql}) select group_key, count(*)::int as total from q group by group_key`,
          params,
        );
        const totals = new Map(counts.map((row) => [row.group_key, row.total]));
        const rows =
          page.limit === 0 || totals.size === 0
            ? []
            : await connection.execute<Array<Row & { group_key: string; page_index: string }>>(
                `with q as (${sql})
                 select * from (
                   select q.*, row_number() over (partition by group_key order by ${options.orderBy}) - 1 as page_index
                   from q
                 ) numbered
                 where page_index >= ? and page_index < ?
                 order by group_key, page_index`,
                [...params, page.offset, page.offset + page.limit],
              );
        const rowsByKey = new Map<string, Row[]>();
        for (const row of rows)
          rowsByKey.set(row.group_key, [...(rowsByKey.get(row.group_key) ?? []), row]);
        for (const key of keys) {
          const nodes = (rowsByKey.get(key) ?? []).map((row) => options.toNode(row));
          connections.set(
            `${key}|${page.offset}:${page.limit}`,
            toConnection(nodes, totals.get(key) ?? 0, page),
          );
        }
      }
      return requests.map((request) => connections.get(cacheKey(request))!);
    },
    { cacheKeyFn: cacheKey },
  );
}

function cacheKey(request: GroupedPageRequest): string {
  return `${request.key}|${request.page.offset}:${request.page.limit}`;
}
