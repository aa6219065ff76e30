import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/postgresql';
import type { HistoryWriter } from '@cppcc/toolkit';
import type { MinutesStatus } from './minutes.entity';

/** One step in the life of minutes: what happened, from which state to which, when and by whom. */
@Entity({ tableName: 'minutes_event' })
export class MinutesEvent {
  [OptionalProps]?: 'at' | 'detail';

  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id: string;

  @Property({ type: 'uuid' })
  minutesId: string;

  /** draft, edit, approve or publish. */
  @Property({ type: 'text' })
  step: string;

  @Property({ type: 'text', nullable: true })
  fromStatus: MinutesStatus | null;

  @Property({ type: 'text' })
  toStatus: MinutesStatus;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  at: Date = new Date();

  /** Who took the step (the caller's id, never personal data). */
  @Property({ type: 'text' })
  bySubject: string;

  @Property({ type: 'jsonb' })
  detail: Record<string, unknown> = {};
}

/** The minutes' history writer for the workflow engine. */
export const minutesHistory: HistoryWriter = (tx, taken) => {
  tx.create(MinutesEvent, {
    minutesId: taken.recordId,
    step: taken.step,
    fromStatus: taken.from as MinutesStatus | null,
    toStatus: taken.to as MinutesStatus,
    at: taken.at,
    bySubject: taken.by.subject,
    detail: taken.detail,
  });
};
