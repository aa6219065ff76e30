import { Migration } from '@mikro-orm/migrations';
import { DOMAIN_EVENT_DDL } from '@cppcc/toolkit';

/**
 * The transactional outbox of the channels' domain events (`proposal.assigned` …), written in the
 * same transaction as the step that raises them (services/channels/src/event/channel-events.ts).
 */
export class Migration20261129120000_domain_events extends Migration {
  override async up(): Promise<void> {
    this.addSql(DOMAIN_EVENT_DDL);
  }
}
