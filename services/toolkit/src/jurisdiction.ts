import type { EntityManager, Filter } from '@mikro-orm/postgresql';
import type { Caller } from '@cppcc/contract';

/**
 * Which records of a kind a caller may see. Every record lies under a division (its code is its
 * ancestry), so a jurisdiction is a code prefix; a home's caller sees its own home's records only;
 * a department sees what is assigned or forwarded to it (the kinds that can be assigned say how);
 * the public sees only kinds that are public by nature.
 */
export interface RecordPolicy {
  /** True when the public surface may read records of this kind (e.g. homes, not residents). */
  public: boolean;
  /** The public sees only the records where this is set (e.g. sessions whose minutes are published). */
  publicOnlyWhenSet?: { property: string; column: string };
  /** The property holding the record's home, for home-level callers (`id` for homes themselves). */
  homeProperty?: string;
  /** The same as a column of the table, for raw SQL. */
  homeColumn?: string;
  /**
   * For kinds a department takes part in: the property (and column) listing the departments
   * invited or assigned. A department's caller sees the records that list it, and nothing else.
   */
  departments?: { property: string; column: string };
  /**
   * For kinds that carry homes' demands and sessions upward (proposals, reports, speeches): the
   * property (and column) listing the homes they came from. A home's caller sees the records that
   * list its home, so a home follows what its residents' demands became; records in `exceptStatus`
   * (a draft, not gone up yet) stay hidden from it.
   */
  homes?: { property: string; column: string; exceptStatus?: string };
}

/** What a caller may see of one kind of record: a division-code pattern and, maybe, one home. */
export interface Scope {
  /** A LIKE pattern over `division_code`, or null when nothing is visible. */
  divisionPattern: string | null;
  homeId: string | null;
  /** Only records that list this department. */
  departmentId?: string;
  /** Only records that list this home among those they came from (`RecordPolicy.homes`). */
  listingHomeId?: string;
}

const NOTHING: Scope = { divisionPattern: null, homeId: null };

export function scopeOf(caller: Caller, policy: RecordPolicy): Scope {
  switch (caller.level) {
    case 'CITY':
    case 'COUNTY':
      return { divisionPattern: `${caller.division}%`, homeId: null };
    case 'HOME':
      // A home's caller without a home (a malformed token) sees nothing rather than its division.
      if (!caller.homeId) return NOTHING;
      if (policy.homes) return { divisionPattern: '%', homeId: null, listingHomeId: caller.homeId };
      return {
        divisionPattern: `${caller.division}%`,
        homeId: policy.homeProperty ? caller.homeId : null,
      };
    case 'PUBLIC':
      return policy.public ? { divisionPattern: '%', homeId: null } : NOTHING;
    case 'DEPARTMENT':
      if (policy.departments) {
        return caller.departmentId
          ? { divisionPattern: '%', homeId: null, departmentId: caller.departmentId }
          : NOTHING;
      }
      // Of kinds not assigned to departments, a department sees what the public sees.
      return policy.public ? { divisionPattern: '%', homeId: null } : NOTHING;
  }
}

/** The public, and a department looking at kinds not assigned to departments, see public records only. */
function seesAsPublic(caller: Caller, policy: RecordPolicy): boolean {
  return caller.level === 'PUBLIC' || (caller.level === 'DEPARTMENT' && !policy.departments);
}

/**
 * The ORM filter of a kind of record: every query a request's EntityManager makes sees only the
 * caller's scope, so no resolver can forget it. Out of scope looks exactly like absent.
 */
export function jurisdictionFilter(policy: RecordPolicy): Parameters<typeof Filter>[0] {
  return {
    name: 'jurisdiction',
    default: true,
    cond: ({ caller }: { caller: Caller }) => {
      const scope = scopeOf(caller, policy);
      if (scope.divisionPattern === null) return { divisionCode: { $in: [] } };
      const published =
        seesAsPublic(caller, policy) && policy.publicOnlyWhenSet
          ? { [policy.publicOnlyWhenSet.property]: { $ne: null } }
          : {};
      const invited =
        scope.departmentId && policy.departments
          ? { [policy.departments.property]: { $contains: [scope.departmentId] } }
          : {};
      const listing =
        scope.listingHomeId && policy.homes
          ? {
              [policy.homes.property]: { $contains: [scope.listingHomeId] },
              ...(policy.homes.exceptStatus ? { status: { $ne: policy.homes.exceptStatus } } : {}),
            }
          : {};
      return {
        ...published,
        ...invited,
        ...listing,
        ...(scope.divisionPattern === '%'
          ? {}
          : { divisionCode: { $like: scope.divisionPattern } }),
        ...(scope.homeId && policy.homeProperty ? { [policy.homeProperty]: scope.homeId } : {}),
      };
    },
  };
}

/** Sets the caller every jurisdiction filter of the request's EntityManager reads. */
export function applyJurisdiction(em: EntityManager, caller: Caller): EntityManager {
  em.setFilterParams('jurisdiction', { caller });
  return em;
}

/**
 * The same scope as SQL over a table alias, for the raw statements of batched loaders (raw SQL
 * bypasses the ORM's filters): ` and …` to append to a WHERE clause, with its parameters.
 */
export function scopeSql(
  caller: Caller,
  policy: RecordPolicy,
  alias: string,
): { sql: string; params: unknown[] } {
  const scope = scopeOf(caller, policy);
  if (scope.divisionPattern === null) return { sql: ' and false', params: [] };
  const parts = [`${alias}.division_code like ?`];
  const params: unknown[] = [scope.divisionPattern];
  if (scope.homeId && policy.homeColumn) {
    parts.push(`${alias}.${policy.homeColumn}::text = ?`);
    params.push(scope.homeId);
  }
  if (scope.departmentId && policy.departments) {
    // Containment, not `= any(...)`: the GIN index on the column serves it.
    parts.push(`${alias}.${policy.departments.column} @> array[?]::uuid[]`);
    params.push(scope.departmentId);
  }
  if (scope.listingHomeId && policy.homes) {
    parts.push(`${alias}.${policy.homes.column} @> array[?]::uuid[]`);
    params.push(scope.listingHomeId);
    if (policy.homes.exceptStatus) {
      parts.push(`${alias}.status <> ?`);
      params.push(policy.homes.exceptStatus);
    }
  }
  if (seesAsPublic(caller, policy) && policy.publicOnlyWhenSet) {
    parts.push(`${alias}.${policy.publicOnlyWhenSet.column} is not null`);
  }
  return { sql: parts.map((part) => ` and ${part}`).join(''), params };
}
