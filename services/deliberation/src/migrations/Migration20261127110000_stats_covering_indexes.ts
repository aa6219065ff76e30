import { Migration } from '@mikro-orm/migrations';

/**
 * Division.sessionStats and the cadence report count a period's held sessions per division code
 * and per home: with the columns they read carried in the index on held_at, that pass is an
 * index-only scan (it takes the place of the plain index on held_at, which it serves in every
 * use). Open follow-up actions are a tenth of all: a partial index on them makes counting a held
 * session's open actions one small index probe instead of reading every action of its minutes.
 */
export class Migration20261127110000_stats_covering_indexes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create index if not exists session_held_at_covering_idx on session (held_at)
        include (status, division_code, home_id, id, involved_divisions);
      drop index if exists session_held_at_idx;

      create index if not exists follow_up_action_open_idx on follow_up_action (minutes_id)
        where status = 'OPEN';
    `);
  }
}
