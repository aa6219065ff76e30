import type { HistoryWriter } from '@cppcc/toolkit';
import { ChannelEvent, type ChannelRecordKind } from './channel-event.entity';

/**
 * The channels' history writer for the workflow engine: every step of every channel lands in
 * the one `channel_event` table, so the path from a villager's demand to a department's answer
 * reads as one history.
 */
export function channelHistory(kind: ChannelRecordKind): HistoryWriter {
  return (tx, taken) => {
    tx.create(ChannelEvent, {
      recordKind: kind,
      recordId: taken.recordId,
      step: taken.step,
      fromStatus: taken.from,
      toStatus: taken.to,
      at: taken.at,
      bySubject: taken.by.subject,
      byDepartmentId: taken.by.departmentId,
      detail: taken.detail,
    });
  };
}
