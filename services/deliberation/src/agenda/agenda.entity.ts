import { Entity, Filter, PrimaryKey, Property } from '@mikro-orm/postgresql';
import { jurisdictionFilter, type RecordPolicy, FieldsOn } from '@cppcc/toolkit';
import { randomUUID } from 'node:crypto';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

/** Lies under its session's home; not public. */
export const AGENDA_ITEM_POLICY: RecordPolicy = {
  public: false,
  homeProperty: 'homeId',
  homeColumn: 'home_id',
};

/** A topic on a session's agenda (议题), often raised from residents' demands. */
@Directive('@key(fields: "id")')
@FieldsOn('department', ['id', 'position', 'title', 'description', 'presenter', 'demands'])
@ObjectType({ description: "A topic on a session's agenda (议题)." })
@Filter(jurisdictionFilter(AGENDA_ITEM_POLICY))
@Entity({ tableName: 'agenda_item' })
export class AgendaItem {
  @Field(() => ID, { description: 'The UUID of the agenda item.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  sessionId: string;

  @Property({ type: 'uuid' })
  homeId: string;

  @Property({ type: 'string', length: 12 })
  divisionCode: string;

  @Field(() => Int, { description: 'Its place on the agenda, from 1.' })
  @Property({ type: 'integer' })
  position: number;

  @Field({ description: 'The topic, e.g. 村道修缮.' })
  @Property({ type: 'text' })
  title: string;

  @Field(() => String, { nullable: true, description: 'What is to be discussed.' })
  @Property({ type: 'text', nullable: true })
  description: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Who presents it, e.g. 社区书记 or a member.',
  })
  @Property({ type: 'text', nullable: true })
  presenter: string | null;

  /** The demands (channels) it was raised from. */
  @Property({ type: 'uuid[]' })
  demandIds: string[];
}
