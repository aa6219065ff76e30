import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInputError, executeIn, isUuid, scopeSql, type Caller } from '@cppcc/toolkit';

/** A division code of the statistics: county 6, township 9, village 12 digits (the city 4). */
const DIVISION_CODE = /^\d{4}(\d{2}(\d{3}(\d{3})?)?)?$/;

export function requireDivisionCode(code: string, field: string): string {
  if (!DIVISION_CODE.test(code))
    throw new BadUserInputError(`${code} is not a division code.`, field);
  return code;
}

/** Distinct ids, each a UUID, or BAD_USER_INPUT naming the one at fault. */
export function requireIds(values: string[] | null | undefined, field: string): string[] {
  const list = [...new Set(values ?? [])];
  list.forEach((value, index) => {
    if (!isUuid(value)) throw new BadUserInputError(`${value} is not an id.`, `${field}.${index}`);
  });
  return list;
}

export function requireId(value: string, field: string): string {
  if (!isUuid(value)) throw new BadUserInputError(`${value} is not an id.`, field);
  return value;
}

/**
 * A home demands may be raised at: known from the organization's feed (the home projection),
 * inside the caller's scope (outside looks unknown), and not suspended.
 */
export async function requireActiveHome(
  em: EntityManager,
  caller: Caller,
  homeId: string,
  field: string,
): Promise<{ division_code: string }> {
  // A home's own caller raises demands at its home only, not at its neighbours'.
  const scope = scopeSql(caller, { public: false, homeProperty: 'id', homeColumn: 'id' }, 'h');
  const [home] = isUuid(homeId)
    ? await executeIn<Array<{ division_code: string; status: string }>>(
        em,
        `select division_code, status from home_projection h where h.id = ? ${scope.sql}`,
        [homeId, ...scope.params],
      )
    : [];
  if (!home) throw new BadUserInputError(`There is no home ${homeId}.`, field);
  if (home.status === 'SUSPENDED') throw new BadUserInputError('The home is suspended.', field);
  return home;
}

/**
 * The CPPCC a proposal or report is submitted to: the city's (4 digits) or a county's (6), inside
 * the caller's jurisdiction. A county office submits to its own CPPCC; the city office to any.
 */
export function requireCommitteeDivision(caller: Caller, code: string, field: string): string {
  if (!/^\d{4}(\d{2})?$/.test(code)) {
    throw new BadUserInputError(`${code} is not the code of a city or county CPPCC.`, field);
  }
  if (!code.startsWith(caller.division)) {
    throw new BadUserInputError(`${code} is outside your jurisdiction.`, field);
  }
  return code;
}
