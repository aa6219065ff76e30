import { DateScalar, CreateInput, stepInputType } from '@cppcc/toolkit';
import { Field, ID, InputType } from 'type-graphql';
import { PETITION_CASE_WORKFLOW } from './petition-case.workflow';

@InputType({
  description:
    'A petition matter the petitions bureau registers (登记). Only a petitions bureau (信访局) registers cases, in its own division.',
})
export class RegisterPetitionCaseInput extends CreateInput {
  @Field({ description: 'What the petition is about (no personal data), at most 200 characters.' })
  subject: string;

  @Field(() => [String], {
    description: "The petitioners' names (personal data), one to 20, each at most 50 characters.",
  })
  petitioners: string[];

  @Field({
    description:
      'The village or community (12 digits) or township (9 digits) the matter concerns, under the bureau’s division. BAD_USER_INPUT when the code names no division: a division the organization added a moment ago reads as unknown until its change reaches this service (about a second).',
  })
  divisionCode: string;

  @Field(() => [ID], {
    nullable: true,
    description:
      "The demands (petition matters raised at homes) the case is registered for: each a petition matter (`isPetition`) of the case's county, linked to no other case; BAD_USER_INPUT on `input.demandIds.<i>` (the item's index in the list given) otherwise. The petitions bureau learns of demands from the channels' feed: one just raised may take a moment (about a second) to be known, and reads as unknown until then.",
  })
  demandIds?: string[] | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The day it was registered, `YYYY-MM-DD` (not in the future); today by default.',
  })
  registeredOn?: string | null;
}

export const PetitionCaseStepInput = stepInputType('PetitionCaseStepInput', PETITION_CASE_WORKFLOW);
export type PetitionCaseStepInput = InstanceType<typeof PetitionCaseStepInput>;
