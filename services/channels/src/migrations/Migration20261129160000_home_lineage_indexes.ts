import { Migration } from '@mikro-orm/migrations';

/**
 * A home sees the proposals, reports and speeches that came from it (the records whose `home_ids`
 * list it): GIN indexes serve that containment for each kind.
 */
export class Migration20261129160000_home_lineage_indexes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create index if not exists proposal_home_ids_idx on proposal using gin (home_ids);
      create index if not exists sentiment_report_home_ids_idx on sentiment_report using gin (home_ids);
      create index if not exists speech_home_ids_idx on speech using gin (home_ids);
      create index if not exists special_report_home_ids_idx on special_report using gin (home_ids);
    `);
  }
}
