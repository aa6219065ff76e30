import type express from 'express';
import { CALLER_HEADER, verifyCallerToken } from '@cppcc/contract';
import { executeIn, type Orm } from './database';
import type { SubgraphSettings } from './server';

/** One change of a service's records, in the order its transactions made them visible. */
export interface Change {
  /**
   * The change's position in the feed: increasing, and never given below a position a follower
   * may already have read, so a follower asks for what comes after the last one it applied.
   */
  seq: number;
}

/**
 * One of the service's outboxes, as other services read it. The table needs, besides the columns
 * a change carries: `seq bigserial primary key` (filled when the change is written), `position
 * bigint` (null until the change is placed in the feed), a unique index on `position` and an index
 * on `seq` where `position is null` (see the organization's
 * `Migration20261129000100_change_feed_positions`).
 */
export interface OutboxFeed<C extends Change> {
  /** e.g. `/internal/home-changes` */
  path: string;
  /** The outbox table. */
  table: string;
  /** The columns a change carries besides its place in the feed. */
  columns: string[];
  /** A row (`seq`, the change's position, and `columns`) as the change the followers receive. */
  toChange(row: Record<string, unknown>): C;
}

/**
 * Why the feed is complete — a follower that has read position P never misses a change placed
 * at or below P:
 *
 * 1. A change is placed only here, in a transaction that first takes the feed's advisory lock, so
 *    one placing transaction of the feed runs at a time (across every replica of the service).
 * 2. Its statement after the lock sees every placement committed before (PostgreSQL makes a commit
 *    visible before it releases the transaction's locks) and only committed changes; it places the
 *    unplaced ones after the highest position, in `seq` order.
 * 3. So placements become visible in increasing order: whatever a reader has not seen yet (a
 *    placement in flight, a change whose transaction has not committed) will be placed above
 *    everything it has seen.
 *
 * And in order: two changes of one record are written one after the other (the second waits on
 * the first one's row lock until it commits), so the first is committed and visible whenever the
 * second is: placed in the same transaction by `seq`, or earlier.
 *
 * The writer's transaction id alone (serving rows below `pg_snapshot_xmin`) would not do with a
 * cursor on `seq`: a transaction that took its id early (an earlier write) may take a higher `seq`
 * and commit first, while a younger transaction holding the lower `seq` is still running.
 */
function placeSql(table: string): string {
  return `
    update ${table} c set position = p.position
    from (
      select seq, (select coalesce(max(position), 0) from ${table}) + row_number() over (order by seq) as position
      from ${table} where position is null
    ) p
    where c.seq = p.seq`;
}

/**
 * `GET <path>?after=<position>&limit=<n>`: an outbox served in the order its changes committed,
 * for other services to keep a projection of it; each change's `seq` is its position, the
 * follower's next `after`. For services only: a caller signed with the internal secret whose
 * subject is `service:<name>`.
 */
export function changeFeedRoute<C extends Change>(
  app: express.Express,
  orm: Orm,
  settings: SubgraphSettings,
  feed: OutboxFeed<C>,
): void {
  // Names go into SQL as text: only plain identifiers, fixed in code, ever reach this.
  for (const name of [feed.table, ...feed.columns]) {
    if (!/^[a-z_]+$/.test(name)) throw new Error(`bad identifier ${name}`);
  }
  const lockSql = `select pg_advisory_xact_lock(hashtextextended('change feed ' || current_schema() || '.${feed.table}', 0))`;
  const place = placeSql(feed.table);
  const page = `select position as seq, ${feed.columns.join(', ')} from ${feed.table} where position > ? order by position limit ?`;
  app.get(feed.path, async (req, res) => {
    const caller = await verifyCallerToken(req.header(CALLER_HEADER), settings.internalAuthSecret);
    if (!caller?.subject.startsWith('service:')) {
      res.status(401).json({ error: 'services only' });
      return;
    }
    const after = Number(req.query.after ?? 0);
    const limit = Math.min(Number(req.query.limit ?? 500), 1_000);
    if (!Number.isSafeInteger(after) || after < 0 || !Number.isSafeInteger(limit) || limit < 1) {
      res.status(400).json({ error: 'after and limit must be non-negative integers' });
      return;
    }
    // Placing first (committed, so other replicas see it), then reading the page.
    await orm.em.fork().transactional(async (tx) => {
      await executeIn(tx, lockSql);
      await executeIn(tx, place);
    });
    const rows = await orm.em
      .getConnection()
      .execute<Array<Record<string, unknown>>>(page, [after, limit]);
    res.json({ changes: rows.map((row) => feed.toChange(row)) });
  });
}
