import { ChangeInput } from '@cppcc/toolkit';
import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'A topic (议题) of a session’s agenda.' })
export class AgendaItemInput {
  @Field({ description: 'The topic, e.g. 村道修缮.' })
  title: string;

  @Field(() => String, { nullable: true, description: 'What is to be discussed, in a few lines.' })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'Who presents it, e.g. 社区书记.' })
  presenter?: string | null;

  @Field(() => [ID], { nullable: true, description: 'The demands (诉求) it was raised from.' })
  demandIds?: string[] | null;
}

@InputType({ description: 'A session’s new agenda, replacing the one it had.' })
export class SetAgendaInput extends ChangeInput {
  @Field(() => ID, { nullable: true, description: 'The session, PLANNED or HELD. Required.' })
  sessionId?: string | null;

  @Field(() => [AgendaItemInput], {
    nullable: true,
    description: 'The topics, in order (an empty list clears the agenda). Required.',
  })
  items?: AgendaItemInput[] | null;
}
