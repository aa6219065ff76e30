// The webhook queue's pg-boss loops, watched so that a stop can wait for them to end.

/**
 * The loops of pg-boss's workers, so that a stop can wait for them. pg-boss 10 stops its workers
 * in the background (`offWork` looks at them again every second until each has left its loop)
 * and offers no way to learn when that is done; its Worker class is wrapped once so that each
 * loop's promise goes to the set `collecting` names when the loop starts. A loop starts inside
 * `boss.work()` before it returns (and inside `boss.start()` for the scheduler's own worker), so
 * `collectLoops` names the set for exactly that call; starts are taken one at a time in a process.
 */
let collecting: Set<Promise<unknown>> | undefined;
/** Every loop of every queue in this process that has not ended (for tests of a stop). */
const running = new Set<Promise<unknown>>();
{
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Worker = require('pg-boss/src/worker') as { prototype: { start(): Promise<unknown> } };
  const start = Worker.prototype.start;
  if (!(start as { tracked?: boolean }).tracked) {
    const tracked = function (this: unknown) {
      const loop = start.call(this);
      for (const loops of [running, collecting]) {
        if (!loops) continue;
        loops.add(loop);
        void loop.finally(() => loops.delete(loop)).catch(() => undefined);
      }
      return loop;
    };
    (tracked as { tracked?: boolean }).tracked = true;
    Worker.prototype.start = tracked;
  }
}
let starting: Promise<unknown> = Promise.resolve();
/** Runs `start` with the loops it starts going to `loops`, after every earlier start is done. */
export function collectLoops<T>(loops: Set<Promise<unknown>>, start: () => Promise<T>): Promise<T> {
  const result = starting.then(async () => {
    collecting = loops;
    try {
      return await start();
    } finally {
      collecting = undefined;
    }
  });
  starting = result.catch(() => undefined);
  return result;
}
/** How many queue loops of this process have not ended yet. */
export const queueLoopsRunning = (): number => running.size;

/**
 * How long a poll of the queue waits for one of its connections. Never forever: a stop closes
 * the pool, and pg's pool leaves whoever still waits then waiting for good (a loop that never
 * ends, which the stop would wait for).
 */
export const QUEUE_CONNECTION_TIMEOUT_MS = 10_000;
