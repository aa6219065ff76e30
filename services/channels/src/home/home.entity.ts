import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The organization subgraph's Home, which this subgraph adds demands to. */
@Directive('@key(fields: "id")')
@ObjectType('Home')
export class Home {
  @Field(() => ID)
  id: string;
}
