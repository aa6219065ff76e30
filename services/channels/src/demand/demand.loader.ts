import type { EntityManager } from '@mikro-orm/postgresql';
import {
  byKeyLoader,
  groupedPageLoader,
  rowReader,
  perFilter,
  scopeSql,
  type Caller,
  uuidsOnly,
} from '@cppcc/toolkit';
import { DEMAND_POLICY, Demand, type DemandStatus } from './demand.entity';

export function createDemandLoaders(em: EntityManager, caller: Caller) {
  const scope = scopeSql(caller, DEMAND_POLICY, 'd');
  return {
    byId: byKeyLoader(em, Demand),
    /** Pages of the demands of many homes, latest first; one loader per status filter. */
    ofHome: perFilter((statuses: DemandStatus[]) =>
      groupedPageLoader<Record<string, unknown>, Demand>(em, {
        query: (homeIds) => ({
          sql: `select d.*, d.home_id::text as group_key from demand d
                where d.home_id = any(array[?]::uuid[]) ${scope.sql}
                ${statuses.length ? 'and d.status in (?)' : ''}`,
          params: [uuidsOnly(homeIds), ...scope.params, ...(statuses.length ? [statuses] : [])],
        }),
        // A home gathers demands for years: its page is read from (home_id, received_at).
        perList: {
          keyType: 'uuid',
          sql: `select d.* from demand d where d.home_id = k.key ${scope.sql}
                ${statuses.length ? 'and d.status in (?)' : ''}`,
          params: [...scope.params, ...(statuses.length ? [statuses] : [])],
        },
        orderBy: 'received_at desc, id',
        toNode: rowReader(em, Demand),
      }),
    ),
  };
}
