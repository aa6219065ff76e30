import { CreateInput, stepInputType } from '@cppcc/toolkit';
import { Field, ID, InputType } from 'type-graphql';
import { DemandCategory } from './demand.entity';
import { DEMAND_WORKFLOW } from './demand.workflow';

@InputType({ description: 'A demand raised at a home, by a participant or a resident.' })
export class RaiseDemandInput extends CreateInput {
  @Field(() => ID, { description: 'The home it is raised at.' })
  homeId: string;

  @Field(() => String, {
    nullable: true,
    description:
      "The village or community it concerns (a code under the home's division); the home's own by default.",
  })
  divisionCode?: string | null;

  @Field(() => DemandCategory, { description: 'What it is about.' })
  category: DemandCategory;

  @Field({ description: 'What the resident asks for, in their words.' })
  content: string;

  @Field(() => Boolean, { nullable: true, description: 'A formal petition matter (信访事项).' })
  isPetition?: boolean | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'The participant who raised it, one living in the home’s county (docs/domain.md, “What a record may name”); otherwise a resident, named below.',
  })
  participantId?: string | null;

  @Field(() => String, { nullable: true, description: "A resident's name (personal data)." })
  residentName?: string | null;

  @Field(() => String, { nullable: true, description: "A resident's phone (personal data)." })
  residentContact?: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was received; now by default.' })
  receivedAt?: Date | null;
}

export const DemandStepInput = stepInputType('DemandStepInput', DEMAND_WORKFLOW);
export type DemandStepInput = InstanceType<typeof DemandStepInput>;
