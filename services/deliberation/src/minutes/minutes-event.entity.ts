import { Entity, Property } from '@mikro-orm/postgresql';
import { HistoryEntry, historyWriter } from '@cppcc/toolkit';

/**
 * One step in the life of minutes (draft, edit, approve, publish): from which state to which,
 * when and by whom. Kept, not offered in the schema.
 */
@Entity({ tableName: 'minutes_event' })
export class MinutesEvent extends HistoryEntry {
  @Property({ type: 'uuid' })
  minutesId: string;
}

/** The minutes' history writer for the workflow engine. */
export const minutesHistory = historyWriter(MinutesEvent, (taken) => ({
  minutesId: taken.recordId,
}));
