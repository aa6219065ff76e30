import { Entity, Property } from '@mikro-orm/postgresql';
import { FieldsOn, HistoryEntry, historyWriter } from '@cppcc/toolkit';
import { Field, ObjectType } from 'type-graphql';
import { SessionStatus } from './session.entity';

/** One step in a session's life: what happened, from which state to which, when and by whom. */
@FieldsOn('department', ['step', 'fromStatus', 'toStatus', 'at'])
@ObjectType({
  description:
    "A step in a session's life. Steps: schedule, reschedule, recordHeld, cancel; edits that keep its status: setAgenda, recordAttendance.",
})
@Entity({ tableName: 'session_event' })
export class SessionEvent extends HistoryEntry {
  @Property({ type: 'uuid' })
  sessionId: string;

  @Field(() => SessionStatus, { nullable: true, description: 'The status before; null at first.' })
  @Property({ type: 'text', nullable: true })
  override fromStatus: SessionStatus | null;

  @Field(() => SessionStatus, { description: 'The status after the step.' })
  @Property({ type: 'text' })
  override toStatus: SessionStatus;
}

/** The sessions' history writer for the workflow engine. */
export const sessionHistory = historyWriter(SessionEvent, (taken) => ({
  sessionId: taken.recordId,
}));
