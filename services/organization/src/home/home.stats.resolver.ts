import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { CacheFor, OnSurfaces } from '@cppcc/toolkit';
import type { Context } from '../context';
import { Division } from '../division/division.entity';
import { HomeStats } from './home.stats';

/** The organization's part of the cross-county view: a division's homes in figures. */
@Resolver(() => Division)
export class DivisionHomeStatsResolver {
  @OnSurfaces('city', 'county')
  @CacheFor()
  @FieldResolver(() => HomeStats, {
    nullable: true,
    description:
      'Its homes in figures (homes, active, pilots, staffed by the rule, members serving), within your jurisdiction; every division of a page is answered in one statement.',
  })
  homeStats(@Root() division: Division, @Ctx() { loaders }: Context) {
    return loaders.home.statsOfDivision.load(division.code);
  }
}
