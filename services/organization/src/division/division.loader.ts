import type { EntityManager } from '@mikro-orm/postgresql';
import { groupedPageLoader, byKeyLoader, rowReader } from '@cppcc/toolkit';
import { Division } from './division.entity';

export function createDivisionLoaders(em: EntityManager) {
  return {
    byCode: byKeyLoader<Division>(em, Division, 'code'),
    /** Pages of the children of many divisions, in code order. */
    children: groupedPageLoader<Record<string, unknown>, Division>(em, {
      query: (parentCodes) => ({
        sql: 'select d.*, d.parent_code as group_key from division d where d.parent_code in (?)',
        params: [parentCodes],
      }),
      orderBy: 'code',
      toNode: rowReader(em, Division),
    }),
  };
}

export type DivisionLoaders = ReturnType<typeof createDivisionLoaders>;
