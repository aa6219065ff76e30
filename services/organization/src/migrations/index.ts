import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261127000100_organization } from './Migration20261127000100_organization';
import { Migration20261127000200_reference_data } from './Migration20261127000200_reference_data';
import { Migration20261127000300_home_changes } from './Migration20261127000300_home_changes';
import { Migration20261127000400_home_changes_established } from './Migration20261127000400_home_changes_established';
import { Migration20261127000500_department_changes } from './Migration20261127000500_department_changes';
import { Migration20261129000100_change_feed_positions } from './Migration20261129000100_change_feed_positions';
import { Migration20261129200000_department_change_policy_areas } from './Migration20261129200000_department_change_policy_areas';
import { Migration20261129300000_division_changes } from './Migration20261129300000_division_changes';
import { Migration20261130000000_member_participant_changes } from './Migration20261130000000_member_participant_changes';
import { Migration20261130100000_idempotency_fingerprint } from './Migration20261130100000_idempotency_fingerprint';

/** Every migration of the service, oldest first. Add new ones at the end. */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261127000100_organization', class: Migration20261127000100_organization },
  { name: 'Migration20261127000200_reference_data', class: Migration20261127000200_reference_data },
  { name: 'Migration20261127000300_home_changes', class: Migration20261127000300_home_changes },
  {
    name: 'Migration20261127000400_home_changes_established',
    class: Migration20261127000400_home_changes_established,
  },
  {
    name: 'Migration20261127000500_department_changes',
    class: Migration20261127000500_department_changes,
  },
  {
    name: 'Migration20261129000100_change_feed_positions',
    class: Migration20261129000100_change_feed_positions,
  },
  {
    name: 'Migration20261129200000_department_change_policy_areas',
    class: Migration20261129200000_department_change_policy_areas,
  },
  {
    name: 'Migration20261129300000_division_changes',
    class: Migration20261129300000_division_changes,
  },
  {
    name: 'Migration20261130000000_member_participant_changes',
    class: Migration20261130000000_member_participant_changes,
  },
  {
    name: 'Migration20261130100000_idempotency_fingerprint',
    class: Migration20261130100000_idempotency_fingerprint,
  },
];
