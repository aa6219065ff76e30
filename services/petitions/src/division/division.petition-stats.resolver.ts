import { Args, ArgsType, Ctx, Field, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import {
  CacheFor,
  DateScalar,
  OnSurfaces,
  PERIOD_ARG_DESCRIPTIONS,
  periodOf,
} from '@cppcc/toolkit';
import type { Context } from '../context';
import { DivisionReference } from '../shared/references';
import { PetitionStats } from './division.petition-stats';

@ArgsType()
class PetitionStatsArgs {
  @Field(() => Int, { nullable: true, description: PERIOD_ARG_DESCRIPTIONS.year })
  year?: number | null;

  @Field(() => DateScalar, { nullable: true, description: PERIOD_ARG_DESCRIPTIONS.from })
  from?: string | null;

  @Field(() => DateScalar, { nullable: true, description: PERIOD_ARG_DESCRIPTIONS.to })
  to?: string | null;
}

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
    @Args(() => PetitionStatsArgs) args: PetitionStatsArgs,
    @Ctx() { loaders }: Context,
  ) {
    const period = periodOf(args, { allowQuarter: false });
    return loaders.petitionStats.ofDivision(period).load(division.code);
  }
}
