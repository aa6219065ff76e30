import { Migration } from '@mikro-orm/migrations';
import { DOMAIN_EVENT_FEED_DDL } from '@cppcc/toolkit';

/**
 * Deliberation's outbox served as a feed (`GET /internal/domain-events`), which channels follows
 * to deliver these events by webhook: each event gets its place in the feed (`position`) when it
 * is first served, so positions become visible in increasing order and a follower skips none.
 */
export class Migration20261129140000_domain_event_feed extends Migration {
  override async up(): Promise<void> {
    this.addSql(DOMAIN_EVENT_FEED_DDL);
  }
}
