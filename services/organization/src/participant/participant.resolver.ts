import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  HiddenOn,
  OnSurfaces,
  Connection,
  PageArgs,
  canSeePersonalData,
  inputOrDeprecatedArgs,
  maskPersonalData,
  toPage,
  deprecatedArg,
  RecordQuery,
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
export class ParticipantResolver extends RecordQuery(Participant, {
  name: 'participant',
  what: 'a participant',
  surfaces: ['city', 'county', 'home'],
  load: ({ loaders }: Context, id) => loaders.participant.byId.load(id),
}) {
  @OnSurfaces('city', 'county', 'home')
  @Query(() => ParticipantConnection, {
    description: 'Participants in your jurisdiction, filtered, in name order.',
  })
  participants(
    @Arg('filter', () => ParticipantsFilter, {
      nullable: true,
      description: 'Which participants; all in your jurisdiction when left out.',
    })
    filter: ParticipantsFilter | null,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() { em }: Context,
  ) {
    return listParticipants(em, filter ?? {}, toPage(args));
  }

  @FieldResolver(() => Division, { description: 'Where the participant lives or works.' })
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
  @Mutation(() => Participant, {
    description:
      'Adds a participant in your jurisdiction. Retrying with the same `idempotencyKey` and input is safe.',
  })
  createParticipant(
    @Arg('input', () => CreateParticipantInput, { description: 'The new participant.' })
    input: CreateParticipantInput,
    @Ctx() { em, caller }: Context,
  ) {
    return createParticipant(em, caller, input);
  }

  @OnSurfaces('city', 'county', 'home')
  @Mutation(() => Participant, {
    description:
      'Changes a participant. NOT_FOUND outside your jurisdiction; CONFLICT on a stale `expectedVersion`.',
  })
  updateParticipant(
    @Arg('input', () => UpdateParticipantInput, {
      description: 'The participant (`id`) and the changes.',
    })
    input: UpdateParticipantInput,
    @Arg('id', () => ID, deprecatedArg('updateParticipant', 'id'))
    id: string | null,
    @Ctx() { em, caller }: Context,
  ) {
    const { id: participantId } = inputOrDeprecatedArgs(input, { id }, ['id']);
    return updateParticipant(em, caller, participantId!, input);
  }
}

export const participantReference = {
  Participant: {
    __resolveReference: (reference: { id: string }, { loaders }: Context) =>
      loaders.participant.byId.load(reference.id),
  },
};
