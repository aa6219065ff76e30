import { FieldsOn } from '@cppcc/toolkit';
import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/postgresql';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

/** The kinds of record whose life the channels keep (the `record_kind` of a step). */
export enum ChannelRecordKind {
  DEMAND = 'DEMAND',
  PROPOSAL = 'PROPOSAL',
  SENTIMENT_REPORT = 'SENTIMENT_REPORT',
  SPEECH = 'SPEECH',
  SPECIAL_REPORT = 'SPECIAL_REPORT',
}
registerEnumType(ChannelRecordKind, { name: 'ChannelRecordKind' });

/**
 * One step in the life of a demand, proposal, sentiment report, speech or special report: what
 * happened, from which state to which, when and by whom. One table for every channel, so the path
 * from a villager's demand to a department's answer reads as one history.
 */
@FieldsOn('department', ['step', 'fromStatus', 'toStatus', 'at', 'byDepartmentId'])
@ObjectType({ description: 'A step in the life of a demand or of what it was escalated to.' })
@Entity({ tableName: 'channel_event' })
export class ChannelEvent {
  [OptionalProps]?: 'at' | 'detail' | 'byDepartmentId';

  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id: string;

  @Property({ type: 'text' })
  recordKind: ChannelRecordKind;

  @Property({ type: 'uuid' })
  recordId: string;

  @Field({ description: 'The step taken, e.g. register, assign, reply, evaluate.' })
  @Property({ type: 'text' })
  step: string;

  @Field(() => String, { nullable: true, description: 'The state before (none when created).' })
  @Property({ type: 'text', nullable: true })
  fromStatus: string | null;

  @Field({ description: 'The state after the step, e.g. REGISTERED.' })
  @Property({ type: 'text' })
  toStatus: string;

  @Field(() => Date, { description: 'When the step was taken, ISO 8601 (UTC).' })
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  at: Date = new Date();

  /** Who took the step (the caller's id, never personal data). */
  @Property({ type: 'text' })
  bySubject: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The department that took the step, when one did.',
  })
  @Property({ type: 'uuid', nullable: true })
  byDepartmentId: string | null = null;

  @Property({ type: 'jsonb' })
  detail: Record<string, unknown> = {};
}
