import type { OutboxFeed } from '@cppcc/toolkit';
import type { MemberChange } from '@cppcc/organization-feed';

/**
 * `GET /internal/member-changes`: the feed deliberation and channels follow to know which members
 * exist and where they belong (the city, or a county), so that a record cannot name a member of
 * another county, without calling this service on a request. Ids and division codes only.
 */
export const MEMBER_CHANGES: OutboxFeed<MemberChange> = {
  path: '/internal/member-changes',
  table: 'member_change',
  columns: ['member_id', 'division_code'],
  toChange: (row) => ({
    seq: Number(row.seq),
    memberId: String(row.member_id),
    divisionCode: String(row.division_code),
  }),
};
