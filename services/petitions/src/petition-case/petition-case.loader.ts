import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import {
  byKeyLoader,
  byParentLoader,
  groupedPageLoader,
  perFilter,
  uuidsOnly,
} from '@cppcc/toolkit';
import { PetitionCaseEvent } from './petition-case-event.entity';
import { PetitionCase } from './petition-case.entity';
import { petitionScopeSql, type PetitionScope } from './petition-case.scope';

/** The case that lists each id in `property` (a demand's or a session's case), in one query. */
function caseListing(em: EntityManager, property: 'demandIds' | 'sessionIds') {
  return new DataLoader<string, PetitionCase | null>(async (ids) => {
    const wanted = uuidsOnly(ids);
    const rows = wanted.length
      ? await em.find(PetitionCase, { [property]: { $overlap: wanted } } as never, {
          orderBy: { registeredOn: 'asc', id: 'asc' },
        })
      : [];
    const byId = new Map<string, PetitionCase>();
    for (const row of rows) for (const id of row[property]) if (!byId.has(id)) byId.set(id, row);
    return ids.map((id) => byId.get(id) ?? null);
  });
}

export function createPetitionCaseLoaders(em: EntityManager) {
  return {
    byId: byKeyLoader(em, PetitionCase),
    ofDemand: caseListing(em, 'demandIds'),
    ofSession: caseListing(em, 'sessionIds'),
    history: byParentLoader(em, PetitionCaseEvent, 'caseId', { orderBy: { id: 'asc' } }),
    /** The cases each department handles, latest registered first, within the caller's scope. */
    ofDepartment: perFilter((scope: PetitionScope) =>
      groupedPageLoader<Record<string, unknown>, PetitionCase>(em, {
        query: (keys: string[]) => {
          const scoped = petitionScopeSql(scope, 'c');
          return {
            sql: `select c.*, c.handling_department_id::text as group_key
                  from petition_case c
                  where c.handling_department_id in (?) ${scoped.sql}`,
            params: [uuidsOnly(keys).length ? uuidsOnly(keys) : [null], ...scoped.params],
          };
        },
        orderBy: 'registered_on desc, id',
        toNode: ({ group_key: _group, page_index: _index, ...row }) => em.map(PetitionCase, row),
      }),
    ),
  };
}
