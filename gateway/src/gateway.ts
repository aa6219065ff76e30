import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import {
  CALLER_HEADER,
  ErrorCode,
  REQUEST_ID_HEADER,
  inputCheckPlugin,
  accessLog,
  keepIdleConnections,
  metricsEndpoint,
  operationPlugin,
  requestFactsOf,
  requestLogPlugin,
  SURFACES,
  maskError,
  type Caller,
  type Logger,
  type RequestFacts,
  type Surface,
  logUnexpectedErrors,
} from '@cppcc/contract';
import express from 'express';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { entityKeyAliasRule, entityKeyFields } from './aliases';
import { authenticate, createTokenVerifier } from './auth';
import type { Config } from './config';
import { explorerAssets, explorerPage } from './explorer';
import { csvExport } from './export';
import { SURFACE_LIMITS, costLimitPlugin, limitRules, type CostBudget } from './limits';
import { GatewayMetrics } from './metrics';
import { responseCache, responseCaching, type ResponseCache } from './response-cache';
import { openSharedState } from './shared-state';
import {
  SERVICE_UNAVAILABLE,
  callerTokens,
  sharingInFlight,
  subgraphFetcher,
  subgraphRefusal,
} from './subgraph-fetch';
import { loadTrustedDocuments, trustedDocumentsMiddleware } from './trusted-documents';
import { devSignIn, webApp } from './web';

/** A subgraph of the supergraph and where the gateway reaches it. */
export interface SubgraphTarget {
  name: string;
  url: string;
}

export interface RunningGateway {
  /** e.g. `http://127.0.0.1:4000`; surfaces answer on `${origin}/graphql/<surface>`. */
  origin: string;
  port: number;
  subgraphs: SubgraphTarget[];
  stop(): Promise<void>;
}

/** What a request through a surface carries to its subgraph fetches. */
interface GatewayContext {
  caller: Caller;
  /** The caller, signed for the subgraphs. */
  callerToken: string;
  /** The request's id, passed to every subgraph and returned in the `x-request-id` header. */
  requestId: string;
  /** The answer cache's generation when the request began (response-cache.ts). */
  cacheGeneration?: number;
  /** What the request's operations have cost so far: a batch shares the limit (limits.ts). */
  costBudget: CostBudget;
  /** What the request's access log line learns from GraphQL (toolkit access-log.ts). */
  requestLog?: RequestFacts;
}

/** The subgraphs a supergraph names (`@join__graph`), with the URLs the config overrides (`<NAME>_URL`). */
export function subgraphTargets(supergraphSdl: string, config: Config): SubgraphTarget[] {
  const overrides: Record<string, string | undefined> = config.SUBGRAPH_URLS;
  return [...supergraphSdl.matchAll(/@join__graph\(name: "([^"]+)", url: "([^"]+)"\)/g)].map(
    ([, name, url]) => ({
      name,
      url: overrides[name] ?? url,
    }),
  );
}

async function isReady(target: SubgraphTarget, timeoutMs: number): Promise<boolean> {
  try {
    const response = await fetch(new URL('/readyz', target.url), {
      signal: AbortSignal.timeout(timeoutMs),
    });
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * Errors of the answer: a subgraph that did not answer (down, or slower than the timeout) is named,
 * with the path of the missing part; everything else is masked as in every process.
 */
export function maskGatewayError(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  const { code, serviceName } = formatted.extensions ?? {};
  if (code === SERVICE_UNAVAILABLE) {
    return { message: formatted.message, path: formatted.path, extensions: { code, serviceName } };
  }
  return maskError(formatted, error);
}

function sendErrors(res: express.Response, status: number, message: string, code: string): void {
  res
    .status(status)
    .type('application/json')
    .json({ errors: [{ message, extensions: { code } }] });
}

/** A subgraph as the gateway calls it; its refusals of a caller's input stay the caller's (subgraph-fetch.ts). */
class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override async errorFromResponse(response: Response): Promise<GraphQLError> {
    const body: unknown = await response.json().catch(() => null);
    return subgraphRefusal(response.status, body);
  }
}

/** One surface: a gateway over the surface's contract supergraph, and its Apollo Server. */
function surfaceServer(
  surface: Surface,
  supergraphSdl: string,
  urlOf: Map<string, string>,
  config: Config,
  logger: Logger,
  httpServer: ReturnType<typeof createServer>,
  cache: ResponseCache | null,
  metrics: GatewayMetrics,
): ApolloServer<GatewayContext> {
  const gateway = new ApolloGateway({
    supergraphSdl,
    logger,
    buildService: ({ name, url }) =>
      new SubgraphDataSource({
        url: urlOf.get(name) ?? url,
        // A slow or absent subgraph costs its part of the answer, never a hung request; the same
        // query for the same caller already in flight is asked once.
        fetcher: sharingInFlight(
          subgraphFetcher(name, config.SUBGRAPH_TIMEOUT_MS, metrics.measuredFetch(name)),
          CALLER_HEADER,
        ) as never,
        willSendRequest({ request, context }) {
          if (context.callerToken) request.http?.headers.set(CALLER_HEADER, context.callerToken);
          if (context.requestId) request.http?.headers.set(REQUEST_ID_HEADER, context.requestId);
        },
      }),
  });
  const limits = SURFACE_LIMITS[surface];
  return new ApolloServer<GatewayContext>({
    gateway,
    validationRules: [...limitRules(limits), entityKeyAliasRule(entityKeyFields(supergraphSdl))],
    parseOptions: { maxTokens: limits.tokens },
    allowBatchedHttpRequests: limits.batch > 1,
    // Registered documents are resolved before Apollo sees the request (trusted-documents.ts);
    // automatic persisted queries would let any client register any operation.
    persistedQueries: false,
    introspection: config.INTROSPECTION_SURFACES.includes(surface),
    formatError: maskGatewayError,
    includeStacktraceInErrorResponses: false,
    // CSRF prevention guards cookie sessions; callers here authenticate with a bearer token a
    // browser never attaches on its own, and the public surface has no credentials at all. Off,
    // so plain GET queries work as GraphQL over HTTP describes them.
    csrfPrevention: false,
    logger,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      logUnexpectedErrors(logger.child({ surface })),
      // An operationName that names nothing: 400, not the query planner's 500.
      operationPlugin(),
      costLimitPlugin(limits.cost),
      // The custom scalars, ids and texts, checked before any subgraph is asked (input-check.ts).
      inputCheckPlugin(logger.child({ surface })),
      requestLogPlugin(),
      ...(cache ? responseCaching<GatewayContext>(cache, surface) : []),
    ],
  });
}

/**
 * Starts the gateway: each surface's contract supergraph on `/graphql/<surface>`, with the
 * caller verified from its token and passed, signed, to the subgraphs; `GET /healthz`,
 * `GET /readyz` (every subgraph ready) and `GET /metrics` (Prometheus); one access log line per
 * request. The contracts are composed ahead of time (`npm run schema`); no landing page is
 * served (nothing from a CDN); Apollo's telemetry is off.
 */
export async function startGateway(config: Config, logger: Logger): Promise<RunningGateway> {
  const contracts = new Map(
    SURFACES.map((surface) => [
      surface,
      readFileSync(join(config.CONTRACTS_DIR, `${surface}.graphql`), 'utf8'),
    ]),
  );
  const targets = subgraphTargets(contracts.get('city')!, config);
  const urlOf = new Map(targets.map((target) => [target.name, target.url]));
  const verify = await createTokenVerifier(config);
  const trustedDocuments = loadTrustedDocuments(config.TRUSTED_DOCUMENTS_PATH);

  // @apollo/gateway reads this switch when it is constructed; it has no option for it.
  process.env.APOLLO_TELEMETRY_DISABLED = '1';
  const app = express();
  app.disable('x-powered-by');
  // Behind a reverse proxy, which of them may name the client (req.ip, the public surface's limit).
  app.set('trust proxy', config.TRUST_PROXY);
  const httpServer = keepIdleConnections(createServer(app));
  const metrics = new GatewayMetrics();
  // First, so that every request has its log line, a refused one too (toolkit access-log.ts).
  app.use(accessLog(logger, metrics));
  // One cache for every surface, so a write through any of them empties it for all.
  const cache =
    config.RESPONSE_CACHE_MB > 0
      ? responseCache(
          config.RESPONSE_CACHE_MB,
          (hit) => metrics.cacheLookup(hit),
          config.RESPONSE_CACHE_STALE_SECONDS,
        )
      : null;
  // Several gateways over one database: caches emptied together, rate limits counted once.
  const shared =
    config.REDIS_URL || config.DATABASE_URL
      ? await openSharedState(
          { databaseUrl: config.DATABASE_URL, redisUrl: config.REDIS_URL },
          cache,
          logger,
        )
      : null;
  const servers = SURFACES.map(
    (surface) =>
      [
        surface,
        surfaceServer(
          surface,
          contracts.get(surface)!,
          urlOf,
          config,
          logger,
          httpServer,
          cache,
          metrics,
        ),
      ] as const,
  );
  await Promise.all(servers.map(([, server]) => server.start()));

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', service: 'gateway' });
  });
  // Prometheus' scrape, off the surfaces' paths; docs/operations.md says who may reach it.
  app.get('/metrics', metricsEndpoint(metrics));
  app.get('/readyz', async (_req, res) => {
    const checks = await Promise.all(
      targets.map(
        async (target) =>
          [target.name, (await isReady(target, 2_000)) ? 'ready' : 'unreachable'] as const,
      ),
    );
    const ready = checks.every(([, state]) => state === 'ready');
    res
      .status(ready ? 200 : 503)
      .json({ status: ready ? 'ready' : 'degraded', subgraphs: Object.fromEntries(checks) });
  });
  app.use(explorerAssets());
  // The front end at `/` and, on a local start, its development sign-in (web.ts).
  app.use(webApp(config), devSignIn(config));
  const tokenOf = callerTokens(config.INTERNAL_AUTH_SECRET);
  for (const [surface, server] of servers) {
    const limits = SURFACE_LIMITS[surface];
    // What every request of the surface goes through before its operation runs: a GraphQL
    // request and a CSV export alike.
    const pipeline: express.RequestHandler[] = [
      express.json({ limit: limits.bodyBytes }),
      async (req, res, next) => {
        try {
          res.locals.caller = await authenticate(verify, surface, req.header('authorization'));
          next();
        } catch (error) {
          next(error);
        }
      },
      rateLimit({
        windowMs: 60_000,
        limit: Math.max(1, Math.round(limits.requestsPerMinute * config.RATE_LIMIT_SCALE)),
        standardHeaders: 'draft-8',
        legacyHeaders: false,
        ...(shared ? { store: shared.rateLimitStore(surface) } : {}),
        keyGenerator: (req, res) => {
          const caller = res.locals.caller as Caller;
          return caller.level === 'PUBLIC'
            ? `ip:${ipKeyGenerator(req.ip ?? '')}`
            : `caller:${caller.subject}`;
        },
        handler: (_req, res) => {
          sendErrors(res, 429, 'Too many requests: wait a moment and try again.', 'RATE_LIMITED');
        },
      }),
      trustedDocumentsMiddleware(trustedDocuments, config.TRUSTED_DOCUMENTS_ONLY.includes(surface)),
      (req, res, next) => {
        if (Array.isArray(req.body) && req.body.length > limits.batch) {
          sendErrors(
            res,
            400,
            `A batch holds at most ${limits.batch} operations on this surface.`,
            'BAD_REQUEST',
          );
          return;
        }
        next();
      },
    ];
    const contextOf = async (_req: express.Request, res: express.Response) => {
      const caller = res.locals.caller as Caller;
      return {
        caller,
        requestId: res.locals.requestId as string,
        callerToken: await tokenOf(caller),
        costBudget: { spent: 0 },
        requestLog: requestFactsOf(res),
      };
    };
    // Any report as CSV, under the same identity, limits and jurisdiction (export.ts).
    app.use(`/graphql/${surface}/export.csv`, ...pipeline, csvExport(server, contextOf));
    app.use(
      `/graphql/${surface}`,
      ...(config.EXPLORER_SURFACES.includes(surface)
        ? [
            explorerPage(surface, {
              contract: contracts.get(surface)!,
              trustedDocuments,
              trustedOnly: config.TRUSTED_DOCUMENTS_ONLY.includes(surface),
              introspection: config.INTROSPECTION_SURFACES.includes(surface),
            }),
          ]
        : []),
      ...pipeline,
      expressMiddleware(server, { context: ({ req, res }) => contextOf(req, res) }),
    );
  }
  // Errors before GraphQL (an unreadable or oversized body, a refused token) in GraphQL's shape,
  // with their status and never a stack.
  app.use(
    (error: unknown, _req: express.Request, res: express.Response, next: express.NextFunction) => {
      if (res.headersSent) return next(error);
      if (error instanceof GraphQLError) {
        const status = (error.extensions.http as { status?: number } | undefined)?.status ?? 400;
        sendErrors(res, status, error.message, String(error.extensions.code));
        return;
      }
      const status = (error as { status?: number }).status ?? 500;
      if (status === 413)
        sendErrors(res, 413, 'The request body is too large for this surface.', 'BAD_REQUEST');
      else if (status < 500)
        sendErrors(res, status, 'The request body is not valid JSON.', 'BAD_REQUEST');
      else {
        logger.error({ err: error }, 'unexpected error before GraphQL');
        sendErrors(res, 500, 'Internal server error', ErrorCode.INTERNAL_SERVER_ERROR);
      }
    },
  );

  await new Promise<void>((resolve) => httpServer.listen(config.PORT, config.HOST, resolve));
  const { port } = httpServer.address() as AddressInfo;
  logger.info({ port, surfaces: SURFACES, subgraphs: targets }, 'gateway ready');
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    subgraphs: targets,
    stop: async () => {
      await Promise.all(servers.map(([, server]) => server.stop()));
      await new Promise<void>((resolve) => {
        httpServer.close(() => resolve());
        httpServer.closeAllConnections();
      });
      await shared?.stop();
    },
  };
}
