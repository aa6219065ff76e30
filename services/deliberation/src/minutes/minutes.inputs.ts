import { DateScalar, stepInputType } from '@cppcc/toolkit';
import { Field, ID, InputType, Int } from 'type-graphql';
import { ActionOwnerKind } from './minutes.entity';
import { MINUTES_WORKFLOW } from './minutes.workflow';

@InputType({ description: 'A follow-up action: what, who, by when.' })
export class FollowUpActionInput {
  @Field({ description: 'What is to be done.' })
  description: string;

  @Field(() => ActionOwnerKind, { description: 'Whether a member or a department owns it.' })
  ownerKind: ActionOwnerKind;

  @Field(() => ID, {
    description:
      "The member or department that owns the action: one of the session's county or of the city (docs/domain.md, “What a record may name”).",
  })
  ownerId: string;

  @Field(() => DateScalar, { description: 'Due by this day (`YYYY-MM-DD`).' })
  dueOn: string;
}

@InputType({ description: 'The first draft of the minutes (纪要) of a held session.' })
export class DraftMinutesInput {
  @Field(() => ID, { description: 'The session, which must be HELD.' })
  sessionId: string;

  @Field({ description: 'What the session discussed.' })
  summary: string;

  @Field(() => [String], { defaultValue: [], description: 'Points of consensus (共识).' })
  consensus: string[];

  @Field(() => [String], { defaultValue: [], description: 'Disagreements that remain.' })
  disagreements: string[];

  @Field(() => [FollowUpActionInput], {
    defaultValue: [],
    description: 'Follow-up actions agreed, in order.',
  })
  actions: FollowUpActionInput[];
}

@InputType({ description: 'Changes to draft minutes; fields left out keep their value.' })
export class EditMinutesInput {
  @Field(() => ID, { description: 'The minutes.' })
  minutesId: string;

  @Field(() => Int, {
    description: 'The version the edit was made against; a stale one gets CONFLICT.',
  })
  expectedVersion: number;

  @Field(() => String, { nullable: true, description: 'The new summary.' })
  summary?: string | null;

  @Field(() => [String], { nullable: true, description: 'Replaces the points of consensus.' })
  consensus?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Replaces the disagreements.' })
  disagreements?: string[] | null;

  @Field(() => [FollowUpActionInput], { nullable: true, description: 'Replaces the actions.' })
  actions?: FollowUpActionInput[] | null;
}

export const MinutesStepInput = stepInputType('MinutesStepInput', MINUTES_WORKFLOW);
export type MinutesStepInput = InstanceType<typeof MinutesStepInput>;
