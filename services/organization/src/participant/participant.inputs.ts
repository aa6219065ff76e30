import { Field, InputType, Int } from 'type-graphql';
import { ParticipantKind } from './participant.entity';

@InputType({ description: 'Which participants to list.' })
export class ParticipantsFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Participants in this division or below it (a code prefix).',
  })
  divisionCode?: string | null;

  @Field(() => [ParticipantKind], { nullable: true })
  kind?: ParticipantKind[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'Participants whose name contains this text.',
  })
  nameContains?: string | null;
}

@InputType()
export class CreateParticipantInput {
  @Field()
  name: string;

  @Field(() => ParticipantKind)
  kind: ParticipantKind;

  @Field({ description: 'Where the participant lives or works.' })
  divisionCode: string;

  @Field(() => String, { nullable: true })
  organisation?: string | null;

  @Field(() => String, { nullable: true, description: 'Personal data.' })
  phone?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Personal data: the 18-character resident ID number.',
  })
  idNumber?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The same key twice gives the same participant, created once.',
  })
  idempotencyKey?: string | null;
}

@InputType()
export class UpdateParticipantInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => ParticipantKind, { nullable: true })
  kind?: ParticipantKind | null;

  @Field(() => String, { nullable: true })
  divisionCode?: string | null;

  @Field(() => String, { nullable: true })
  organisation?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  idNumber?: string | null;

  @Field(() => Int, { nullable: true })
  expectedVersion?: number | null;
}
