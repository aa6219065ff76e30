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
import {
  HiddenOn,
  OnSurfaces,
  DateScalar,
  PageArgs,
  inputOrDeprecatedArgs,
  toPage,
  deprecatedArg,
  withInputPaths,
  RecordQuery,
} from '@cppcc/toolkit';
import type { Context } from '../context';
import { Committee } from '../committee/committee.entity';
import { Division } from '../division/division.entity';
import { Member } from '../member/member.entity';
import { Home } from './home.entity';
import {
  AssignHomeMemberInput,
  CreateHomeInput,
  HomesFilter,
  MarkHomeAsPilotInput,
  RemoveHomeMemberInput,
  SetHomeLeaderInput,
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
export class HomeResolver extends RecordQuery(Home, {
  name: 'home',
  what: 'a home',
  surfaces: ['city', 'county', 'home', 'public'],
  load: ({ loaders }: Context, id) => loaders.home.byId.load(id),
}) {
  @OnSurfaces('city', 'county', 'home', 'public')
  @Query(() => HomeConnection, {
    description: 'Homes in your jurisdiction, filtered, in division and name order.',
  })
  homes(
    @Arg('filter', () => HomesFilter, {
      nullable: true,
      description: 'Which homes; all when left out.',
    })
    filter: HomesFilter | null,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() { em }: Context,
  ) {
    return listHomes(em, filter ?? {}, toPage(args));
  }

  @OnSurfaces('city', 'county', 'public')
  @Query(() => [PilotRollout], {
    description: 'Pilot homes per county-level unit in a cohort year, against the target of 3–4.',
  })
  pilotRollout(
    @Arg('cohortYear', () => Int, { description: 'The pilot year, e.g. 2020.' }) cohortYear: number,
    @Ctx() { em, caller }: Context,
  ) {
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
    description:
      'Whether the home meets the staffing rule: at least 3 members serving, exactly one leader.',
  })
  async compliance(@Root() home: Home, @Ctx() { loaders }: Context) {
    return complianceOf(await loaders.home.servingMemberships.load(home.id));
  }

  @OnSurfaces('city', 'county')
  @Mutation(() => Home, { description: 'Sets up a home in a township or village.' })
  createHome(
    @Arg('input', () => CreateHomeInput, { description: 'The new home.' }) input: CreateHomeInput,
    @Ctx() { em, caller }: Context,
  ) {
    return createHome(em, caller, input);
  }

  @OnSurfaces('city', 'county')
  @Mutation(() => Home, {
    description:
      'Changes a home’s name, division, kind or status. NOT_FOUND outside your jurisdiction; CONFLICT on a stale `expectedVersion`.',
  })
  updateHome(
    @Arg('input', () => UpdateHomeInput, { description: 'The home (`id`) and its changes.' })
    input: UpdateHomeInput,
    @Arg('id', () => ID, deprecatedArg('updateHome', 'id'))
    id: string | null,
    @Ctx() { em, caller }: Context,
  ) {
    const { id: homeId } = inputOrDeprecatedArgs(input, { id }, ['id']);
    return updateHome(em, caller, homeId!, input);
  }

  @OnSurfaces('city', 'county')
  @Mutation(() => Home, { description: 'Makes the home a pilot (试点) of a cohort year.' })
  markHomeAsPilot(
    @Arg('input', () => MarkHomeAsPilotInput, {
      nullable: true,
      description: 'The home and the year. Required, unless the deprecated arguments are given.',
    })
    input: MarkHomeAsPilotInput | null,
    @Arg('homeId', () => ID, deprecatedArg('markHomeAsPilot', 'homeId'))
    homeId: string | null,
    @Arg('cohortYear', () => Int, deprecatedArg('markHomeAsPilot', 'cohortYear'))
    cohortYear: number | null,
    @Ctx() { em }: Context,
  ) {
    const given = inputOrDeprecatedArgs(input, { homeId, cohortYear }, ['homeId', 'cohortYear']);
    return withInputPaths(input != null, () =>
      markHomeAsPilot(em, given.homeId!, given.cohortYear!),
    );
  }

  @OnSurfaces('city', 'county')
  @Mutation(() => Home, { description: 'A member starts serving in a home.' })
  assignHomeMember(
    @Arg('input', () => AssignHomeMemberInput, { description: 'The home, the member, the role.' })
    input: AssignHomeMemberInput,
    @Ctx() { em }: Context,
  ) {
    return assignHomeMember(em, input);
  }

  @OnSurfaces('city', 'county')
  @Mutation(() => Home, {
    description: 'A member stops serving in a home (their history is kept).',
  })
  removeHomeMember(
    @Arg('input', () => RemoveHomeMemberInput, {
      nullable: true,
      description: 'The home and the member. Required, unless the deprecated arguments are given.',
    })
    input: RemoveHomeMemberInput | null,
    @Arg('homeId', () => ID, deprecatedArg('removeHomeMember', 'homeId'))
    homeId: string | null,
    @Arg('memberId', () => ID, deprecatedArg('removeHomeMember', 'memberId'))
    memberId: string | null,
    @Arg('until', () => DateScalar, deprecatedArg('removeHomeMember', 'until'))
    until: string | null,
    @Ctx() { em }: Context,
  ) {
    const given = inputOrDeprecatedArgs(input, { homeId, memberId, until }, ['homeId', 'memberId']);
    return withInputPaths(input != null, () =>
      removeHomeMember(em, given.homeId!, given.memberId!, given.until ?? null),
    );
  }

  @OnSurfaces('city', 'county')
  @Mutation(() => Home, {
    description: 'Makes a serving member the leader; the former leader stays a member.',
  })
  setHomeLeader(
    @Arg('input', () => SetHomeLeaderInput, {
      nullable: true,
      description: 'The home and the member. Required, unless the deprecated arguments are given.',
    })
    input: SetHomeLeaderInput | null,
    @Arg('homeId', () => ID, deprecatedArg('setHomeLeader', 'homeId'))
    homeId: string | null,
    @Arg('memberId', () => ID, deprecatedArg('setHomeLeader', 'memberId'))
    memberId: string | null,
    @Ctx() { em }: Context,
  ) {
    const given = inputOrDeprecatedArgs(input, { homeId, memberId }, ['homeId', 'memberId']);
    return withInputPaths(input != null, () => setHomeLeader(em, given.homeId!, given.memberId!));
  }
}

@Resolver(() => HomeMembership)
export class HomeMembershipResolver {
  @FieldResolver(() => Member, {
    nullable: true,
    description: 'The member; null when outside your jurisdiction.',
  })
  member(@Root() membership: HomeMembership, @Ctx() { loaders }: Context) {
    return loaders.member.byId.load(membership.memberId);
  }

  @FieldResolver(() => Home, {
    nullable: true,
    description: 'The home; null when outside your jurisdiction.',
  })
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
