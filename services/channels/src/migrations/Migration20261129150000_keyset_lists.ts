import { Migration } from '@mikro-orm/migrations';

/**
 * Proposals and sentiment reports are paged by keyset cursors in (created_at, id) order and
 * filtered by `updatedAfter`: both times are kept to the millisecond, the precision a cursor and
 * a client's `updatedAt` carry (a microsecond left over would make a row compare after its own
 * cursor and come twice). The indexes serve the newest-first order of the whole lists and the
 * "changed since" filter.
 */
export class Migration20261129150000_keyset_lists extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table proposal
        alter column created_at type timestamptz(3),
        alter column updated_at type timestamptz(3);
      alter table sentiment_report
        alter column created_at type timestamptz(3),
        alter column updated_at type timestamptz(3);
      create index if not exists proposal_created_idx on proposal (created_at, id);
      create index if not exists proposal_updated_idx on proposal (updated_at);
      create index if not exists sentiment_report_created_idx on sentiment_report (created_at, id);
      create index if not exists sentiment_report_updated_idx on sentiment_report (updated_at);
    `);
  }
}
