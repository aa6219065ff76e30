import { Ctx, Field, FieldResolver, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { Division } from '../division/division.entity';

/** Who the caller is and where their jurisdiction lies. */
@ObjectType({ description: 'The caller: level, jurisdiction and roles.' })
export class Viewer {
  @Field({ description: 'CITY, COUNTY, HOME, DEPARTMENT or PUBLIC.' })
  level: string;

  @Field(() => [String])
  roles: string[];

  /** The code of the jurisdiction ('' for the whole graph). */
  divisionCode: string;
}

@Resolver(() => Viewer)
export class ViewerResolver {
  @Query(() => Viewer, { description: 'The caller, and the division its jurisdiction covers.' })
  viewer(@Ctx() { caller }: Context): Viewer {
    return { level: caller.level, roles: caller.roles, divisionCode: caller.division };
  }

  @FieldResolver(() => Division, {
    nullable: true,
    description: 'The division of the jurisdiction; null for the whole graph.',
  })
  division(@Root() viewer: Viewer, @Ctx() { loaders }: Context) {
    return viewer.divisionCode ? loaders.division.byCode.load(viewer.divisionCode) : null;
  }
}
