import { BadUserInputError, END_OF_LAST_YEAR, FIRST_INSTANT, requireYear } from '@cppcc/contract';
import { PageArgs } from '@cppcc/toolkit';
import { ArgsType, Field, Int } from 'type-graphql';
import { quarterBounds } from './period';

/**
 * What a list's period arguments may name: a calendar year (with a quarter) in China Standard
 * Time, and instants `from` (included) and `to` (excluded). Given together they narrow each
 * other: `year: 2026, from: 2026-03-01T00:00:00+08:00` lists March to December 2026.
 */
export interface ListPeriodArgs {
  year?: number | null;
  quarter?: number | null;
  from?: Date | null;
  to?: Date | null;
}

/** The instants a list's rows lie within: `from` included, `to` excluded; null is open. */
export interface ListPeriod {
  from: Date | null;
  to: Date | null;
}

const later = (a: Date | null, b: Date) => (a && a > b ? a : b);
const earlier = (a: Date | null, b: Date) => (a && a < b ? a : b);

/** An instant taken as the bound of the years records lie within (2000–2100, `instantFault`). */
const withinYears = (instant: Date | null) =>
  instant && earlier(later(instant, FIRST_INSTANT), END_OF_LAST_YEAR);

/**
 * The instants a list's period arguments name. A quarter needs its year (BAD_USER_INPUT on
 * `year`); a year outside 2000–2100 or a quarter outside 1–4 is BAD_USER_INPUT on its argument;
 * a `to` not after `from` is BAD_USER_INPUT on `to`. Instants beyond the years 2000–2100 are
 * taken as their bound (no record lies beyond them; PostgreSQL has no year 0), which lists just
 * the same. A year that does not meet `from`/`to` lists nothing.
 */
export function listPeriodOf(args: ListPeriodArgs): ListPeriod {
  if (args.from && args.to && args.to <= args.from) {
    throw new BadUserInputError(
      'The period is empty or ends before it starts: `to` must come after `from`.',
      'to',
    );
  }
  let from = withinYears(args.from ?? null);
  let to = withinYears(args.to ?? null);
  if (args.quarter != null && args.year == null) {
    throw new BadUserInputError('A quarter goes with its year.', 'year');
  }
  if (args.year != null) {
    const year = requireYear(args.year, 'year');
    const bounds =
      args.quarter != null
        ? quarterBounds(year, args.quarter)
        : { from: `${year}-01-01T00:00:00+08:00`, to: `${year + 1}-01-01T00:00:00+08:00` };
    from = later(from, new Date(bounds.from));
    to = earlier(to, new Date(bounds.to));
  }
  return { from, to };
}

/** A list's period as a MikroORM condition on its instant column; undefined when open. */
export function instantsWithin(period: ListPeriod): { $gte?: Date; $lt?: Date } | undefined {
  if (!period.from && !period.to) return undefined;
  return {
    ...(period.from ? { $gte: period.from } : {}),
    ...(period.to ? { $lt: period.to } : {}),
  };
}

/**
 * Declares a list's period arguments (`year`, `quarter`, `from`, `to`) on a class of arguments, in
 * one wording; `what` says what the instant is, e.g. `Scheduled`, `Received`. `listPeriodOf`
 * reads them.
 */
export function listPeriodFields(prototype: object, what: string): void {
  Field(() => Int, {
    nullable: true,
    description: `${what} in this calendar year, e.g. 2026 (China Standard Time); narrows \`from\`/\`to\` when given with them.`,
  })(prototype, 'year');
  Field(() => Int, {
    nullable: true,
    description:
      'With `year`: one quarter of it, 1–4 (Q1 is January to March, China Standard Time).',
  })(prototype, 'quarter');
  Field(() => Date, {
    nullable: true,
    description: `${what} at or after this instant (included), ISO 8601 with offset, e.g. \`2026-01-01T00:00:00+08:00\` for the start of a day in China Standard Time.`,
  })(prototype, 'from');
  Field(() => Date, {
    nullable: true,
    description: `${what} before this instant (excluded), ISO 8601 with offset; \`2026-04-01T00:00:00+08:00\` ends the first quarter.`,
  })(prototype, 'to');
}

/** A class of a page's arguments: `PageArgs` or one extending it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a mixin's base takes any[]
type PageArgsClass = new (...args: any[]) => PageArgs;

/**
 * The arguments of a page of a list with a period: those of `base` (`PageArgs` unless given:
 * `first`, `after`, …) and the period, for a list's own arguments class to extend
 * (`class SessionsArgs extends PeriodPageArgs('Scheduled')`); `what` as in `listPeriodFields`.
 */
export function PeriodPageArgs<Base extends PageArgsClass = typeof PageArgs>(
  what: string,
  base: Base = PageArgs as Base,
) {
  @ArgsType()
  abstract class PeriodPage extends base implements ListPeriodArgs {
    year?: number | null;
    quarter?: number | null;
    from?: Date | null;
    to?: Date | null;
  }
  listPeriodFields(PeriodPage.prototype, what);
  return PeriodPage;
}
