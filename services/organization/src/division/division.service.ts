import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { findConnection, BadUserInputError, likeEscape, toPage, type Caller } from '@cppcc/toolkit';
import type { DivisionLevel } from './division.kind';
import { Division } from './division.entity';
import type { DivisionsArgs } from './division.inputs';

/** The divisions matching the filters, in code order. */
export async function listDivisions(em: EntityManager, args: DivisionsArgs) {
  const page = toPage(args);
  const where: FilterQuery<Division> = {};
  if (args.parentCode != null) where.parentCode = args.parentCode;
  if (args.level != null) where.level = args.level;
  if (args.codePrefix) where.code = { $like: `${likeEscape(args.codePrefix)}%` };
  if (args.nameContains) where.name = { $like: `%${likeEscape(args.nameContains)}%` };
  return findConnection(em, Division, where, { code: 'asc' }, page);
}

/**
 * A division a record may point at: known and inside the caller's jurisdiction (outside looks
 * like unknown), optionally of given levels; otherwise BAD_USER_INPUT naming the field.
 */
export async function requireDivision(
  em: EntityManager,
  caller: Caller,
  code: string,
  field: string,
  levels?: DivisionLevel[],
): Promise<Division> {
  const division = await em.findOne(Division, { code });
  if (!division || !division.code.startsWith(caller.division)) {
    throw new BadUserInputError('There is no such division in your jurisdiction.', field);
  }
  if (levels && !levels.includes(division.level)) {
    throw new BadUserInputError(
      `The division is ${division.level}; expected ${levels.join(' or ')}.`,
      field,
    );
  }
  return division;
}
