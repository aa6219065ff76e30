import type { Logger } from '@cppcc/contract';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { ResponseCache } from './response-cache';

/** The PostgreSQL notification channel the gateways tell each other on. */
export const CACHE_CHANNEL = 'cppcc_gateway_cache';

/** The listening connections' `application_name` in `pg_stat_activity`. */
export const LISTENER_NAME = 'cppcc-gateway-cache';

/** How long a write's answer waits for its notice to come back (then it answers anyway). */
const ECHO_TIMEOUT_MS = 1_000;

/** The first and longest wait before listening again after the connection is lost. */
const RECONNECT_MS = { first: 250, most: 5_000 };

/**
 * The notices this gateway sent and waits to hear back: each carries the gateway's id and a
 * number, and a write's answer waits for its own (at most `ECHO_TIMEOUT_MS`).
 */
export function echoes() {
  const instance = randomUUID();
  let sent = 0;
  const waiting = new Map<string, () => void>();
  return {
    /** A new notice, and a promise kept when it is heard back or the wait is over. */
    next(): { payload: string; echoed: Promise<void>; forget(): void } {
      const payload = `${instance}:${++sent}`;
      const echoed = new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, ECHO_TIMEOUT_MS);
        waiting.set(payload, () => {
          clearTimeout(timer);
          resolve();
        });
      });
      return { payload, echoed, forget: () => waiting.delete(payload) };
    },
    /** A notice arrived (any gateway's). */
    heard(payload: string | undefined): void {
      const done = payload ? waiting.get(payload) : undefined;
      if (done) done();
    },
  };
}

export interface CacheInvalidation {
  /** Tells every gateway listening on the database, this one included, to empty its answer cache. */
  announce(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The answer caches of several gateways over one PostgreSQL, emptied together: a write through any
 * of them sends `NOTIFY cppcc_gateway_cache`, and every gateway (each one `LISTEN`s on a
 * connection of its own) empties its cache when the notice arrives. No server beyond the database
 * the subgraphs already use.
 *
 * The write's answer is held until the gateway hears its own notice back (at most 1 s). PostgreSQL
 * signals every listening connection when the notifying statement commits, so by then the other
 * gateways have the notice too, and a caller who reads through another gateway right after the
 * write's answer reads fresh.
 *
 * While the listening connection is lost, notices from other gateways could be missed, so the
 * cache is bypassed (every answer asked afresh) until it listens again, and emptied then.
 */
export async function invalidateAcrossGateways(
  cache: ResponseCache,
  url: string,
  logger: Logger,
): Promise<CacheInvalidation> {
  const notices = echoes();
  const notifier = new pg.Pool({ connectionString: url, max: 2, connectionTimeoutMillis: 2_000 });
  notifier.on('error', () => undefined); // an idle connection lost: the pool opens another
  let listener: pg.Client | null = null;
  let stopped = false;
  let delay = RECONNECT_MS.first;
  let reconnect: NodeJS.Timeout | undefined;
  let warned = false;

  const listen = async (): Promise<void> => {
    const client = new pg.Client({
      connectionString: url,
      connectionTimeoutMillis: 2_000,
      application_name: LISTENER_NAME,
    });
    client.on('notification', ({ payload }) => {
      cache.empty();
      notices.heard(payload);
    });
    const lost = (error?: Error) => {
      if (listener !== client) return;
      listener = null;
      cache.bypass = true;
      if (!warned)
        logger.warn(
          { err: error?.message },
          'cache invalidation: connection to PostgreSQL lost; answers not cached until it is back',
        );
      warned = true;
      client.end().catch(() => undefined);
      schedule();
    };
    client.on('error', lost);
    client.on('end', () => lost());
    try {
      await client.connect();
      await client.query(`LISTEN ${CACHE_CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    listener = client;
    // Notices sent while this gateway was not listening are gone: start from nothing.
    cache.empty();
    cache.bypass = false;
    delay = RECONNECT_MS.first;
    if (warned) logger.info('cache invalidation: listening again');
    warned = false;
  };

  const schedule = () => {
    if (stopped || reconnect) return;
    reconnect = setTimeout(() => {
      reconnect = undefined;
      listen().catch((error: unknown) => {
        if (!warned)
          logger.warn(
            { err: (error as Error).message },
            'cache invalidation: cannot listen on PostgreSQL; answers not cached until it can',
          );
        warned = true;
        cache.bypass = true;
        schedule();
      });
    }, delay);
    delay = Math.min(delay * 2, RECONNECT_MS.most);
  };

  try {
    await listen();
  } catch (error) {
    // PostgreSQL away at start: serve uncached meanwhile, like after a lost connection.
    logger.warn(
      { err: (error as Error).message },
      'cache invalidation: cannot listen on PostgreSQL; answers not cached until it can',
    );
    warned = true;
    cache.bypass = true;
    schedule();
  }
  logger.info(
    { channel: CACHE_CHANNEL },
    'answer cache shared: emptied by a write through any gateway',
  );

  return {
    async announce() {
      const { payload, echoed, forget } = notices.next();
      try {
        await notifier.query('select pg_notify($1, $2)', [CACHE_CHANNEL, payload]);
        if (listener) await echoed;
      } catch (error) {
        // The database is away: the other gateways are bypassing their caches meanwhile.
        logger.warn({ err: (error as Error).message }, 'cache invalidation: could not notify');
      } finally {
        forget();
      }
    },
    async stop() {
      stopped = true;
      clearTimeout(reconnect);
      const client = listener;
      listener = null;
      await client?.end().catch(() => undefined);
      await notifier.end().catch(() => undefined);
    },
  };
}
