import { todayInCity } from '@cppcc/toolkit';

/**
 * Days from acceptance (受理) to the handling opinion (办理意见): the petitions regulation's time
 * limit for handling a matter (docs/domain.md, "Petition cases", says where it comes from). The
 * one place the figure is kept: the due date, `isOverdue`, the figures and the demo read it.
 */
export const OPINION_DAYS = 60;

/** The day `days` after `date` (`YYYY-MM-DD`, calendar days). */
export function addDays(date: string, days: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

/** The opinion's due date for a case accepted on `acceptedOn`. */
export function opinionDueOn(acceptedOn: string): string {
  return addDays(acceptedOn, OPINION_DAYS);
}

/**
 * Overdue: accepted, no opinion yet, and past its due date today (in the city's time). The same
 * condition as SQL over a table alias, for lists and figures.
 */
export function isOverdue(
  record: { opinionDueOn: string | null; handledOn: string | null },
  today = todayInCity(),
): boolean {
  return record.opinionDueOn != null && record.handledOn == null && record.opinionDueOn < today;
}

/** The same condition (or its negation) as an ORM filter over cases. */
export function overdueWhere(overdue: boolean, today = todayInCity()): object {
  return overdue
    ? { opinionDueOn: { $lt: today }, handledOn: null }
    : {
        $or: [
          { opinionDueOn: null },
          { opinionDueOn: { $gte: today } },
          { handledOn: { $ne: null } },
        ],
      };
}

export function overdueSql(
  alias: string,
  today = todayInCity(),
): { sql: string; params: unknown[] } {
  return {
    sql: `(${alias}.opinion_due_on is not null and ${alias}.handled_on is null and ${alias}.opinion_due_on < ?::date)`,
    params: [today],
  };
}
