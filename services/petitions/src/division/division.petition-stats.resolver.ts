import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { CacheFor, OnSurfaces } from '@cppcc/toolkit';
import { YearOrDaysArguments, periodOf } from '@cppcc/reporting';
import type { Context } from '../context';
import { DivisionReference } from '../shared/references';
import { PetitionStats } from './division.petition-stats';

/** The petitions' part of the cross-county view, beside the sessions' and the channels' figures. */
@Resolver(() => DivisionReference)
export class DivisionPetitionStatsResolver {
  @OnSurfaces('city', 'county')
  @CacheFor()
  @FieldResolver(() => PetitionStats, {
    nullable: true,
    description:
      'Its petition cases (信访事项) registered over a year or a range of days (`from`, `to`), within your jurisdiction. Every division of a page is answered in one statement.',
  })
  petitionStats(
    @Root() division: DivisionReference,
    @Args(() => YearOrDaysArguments) args: YearOrDaysArguments,
    @Ctx() { loaders }: Context,
  ) {
    const period = periodOf(args, { allowQuarter: false });
    return loaders.petitionStats.ofDivision(period).load(division.code);
  }
}
