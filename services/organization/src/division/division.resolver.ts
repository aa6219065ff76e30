import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { PageArgs, toPage, OnSurfaces, SURFACES } from '@cppcc/toolkit';
import type { Context } from '../context';
import { HomeConnection } from '../home/home.types';
import { HomesFilter } from '../home/home.inputs';
import { Division } from './division.entity';
import { DivisionsArgs } from './division.inputs';
import { ancestorCodesOf } from './division.kind';
import { listDivisions } from './division.service';
import { DivisionConnection } from './division.types';

@Resolver(() => Division)
export class DivisionResolver {
  @OnSurfaces(...SURFACES)
  @Query(() => Division, { nullable: true, description: 'A division by its statistics code.' })
  division(
    @Arg('code', () => String, { description: 'The statistics code, e.g. `3207` or `320706`.' })
    code: string,
    @Ctx() { loaders }: Context,
  ) {
    return loaders.division.byCode.load(code);
  }

  @OnSurfaces(...SURFACES)
  @Query(() => DivisionConnection, {
    description: 'Divisions, filtered; `parentCode: "3207"` gives the counties.',
  })
  divisions(@Args(() => DivisionsArgs) args: DivisionsArgs, @Ctx() { em }: Context) {
    return listDivisions(em, args);
  }

  @FieldResolver(() => Division, {
    nullable: true,
    description: 'The division directly above; null for the city.',
  })
  parent(@Root() division: Division, @Ctx() { loaders }: Context) {
    return division.parentCode ? loaders.division.byCode.load(division.parentCode) : null;
  }

  @FieldResolver(() => [Division], {
    description: 'Every division above, from the city down to the parent.',
  })
  async ancestors(@Root() division: Division, @Ctx() { loaders }: Context) {
    const found = await loaders.division.byCode.loadMany(ancestorCodesOf(division.code));
    return found.filter((ancestor): ancestor is Division => ancestor instanceof Division);
  }

  @FieldResolver(() => DivisionConnection, {
    description: 'The divisions directly under this one, in code order.',
  })
  children(
    @Root() division: Division,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() { loaders }: Context,
  ) {
    return loaders.division.children.load({ key: division.code, page: toPage(args) });
  }

  @FieldResolver(() => HomeConnection, {
    description: 'The consultation homes in this division and below it.',
  })
  homes(
    @Root() division: Division,
    @Args(() => PageArgs) args: PageArgs,
    @Arg('filter', () => HomesFilter, {
      nullable: true,
      description: 'Which homes; all when left out.',
    })
    filter: HomesFilter | null,
    @Ctx() { loaders }: Context,
  ) {
    return loaders.home.pageUnderDivision.load({
      key: division.code,
      page: toPage(args),
      filter: filter ?? {},
    });
  }
}

/** Federation: a Division another subgraph names by its code. */
export const divisionReference = {
  Division: {
    __resolveReference: (reference: { code: string }, { loaders }: Context) =>
      loaders.division.byCode.load(reference.code),
  },
};
