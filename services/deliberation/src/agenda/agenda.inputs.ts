import { Field, ID, InputType } from 'type-graphql';

@InputType()
export class AgendaItemInput {
  @Field()
  title: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true })
  presenter?: string | null;

  @Field(() => [ID], { nullable: true, description: 'The demands (诉求) it was raised from.' })
  demandIds?: string[] | null;
}
