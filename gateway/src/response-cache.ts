import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import responseCachePlugin from '@apollo/server-plugin-response-cache';
import {
  InMemoryLRUCache,
  type KeyValueCache,
  type KeyValueCacheSetOptions,
} from '@apollo/utils.keyvaluecache';
import type { Caller, Surface } from '@cppcc/contract';

/**
 * Whole answers kept for a repeat of the same query by the same caller, as long as the subgraphs'
 * `@cacheControl` hints allow: figures (`homeStats`, `sessionStats`, `channelStats`, the reports)
 * and the divisions they hang on say 30 s; anything else says 0 and is never kept. A write through
 * this gateway empties it at once, so a caller reads their own writes; another gateway's writes
 * show within the hints' age, or at once when the gateways share a database to tell each other
 * (cache-invalidation.ts).
 *
 * It is a generation of an LRU cache: emptying it moves to the next generation, and the old
 * entries age out of the LRU as new ones come in.
 *
 * An answer whose age has passed is still kept `staleSeconds` longer (stale-while-revalidate):
 * the first request that finds it expired is told nothing is kept, so it asks the subgraphs and
 * keeps the new answer; the requests that come meanwhile get the expired one (its `Age` header
 * is then past its `max-age`), so only that one request waits for the figures to be computed.
 * If it gives up or its answer is not kept, another request takes its turn after
 * `refreshLeaseMs`. Emptying still forgets expired answers with the rest: staleness never
 * survives a write.
 */
export class ResponseCache implements KeyValueCache<string> {
  private current = 0;
  /** True while nothing may be read or kept (the gateways cannot tell each other of writes). */
  bypass = false;
  /** Tells the other gateways to empty theirs (cache-invalidation.ts); none by default. */
  announcer?: () => Promise<void>;

  /** The keys whose expired answer one request is refreshing, and until when it may. */
  private readonly refreshing = new Map<string, number>();

  constructor(
    private readonly store: KeyValueCache<string>,
    /** Told of every lookup, whether it found an answer (the gateway's metrics). */
    private readonly onLookup: (hit: boolean) => void = () => undefined,
    private readonly options: {
      /** How long past its age an answer may still be served while one request refreshes it. */
      staleSeconds?: number;
      /** How long the refreshing request has before another may take its turn. */
      refreshLeaseMs?: number;
      now?: () => number;
    } = {},
  ) {}

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  get generation(): number {
    return this.current;
  }

  /** Everything kept so far is forgotten (a write went through). */
  empty(): void {
    this.current += 1;
  }

  /** Empties this cache, and every other gateway's when they share a database. */
  async emptyEverywhere(): Promise<void> {
    this.empty();
    await this.announcer?.();
  }

  async get(key: string): Promise<string | undefined> {
    if (this.bypass) return undefined;
    const kept = `${this.current}:${key}`;
    const entry = await this.store.get(kept);
    if (entry === undefined) {
      this.onLookup(false);
      return undefined;
    }
    // Each entry is `<fresh until, ms since the epoch>\n<answer>`.
    const newline = entry.indexOf('\n');
    const freshUntil = Number(entry.slice(0, newline));
    const answer = entry.slice(newline + 1);
    const now = this.now();
    if (now >= freshUntil && this.claimRefresh(kept, now)) {
      this.onLookup(false);
      return undefined;
    }
    this.onLookup(true);
    return answer;
  }

  /** Whether this request is the one to refresh an expired answer (no other is, or its turn ran out). */
  private claimRefresh(kept: string, now: number): boolean {
    const until = this.refreshing.get(kept);
    if (until !== undefined && until > now) return false;
    if (this.refreshing.size >= MAX_REFRESHING)
      for (const [key, leaseEnd] of this.refreshing)
        if (leaseEnd <= now) this.refreshing.delete(key);
    this.refreshing.set(kept, now + (this.options.refreshLeaseMs ?? DEFAULT_REFRESH_LEASE_MS));
    return true;
  }

  set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    if (this.bypass) return Promise.resolve();
    const kept = `${this.current}:${key}`;
    this.refreshing.delete(kept);
    const ttl = options?.ttl;
    const stale = this.options.staleSeconds ?? 0;
    const freshUntil = ttl ? this.now() + ttl * 1000 : Number.MAX_SAFE_INTEGER;
    return this.store.set(kept, `${freshUntil}\n${value}`, {
      ...options,
      ttl: ttl ? ttl + stale : ttl,
    });
  }

  delete(key: string): Promise<boolean | void> {
    return this.store.delete(`${this.current}:${key}`);
  }
}

/** How long one request may take to refresh an expired answer before another may. */
const DEFAULT_REFRESH_LEASE_MS = 10_000;
/** Leases kept at most before the ended ones are dropped. */
const MAX_REFRESHING = 10_000;

/**
 * An LRU cache of answers of at most `megabytes` (their JSON's length), serving an expired answer
 * up to `staleSeconds` while one request refreshes it.
 */
export function responseCache(
  megabytes: number,
  onLookup?: (hit: boolean) => void,
  staleSeconds = 0,
): ResponseCache {
  return new ResponseCache(
    new InMemoryLRUCache<string>({ maxSize: megabytes * 1024 * 1024 }),
    onLookup,
    { staleSeconds },
  );
}

/** What the cache needs of a request's context. */
export interface CachingContext extends BaseContext {
  caller: Caller;
  /** The cache's generation when the request began: an answer read before a write is not kept after it. */
  cacheGeneration?: number;
}

/**
 * A surface's use of the shared answer cache (Apollo's response cache plugin):
 * - each answer is kept for its caller alone: the key holds the whole caller (who, level,
 *   jurisdiction, surface), whatever scope the hints give, so nothing crosses jurisdictions;
 * - on every surface but the public one the answer is `private` in HTTP too, so no proxy or browser
 *   shares it between users;
 * - `Cache-Control: no-cache` from the client asks the subgraphs afresh (and keeps the new answer);
 * - a mutation empties the cache (every gateway's, when they share a database) before it answers,
 *   and an answer computed across a write is not kept.
 */
export function responseCaching<TContext extends CachingContext>(
  cache: ResponseCache,
  surface: Surface,
): ApolloServerPlugin<TContext>[] {
  const identity = (caller: Caller) => JSON.stringify(caller);
  return [
    {
      async requestDidStart({ contextValue }) {
        contextValue.cacheGeneration = cache.generation;
        return {
          async didResolveOperation({ operation, overallCachePolicy }) {
            // Before execution, so the subgraphs' hints can only shorten it, never widen it.
            if (surface !== 'public') overallCachePolicy.restrict({ scope: 'PRIVATE' });
            if (operation?.operation !== 'query') overallCachePolicy.restrict({ maxAge: 0 });
          },
          async willSendResponse({ operation }) {
            if (operation?.operation === 'mutation') await cache.emptyEverywhere();
          },
        };
      },
    },
    responseCachePlugin<TContext>({
      cache,
      sessionId: async ({ contextValue }) => identity(contextValue.caller),
      extraCacheKeyData: async ({ contextValue }) => ({
        surface,
        caller: identity(contextValue.caller),
      }),
      shouldReadFromCache: async ({ request }) =>
        !/\bno-cache\b/i.test(request.http?.headers.get('cache-control') ?? ''),
      shouldWriteToCache: async ({ contextValue }) =>
        contextValue.cacheGeneration === cache.generation,
    }),
  ];
}
