import { Migration } from '@mikro-orm/migrations';

/**
 * A subscription's deliveries are paged by keyset cursors (created_at, event_xid, event_seq, id),
 * newest first: `created_at` kept to the millisecond, the precision a cursor carries (a
 * microsecond left over would make a row compare after its own cursor and come twice), and an
 * index in that order.
 */
export class Migration20261129170000_delivery_keyset extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table webhook_delivery alter column created_at type timestamptz(3);
      alter table webhook_delivery alter column created_at set default now();
      drop index if exists webhook_delivery_list_idx;
      create index webhook_delivery_list_idx on webhook_delivery
        (subscription_id, created_at desc, event_xid desc, event_seq desc, id desc);
    `);
  }
}
