import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { CacheFor, OnSurfaces } from '@cppcc/toolkit';
import { YearOrDaysArguments, periodOf } from '@cppcc/reporting';
import type { Context } from '../context';
import { DivisionReference } from '../shared/references';
import { ChannelStats } from './division.channel-stats';

/** The channels' part of the cross-county view: a division's demands, reports and proposals. */
@Resolver(() => DivisionReference)
export class DivisionChannelStatsResolver {
  @OnSurfaces('city', 'county')
  @CacheFor()
  @FieldResolver(() => ChannelStats, {
    nullable: true,
    description:
      'Its demands, sentiment reports and proposals over a year or a range of days (`from`, `to`), within your jurisdiction. Every division of a page is answered in one statement.',
  })
  channelStats(
    @Root() division: DivisionReference,
    @Args(() => YearOrDaysArguments) args: YearOrDaysArguments,
    @Ctx() { loaders }: Context,
  ) {
    const period = periodOf(args, { allowQuarter: false });
    return loaders.channelStats.ofDivision(period).load(division.code);
  }
}
