import type { Logger } from '@cppcc/toolkit';
import type { ChildProcess } from 'node:child_process';

/** How soon a process that died is started again. */
export interface Backoff {
  /** The wait before the first restart; each further one doubles it. */
  firstMs: number;
  /** The longest wait. */
  mostMs: number;
  /** A process up this long has recovered: its next death waits `firstMs` again. */
  stableMs: number;
}

export const DEFAULT_BACKOFF: Backoff = { firstMs: 1_000, mostMs: 30_000, stableMs: 60_000 };

/** The exit code the processes' `main`s use for a refused configuration: restarting cannot help. */
export const CONFIG_ERROR_EXIT_CODE = 2;

export interface Supervised {
  readonly name: string;
  /** The running child, if any (none while waiting to restart). */
  readonly child: ChildProcess | null;
  /** How many times it was started again after dying. */
  readonly restarts: number;
  /** Stops it (SIGTERM, SIGKILL after 10 s) and starts it no more. */
  stop(): Promise<void>;
}

/**
 * Keeps one process of the stack running: when it dies unasked (a crash, a SIGTERM from outside,
 * the OOM killer), it is started again after a wait that doubles from `firstMs` to `mostMs`, and
 * the log says so. The rest of the stack keeps running meanwhile (the gateway answers without
 * that subgraph's part, naming it as SERVICE_UNAVAILABLE). A process whose configuration is refused
 * (exit code 2) is not restarted: `onGiveUp` is called instead.
 */
export function supervise(
  name: string,
  start: () => ChildProcess,
  logger: Logger,
  options: { backoff?: Backoff; onGiveUp?: (code: number | null) => void } = {},
): Supervised {
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  let child: ChildProcess | null = null;
  let stopping = false;
  let restarts = 0;
  let wait = backoff.firstMs;
  let timer: NodeJS.Timeout | undefined;

  const launch = () => {
    const started = Date.now();
    const current = start();
    child = current;
    current.on('error', (error) =>
      logger.error({ process: name, err: error }, `${name}: ${error.message}`),
    );
    current.once('exit', (code, signal) => {
      if (child === current) child = null;
      if (stopping) return;
      if (code === CONFIG_ERROR_EXIT_CODE) {
        logger.error({ process: name, code }, `${name} refused its configuration: not restarted`);
        options.onGiveUp?.(code);
        return;
      }
      if (Date.now() - started >= backoff.stableMs) wait = backoff.firstMs;
      logger.warn(
        { process: name, pid: current.pid, code, signal, restartInMs: wait, restarts },
        `${name} stopped unexpectedly: restarting it in ${wait / 1000} s`,
      );
      timer = setTimeout(() => {
        timer = undefined;
        if (stopping) return;
        restarts += 1;
        launch();
        logger.info({ process: name, pid: child?.pid, restarts }, `${name} restarted`);
      }, wait);
      wait = Math.min(wait * 2, backoff.mostMs);
    });
  };
  launch();

  return {
    name,
    get child() {
      return child;
    },
    get restarts() {
      return restarts;
    },
    stop() {
      stopping = true;
      clearTimeout(timer);
      const current = child;
      if (!current || current.exitCode !== null || current.signalCode !== null)
        return Promise.resolve();
      return new Promise((done) => {
        const force = setTimeout(() => current.kill('SIGKILL'), 10_000);
        current.once('exit', () => {
          clearTimeout(force);
          done();
        });
        current.kill('SIGTERM');
      });
    },
  };
}
