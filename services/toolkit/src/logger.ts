import pino, { type Logger } from 'pino';

/**
 * Personal data never reaches the logs: these paths are censored wherever they appear in a log
 * record, and request variables are never logged at all (the server logs operation names only).
 */
const REDACT = [
  'phone',
  'idNumber',
  'address',
  '*.phone',
  '*.idNumber',
  '*.address',
  'variables',
  '*.variables',
  'req.headers.authorization',
  'authorization',
];

export function createLogger(name: string, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ name, level, redact: { paths: REDACT, censor: '[redacted]' } });
}

export type { Logger };
