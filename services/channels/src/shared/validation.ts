import { BadUserInputError, isUuid, type Caller } from '@cppcc/toolkit';

/** A division code of the statistics: county 6, township 9, village 12 digits (the city 4). */
const DIVISION_CODE = /^\d{4}(\d{2}(\d{3}(\d{3})?)?)?$/;

export function requireDivisionCode(code: string, field: string): string {
  if (!DIVISION_CODE.test(code)) throw new BadUserInputError('This is not a division code.', field);
  return code;
}

/** Distinct ids, each a UUID, or BAD_USER_INPUT naming the one at fault. */
export function requireIds(values: string[] | null | undefined, field: string): string[] {
  const list = [...new Set(values ?? [])];
  list.forEach((value, index) => {
    if (!isUuid(value)) throw new BadUserInputError('This is not an id.', `${field}.${index}`);
  });
  return list;
}

export function requireId(value: string, field: string): string {
  if (!isUuid(value)) throw new BadUserInputError('This is not an id.', field);
  return value;
}

/**
 * The CPPCC a proposal or report is submitted to: the city's (4 digits) or a county's (6), inside
 * the caller's jurisdiction. A county office submits to its own CPPCC; the city office to any.
 */
export function requireCommitteeDivision(caller: Caller, code: string, field: string): string {
  if (!/^\d{4}(\d{2})?$/.test(code)) {
    throw new BadUserInputError('This is not the code of a city or county CPPCC.', field);
  }
  if (!code.startsWith(caller.division)) {
    throw new BadUserInputError('The CPPCC is outside your jurisdiction.', field);
  }
  return code;
}
