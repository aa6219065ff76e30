import type { Request, RequestHandler, Response } from 'express';
import type { Caller } from './caller';
import { ErrorCode } from './errors';
import type { Logger } from './logger';
import type { ProcessMetrics } from './metrics';
import { REQUEST_ID_HEADER, requestIdFrom } from './request-log';
import { SURFACES, type Surface } from './surfaces';

/**
 * What the layers of a request learn about it for its log line, kept in `res.locals.requestLog`:
 * the GraphQL layer adds the operations and their error codes (`requestLogPlugin`), a refusal
 * before GraphQL its error code (read from the JSON error it answers).
 */
export interface RequestFacts {
  /** The GraphQL operations' names, `null` for an anonymous one (several in a batch). */
  operations: Array<string | null>;
  /** The error codes of the answer, in order. */
  errorCodes: string[];
}

/** The request's facts, created on first use. */
export function requestFactsOf(res: Response): RequestFacts {
  const locals = res.locals as { requestLog?: RequestFacts };
  locals.requestLog ??= { operations: [], errorCodes: [] };
  return locals.requestLog;
}

/** The error codes of a JSON answer in GraphQL's shape (`{"errors":[{"extensions":{"code"}}]}`). */
function codesOf(body: unknown): string[] {
  const errors = (body as { errors?: unknown } | null)?.errors;
  if (!Array.isArray(errors)) return [];
  return errors.map((error) => {
    const code = (error as { extensions?: { code?: unknown } } | null)?.extensions?.code;
    return typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR';
  });
}

/** The surface a request addressed: the gateway's path names it, a subgraph's signed caller does. */
function surfaceOf(req: Request, res: Response): Surface | undefined {
  const named = /^\/graphql\/([a-z]+)/.exec(req.originalUrl)?.[1];
  if (named && (SURFACES as readonly string[]).includes(named)) return named as Surface;
  return (res.locals.caller as Caller | undefined)?.surface;
}

/** The kind of a route, for the metrics' bounded `route` label. */
function routeOf(path: string): string {
  if (/^\/graphql(\/[a-z]+)?\/export\.csv$/.test(path)) return 'export';
  if (/^\/graphql(\/[a-z]+)?\/?$/.test(path)) return 'graphql';
  if (path === '/healthz' || path === '/readyz') return 'health';
  if (path === '/metrics') return 'metrics';
  if (path.startsWith('/internal/')) return 'internal';
  return 'other';
}

/** Paths machines call on a timer: health probes, metric scrapes, the internal change feeds. */
const ROUTINE_PATH = /^\/(healthz|readyz|metrics|internal\/)/;

/**
 * One log line for every request the process answers, refused ones included (a 401 before
 * GraphQL, a 413 body, a 429), written when the answer is sent (or the client went away):
 * request id, method, path (never the query string, which may carry variables), status, error
 * code(s), surface, the caller's subject (its id, never its personal data), operation name(s),
 * duration. Variables are never logged. Mount it first, so it sees every request; it also sets
 * the request id (`res.locals.requestId`, echoed in `x-request-id`) and, given metrics, counts
 * and times the request.
 */
export function accessLog(logger: Logger, metrics?: ProcessMetrics): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    const requestId = requestIdFrom(req.header(REQUEST_ID_HEADER));
    res.locals.requestId = requestId;
    res.setHeader(REQUEST_ID_HEADER, requestId);
    const facts = requestFactsOf(res);
    // Refusals before GraphQL answer with `res.json`; their codes are read on the way out.
    const json = res.json.bind(res);
    res.json = (body: unknown) => {
      facts.errorCodes.push(...codesOf(body));
      return json(body);
    };

    let logged = false;
    const done = () => {
      if (logged) return;
      logged = true;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const path = req.originalUrl.split('?')[0].slice(0, 200);
      const caller = res.locals.caller as Caller | undefined;
      const surface = surfaceOf(req, res);
      const aborted = !res.writableFinished;
      const status = res.statusCode;
      const code = facts.errorCodes[0];
      const line = {
        requestId,
        method: req.method,
        path,
        status,
        ...(aborted ? { aborted: true } : {}),
        code,
        errorCodes: facts.errorCodes.length > 1 ? facts.errorCodes : undefined,
        surface,
        caller: caller?.subject,
        callerLevel: caller?.level,
        operationName: facts.operations.length === 1 ? facts.operations[0] : undefined,
        operationNames: facts.operations.length > 1 ? facts.operations : undefined,
        durationMs: Math.round(seconds * 1e6) / 1e3,
      };
      // A 503 saying SERVICE_UNAVAILABLE, or a probe's or a feed's 503, is an outage's (a database
      // or a subgraph away), warned of once where it is noticed: at info here, not an error line
      // per request or probe.
      const outage =
        status === 503 && (code === ErrorCode.SERVICE_UNAVAILABLE || ROUTINE_PATH.test(path));
      if (status >= 500 && !outage) logger.error(line, 'request');
      // Probes, scrapes and the services' feed polls come every few seconds and succeed: at debug,
      // so they do not bury the callers' requests (a failed one stays at info).
      else if (status < 400 && ROUTINE_PATH.test(path)) logger.debug(line, 'request');
      else logger.info(line, 'request');

      if (!metrics) return;
      const labels = {
        surface: surface ?? 'none',
        route: routeOf(path),
        operation:
          facts.operations.length === 0
            ? 'none'
            : facts.operations.length > 1
              ? '(batch)'
              : metrics.operationLabel(facts.operations[0]),
      };
      metrics.requests.inc({ ...labels, outcome: metrics.outcomeLabel(status, code) });
      metrics.requestDuration.observe(labels, seconds);
      if (status === 429) metrics.rateLimited.inc({ surface: labels.surface });
    };
    res.once('finish', done);
    res.once('close', done);
    next();
  };
}
