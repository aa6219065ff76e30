import {
  CALLER_HEADER,
  verifyCallerToken,
  type Change,
  type Orm,
  type SubgraphSettings,
} from '@cppcc/toolkit';
import type express from 'express';

/** One of the service's outboxes, as other services read it. */
export interface OutboxFeed<C extends Change> {
  /** e.g. `/internal/home-changes` */
  path: string;
  /** The outbox table; its `seq` orders the changes. */
  table: string;
  /** The columns a change carries besides `seq`. */
  columns: string[];
  /** A row (`seq` and `columns`) as the change the followers receive. */
  toChange(row: Record<string, unknown>): C;
}

/**
 * `GET <path>?after=<seq>&limit=<n>`: an outbox served in order, for other services to keep a
 * projection of it. For services only: a caller signed with the internal secret whose subject is
 * `service:<name>`.
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
  const sql = `select seq, ${feed.columns.join(', ')} from ${feed.table} where seq > ? order by seq limit ?`;
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
    const rows = await orm.em
      .getConnection()
      .execute<Array<Record<string, unknown>>>(sql, [after, limit]);
    res.json({ changes: rows.map((row) => feed.toChange(row)) });
  });
}
