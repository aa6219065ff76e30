import type { Logger, Surface } from '@cppcc/toolkit';
import type { Store } from 'express-rate-limit';
import pg from 'pg';
import { invalidateAcrossGateways, type CacheInvalidation } from './cache-invalidation';
import { PostgresRateLimitStore, ensureRateLimitTable } from './rate-limit-store';
import type { ResponseCache } from './response-cache';

/** What the gateway replicas share through PostgreSQL (`DATABASE_URL`), when it is set. */
export interface SharedState {
  /** The store a surface's rate limit counts in. */
  rateLimitStore(surface: Surface): Store;
  stop(): Promise<void>;
}

/**
 * Opens what several gateways over one database share: the answer caches emptied together
 * (cache-invalidation.ts) and the rate limits counted in one table (rate-limit-store.ts).
 */
export async function openSharedState(
  url: string,
  cache: ResponseCache | null,
  logger: Logger,
): Promise<SharedState> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 4,
    connectionTimeoutMillis: 2_000,
    application_name: 'cppcc-gateway',
  });
  pool.on('error', () => undefined); // an idle connection lost: the pool opens another
  try {
    await ensureRateLimitTable(pool);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
  let invalidation: CacheInvalidation | undefined;
  if (cache) {
    invalidation = await invalidateAcrossGateways(cache, url, logger);
    cache.announcer = () => invalidation!.announce();
  }
  return {
    rateLimitStore: (surface) => new PostgresRateLimitStore(pool, `rl:${surface}`),
    async stop() {
      if (cache) cache.announcer = undefined;
      await invalidation?.stop();
      await pool.end().catch(() => undefined);
    },
  };
}
