import type { OutboxFeed } from '@cppcc/toolkit';
import type { DivisionChange } from '@cppcc/organization-feed';

/**
 * `GET /internal/division-changes`: the feed petitions follows to know which division codes exist
 * (a case names the village, community or township it concerns) without calling this service on
 * a request.
 */
export const DIVISION_CHANGES: OutboxFeed<DivisionChange> = {
  path: '/internal/division-changes',
  table: 'division_change',
  columns: ['code', 'level', 'parent_code', 'removed'],
  toChange: (row) => ({
    seq: Number(row.seq),
    code: String(row.code),
    level: String(row.level),
    parentCode: row.parent_code == null ? null : String(row.parent_code),
    removed: Boolean(row.removed),
  }),
};
