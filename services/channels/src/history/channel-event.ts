import type { EntityManager } from '@mikro-orm/postgresql';
import type { Caller } from '@cppcc/toolkit';
import { ChannelEvent, type ChannelRecordKind } from './channel-event.entity';

/** A record of a channel whose steps are kept: its id and its state after the step. */
export interface Stepped {
  id: string;
  status: string;
}

/** Records a step beside the change it made, in the same transaction. */
export function recordStep(
  tx: EntityManager,
  caller: Caller,
  kind: ChannelRecordKind,
  record: Stepped,
  step: string,
  from: string | null,
  detail: Record<string, unknown> = {},
): void {
  tx.create(ChannelEvent, {
    recordKind: kind,
    recordId: record.id,
    step,
    fromStatus: from,
    toStatus: record.status,
    bySubject: caller.subject,
    byDepartmentId: caller.level === 'DEPARTMENT' ? (caller.departmentId ?? null) : null,
    detail,
  });
}
