import { InMemoryLRUCache, type KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import { ResponseCache, responseCache } from './response-cache';

describe('the answer cache', () => {
  it('forgets everything when emptied, and keeps what comes after', async () => {
    const cache = responseCache(1);
    await cache.set('q', 'answer', { ttl: 30 });
    expect(await cache.get('q')).toBe('answer');
    const before = cache.generation;
    cache.empty();
    expect(cache.generation).toBe(before + 1);
    expect(await cache.get('q')).toBeUndefined();
    await cache.set('q', 'newer', { ttl: 30 });
    expect(await cache.get('q')).toBe('newer');
  });

  it('holds at most its size, dropping the least recently used', async () => {
    const cache = responseCache(1);
    const big = 'x'.repeat(400 * 1024);
    for (const key of ['a', 'b', 'c']) await cache.set(key, big, { ttl: 30 });
    expect(await cache.get('a')).toBeUndefined();
    expect(await cache.get('c')).toBe(big);
  });
});

describe('an expired answer (stale-while-revalidate)', () => {
  const setup = (staleSeconds = 30) => {
    let time = 1_000_000;
    const kept: Array<number | null | undefined> = [];
    const store = new InMemoryLRUCache<string>();
    const recording = {
      get: (key: string) => store.get(key),
      set: (key: string, value: string, options?: KeyValueCacheSetOptions) => {
        kept.push(options?.ttl);
        return store.set(key, value, options);
      },
      delete: (key: string) => store.delete(key),
    };
    const cache = new ResponseCache(recording, undefined, {
      staleSeconds,
      refreshLeaseMs: 5_000,
      now: () => time,
    });
    return { cache, kept, advance: (ms: number) => (time += ms) };
  };

  it('is served to every request but one, which refreshes it; then the new one is served', async () => {
    const { cache, advance } = setup();
    await cache.set('q', 'old', { ttl: 30 });
    advance(29_000);
    expect(await cache.get('q')).toBe('old');
    advance(2_000);
    // The first to find it expired asks afresh; those that come meanwhile get the expired answer.
    expect(await cache.get('q')).toBeUndefined();
    expect(await cache.get('q')).toBe('old');
    expect(await cache.get('q')).toBe('old');
    await cache.set('q', 'new', { ttl: 30 });
    expect(await cache.get('q')).toBe('new');
  });

  it('is refreshed by another request when the first one’s turn runs out without an answer', async () => {
    const { cache, advance } = setup();
    await cache.set('q', 'old', { ttl: 30 });
    advance(31_000);
    expect(await cache.get('q')).toBeUndefined();
    advance(4_000);
    expect(await cache.get('q')).toBe('old');
    advance(2_000);
    expect(await cache.get('q')).toBeUndefined();
  });

  it('is kept only its age plus the stale bound, and a write forgets it at once', async () => {
    const { cache, kept, advance } = setup(20);
    await cache.set('q', 'old', { ttl: 30 });
    expect(kept).toEqual([50]);
    advance(31_000);
    cache.empty();
    expect(await cache.get('q')).toBeUndefined();
    expect(await cache.get('q')).toBeUndefined();
  });

  it('is never served without a stale bound', async () => {
    const { cache, kept, advance } = setup(0);
    await cache.set('q', 'old', { ttl: 30 });
    expect(kept).toEqual([30]);
    advance(31_000);
    expect(await cache.get('q')).toBeUndefined();
  });
});
