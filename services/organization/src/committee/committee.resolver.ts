import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { HiddenOn, PageArgs, toPage, OnSurfaces, SURFACES, RecordQuery } from '@cppcc/toolkit';
import type { Context } from '../context';
import { Division } from '../division/division.entity';
import { MemberConnection } from '../member/member.types';
import { Member } from '../member/member.entity';
import { Committee, CommitteeKind } from './committee.entity';
import { CommitteeMembership } from './committee-membership.entity';

@Resolver(() => Committee)
export class CommitteeResolver extends RecordQuery(Committee, {
  name: 'committee',
  what: 'a committee',
  surfaces: SURFACES,
  whenNull: 'absent',
  load: ({ loaders }: Context, id) => loaders.committee.byId.load(id),
}) {
  @OnSurfaces(...SURFACES)
  @Query(() => [Committee], {
    description: 'The CPPCC committees and special committees, city first.',
  })
  committees(
    @Arg('kind', () => CommitteeKind, {
      nullable: true,
      description: 'Only committees of this kind; all when left out.',
    })
    kind: CommitteeKind | null,
    @Ctx() { em }: Context,
  ) {
    return em.find(Committee, kind ? { kind } : {}, {
      orderBy: { divisionCode: 'asc', kind: 'asc', name: 'asc' },
    });
  }

  @FieldResolver(() => Division, { description: 'The city or county-level unit of the committee.' })
  division(@Root() committee: Committee, @Ctx() { loaders }: Context) {
    return loaders.division.byCode.load(committee.divisionCode);
  }

  @FieldResolver(() => Committee, {
    nullable: true,
    description: 'For a special committee: the city CPPCC it belongs to.',
  })
  parent(@Root() committee: Committee, @Ctx() { loaders }: Context) {
    return committee.parentId ? loaders.committee.byId.load(committee.parentId) : null;
  }

  @HiddenOn('department', 'public')
  @FieldResolver(() => MemberConnection, {
    description: 'Members seated in the current term, in name order.',
  })
  members(
    @Root() committee: Committee,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() { loaders }: Context,
  ) {
    return loaders.committee.members.load({ key: committee.id, page: toPage(args) });
  }
}

@Resolver(() => CommitteeMembership)
export class CommitteeMembershipResolver {
  @FieldResolver(() => Committee, { nullable: true, description: 'The committee of the seat.' })
  committee(@Root() seat: CommitteeMembership, @Ctx() { loaders }: Context) {
    return loaders.committee.byId.load(seat.committeeId);
  }

  @FieldResolver(() => Member, {
    nullable: true,
    description: 'The member who holds the seat; null when outside your jurisdiction.',
  })
  member(@Root() seat: CommitteeMembership, @Ctx() { loaders }: Context) {
    return loaders.member.byId.load(seat.memberId);
  }
}

export const committeeReference = {
  Committee: {
    __resolveReference: (reference: { id: string }, { loaders }: Context) =>
      loaders.committee.byId.load(reference.id),
  },
};
