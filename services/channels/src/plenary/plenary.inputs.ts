import { CreateInput, stepInputType } from '@cppcc/toolkit';
import { Field, ID, InputType } from 'type-graphql';
import { PLENARY_STEP_RECORD } from './plenary.workflow';

@InputType({ description: 'A plenary speech or special report submitted to a CPPCC.' })
export class SubmitPlenaryItemInput extends CreateInput {
  @Field(() => String, {
    nullable: true,
    description: "The CPPCC it goes to (3207 or a county's code); the caller's own by default.",
  })
  divisionCode?: string | null;

  @Field({ description: 'The title.' })
  title: string;

  @Field({ description: 'The full text.' })
  content: string;

  @Field(() => [ID], {
    nullable: true,
    description:
      'The members who wrote it: each one of the CPPCC’s county or of the city (docs/domain.md, “What a record may name”).',
  })
  authorMemberIds?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'The special committee that wrote it.' })
  committeeId?: string | null;

  @Field(() => [ID], { nullable: true, description: 'The demands it carries up.' })
  sourceDemandIds?: string[] | null;

  @Field(() => [ID], {
    nullable: true,
    description:
      'The sessions it came out of: sessions of homes within its county (any in the city for a city record), not cancelled; another is BAD_USER_INPUT at its index (docs/domain.md, "What a record may name"). It reaches their homes.',
  })
  sourceSessionIds?: string[] | null;
}

export const PlenaryStepInput = stepInputType('PlenaryStepInput', PLENARY_STEP_RECORD);
export type PlenaryStepInput = InstanceType<typeof PlenaryStepInput>;
