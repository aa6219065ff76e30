import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261127000100_channels } from './Migration20261127000100_channels';
import { Migration20261127000200_home_projection } from './Migration20261127000200_home_projection';
import { Migration20261127000300_home_projection_established } from './Migration20261127000300_home_projection_established';
import { Migration20261127000400_channel_workflows } from './Migration20261127000400_channel_workflows';
import { Migration20261127000500_department_projection } from './Migration20261127000500_department_projection';
import { Migration20261127090000_scale_indexes } from './Migration20261127090000_scale_indexes';
import { Migration20261127100000_demand_milestones } from './Migration20261127100000_demand_milestones';
import { Migration20261127110000_stats_covering_indexes } from './Migration20261127110000_stats_covering_indexes';
import { Migration20261127120000_open_demands_of_homes } from './Migration20261127120000_open_demands_of_homes';
import { Migration20261129120000_domain_events } from './Migration20261129120000_domain_events';
import { Migration20261129130000_webhooks } from './Migration20261129130000_webhooks';
import { Migration20261129140000_followed_events } from './Migration20261129140000_followed_events';
import { Migration20261129150000_keyset_lists } from './Migration20261129150000_keyset_lists';
import { Migration20261129160000_home_lineage_indexes } from './Migration20261129160000_home_lineage_indexes';
import { Migration20261129170000_delivery_keyset } from './Migration20261129170000_delivery_keyset';
import { Migration20261129210000_domain_event_feed } from './Migration20261129210000_domain_event_feed';
import { Migration20261130000000_member_participant_projections } from './Migration20261130000000_member_participant_projections';
import { Migration20261130100000_idempotency_fingerprint } from './Migration20261130100000_idempotency_fingerprint';
import { Migration20261130200000_session_projection } from './Migration20261130200000_session_projection';

/** Every migration of the service, oldest first. Add new ones at the end. */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261127000100_channels', class: Migration20261127000100_channels },
  {
    name: 'Migration20261127000200_home_projection',
    class: Migration20261127000200_home_projection,
  },
  {
    name: 'Migration20261127000300_home_projection_established',
    class: Migration20261127000300_home_projection_established,
  },
  {
    name: 'Migration20261127000400_channel_workflows',
    class: Migration20261127000400_channel_workflows,
  },
  {
    name: 'Migration20261127000500_department_projection',
    class: Migration20261127000500_department_projection,
  },
  {
    name: 'Migration20261127090000_scale_indexes',
    class: Migration20261127090000_scale_indexes,
  },
  {
    name: 'Migration20261127100000_demand_milestones',
    class: Migration20261127100000_demand_milestones,
  },
  {
    name: 'Migration20261127110000_stats_covering_indexes',
    class: Migration20261127110000_stats_covering_indexes,
  },
  {
    name: 'Migration20261127120000_open_demands_of_homes',
    class: Migration20261127120000_open_demands_of_homes,
  },
  {
    name: 'Migration20261129120000_domain_events',
    class: Migration20261129120000_domain_events,
  },
  {
    name: 'Migration20261129130000_webhooks',
    class: Migration20261129130000_webhooks,
  },
  {
    name: 'Migration20261129140000_followed_events',
    class: Migration20261129140000_followed_events,
  },
  {
    name: 'Migration20261129150000_keyset_lists',
    class: Migration20261129150000_keyset_lists,
  },
  {
    name: 'Migration20261129160000_home_lineage_indexes',
    class: Migration20261129160000_home_lineage_indexes,
  },
  {
    name: 'Migration20261129170000_delivery_keyset',
    class: Migration20261129170000_delivery_keyset,
  },
  {
    name: 'Migration20261129210000_domain_event_feed',
    class: Migration20261129210000_domain_event_feed,
  },
  {
    name: 'Migration20261130000000_member_participant_projections',
    class: Migration20261130000000_member_participant_projections,
  },
  {
    name: 'Migration20261130100000_idempotency_fingerprint',
    class: Migration20261130100000_idempotency_fingerprint,
  },
  {
    name: 'Migration20261130200000_session_projection',
    class: Migration20261130200000_session_projection,
  },
];
