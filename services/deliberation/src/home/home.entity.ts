import { FieldsOn } from '@cppcc/toolkit';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

/** The organization subgraph's Home, which this subgraph adds sessions and cadence to. */
@Directive('@key(fields: "id")')
@FieldsOn(['department', 'public'], ['id', 'cadence'])
@ObjectType('Home')
export class Home {
  @Field(() => ID)
  id: string;
}

/** Rule 5 of docs/domain.md: one consultation activity per home per quarter, in principle. */
@FieldsOn(['department', 'public'], ['year', 'quarter', 'held', 'required', 'compliant'])
@ObjectType({
  description: 'How many activities a home held in a quarter against the one required.',
})
export class HomeCadence {
  @Field(() => Int, { description: 'The year asked for.' })
  year: number;

  @Field(() => Int, { description: 'The quarter asked for, 1–4.' })
  quarter: number;

  @Field(() => Int, { description: 'Sessions held in the quarter.' })
  held: number;

  @Field(() => Int, {
    description: 'Sessions required: in principle one consultation activity per home per quarter.',
  })
  required: number;

  @Field({ description: 'True when the home held at least the required sessions.' })
  compliant: boolean;
}
