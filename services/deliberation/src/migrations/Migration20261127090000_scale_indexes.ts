import { Migration } from '@mikro-orm/migrations';

/**
 * Indexes the query plans need on a city's ten years (the `city` demo preset, checked by
 * `npm run explain`): sessions held in a period, whatever division (Division.sessionStats joins
 * divisions by code prefix, which no index on division_code can serve), and the sessions a
 * department is invited to (`department_ids @> array[…]`, which a GIN index serves).
 */
export class Migration20261127090000_scale_indexes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create index session_held_at_idx on session (held_at);
      create index session_department_ids_idx on session using gin (department_ids);
    `);
  }
}
