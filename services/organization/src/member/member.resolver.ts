import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  HiddenOn,
  OnSurfaces,
  PageArgs,
  canSeePersonalData,
  inputOrDeprecatedArgs,
  maskPersonalData,
  toPage,
  deprecatedArg,
  RecordQuery,
} from '@cppcc/toolkit';
import type { Context } from '../context';
import { CommitteeMembership } from '../committee/committee-membership.entity';
import { Division } from '../division/division.entity';
import { HomeMembership } from '../home/home-membership.entity';
import { Member } from './member.entity';
import { CreateMemberInput, MembersFilter, UpdateMemberInput } from './member.inputs';
import { createMember, listMembers, updateMember } from './member.service';
import { MemberConnection } from './member.types';

@Resolver(() => Member)
export class MemberResolver extends RecordQuery(Member, {
  name: 'member',
  what: 'a member',
  surfaces: ['city', 'county', 'home'],
  load: ({ loaders }: Context, id) => loaders.member.byId.load(id),
}) {
  @OnSurfaces('city', 'county', 'home')
  @Query(() => MemberConnection, {
    description: 'Members in your jurisdiction, filtered, in name order.',
  })
  members(
    @Arg('filter', () => MembersFilter, {
      nullable: true,
      description: 'Which members; all in your jurisdiction when left out.',
    })
    filter: MembersFilter | null,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() { em }: Context,
  ) {
    return listMembers(em, filter ?? {}, toPage(args));
  }

  @FieldResolver(() => Division, { description: 'Where the member lives.' })
  division(@Root() member: Member, @Ctx() { loaders }: Context) {
    return loaders.division.byCode.load(member.divisionCode);
  }

  @HiddenOn('department', 'public')
  @FieldResolver(() => String, {
    nullable: true,
    description: 'Personal data: masked (138****5678) unless your role needs it.',
  })
  phone(@Root() member: Member, @Ctx() { caller }: Context) {
    return canSeePersonalData(caller) ? member.phone : maskPersonalData(member.phone);
  }

  @FieldResolver(() => [CommitteeMembership], {
    description: 'The committees the member sits on, current term first.',
  })
  committees(@Root() member: Member, @Ctx() { loaders }: Context) {
    return loaders.committee.seatsOfMember.load(member.id);
  }

  @FieldResolver(() => [HomeMembership], { description: 'The homes the member serves in now.' })
  homes(@Root() member: Member, @Ctx() { loaders }: Context) {
    return loaders.home.membershipsOfMember.load(member.id);
  }

  @OnSurfaces('city', 'county')
  @Mutation(() => Member, {
    description:
      'Adds a CPPCC member, with their committee seats. Retrying with the same `idempotencyKey` and input is safe.',
  })
  createMember(
    @Arg('input', () => CreateMemberInput, { description: 'The new member.' })
    input: CreateMemberInput,
    @Ctx() { em, caller }: Context,
  ) {
    return createMember(em, caller, input);
  }

  @OnSurfaces('city', 'county')
  @Mutation(() => Member, {
    description:
      'Changes a member. NOT_FOUND outside your jurisdiction; CONFLICT on a stale `expectedVersion`.',
  })
  updateMember(
    @Arg('input', () => UpdateMemberInput, { description: 'The member (`id`) and the changes.' })
    input: UpdateMemberInput,
    @Arg('id', () => ID, deprecatedArg('updateMember', 'id'))
    id: string | null,
    @Ctx() { em, caller }: Context,
  ) {
    const { id: memberId } = inputOrDeprecatedArgs(input, { id }, ['id']);
    return updateMember(em, caller, memberId!, input);
  }
}

export const memberReference = {
  Member: {
    __resolveReference: (reference: { id: string }, { loaders }: Context) =>
      loaders.member.byId.load(reference.id),
  },
};
