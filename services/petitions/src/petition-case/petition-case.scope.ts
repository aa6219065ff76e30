import type { EntityManager, Filter } from '@mikro-orm/postgresql';
import type { Caller } from '@cppcc/toolkit';
import { bureauDivisionOf } from '../department/department.projection';

/**
 * Which petition cases a caller sees: a division-code prefix and, for a department that is not a
 * petitions bureau, only the cases it handles.
 *
 * - the city's CPPCC office sees every case, a county's office its county's;
 * - a petitions bureau (信访局: the direct agency working on PETITIONS) sees every case of its
 *   government's division: the city's bureau all of them, a county's bureau its county's;
 * - any other department sees the cases it was given to handle;
 * - homes and the public see none: petitions are not a home's records, and they name people.
 */
export interface PetitionScope {
  /** A LIKE pattern over `division_code`, or null when nothing is visible. */
  divisionPattern: string | null;
  /** Only the cases this department handles. */
  handlingDepartmentId?: string;
  /** The caller is the petitions bureau of the cases it sees. */
  bureau: boolean;
}

const NOTHING: PetitionScope = { divisionPattern: null, bureau: false };

/** The caller's scope; a department's is read from the department projection. */
export async function petitionScopeOf(em: EntityManager, caller: Caller): Promise<PetitionScope> {
  switch (caller.level) {
    case 'CITY':
    case 'COUNTY':
      return { divisionPattern: `${caller.division}%`, bureau: false };
    case 'DEPARTMENT': {
      if (!caller.departmentId) return NOTHING;
      const bureau = await bureauDivisionOf(em, caller.departmentId);
      return bureau
        ? { divisionPattern: `${bureau}%`, bureau: true }
        : { divisionPattern: '%', handlingDepartmentId: caller.departmentId, bureau: false };
    }
    default:
      return NOTHING;
  }
}

/** The scope, worked out once per request (a department's costs one statement) and shared. */
export type ScopeOfRequest = (em: EntityManager) => Promise<PetitionScope>;

export function scopeOfRequest(caller: Caller): ScopeOfRequest {
  let scope: Promise<PetitionScope> | null = null;
  return (em) => (scope ??= petitionScopeOf(em, caller));
}

/** The scope as SQL over a table alias (` and …`), for raw statements, which skip ORM filters. */
export function petitionScopeSql(
  scope: PetitionScope,
  alias: string,
): { sql: string; params: unknown[] } {
  if (scope.divisionPattern === null) return { sql: ' and false', params: [] };
  const parts = [`${alias}.division_code like ?`];
  const params: unknown[] = [scope.divisionPattern];
  if (scope.handlingDepartmentId) {
    parts.push(`${alias}.handling_department_id = ?`);
    params.push(scope.handlingDepartmentId);
  }
  return { sql: parts.map((part) => ` and ${part}`).join(''), params };
}

/**
 * The ORM filter of petition cases: every query a request's EntityManager makes sees only the
 * caller's scope. Out of scope looks exactly like absent.
 */
export const petitionJurisdiction: Parameters<typeof Filter>[0] = {
  name: 'jurisdiction',
  default: true,
  cond: async (
    { caller, scope }: { caller: Caller; scope?: ScopeOfRequest },
    _type: string,
    em: EntityManager,
  ) => {
    const resolved = await (scope ?? scopeOfRequest(caller))(em);
    if (resolved.divisionPattern === null) return { id: { $in: [] } };
    return {
      ...(resolved.divisionPattern === '%'
        ? {}
        : { divisionCode: { $like: resolved.divisionPattern } }),
      ...(resolved.handlingDepartmentId
        ? { handlingDepartmentId: resolved.handlingDepartmentId }
        : {}),
    };
  },
};

/** Scopes a request's EntityManager to the caller: the filter's parameters and the shared scope. */
export function scopeToCaller(
  em: EntityManager,
  caller: Caller,
  scope: ScopeOfRequest = scopeOfRequest(caller),
): EntityManager {
  em.setFilterParams('jurisdiction', { caller, scope });
  return em;
}
