import type { Logger } from './logger';
import { stopTracing } from './tracing';

/** Stops cleanly on SIGTERM/SIGINT: drains requests, closes the database, sends the last spans, then exits. */
export function stopOnSignals(logger: Logger, stop: () => Promise<void>): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    // The spans not yet exported are sent before the process goes (tracing.ts).
    stop()
      .finally(() => stopTracing().catch(() => undefined))
      .then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, 'unclean stop');
          process.exit(1);
        },
      );
  };
  process.once('SIGTERM', handler);
  process.once('SIGINT', handler);
}
