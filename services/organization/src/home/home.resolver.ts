import {
  Arg,
  Args,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { HiddenOn, OnSurfaces, DateScalar, PageArgs, toPage } from '@cppcc/toolkit';
import type { Context } from '../context';
import { Committee } from '../committee/committee.entity';
import { Division } from '../division/division.entity';
import { Member } from '../member/member.entity';
import { Home } from './home.entity';
import {
  AssignHomeMemberInput,
  CreateHomeInput,
  HomesFilter,
  UpdateHomeInput,
} from './home.inputs';
import { HomeMembership, HomeRole } from './home-membership.entity';
import {
  assignHomeMember,
  complianceOf,
  createHome,
  listHomes,
  markHomeAsPilot,
  pilotRollout,
  removeHomeMember,
  setHomeLeader,
  updateHome,
} from './home.service';
import { HomeCompliance, HomeConnection, PilotRollout } from './home.types';

@Resolver(() => Home)
export class HomeResolver {
  @OnSurfaces('city', 'county', 'home', 'public')
  @Query(() => Home, {
    nullable: true,
    description: 'A home by id; null when absent or outside your jurisdiction.',
  })
  home(@Arg('id', () => ID) id: string, @Ctx() { loaders }: Context) {
    return loaders.home.byId.load(id);
  }

  @OnSurfaces('city', 'county', 'home', 'public')
  @Query(() => HomeConnection, {
    description: 'Homes in your jurisdiction, filtered, in division and name order.',
  })
  homes(
    @Arg('filter', () => HomesFilter, { nullable: true }) filter: HomesFilter | null,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() { em }: Context,
  ) {
    return listHomes(em, filter ?? {}, toPage(args));
  }

  @OnSurfaces('city', 'county', 'public')
  @Query(() => [PilotRollout], {
    description: 'Pilot homes per county-level unit in a cohort year, against the target of 3–4.',
  })
  pilotRollout(@Arg('cohortYear', () => Int) cohortYear: number, @Ctx() { em, caller }: Context) {
    return pilotRollout(em, caller, cohortYear);
  }

  @FieldResolver(() => Division, { description: 'The township or village the home is in.' })
  division(@Root() home: Home, @Ctx() { loaders }: Context) {
    return loaders.division.byCode.load(home.divisionCode);
  }

  @FieldResolver(() => Committee, {
    nullable: true,
    description:
      'The county-level CPPCC whose jurisdiction contains the home; it staffs and guides it.',
  })
  async hostCommittee(@Root() home: Home, @Ctx() { loaders }: Context) {
    const [committee] = await loaders.committee.cppccOfDivision.load(home.divisionCode.slice(0, 6));
    return committee ?? null;
  }

  @HiddenOn('public')
  @FieldResolver(() => [HomeMembership], {
    description: 'The members serving now, the leader first.',
  })
  members(@Root() home: Home, @Ctx() { loaders }: Context) {
    return loaders.home.servingMemberships.load(home.id);
  }

  @HiddenOn('public')
  @FieldResolver(() => Member, {
    nullable: true,
    description: 'The member in charge (负责人), if one is set.',
  })
  async leader(@Root() home: Home, @Ctx() { loaders }: Context) {
    const memberships = await loaders.home.servingMemberships.load(home.id);
    const leader = memberships.find((membership) => membership.role === HomeRole.LEADER);
    return leader ? loaders.member.byId.load(leader.memberId) : null;
  }

  @FieldResolver(() => HomeCompliance, {
    description: "Whether the home meets the seed's staffing rule.",
  })
  async compliance(@Root() home: Home, @Ctx() { loaders }: Context) {
    return complianceOf(await loaders.home.servingMemberships.load(home.id));
  }

  @OnSurfaces('city', 'county')
  @Mutation(() => Home, { description: 'Sets up a home in a township or village.' })
  createHome(
    @Arg('input', () => CreateHomeInput) input: CreateHomeInput,
    @Ctx() { em, caller }: Context,
  ) {
    return createHome(em, caller, input);
  }

  @OnSurfaces('city', 'county')
  @Mutation(() => Home)
  updateHome(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateHomeInput) input: UpdateHomeInput,
    @Ctx() { em, caller }: Context,
  ) {
    return updateHome(em, caller, id, input);
  }

  @OnSurfaces('city', 'county')
  @Mutation(() => Home, { description: 'Makes the home a pilot (试点) of a cohort year.' })
  markHomeAsPilot(
    @Arg('homeId', () => ID) homeId: string,
    @Arg('cohortYear', () => Int) cohortYear: number,
    @Ctx() { em }: Context,
  ) {
    return markHomeAsPilot(em, homeId, cohortYear);
  }

  @OnSurfaces('city', 'county')
  @Mutation(() => Home, { description: 'A member starts serving in a home.' })
  assignHomeMember(
    @Arg('input', () => AssignHomeMemberInput) input: AssignHomeMemberInput,
    @Ctx() { em }: Context,
  ) {
    return assignHomeMember(em, input);
  }

  @OnSurfaces('city', 'county')
  @Mutation(() => Home, {
    description: 'A member stops serving in a home (their history is kept).',
  })
  removeHomeMember(
    @Arg('homeId', () => ID) homeId: string,
    @Arg('memberId', () => ID) memberId: string,
    @Arg('until', () => DateScalar, {
      nullable: true,
      description: 'Last day of service; defaults to today.',
    })
    until: string | null,
    @Ctx() { em }: Context,
  ) {
    return removeHomeMember(em, homeId, memberId, until);
  }

  @OnSurfaces('city', 'county')
  @Mutation(() => Home, {
    description: 'Makes a serving member the leader; the former leader stays a member.',
  })
  setHomeLeader(
    @Arg('homeId', () => ID) homeId: string,
    @Arg('memberId', () => ID) memberId: string,
    @Ctx() { em }: Context,
  ) {
    return setHomeLeader(em, homeId, memberId);
  }
}

@Resolver(() => HomeMembership)
export class HomeMembershipResolver {
  @FieldResolver(() => Member, { nullable: true })
  member(@Root() membership: HomeMembership, @Ctx() { loaders }: Context) {
    return loaders.member.byId.load(membership.memberId);
  }

  @FieldResolver(() => Home, { nullable: true })
  home(@Root() membership: HomeMembership, @Ctx() { loaders }: Context) {
    return loaders.home.byId.load(membership.homeId);
  }
}

/** Federation: a Home another subgraph names by its id. */
export const homeReference = {
  Home: {
    __resolveReference: (reference: { id: string }, { loaders }: Context) =>
      loaders.home.byId.load(reference.id),
  },
};
