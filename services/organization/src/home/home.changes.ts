import {
  CALLER_HEADER,
  verifyCallerToken,
  type HomeChange,
  type Orm,
  type SubgraphSettings,
} from '@cppcc/toolkit';
import type express from 'express';

/**
 * `GET /internal/home-changes?after=<seq>&limit=<n>`: the feed other services follow to keep
 * their projection of homes, in order. For services only: a caller signed with the internal
 * secret whose subject is `service:<name>`.
 */
export function homeChangesRoute(app: express.Express, orm: Orm, settings: SubgraphSettings): void {
  app.get('/internal/home-changes', async (req, res) => {
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
    const rows = await orm.em.getConnection().execute<Array<Record<string, unknown>>>(
      `select seq, home_id, division_code, status, kind, name, home_version, established_on
       from home_change where seq > ? order by seq limit ?`,
      [after, limit],
    );
    const changes: HomeChange[] = rows.map((row) => ({
      seq: Number(row.seq),
      homeId: String(row.home_id),
      divisionCode: String(row.division_code),
      status: String(row.status),
      kind: String(row.kind),
      name: String(row.name),
      homeVersion: Number(row.home_version),
      establishedOn: String(row.established_on),
    }));
    res.json({ changes });
  });
}
