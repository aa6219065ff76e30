import { Migration } from '@mikro-orm/migrations';

/**
 * A demand keeps when it was resolved at the home and when it first went up, beside the steps
 * that record it: the cross-county view counts them for a year's demands without reading every
 * demand's steps (on the city's ten years, that lookup was most of the view's time).
 */
export class Migration20261127100000_demand_milestones extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table demand
        add column resolved_at_home_at timestamptz,
        add column escalated_at timestamptz;

      update demand d set resolved_at_home_at = e.at
      from (select record_id, min(at) as at from channel_event
            where record_kind = 'DEMAND' and step = 'resolveAtHome' group by record_id) e
      where e.record_id = d.id;

      update demand d set escalated_at = e.at
      from (select record_id, min(at) as at from channel_event
            where record_kind = 'DEMAND' and step = 'escalate' group by record_id) e
      where e.record_id = d.id;
    `);
  }
}
