import type { Logger } from '@cppcc/contract';
import type { Store } from 'express-rate-limit';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import { CACHE_CHANNEL, echoes, type CacheInvalidation } from './cache-invalidation';
import { FlexibleStore } from './rate-limit-store';
import type { ResponseCache } from './response-cache';

/** Redis's reconnection: 250 ms more per try, at most 5 s apart. */
const retryStrategy = (times: number) => Math.min(times * 250, 5_000);

/**
 * The answer caches of several gateways emptied together over Redis pub/sub (`REDIS_URL`), as
 * cache-invalidation.ts does over PostgreSQL: a write publishes on `cppcc_gateway_cache` and waits
 * (≤ 1 s) to hear itself back; while the subscribing connection is down the cache is bypassed,
 * and emptied when it is back (ioredis subscribes again by itself).
 */
export async function invalidateOverRedis(
  cache: ResponseCache,
  url: string,
  logger: Logger,
): Promise<CacheInvalidation & { publisher: Redis }> {
  const notices = echoes();
  const options = { retryStrategy, maxRetriesPerRequest: 1, lazyConnect: true };
  // Subscribed by hand on every connection, so the cache is used again only once it is.
  const subscriber = new Redis(url, { ...options, autoResubscribe: false });
  const publisher = new Redis(url, { ...options, enableOfflineQueue: false });
  let listening = false;
  let warned = false;
  for (const client of [subscriber, publisher]) client.on('error', () => undefined); // 'close' says it
  subscriber.on('message', (_channel: string, payload: string) => {
    cache.empty();
    notices.heard(payload);
  });
  subscriber.on('close', () => {
    if (!listening) return;
    listening = false;
    cache.bypass = true;
    if (!warned)
      logger.warn(
        'cache invalidation: connection to Redis lost; answers not cached until it is back',
      );
    warned = true;
  });
  const listen = async () => {
    await subscriber.subscribe(CACHE_CHANNEL);
    // Notices sent while this gateway was not listening are gone: start from nothing.
    listening = true;
    cache.empty();
    cache.bypass = false;
    if (warned) logger.info('cache invalidation: listening on Redis again');
    warned = false;
  };
  let first = true;
  subscriber.on('ready', () => {
    if (first) return; // the first subscription is awaited below
    listen().catch(() => undefined); // lost again: 'close' and the next 'ready' say so
  });
  cache.bypass = true;
  await Promise.all([subscriber.connect(), publisher.connect()]);
  await listen();
  first = false;
  logger.info({ channel: CACHE_CHANNEL }, 'answer cache shared over Redis');
  return {
    publisher,
    async announce() {
      const { payload, echoed, forget } = notices.next();
      try {
        if (publisher.status !== 'ready') throw new Error(`Redis is ${publisher.status}`);
        await publisher.publish(CACHE_CHANNEL, payload);
        if (listening) await echoed;
      } catch (error) {
        logger.warn({ err: (error as Error).message }, 'cache invalidation: could not publish');
      } finally {
        forget();
      }
    },
    async stop() {
      subscriber.disconnect();
      publisher.disconnect();
    },
  };
}

/** A surface's rate-limit counts in Redis (rate-limiter-flexible), in memory while it is away. */
export function redisRateLimitStore(client: Redis, prefix: string): Store {
  return new FlexibleStore(
    prefix,
    ({ points, duration }) =>
      new RateLimiterRedis({
        storeClient: client,
        keyPrefix: prefix,
        points,
        duration,
        rejectIfRedisNotReady: true,
        insuranceLimiter: new RateLimiterMemory({ keyPrefix: prefix, points, duration }),
      }),
  );
}
