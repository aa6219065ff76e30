import type { Logger, Surface } from '@cppcc/contract';
import type { Store } from 'express-rate-limit';
import pg from 'pg';
import { invalidateAcrossGateways, type CacheInvalidation } from './cache-invalidation';
import { ensureRateLimitTable, postgresRateLimitStore } from './rate-limit-store';
import { invalidateOverRedis, redisRateLimitStore } from './redis-state';
import type { ResponseCache } from './response-cache';

/** What the gateway replicas share, when a PostgreSQL (`DATABASE_URL`) or Redis (`REDIS_URL`) is given. */
export interface SharedState {
  /** The store a surface's rate limit counts in. */
  rateLimitStore(surface: Surface): Store;
  stop(): Promise<void>;
}

/**
 * Opens what several gateways share: the answer caches emptied together and the rate limits
 * counted in one store. Over Redis when `redisUrl` is given (pub/sub, rate-limiter-flexible's
 * RateLimiterRedis: redis-state.ts), over PostgreSQL otherwise (LISTEN/NOTIFY, table
 * `gateway.rate_limit`: cache-invalidation.ts, rate-limit-store.ts).
 */
export async function openSharedState(
  where: { databaseUrl?: string; redisUrl?: string },
  cache: ResponseCache | null,
  logger: Logger,
): Promise<SharedState> {
  if (where.redisUrl) {
    const invalidation = await invalidateOverRedis(
      cache ?? ({ empty: () => undefined } as unknown as ResponseCache),
      where.redisUrl,
      logger,
    );
    if (cache) cache.announcer = () => invalidation.announce();
    return {
      rateLimitStore: (surface) => redisRateLimitStore(invalidation.publisher, `rl:${surface}`),
      async stop() {
        if (cache) cache.announcer = undefined;
        await invalidation.stop();
      },
    };
  }
  const pool = new pg.Pool({
    connectionString: where.databaseUrl,
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
    invalidation = await invalidateAcrossGateways(cache, where.databaseUrl!, logger);
    cache.announcer = () => invalidation!.announce();
  }
  return {
    rateLimitStore: (surface) => postgresRateLimitStore(pool, `rl:${surface}`),
    async stop() {
      if (cache) cache.announcer = undefined;
      await invalidation?.stop();
      await pool.end().catch(() => undefined);
    },
  };
}
