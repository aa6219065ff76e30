import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { HiddenOn, OnSurfaces, StepInputArg } from '@cppcc/toolkit';
import type { Context } from '../context';
import { DepartmentReference, MemberReference } from '../shared/references';
import { ActionOwnerKind, FollowUpAction, Minutes } from './minutes.entity';
import { DraftMinutesInput, EditMinutesInput, MinutesStepInput } from './minutes.inputs';
import { approveMinutes, draftMinutes, editMinutes, publishMinutes } from './minutes.service';

@Resolver(() => Minutes)
export class MinutesResolver {
  @HiddenOn('public')
  @FieldResolver(() => [FollowUpAction], { description: 'The follow-up actions agreed, in order.' })
  actions(@Root() minutes: Minutes, @Ctx() { loaders }: Context) {
    return loaders.minutes.actions.load(minutes.id);
  }

  @OnSurfaces('city', 'county', 'home')
  @Mutation(() => Minutes, { description: 'Drafts the minutes of a held session.' })
  draftMinutes(
    @Arg('input', () => DraftMinutesInput, { description: 'The session and the draft.' })
    input: DraftMinutesInput,
    @Ctx() { em, caller }: Context,
  ) {
    return draftMinutes(em, caller, input);
  }

  @OnSurfaces('city', 'county', 'home')
  @Mutation(() => Minutes, {
    description: 'Edits draft minutes against the version they were read at.',
  })
  editMinutes(
    @Arg('input', () => EditMinutesInput, {
      description: 'The minutes, their version and the changes.',
    })
    input: EditMinutesInput,
    @Ctx() { em, caller }: Context,
  ) {
    return editMinutes(em, caller, input);
  }

  @OnSurfaces('city', 'county', 'home')
  @Mutation(() => Minutes, { description: "Approval by the home's leader or county staff." })
  approveMinutes(
    @StepInputArg(MinutesStepInput) input: MinutesStepInput,
    @Ctx() { em, caller }: Context,
  ) {
    return approveMinutes(em, caller, input.minutesId, input.expectedVersion);
  }

  @OnSurfaces('city', 'county', 'home')
  @Mutation(() => Minutes, {
    description: 'Publishes approved minutes: summary and consensus become public.',
  })
  publishMinutes(
    @StepInputArg(MinutesStepInput) input: MinutesStepInput,
    @Ctx() { em, caller }: Context,
  ) {
    return publishMinutes(em, caller, input.minutesId, input.expectedVersion);
  }
}

@Resolver(() => FollowUpAction)
export class FollowUpActionResolver {
  @FieldResolver(() => MemberReference, {
    nullable: true,
    description: 'The member who owns it, if a member does.',
  })
  member(@Root() action: FollowUpAction): MemberReference | null {
    return action.ownerKind === ActionOwnerKind.MEMBER ? { id: action.ownerId } : null;
  }

  @FieldResolver(() => DepartmentReference, {
    nullable: true,
    description: 'The department that owns it, if one does.',
  })
  department(@Root() action: FollowUpAction): DepartmentReference | null {
    return action.ownerKind === ActionOwnerKind.DEPARTMENT ? { id: action.ownerId } : null;
  }
}
