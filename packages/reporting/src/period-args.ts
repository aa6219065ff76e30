import { DateScalar } from '@cppcc/contract';
import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { PERIOD_ARG_DESCRIPTIONS, type PeriodArgs } from './period';

/** Declares the period fields, in one wording, on a class of arguments or of input. */
function periodFields(prototype: object, { quarter = true } = {}): void {
  Field(() => Int, { nullable: true, description: PERIOD_ARG_DESCRIPTIONS.year })(
    prototype,
    'year',
  );
  if (quarter) {
    Field(() => Int, { nullable: true, description: PERIOD_ARG_DESCRIPTIONS.quarter })(
      prototype,
      'quarter',
    );
  }
  Field(() => DateScalar, { nullable: true, description: PERIOD_ARG_DESCRIPTIONS.from })(
    prototype,
    'from',
  );
  Field(() => DateScalar, { nullable: true, description: PERIOD_ARG_DESCRIPTIONS.to })(
    prototype,
    'to',
  );
}

/**
 * The period arguments of a figure (`year`, `quarter`, `from`, `to`; `periodOf` checks them):
 * a stats field takes them as they are (`@Args(() => PeriodArguments)`).
 */
@ArgsType()
export class PeriodArguments implements PeriodArgs {
  year?: number | null;
  quarter?: number | null;
  from?: string | null;
  to?: string | null;
}
periodFields(PeriodArguments.prototype);

/** The period arguments of a figure counted over a year or days, never a quarter (`allowQuarter: false`). */
@ArgsType()
export class YearOrDaysArguments implements PeriodArgs {
  year?: number | null;
  from?: string | null;
  to?: string | null;
}
periodFields(YearOrDaysArguments.prototype, { quarter: false });

/**
 * The same four fields first in a report's filter input: `class XReportFilter extends PeriodFilter`.
 * Never an argument's type itself, so the schema has no input of this name.
 */
@InputType()
export class PeriodFilter implements PeriodArgs {
  year?: number | null;
  quarter?: number | null;
  from?: string | null;
  to?: string | null;
}
periodFields(PeriodFilter.prototype);
