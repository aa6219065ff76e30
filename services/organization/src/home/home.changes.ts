import type { OutboxFeed } from '@cppcc/toolkit';
import type { HomeChange } from '@cppcc/organization-feed';

/**
 * `GET /internal/home-changes`: the feed deliberation and channels follow to keep their
 * projection of homes (the `home_change` outbox, filled by a trigger).
 */
export const HOME_CHANGES: OutboxFeed<HomeChange> = {
  path: '/internal/home-changes',
  table: 'home_change',
  columns: ['home_id', 'division_code', 'status', 'kind', 'name', 'home_version', 'established_on'],
  toChange: (row) => ({
    seq: Number(row.seq),
    homeId: String(row.home_id),
    divisionCode: String(row.division_code),
    status: String(row.status),
    kind: String(row.kind),
    name: String(row.name),
    homeVersion: Number(row.home_version),
    establishedOn: String(row.established_on),
  }),
};
