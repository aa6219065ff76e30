import { supervise, type Supervised } from '@cppcc/scripts';
import type { Logger } from '@cppcc/toolkit';
import { spawn } from 'node:child_process';

/**
 * `npm start` keeps each process of the stack running (scripts/src/supervise.ts): one that dies
 * is started again with a doubling wait, saying so in the log, instead of the whole stack stopping.
 */
const node = (code: string) => () => spawn(process.execPath, ['-e', code], { stdio: 'ignore' });

function recordingLogger() {
  const lines: Array<{ level: string; msg: string }> = [];
  const at = (level: string) => (_fields: unknown, msg?: string) => {
    lines.push({ level, msg: msg ?? String(_fields) });
  };
  const logger = { info: at('info'), warn: at('warn'), error: at('error') } as unknown as Logger;
  return { logger, lines };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await sleep(20);
  }
}

let supervised: Supervised | undefined;
afterEach(() => supervised?.stop());

describe('a supervised process', () => {
  it('is started again after dying, waiting longer each time, and says so', async () => {
    const { logger, lines } = recordingLogger();
    const starts: number[] = [];
    supervised = supervise(
      'channels',
      () => {
        starts.push(Date.now());
        return node('setTimeout(() => process.exit(1), 30)')();
      },
      logger,
      { backoff: { firstMs: 100, mostMs: 400, stableMs: 60_000 } },
    );
    await until(() => starts.length >= 5);
    const gaps = starts.slice(1).map((at, index) => at - starts[index]);
    // Each wait doubles up to the most (plus the 30 ms the process lived).
    expect(gaps[0]).toBeGreaterThanOrEqual(100);
    expect(gaps[1]).toBeGreaterThanOrEqual(200);
    expect(gaps[2]).toBeGreaterThanOrEqual(400);
    expect(gaps[3]).toBeGreaterThanOrEqual(400);
    expect(gaps[3]).toBeLessThan(2_000);
    const warnings = lines.filter((line) => line.level === 'warn').map((line) => line.msg);
    expect(warnings.slice(0, 4)).toEqual([
      'channels stopped unexpectedly: restarting it in 0.1 s',
      'channels stopped unexpectedly: restarting it in 0.2 s',
      'channels stopped unexpectedly: restarting it in 0.4 s',
      'channels stopped unexpectedly: restarting it in 0.4 s',
    ]);
    expect(lines).toContainEqual({ level: 'info', msg: 'channels restarted' });

    // Stopped on purpose, it stays stopped.
    await supervised.stop();
    const count = starts.length;
    await sleep(600);
    expect(starts.length).toBe(count);
  });

  it('comes back after a SIGTERM from outside, and stops for good when asked', async () => {
    const { logger } = recordingLogger();
    supervised = supervise('gateway', node('setInterval(() => {}, 1000)'), logger, {
      backoff: { firstMs: 50, mostMs: 50, stableMs: 60_000 },
    });
    await until(() => supervised?.child?.pid !== undefined);
    const first = supervised.child!;
    first.kill('SIGTERM');
    await until(() => supervised?.restarts === 1 && supervised.child !== null);
    const second = supervised.child!;
    expect(second.pid).not.toBe(first.pid);
    expect(second.exitCode).toBeNull();

    await supervised.stop();
    expect(second.signalCode).toBe('SIGTERM');
    await sleep(200);
    expect(supervised.child).toBeNull();
    expect(supervised.restarts).toBe(1);
  });

  it('is not restarted when its configuration is refused (exit code 2)', async () => {
    const { logger, lines } = recordingLogger();
    let gaveUp: number | null = null;
    supervised = supervise('organization', node('process.exit(2)'), logger, {
      backoff: { firstMs: 50, mostMs: 50, stableMs: 60_000 },
      onGiveUp: (code) => {
        gaveUp = code;
      },
    });
    await until(() => gaveUp !== null);
    await sleep(200);
    expect(gaveUp).toBe(2);
    expect(supervised.restarts).toBe(0);
    expect(lines).toContainEqual({
      level: 'error',
      msg: 'organization refused its configuration: not restarted',
    });
  });
});
