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
 */
export class ResponseCache implements KeyValueCache<string> {
  private current = 0;
  /** True while nothing may be read or kept (the gateways cannot tell each other of writes). */
  bypass = false;
  /** Tells the other gateways to empty theirs (cache-invalidation.ts); none by default. */
  announcer?: () => Promise<void>;

  constructor(
    private readonly store: KeyValueCache<string>,
    /** Told of every lookup, whether it found an answer (the gateway's metrics). */
    private readonly onLookup: (hit: boolean) => void = () => undefined,
  ) {}

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
    const answer = await this.store.get(`${this.current}:${key}`);
    this.onLookup(answer !== undefined);
    return answer;
  }

  set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    if (this.bypass) return Promise.resolve();
    return this.store.set(`${this.current}:${key}`, value, options);
  }

  delete(key: string): Promise<boolean | void> {
    return this.store.delete(`${this.current}:${key}`);
  }
}

/** An LRU cache of answers of at most `megabytes` (their JSON's length). */
export function responseCache(megabytes: number, onLookup?: (hit: boolean) => void): ResponseCache {
  return new ResponseCache(
    new InMemoryLRUCache<string>({ maxSize: megabytes * 1024 * 1024 }),
    onLookup,
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
