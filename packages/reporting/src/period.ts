import { BadUserInputError, requireDate, requireIntBetween, requireYear } from '@cppcc/contract';

/**
 * A stretch of the city's calendar that figures are counted over: instants `from` (included) to
 * `to` (excluded), in China Standard Time (UTC+8 all year, no daylight saving), so a session held
 * at 23:30 on 31 March lies in Q1.
 */
export interface Period {
  from: string;
  to: string;
  /** Set when the period is exactly one quarter (the cadence is a quarter's rule). */
  quarter: { year: number; quarter: number } | null;
  /** A key that tells periods apart (for one loader per period asked). */
  key: string;
}

const startOfDay = (date: string) => `${date}T00:00:00+08:00`;
const startOfMonth = (year: number, month: number) =>
  startOfDay(`${year}-${String(month).padStart(2, '0')}-01`);

/** The start of a quarter and the start of the next, in the city's time. */
export function quarterBounds(year: number, quarter: number): { from: string; to: string } {
  requireYear(year, 'year');
  requireIntBetween(quarter, 'quarter', 1, 4);
  const month = (quarter - 1) * 3 + 1;
  return {
    from: startOfMonth(year, month),
    to: quarter === 4 ? startOfMonth(year + 1, 1) : startOfMonth(year, month + 3),
  };
}

function nextDay(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

/** What a figure's arguments may name: a year (and, where allowed, a quarter), or a date range. */
export interface PeriodArgs {
  year?: number | null;
  quarter?: number | null;
  /** The first day counted, `YYYY-MM-DD`. */
  from?: string | null;
  /** The last day counted, `YYYY-MM-DD` (included). */
  to?: string | null;
}

/**
 * The period a figure's arguments name: `year` (with `quarter` when `allowQuarter`), or `from`
 * and `to` (days, both included); one or the other, or BAD_USER_INPUT naming the argument.
 */
export function periodOf(args: PeriodArgs, { allowQuarter }: { allowQuarter: boolean }): Period {
  const hasYear = args.year != null;
  const hasRange = args.from != null || args.to != null;
  if (!allowQuarter && args.quarter != null) {
    throw new BadUserInputError('Give a year, or a range of days from … to.', 'quarter');
  }
  if (hasYear === hasRange) {
    throw new BadUserInputError(
      allowQuarter
        ? 'Give a year (and a quarter), or a range of days from … to, not both.'
        : 'Give a year, or a range of days from … to, not both.',
      hasYear ? 'from' : 'year',
    );
  }
  if (hasYear) {
    const year = requireYear(args.year!, 'year');
    if (args.quarter != null) {
      const quarter = requireIntBetween(args.quarter, 'quarter', 1, 4);
      return {
        ...quarterBounds(year, quarter),
        quarter: { year, quarter },
        key: `${year}Q${quarter}`,
      };
    }
    return {
      from: startOfMonth(year, 1),
      to: startOfMonth(year + 1, 1),
      quarter: null,
      key: `${year}`,
    };
  }
  if (args.quarter != null) {
    throw new BadUserInputError('A quarter goes with a year, not with a range.', 'quarter');
  }
  if (args.from == null || args.to == null) {
    throw new BadUserInputError('Give both ends of the range.', args.from == null ? 'from' : 'to');
  }
  // Days within the years a year may name (requireDate's rule: a day past 9999 is no date in SQL).
  const from = requireDate(args.from, 'from');
  const to = requireDate(args.to, 'to');
  if (to < from) throw new BadUserInputError('The range ends before it starts.', 'to');
  return {
    from: startOfDay(from),
    to: startOfDay(nextDay(to)),
    quarter: null,
    key: `${from}..${to}`,
  };
}

/**
 * The public descriptions of a figure's period arguments, one wording for every stat and report
 * (lists take instants instead, and say so on their own arguments).
 */
export const PERIOD_ARG_DESCRIPTIONS = {
  year: 'The calendar year counted, e.g. 2026 (China Standard Time); or give `from` and `to`.',
  quarter: 'With `year`: one quarter, 1–4 (Q1 is January to March, China Standard Time).',
  from: 'Instead of `year`: the first day counted, `YYYY-MM-DD`, included, a day in China Standard Time; give `to` too.',
  to: 'Instead of `year`: the last day counted, `YYYY-MM-DD`, included, a day in China Standard Time; give `from` too.',
} as const;
