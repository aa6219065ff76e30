import { Migration } from '@mikro-orm/migrations';
import { DOMAIN_EVENT_FEED_DDL } from '@cppcc/toolkit';

/**
 * Channels' outbox served as a feed (`GET /internal/domain-events`), as deliberation serves its
 * own: petitions follows it to know the demands (`demand.raised`: petition matter or not, and
 * their division) it may link to a case. Each event gets its place in the feed (`position`)
 * when first served, so positions become visible in increasing order and a follower skips none.
 *
 * The demands raised before this release get their `demand.raised` now (as of when they were
 * raised), so that the feed carries every demand; no webhook subscription can name the type yet.
 */
export class Migration20261129210000_domain_event_feed extends Migration {
  override async up(): Promise<void> {
    this.addSql(DOMAIN_EVENT_FEED_DDL);
    this.addSql(`
      insert into domain_event (id, type, occurred_at, record_type, record_id, record_version,
        division_code, home_ids, payload)
      select gen_random_uuid(), 'demand.raised', d.received_at, 'Demand', d.id, 1, d.division_code,
             array[d.home_id], jsonb_build_object('status', 'RECEIVED', 'isPetition', d.is_petition)
        from demand d
       where not exists (select 1 from domain_event e
                          where e.record_id = d.id and e.type = 'demand.raised')
       order by d.received_at, d.id;
    `);
  }
}
