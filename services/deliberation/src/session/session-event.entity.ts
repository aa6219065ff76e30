import { FieldsOn } from '@cppcc/toolkit';
import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/postgresql';
import { Field, ObjectType } from 'type-graphql';
import type { HistoryWriter } from '@cppcc/toolkit';
import { SessionStatus } from './session.entity';

/** One step in a session's life: what happened, from which state to which, when and by whom. */
@FieldsOn('department', ['step', 'fromStatus', 'toStatus', 'at'])
@ObjectType({ description: "A step in a session's life." })
@Entity({ tableName: 'session_event' })
export class SessionEvent {
  [OptionalProps]?: 'at' | 'detail';

  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id: string;

  @Property({ type: 'uuid' })
  sessionId: string;

  @Field({ description: 'schedule, reschedule, recordHeld or cancel.' })
  @Property({ type: 'text' })
  step: string;

  @Field(() => SessionStatus, { nullable: true, description: 'The status before; null at first.' })
  @Property({ type: 'text', nullable: true })
  fromStatus: SessionStatus | null;

  @Field(() => SessionStatus, { description: 'The status after the step.' })
  @Property({ type: 'text' })
  toStatus: SessionStatus;

  @Field(() => Date, { description: 'When the step was taken, ISO 8601 (UTC).' })
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  at: Date = new Date();

  /** Who took the step (the caller's id, never personal data). */
  @Property({ type: 'text' })
  bySubject: string;

  @Property({ type: 'jsonb' })
  detail: Record<string, unknown> = {};
}

/** The sessions' history writer for the workflow engine. */
export const sessionHistory: HistoryWriter = (tx, taken) => {
  tx.create(SessionEvent, {
    sessionId: taken.recordId,
    step: taken.step,
    fromStatus: taken.from as SessionStatus | null,
    toStatus: taken.to as SessionStatus,
    at: taken.at,
    bySubject: taken.by.subject,
    detail: taken.detail,
  });
};
