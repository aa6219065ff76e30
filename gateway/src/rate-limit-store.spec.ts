import pg from 'pg';
import { postgresRateLimitStore } from './rate-limit-store';

describe('the shared rate-limit store', () => {
  it('counts in memory while PostgreSQL cannot be reached, rather than failing requests', async () => {
    // Nothing listens on port 1: every query is refused at once.
    const pool = new pg.Pool({
      connectionString: 'postgres://postgres@127.0.0.1:1/none',
      connectionTimeoutMillis: 500,
    });
    try {
      const store = postgresRateLimitStore(pool, 'rl:test');
      store.init!({ windowMs: 60_000, limit: 3 } as never);
      const hits = [];
      for (let n = 0; n < 4; n++) hits.push((await store.increment('ip:203.0.113.9')).totalHits);
      expect(hits).toEqual([1, 2, 3, 4]);
      await store.decrement('ip:203.0.113.9');
      expect((await store.increment('ip:203.0.113.9')).totalHits).toBe(4);
      // Another key has its own count.
      expect((await store.increment('ip:203.0.113.10')).totalHits).toBe(1);
    } finally {
      await pool.end();
    }
  });
});
