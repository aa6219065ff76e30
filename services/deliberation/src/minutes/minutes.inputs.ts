import { DateScalar } from '@cppcc/toolkit';
import { Field, ID, InputType, Int } from 'type-graphql';
import { ActionOwnerKind } from './minutes.entity';

@InputType()
export class FollowUpActionInput {
  @Field()
  description: string;

  @Field(() => ActionOwnerKind)
  ownerKind: ActionOwnerKind;

  @Field(() => ID, { description: 'The member or department that owns the action.' })
  ownerId: string;

  @Field(() => DateScalar)
  dueOn: string;
}

@InputType()
export class DraftMinutesInput {
  @Field(() => ID)
  sessionId: string;

  @Field()
  summary: string;

  @Field(() => [String], { defaultValue: [] })
  consensus: string[];

  @Field(() => [String], { defaultValue: [] })
  disagreements: string[];

  @Field(() => [FollowUpActionInput], { defaultValue: [] })
  actions: FollowUpActionInput[];
}

@InputType()
export class EditMinutesInput {
  @Field(() => ID)
  minutesId: string;

  @Field(() => Int, {
    description: 'The version the edit was made against; a stale one gets CONFLICT.',
  })
  expectedVersion: number;

  @Field(() => String, { nullable: true })
  summary?: string | null;

  @Field(() => [String], { nullable: true })
  consensus?: string[] | null;

  @Field(() => [String], { nullable: true })
  disagreements?: string[] | null;

  @Field(() => [FollowUpActionInput], { nullable: true, description: 'Replaces the actions.' })
  actions?: FollowUpActionInput[] | null;
}

@InputType()
export class MinutesStepInput {
  @Field(() => ID)
  minutesId: string;

  @Field(() => Int, { nullable: true })
  expectedVersion?: number | null;
}
