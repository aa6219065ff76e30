import { responseCache } from './response-cache';

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
