import { Migration } from '@mikro-orm/migrations';

/**
 * Indexes the query plans need on a city's ten years (the `city` demo preset, checked by
 * `npm run explain`): what entered a period — demands received, sentiment reports submitted,
 * proposals registered — whatever division (Division.channelStats joins divisions by code
 * prefix, which no index on division_code can serve).
 */
export class Migration20261127090000_scale_indexes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create index demand_received_at_idx on demand (received_at);
      create index sentiment_report_submitted_at_idx on sentiment_report (submitted_at);
      create index proposal_registered_at_idx on proposal (registered_at);
    `);
  }
}
