import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261129200000_petitions } from './Migration20261129200000_petitions';
import { Migration20261129210000_linked_records } from './Migration20261129210000_linked_records';
import { Migration20261129300000_division_projection } from './Migration20261129300000_division_projection';
import { Migration20261130100000_idempotency_fingerprint } from './Migration20261130100000_idempotency_fingerprint';

/** Every migration of the service, oldest first. Add new ones at the end. */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261129200000_petitions', class: Migration20261129200000_petitions },
  {
    name: 'Migration20261129210000_linked_records',
    class: Migration20261129210000_linked_records,
  },
  {
    name: 'Migration20261129300000_division_projection',
    class: Migration20261129300000_division_projection,
  },
  {
    name: 'Migration20261130100000_idempotency_fingerprint',
    class: Migration20261130100000_idempotency_fingerprint,
  },
];
