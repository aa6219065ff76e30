import { Args, Ctx, Field, FieldResolver, ObjectType, Query, Resolver, Root } from 'type-graphql';
import {
  HiddenOn,
  OnSurfaces,
  PageArgs,
  toPage,
  type Caller,
  FieldsOn,
  SURFACES,
} from '@cppcc/toolkit';
import type { Context } from '../context';
import { Department } from '../department/department.entity';
import { Division } from '../division/division.entity';
import { DivisionConnection } from '../division/division.types';
import { Home } from '../home/home.entity';
import { listHomes } from '../home/home.service';
import { HomeConnection } from '../home/home.types';

/** Who the caller is, where their jurisdiction lies, and where their work starts. */
@FieldsOn(['department', 'public'], ['level', 'roles', 'surface', 'division'])
@ObjectType({
  description: 'The caller: level, jurisdiction, roles, and the entry points of its surface.',
})
export class Viewer {
  @Field({ description: 'CITY, COUNTY, HOME, DEPARTMENT or PUBLIC.' })
  level: string;

  @Field(() => [String], {
    description:
      'The roles of the token: STAFF, ANALYST, MEMBER, HOME_LEADER, DEPARTMENT, ADMIN; none for the public.',
  })
  roles: string[];

  @Field({ description: 'The surface the request came through.' })
  surface: string;

  caller: Caller;
}

@Resolver(() => Viewer)
export class ViewerResolver {
  @OnSurfaces(...SURFACES)
  @Query(() => Viewer, {
    description: 'The caller, its jurisdiction and the entry points of its surface.',
  })
  viewer(@Ctx() { caller }: Context): Viewer {
    return { level: caller.level, roles: caller.roles, surface: caller.surface, caller };
  }

  @FieldResolver(() => Division, {
    nullable: true,
    description:
      'The division of the jurisdiction (the city, a county, a township or village); null for the public.',
  })
  division(@Root() { caller }: Viewer, @Ctx() { loaders }: Context) {
    return caller.division && caller.level !== 'PUBLIC'
      ? loaders.division.byCode.load(caller.division)
      : null;
  }

  @OnSurfaces('city', 'county')
  @FieldResolver(() => DivisionConnection, {
    nullable: true,
    description:
      "The divisions directly under the jurisdiction: the city office's counties, a county's townships.",
  })
  divisions(
    @Root() { caller }: Viewer,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() { loaders }: Context,
  ) {
    if (caller.level !== 'CITY' && caller.level !== 'COUNTY') return null;
    return loaders.division.children.load({ key: caller.division, page: toPage(args) });
  }

  @OnSurfaces('city', 'county')
  @FieldResolver(() => HomeConnection, {
    nullable: true,
    description: 'The homes of the jurisdiction.',
  })
  homes(@Root() { caller }: Viewer, @Args(() => PageArgs) args: PageArgs, @Ctx() { em }: Context) {
    if (caller.level !== 'CITY' && caller.level !== 'COUNTY') return null;
    return listHomes(em, {}, toPage(args));
  }

  @HiddenOn('public', 'department')
  @FieldResolver(() => Home, { nullable: true, description: "A home's caller: its home." })
  home(@Root() { caller }: Viewer, @Ctx() { loaders }: Context) {
    return caller.homeId ? loaders.home.byId.load(caller.homeId) : null;
  }

  @OnSurfaces('department')
  @FieldResolver(() => Department, {
    nullable: true,
    description: "A department's caller: its department.",
  })
  department(@Root() { caller }: Viewer, @Ctx() { loaders }: Context) {
    return caller.departmentId ? loaders.department.byId.load(caller.departmentId) : null;
  }
}
