import type { FilterQuery } from '@mikro-orm/postgresql';
import { todayInCity } from '@cppcc/toolkit';
import type { Proposal } from './proposal.entity';
import { OPEN_FOR_DEPARTMENT } from './proposal.workflow';

/**
 * What "overdue" means, in one place: a department is working on the proposal (assigned,
 * handling, rehandling) and its due date, a day in China Standard Time, is before today. Read by
 * `Proposal.isOverdue`, the lists' `overdue` filter, `Department.overdueProposals`, the reports'
 * overdue figures and the morning job that raises `proposal.overdue`; the forms below are the
 * same rule for the places that ask in TypeScript, in the ORM and in SQL.
 */
export function isOverdue(
  proposal: Pick<Proposal, 'status' | 'dueOn'>,
  today: string = todayInCity(),
): boolean {
  return (
    OPEN_FOR_DEPARTMENT.includes(proposal.status) && !!proposal.dueOn && proposal.dueOn < today
  );
}

/**
 * The SQL condition over a proposal row `alias`, with the placeholders of the statuses (a text
 * array) and of today (a date) as the caller's driver writes them: `array[?]::text[]` and
 * `?::date` with the ORM's connection, `$2::text[]` and `$3::date` with node-postgres.
 */
export function overdueCondition(
  alias: string,
  placeholders: { statuses: string; today: string } = {
    statuses: 'array[?]::text[]',
    today: '?::date',
  },
): string {
  return `(${alias}.status = any(${placeholders.statuses}) and ${alias}.due_on < ${placeholders.today})`;
}

/** The values of `overdueCondition`'s placeholders, in its order: the statuses, then today. */
export function overdueParams(today: string = todayInCity()): [string[], string] {
  return [[...OPEN_FOR_DEPARTMENT], today];
}

/** The ORM condition of overdue (true) or not overdue (false) today. */
export function overdueWhere(overdue: boolean, today = todayInCity()): FilterQuery<Proposal> {
  return overdue
    ? { status: { $in: [...OPEN_FOR_DEPARTMENT] }, dueOn: { $lt: today } }
    : {
        $or: [{ status: { $nin: [...OPEN_FOR_DEPARTMENT] } }, { dueOn: { $gte: today } }],
      };
}
