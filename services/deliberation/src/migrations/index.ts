import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261127000100_deliberation } from './Migration20261127000100_deliberation';
import { Migration20261127000200_home_projection } from './Migration20261127000200_home_projection';
import { Migration20261127000300_session_workflow } from './Migration20261127000300_session_workflow';
import { Migration20261127000400_minutes } from './Migration20261127000400_minutes';
import { Migration20261127000500_agenda_attendance } from './Migration20261127000500_agenda_attendance';
import { Migration20261127000600_home_projection_established } from './Migration20261127000600_home_projection_established';
import { Migration20261127000700_department_projection } from './Migration20261127000700_department_projection';
import { Migration20261127090000_scale_indexes } from './Migration20261127090000_scale_indexes';
import { Migration20261127110000_stats_covering_indexes } from './Migration20261127110000_stats_covering_indexes';
import { Migration20261127120000_sessions_of_homes } from './Migration20261127120000_sessions_of_homes';
import { Migration20261129000000_minutes_history } from './Migration20261129000000_minutes_history';
import { Migration20261129120000_domain_events } from './Migration20261129120000_domain_events';
import { Migration20261129140000_domain_event_feed } from './Migration20261129140000_domain_event_feed';
import { Migration20261129210000_session_lifecycle_events } from './Migration20261129210000_session_lifecycle_events';
import { Migration20261130000000_member_participant_projections } from './Migration20261130000000_member_participant_projections';
import { Migration20261130100000_idempotency_fingerprint } from './Migration20261130100000_idempotency_fingerprint';

/** Every migration of the service, oldest first. Add new ones at the end. */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261127000100_deliberation', class: Migration20261127000100_deliberation },
  {
    name: 'Migration20261127000200_home_projection',
    class: Migration20261127000200_home_projection,
  },
  {
    name: 'Migration20261127000300_session_workflow',
    class: Migration20261127000300_session_workflow,
  },
  { name: 'Migration20261127000400_minutes', class: Migration20261127000400_minutes },
  {
    name: 'Migration20261127000500_agenda_attendance',
    class: Migration20261127000500_agenda_attendance,
  },
  {
    name: 'Migration20261127000600_home_projection_established',
    class: Migration20261127000600_home_projection_established,
  },
  {
    name: 'Migration20261127000700_department_projection',
    class: Migration20261127000700_department_projection,
  },
  {
    name: 'Migration20261127090000_scale_indexes',
    class: Migration20261127090000_scale_indexes,
  },
  {
    name: 'Migration20261127110000_stats_covering_indexes',
    class: Migration20261127110000_stats_covering_indexes,
  },
  {
    name: 'Migration20261127120000_sessions_of_homes',
    class: Migration20261127120000_sessions_of_homes,
  },
  {
    name: 'Migration20261129000000_minutes_history',
    class: Migration20261129000000_minutes_history,
  },
  {
    name: 'Migration20261129120000_domain_events',
    class: Migration20261129120000_domain_events,
  },
  {
    name: 'Migration20261129140000_domain_event_feed',
    class: Migration20261129140000_domain_event_feed,
  },
  {
    name: 'Migration20261129210000_session_lifecycle_events',
    class: Migration20261129210000_session_lifecycle_events,
  },
  {
    name: 'Migration20261130000000_member_participant_projections',
    class: Migration20261130000000_member_participant_projections,
  },
  {
    name: 'Migration20261130100000_idempotency_fingerprint',
    class: Migration20261130100000_idempotency_fingerprint,
  },
];
