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

/** A PostgreSQL error (as pg or MikroORM raise it): its SQLSTATE is five characters. */
function isDatabaseError(error: Record<string, unknown>): boolean {
  return typeof error.code === 'string' && /^[0-9A-Z]{5}$/.test(error.code);
}

/**
 * Errors as logs keep them. A database error's message, detail and stack carry the statement
 * with its values and the failing row ("Failing row contains (…)"): a resident's phone could be
 * among them. Of those, only what names the fault is kept (SQLSTATE, constraint, table) and the
 * stack's frames.
 */
export function serializeError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const serialized = pino.stdSerializers.err(error);
  const fields = error as unknown as Record<string, unknown>;
  if (!isDatabaseError(fields)) return serialized;
  const frames = (serialized.stack ?? '')
    .split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
    .join('\n');
  const constraint = typeof fields.constraint === 'string' ? fields.constraint : undefined;
  return {
    type: serialized.type,
    code: fields.code,
    constraint,
    table: fields.table,
    schema: fields.schema,
    message: `${serialized.type} (SQLSTATE ${String(fields.code)}${constraint ? `, ${constraint}` : ''}): statement and values not logged`,
    stack: frames,
  };
}

/** A process's logger; `destination` (stdout by default) lets tests read what it writes. */
export function createLogger(
  name: string,
  level = process.env.LOG_LEVEL ?? 'info',
  destination?: pino.DestinationStream,
): Logger {
  return pino(
    {
      name,
      level,
      redact: { paths: REDACT, censor: '[redacted]' },
      serializers: { err: serializeError },
    },
    destination,
  );
}

export type { Logger };
