import {
  Arg,
  Args,
  ArgsType,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { FilterQuery } from '@mikro-orm/postgresql';
import {
  findConnection,
  OnSurfaces,
  Connection,
  PageArgs,
  likeEscape,
  toPage,
} from '@cppcc/toolkit';
import type { Context } from '../context';
import { Home } from '../home/home.entity';
import { Demand, DemandCategory, DemandStatus } from './demand.entity';

export const DemandConnection = Connection(Demand);

@ArgsType()
class DemandsArgs extends PageArgs {
  @Field(() => String, {
    nullable: true,
    description: 'Demands concerning this division or below it (a code prefix).',
  })
  divisionCode?: string | null;

  @Field(() => [DemandStatus], { nullable: true })
  status?: DemandStatus[] | null;

  @Field(() => DemandCategory, { nullable: true })
  category?: DemandCategory | null;
}

@Resolver(() => Demand)
export class DemandResolver {
  @OnSurfaces('city', 'county', 'home')
  @Query(() => Demand, {
    nullable: true,
    description: 'A demand by id; null when absent or outside your jurisdiction.',
  })
  demand(@Arg('id', () => ID) id: string, @Ctx() { loaders }: Context) {
    return loaders.demand.byId.load(id);
  }

  @OnSurfaces('city', 'county', 'home')
  @Query(() => DemandConnection, { description: 'Demands in your jurisdiction, latest first.' })
  async demands(@Args(() => DemandsArgs) args: DemandsArgs, @Ctx() { em }: Context) {
    const page = toPage(args);
    const where: FilterQuery<Demand> & Record<string, unknown> = {};
    if (args.divisionCode) where.divisionCode = { $like: `${likeEscape(args.divisionCode)}%` };
    if (args.status?.length) where.status = { $in: args.status };
    if (args.category) where.category = args.category;
    return findConnection(em, Demand, where, { receivedAt: 'desc', id: 'asc' }, page);
  }

  @FieldResolver(() => Home, { description: 'The home the demand was raised at.' })
  home(@Root() demand: Demand): Home {
    return { id: demand.homeId };
  }
}

@Resolver(() => Home)
export class HomeDemandsResolver {
  @OnSurfaces('city', 'county', 'home')
  @FieldResolver(() => DemandConnection, {
    // Nullable, like every field one subgraph adds to another's entity: when channels is down,
    // the rest of a home's answer still arrives.
    nullable: true,
    description: 'Demands raised at the home, latest first.',
  })
  demands(
    @Root() home: Home,
    @Args(() => PageArgs) args: PageArgs,
    @Arg('status', () => [DemandStatus], { nullable: true }) status: DemandStatus[] | null,
    @Ctx() { loaders }: Context,
  ) {
    return loaders.demand.ofHome(status ?? []).load({ key: home.id, page: toPage(args) });
  }
}

export const demandReference = {
  Demand: {
    __resolveReference: (reference: { id: string }, { loaders }: Context) =>
      loaders.demand.byId.load(reference.id),
  },
};
