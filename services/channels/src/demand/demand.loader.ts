import type { EntityManager } from '@mikro-orm/postgresql';
import type DataLoader from 'dataloader';
import {
  byKeyLoader,
  groupedPageLoader,
  scopeSql,
  type Caller,
  type ConnectionShape,
  type GroupedPageRequest,
  uuidsOnly,
} from '@cppcc/toolkit';
import { DEMAND_POLICY, Demand, type DemandStatus } from './demand.entity';

export function createDemandLoaders(em: EntityManager, caller: Caller) {
  const scope = scopeSql(caller, DEMAND_POLICY, 'd');
  const pagesByStatus = new Map<
    string,
    DataLoader<GroupedPageRequest, ConnectionShape<Demand>, string>
  >();
  return {
    byId: byKeyLoader(em, Demand),
    /** Pages of the demands of many homes, latest first; one loader per status filter. */
    ofHome(statuses: DemandStatus[]) {
      const filterKey = statuses.join(',');
      let loader = pagesByStatus.get(filterKey);
      if (!loader) {
        loader = groupedPageLoader<Record<string, unknown>, Demand>(em, {
          query: (homeIds) => ({
            sql: `select d.*, d.home_id::text as group_key from demand d
                  where d.home_id = any(array[?]::uuid[]) ${scope.sql}
                  ${statuses.length ? 'and d.status in (?)' : ''}`,
            params: [uuidsOnly(homeIds), ...scope.params, ...(statuses.length ? [statuses] : [])],
          }),
          orderBy: 'received_at desc, id',
          toNode: ({ group_key: _group, page_index: _index, ...row }) => em.map(Demand, row),
        });
        pagesByStatus.set(filterKey, loader);
      }
      return loader;
    },
  };
}
