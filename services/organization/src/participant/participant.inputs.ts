import { CreateInput, ChangeInput } from '@cppcc/toolkit';
import { Field, ID, InputType } from 'type-graphql';
import { ParticipantKind } from './participant.entity';

@InputType({ description: 'Which participants to list.' })
export class ParticipantsFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Participants in this division or below it (a code prefix).',
  })
  divisionCode?: string | null;

  @Field(() => [ParticipantKind], {
    nullable: true,
    description: 'Only participants of one of these kinds.',
  })
  kind?: ParticipantKind[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'Participants whose name contains this text.',
  })
  nameContains?: string | null;
}

@InputType({ description: 'A new participant: a non-member who takes part in consultations.' })
export class CreateParticipantInput extends CreateInput {
  @Field({ description: 'The full name.' })
  name: string;

  @Field(() => ParticipantKind, { description: 'Who they are, e.g. 村民代表 or 专家学者.' })
  kind: ParticipantKind;

  @Field({ description: 'Where the participant lives or works.' })
  divisionCode: string;

  @Field(() => String, {
    nullable: true,
    description: 'Where they work or which body they speak for.',
  })
  organisation?: string | null;

  @Field(() => String, { nullable: true, description: 'Personal data: a phone number.' })
  phone?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Personal data: the 18-character resident ID number.',
  })
  idNumber?: string | null;
}

@InputType({ description: 'Changes to a participant; fields left out keep their value.' })
export class UpdateParticipantInput extends ChangeInput {
  @Field(() => ID, {
    nullable: true,
    description:
      'The participant to change. Required, unless given as the deprecated `id` argument beside `input`.',
  })
  id?: string | null;

  @Field(() => String, { nullable: true, description: 'The new full name.' })
  name?: string | null;

  @Field(() => ParticipantKind, { nullable: true, description: 'The new kind.' })
  kind?: ParticipantKind | null;

  @Field(() => String, {
    nullable: true,
    description: 'Where they now live or work: a division code.',
  })
  divisionCode?: string | null;

  @Field(() => String, { nullable: true, description: 'The new organisation.' })
  organisation?: string | null;

  @Field(() => String, { nullable: true, description: 'Personal data: the new phone number.' })
  phone?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Personal data: the new 18-character resident ID number (身份证号).',
  })
  idNumber?: string | null;
}
