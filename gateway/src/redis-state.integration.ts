import { createLogger } from '@cppcc/contract';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { invalidateOverRedis, redisRateLimitStore } from './redis-state';
import { responseCache } from './response-cache';

/**
 * The gateways' shared state over Redis (`REDIS_URL`): caches emptied together over pub/sub, rate
 * limits counted once, and both back by themselves after Redis restarts. Needs `redis-server` on
 * the PATH (the machine's; none is downloaded): without it these tests are skipped, and say so.
 */
const hasRedis = spawnSync('redis-server', ['--version']).status === 0;
if (!hasRedis) console.warn('redis-server is not installed: the Redis tests are skipped');
const describeWithRedis = hasRedis ? describe : describe.skip;

const logger = createLogger('test', process.env.LOG_LEVEL ?? 'silent');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  for (let n = 0; n < 100; n++) {
    if (
      spawnSync('redis-cli', ['-p', String(port), 'ping'])
        .stdout?.toString()
        .includes('PONG')
    )
      return child;
    await sleep(50);
  }
  throw new Error('redis-server did not start');
}

function stopRedis(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

describeWithRedis('gateways sharing a Redis', () => {
  let port: number;
  let redis: ChildProcess;
  beforeAll(async () => {
    port = await freePort();
    redis = await startRedis(port);
  });
  afterAll(() => stopRedis(redis));

  it('empties every gateway’s cache before a write answers, and again after Redis restarts', async () => {
    const url = `redis://127.0.0.1:${port}`;
    const [one, two] = [responseCache(1), responseCache(1)];
    const first = await invalidateOverRedis(one, url, logger);
    const second = await invalidateOverRedis(two, url, logger);
    try {
      const before = two.generation;
      await first.announce();
      // The notice reaches both connections of this one process at once; the other's callback
      // may simply not have had its turn yet (between processes, a request takes turns anyway).
      await sleep(10);
      expect(two.generation).toBeGreaterThan(before);

      await stopRedis(redis);
      await sleep(300);
      expect(two.bypass).toBe(true); // it could miss a notice: nothing is served from it
      redis = await startRedis(port);
      const deadline = Date.now() + 5_000;
      const back = () => !one.bypass && !two.bypass && first.publisher.status === 'ready';
      while (!back() && Date.now() < deadline) await sleep(50);
      expect(back()).toBe(true);
      const after = two.generation;
      await first.announce();
      await sleep(10);
      expect(two.generation).toBeGreaterThan(after);
    } finally {
      await first.stop();
      await second.stop();
    }
  });

  it('counts a caller’s requests once for every gateway', async () => {
    const url = `redis://127.0.0.1:${port}`;
    const [one, two] = [responseCache(1), responseCache(1)];
    const first = await invalidateOverRedis(one, url, logger);
    const second = await invalidateOverRedis(two, url, logger);
    try {
      const stores = [
        redisRateLimitStore(first.publisher, 'rl:public'),
        redisRateLimitStore(second.publisher, 'rl:public'),
      ];
      for (const store of stores) store.init!({ windowMs: 60_000, limit: 3 } as never);
      const hits = [];
      for (const store of [...stores, ...stores])
        hits.push((await store.increment('ip:203.0.113.20')).totalHits);
      expect(hits).toEqual([1, 2, 3, 4]);
    } finally {
      await first.stop();
      await second.stop();
    }
  });
});
