import { Migration } from '@mikro-orm/migrations';

/**
 * A change's place in its feed (`position`), given when the change is first served rather than
 * when it is written, so that the feed cannot skip a change.
 *
 * `seq` is taken from a sequence when the trigger runs, before the writing transaction commits:
 * two writers may commit in the other order (seq 464 visible while 463 is not yet), and a follower
 * that has read 464 would never ask for 463 again. A position is given instead by the feed's route
 * (`toolkit/src/change-feed-route.ts`), under a lock that only one serving transaction
 * of the feed holds at a time, to committed changes only, above every position given before. So
 * positions become visible in increasing order: once a follower has seen position P, no change
 * will ever be placed at or below P.
 *
 * Changes recorded before this migration keep their `seq` as their position: adding the column
 * waits for every transaction that wrote to the table, so all of them have committed, and the
 * followers' cursors (seq numbers until now) stay valid.
 */
export class Migration20261129000100_change_feed_positions extends Migration {
  override async up(): Promise<void> {
    for (const table of ['home_change', 'department_change']) {
      this.addSql(`
        alter table ${table} add column position bigint;
        update ${table} set position = seq;
        create unique index ${table}_position_idx on ${table} (position);
        create index ${table}_unplaced_idx on ${table} (seq) where position is null;
      `);
    }
  }
}
