import type { EntityClass, EntityManager } from '@mikro-orm/postgresql';
import type DataLoader from 'dataloader';
import {
  groupedPageLoader,
  rowReader,
  type ConnectionShape,
  type GroupedPageRequest,
  type GroupedQuery,
} from '@cppcc/toolkit';

/**
 * Pages of the records that list each of many ids (a department's assigned proposals, a member's
 * reports …) in two statements per batch: the ids are joined as a set, `match` says how a record
 * lists one (`k.key` is the id, `r` the record). The caller's scope and the list's filter are SQL.
 */
export function pagesByListedId<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  options: {
    table: string;
    match: string;
    scope: GroupedQuery;
    where?: GroupedQuery;
    orderBy: string;
  },
): DataLoader<GroupedPageRequest, ConnectionShape<T>, string> {
  return groupedPageLoader<Record<string, unknown>, T>(em, {
    query: (keys) => ({
      sql: `select r.*, k.key::text as group_key
            from ${options.table} r join unnest(array[?]::uuid[]) k(key) on ${options.match}
            where true ${options.scope.sql} ${options.where?.sql ?? ''}`,
      params: [keys, ...options.scope.params, ...(options.where?.params ?? [])],
    }),
    orderBy: options.orderBy,
    toNode: rowReader(em, entity),
  });
}
