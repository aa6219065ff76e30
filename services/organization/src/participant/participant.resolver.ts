import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  HiddenOn,
  OnSurfaces,
  Connection,
  PageArgs,
  canSeePersonalData,
  maskPersonalData,
  toPage,
} from '@cppcc/toolkit';
import type { Context } from '../context';
import { Division } from '../division/division.entity';
import { Participant } from './participant.entity';
import {
  CreateParticipantInput,
  ParticipantsFilter,
  UpdateParticipantInput,
} from './participant.inputs';
import { createParticipant, listParticipants, updateParticipant } from './participant.service';

const ParticipantConnection = Connection(Participant);

@Resolver(() => Participant)
export class ParticipantResolver {
  @OnSurfaces('city', 'county', 'home')
  @Query(() => Participant, { nullable: true })
  participant(@Arg('id', () => ID) id: string, @Ctx() { loaders }: Context) {
    return loaders.participant.byId.load(id);
  }

  @OnSurfaces('city', 'county', 'home')
  @Query(() => ParticipantConnection, {
    description: 'Participants in your jurisdiction, filtered, in name order.',
  })
  participants(
    @Arg('filter', () => ParticipantsFilter, { nullable: true }) filter: ParticipantsFilter | null,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() { em }: Context,
  ) {
    return listParticipants(em, filter ?? {}, toPage(args));
  }

  @FieldResolver(() => Division)
  division(@Root() participant: Participant, @Ctx() { loaders }: Context) {
    return loaders.division.byCode.load(participant.divisionCode);
  }

  @HiddenOn('department', 'public')
  @FieldResolver(() => String, {
    nullable: true,
    description: 'Personal data: masked unless your role needs it.',
  })
  phone(@Root() participant: Participant, @Ctx() { caller }: Context) {
    return canSeePersonalData(caller) ? participant.phone : maskPersonalData(participant.phone);
  }

  @HiddenOn('department', 'public')
  @FieldResolver(() => String, {
    nullable: true,
    description: 'Personal data: masked unless your role needs it.',
  })
  idNumber(@Root() participant: Participant, @Ctx() { caller }: Context) {
    return canSeePersonalData(caller)
      ? participant.idNumber
      : maskPersonalData(participant.idNumber);
  }

  @OnSurfaces('city', 'county', 'home')
  @Mutation(() => Participant)
  createParticipant(
    @Arg('input', () => CreateParticipantInput) input: CreateParticipantInput,
    @Ctx() { em, caller }: Context,
  ) {
    return createParticipant(em, caller, input);
  }

  @OnSurfaces('city', 'county', 'home')
  @Mutation(() => Participant)
  updateParticipant(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateParticipantInput) input: UpdateParticipantInput,
    @Ctx() { em, caller }: Context,
  ) {
    return updateParticipant(em, caller, id, input);
  }
}

export const participantReference = {
  Participant: {
    __resolveReference: (reference: { id: string }, { loaders }: Context) =>
      loaders.participant.byId.load(reference.id),
  },
};
