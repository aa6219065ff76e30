import type { EntityManager, Filter } from '@mikro-orm/postgresql';
import type { Caller } from './context';

/**
 * Every record that lies under a division carries this filter: a request's EntityManager only
 * ever sees rows whose `divisionCode` starts with the caller's jurisdiction, so no resolver can
 * forget it. Raw SQL must apply the same prefix itself (`jurisdictionPrefix`).
 */
export const JURISDICTION_FILTER: Parameters<typeof Filter>[0] = {
  name: 'jurisdiction',
  default: true,
  cond: ({ prefix }: { prefix: string }) =>
    prefix ? { divisionCode: { $like: `${prefix}%` } } : {},
};

export function applyJurisdiction(em: EntityManager, caller: Caller): EntityManager {
  em.setFilterParams('jurisdiction', { prefix: caller.division });
  return em;
}

/** The `LIKE` pattern for raw SQL over records of the caller's jurisdiction. */
export function jurisdictionPattern(caller: Caller): string {
  return `${caller.division}%`;
}
