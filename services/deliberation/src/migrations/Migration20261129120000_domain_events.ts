import { Migration } from '@mikro-orm/migrations';
import { DOMAIN_EVENT_DDL } from '@cppcc/toolkit';

/**
 * The transactional outbox of deliberation's domain events (`session.departmentInvited` …),
 * written in the same transaction as the step that raises them
 * (services/deliberation/src/event/deliberation-events.ts).
 */
export class Migration20261129120000_domain_events extends Migration {
  override async up(): Promise<void> {
    this.addSql(DOMAIN_EVENT_DDL);
  }
}
