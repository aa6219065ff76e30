import { FieldsOn, HistoryEntry } from '@cppcc/toolkit';
import { Entity, Property } from '@mikro-orm/postgresql';
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
@ObjectType({
  description:
    'A step in the life of a demand or of what it was escalated to. Steps: those of each channel, e.g. register, assign, reply, evaluate (docs/workflows.md).',
})
@Entity({ tableName: 'channel_event' })
export class ChannelEvent extends HistoryEntry<'byDepartmentId'> {
  @Property({ type: 'text' })
  recordKind: ChannelRecordKind;

  @Property({ type: 'uuid' })
  recordId: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The department that took the step, when one did.',
  })
  @Property({ type: 'uuid', nullable: true })
  byDepartmentId: string | null = null;
}
