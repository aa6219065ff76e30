import type { EntityManager } from '@mikro-orm/postgresql';
import type DataLoader from 'dataloader';
import {
  groupedPageLoader,
  rowReader,
  type Caller,
  type ConnectionShape,
  type GroupedPageRequest,
  type Page,
  byKeyLoader,
  byParentLoader,
  scopeSql,
} from '@cppcc/toolkit';
import { HOME_POLICY, Home } from './home.entity';
import type { HomesFilter } from './home.inputs';
import { HomeMembership } from './home-membership.entity';
import { homeFilterSql } from './home.service';
import { homeStatsLoader } from './home.stats';

export function createHomeLoaders(em: EntityManager, caller: Caller) {
  const pagesByFilter = new Map<
    string,
    DataLoader<GroupedPageRequest, ConnectionShape<Home>, string>
  >();
  return {
    byId: byKeyLoader(em, Home),
    /** The home figures of many divisions (the cross-county view), in one statement. */
    statsOfDivision: homeStatsLoader(em, caller),
    /** Serving memberships of many homes, the leader first. */
    servingMemberships: byParentLoader(em, HomeMembership, 'homeId', {
      where: { until: null },
      orderBy: { role: 'asc', since: 'asc', id: 'asc' },
    }),
    /** Serving memberships of many members. */
    membershipsOfMember: byParentLoader(em, HomeMembership, 'memberId', {
      where: { until: null },
      orderBy: { since: 'asc', id: 'asc' },
    }),
    /** Pages of the homes under many divisions (a code prefix each), one loader per filter. */
    pageUnderDivision: {
      load({ key, page, filter }: { key: string; page: Page; filter: HomesFilter }) {
        const filterKey = JSON.stringify(filter);
        let loader = pagesByFilter.get(filterKey);
        if (!loader) {
          loader = groupedPageLoader<Record<string, unknown>, Home>(em, {
            query: (prefixes) => {
              const where = homeFilterSql(filter, 'h');
              const scope = scopeSql(caller, HOME_POLICY, 'h');
              return {
                sql: `select h.*, p.prefix as group_key
                      from unnest(array[?]::text[]) as p(prefix)
                      join home h on h.division_code like p.prefix || '%'
                      where true ${scope.sql} ${where.sql}`,
                params: [prefixes, ...scope.params, ...where.params],
              };
            },
            orderBy: 'division_code, name, id',
            toNode: rowReader(em, Home),
          });
          pagesByFilter.set(filterKey, loader);
        }
        return loader.load({ key, page });
      },
    },
  };
}

export type HomeLoaders = ReturnType<typeof createHomeLoaders>;
