import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode, type Logger } from '@cppcc/contract';
import type { Orm } from './database';

/** What a socket says when the server is not there: refused, reset, unreachable, unresolved. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** SQLSTATEs of a server going or gone: connection exceptions (class 08), shutting down, starting. */
const SERVER_GONE = /^(08[0-9A-Z]{3}|57P0[123])$/;

/** What pg and knex say of a connection lost or never made. */
const CONNECTION_LOST =
  /Connection terminated|timeout exceeded when trying to connect|Timeout acquiring a connection|the database system is (starting up|shutting down)|Client has encountered a connection error and is not queryable|Client was closed and is not queryable/i;

/**
 * True when an error (as a resolver meets it: a GraphQL error around MikroORM's around pg's or
 * the pool's) means PostgreSQL cannot be reached now, rather than that a statement is wrong.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const { code, name, message, originalError, cause } = current as Record<string, unknown>;
    if (typeof code === 'string' && (SOCKET_CODES.has(code) || SERVER_GONE.test(code))) return true;
    if (name === 'KnexTimeoutError') return true;
    if (typeof message === 'string' && CONNECTION_LOST.test(message)) return true;
    // graphql-js wraps a thrown value that is not an Error of its own realm (a socket's error
    // met under a test runner's sandbox) in "Unexpected error value: { … code: "ECONNREFUSED" … }".
    const printed =
      typeof message === 'string' && /^Unexpected error value: .*\bcode: "(\w+)"/.exec(message);
    if (printed && (SOCKET_CODES.has(printed[1]) || SERVER_GONE.test(printed[1]))) return true;
    current = originalError ?? cause;
  }
  return false;
}

/** The answer's error for a request that failed because the database is away: retry later. */
export function serviceUnavailable(
  service: string,
  formatted: GraphQLFormattedError,
): GraphQLFormattedError {
  return {
    message: `The ${service} service cannot reach its database for now: try again shortly.`,
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: ErrorCode.SERVICE_UNAVAILABLE },
  };
}

export interface DatabaseOutage {
  /** A request failed on an unreachable database: warns at the first one of an outage only. */
  failed(error: unknown): void;
}

/**
 * One warning per outage rather than an error per request: the first failure warns; the outage
 * ends (logged once) when the database next answers a statement, whoever sent it (a request, the
 * readiness probe, a follower).
 */
export function watchDatabaseOutages(orm: Orm, logger: Logger): DatabaseOutage {
  let since: number | undefined;
  orm.em
    .getConnection()
    .getKnex()
    .on('query-response', () => {
      if (since === undefined) return;
      logger.info({ outageMs: Date.now() - since }, 'database reachable again');
      since = undefined;
    });
  return {
    failed: (error) => {
      if (since !== undefined) return;
      since = Date.now();
      logger.warn(
        { err: error },
        'database unreachable: requests answer SERVICE_UNAVAILABLE until it is back',
      );
    },
  };
}
