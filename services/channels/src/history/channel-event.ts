import { historyWriter, type HistoryWriter } from '@cppcc/toolkit';
import { ChannelEvent, type ChannelRecordKind } from './channel-event.entity';

/**
 * The channels' history writer for the workflow engine: every step of every channel lands in
 * the one `channel_event` table, so the path from a villager's demand to a department's answer
 * reads as one history.
 */
export function channelHistory(kind: ChannelRecordKind): HistoryWriter {
  return historyWriter(ChannelEvent, (taken) => ({
    recordKind: kind,
    recordId: taken.recordId,
    byDepartmentId: taken.by.departmentId,
  }));
}
