import { CacheFor, OnSurfaces, type CodeReference } from '@cppcc/toolkit';
import { Args, Ctx, FieldResolver, Resolver, Root, type ClassType } from 'type-graphql';
import { periodOf, type Period } from './period';
import { PeriodArguments, YearOrDaysArguments } from './period-args';

/** A subgraph's figures on the organization's `Division`, over a period: `Division.channelStats`. */
export interface DivisionFiguresOptions<Stats extends object, Context> {
  /** The resolver's class name, as a stack trace shows it: `DivisionChannelStatsResolver`. */
  resolverName: string;
  /** The subgraph's reference to `Division` (`codeReference('Division', …)`). */
  division: CodeReference;
  /** The figures' object type. */
  stats: ClassType<Stats>;
  /** The field's name on `Division`: `channelStats`. */
  field: string;
  /** What the figures count, and over which periods; the one-statement note is added. */
  description: string;
  /** True when a quarter (`year` with `quarter`) is a period these figures are kept for. */
  allowQuarter: boolean;
  /** The figures of one division over the period, within the caller's jurisdiction: a loader batching a page's divisions. */
  load: (context: Context, period: Period, divisionCode: string) => Promise<Stats | null>;
}

/**
 * The resolver of a division's figures over a period, on the city and county surfaces, cached as
 * figures are: the arguments are `PeriodArguments` (`year`, `quarter`, `from`, `to`) or, without
 * quarters, `YearOrDaysArguments`, checked by `periodOf` (BAD_USER_INPUT on the argument at
 * fault).
 */
export function divisionFiguresResolver<Stats extends object, Context>(
  options: DivisionFiguresOptions<Stats, Context>,
): ClassType {
  const Arguments = options.allowQuarter ? PeriodArguments : YearOrDaysArguments;

  @Resolver(() => options.division)
  class DivisionFiguresResolver {
    @OnSurfaces('city', 'county')
    @CacheFor()
    @FieldResolver(() => options.stats, {
      name: options.field,
      nullable: true,
      description: `${options.description} Every division of a page is answered in one statement.`,
    })
    figures(
      @Root() division: { code: string },
      @Args(() => Arguments) args: PeriodArguments,
      @Ctx() context: Context,
    ) {
      const period = periodOf(args, { allowQuarter: options.allowQuarter });
      return options.load(context, period, division.code);
    }
  }
  Object.defineProperty(DivisionFiguresResolver, 'name', { value: options.resolverName });
  return DivisionFiguresResolver;
}
