import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type Caller,
  CALLER_HEADER,
  verifyCallerToken,
  accessLog,
  requestFactsOf,
  ProcessMetrics,
  metricsEndpoint,
  requestLogPlugin,
  stopOnSignals,
  logUnexpectedErrors,
  keepIdleConnections,
  ErrorCode,
  maskError,
  inputCheckPlugin,
  createLogger,
  type Logger,
} from '@cppcc/contract';
import type { RequestContext } from './context';
import {
  isDatabaseReachable,
  migrate,
  openDatabase,
  poolOf,
  type Orm,
  type ServiceDatabase,
} from './database';
import { isDatabaseUnavailable, serviceUnavailable, watchDatabaseOutages } from './database-outage';

export interface SubgraphServerOptions<Loaders> {
  name: string;
  schema: GraphQLSchema;
  orm: Orm;
  logger: Logger;
  /** The secret the gateway signs callers with (INTERNAL_AUTH_SECRET). */
  internalAuthSecret: string;
  /** Builds a request's context over its own forked EntityManager. */
  createContext(em: RequestContext['em'], caller: Caller): RequestContext<Loaders>;
  /** Mounts the routes for other services, before GraphQL. */
  internalRoutes?(app: express.Express): void;
}

export interface RunningServer {
  /** e.g. `http://127.0.0.1:4001/graphql` */
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * Serves a subgraph: GraphQL on `/graphql`, `GET /healthz` (alive), `GET /readyz` (database
 * reachable) and `GET /metrics` (Prometheus), one access log line per request, errors masked to
 * the contract's codes, no landing page (nothing from a CDN).
 */
export async function serveSubgraph<Loaders>(
  options: SubgraphServerOptions<Loaders>,
  port: number,
  host = '0.0.0.0',
): Promise<RunningServer> {
  const app = express();
  const httpServer = keepIdleConnections(createServer(app));
  const outage = watchDatabaseOutages(options.orm, options.logger);
  const metrics = new ProcessMetrics(options.name);
  metrics.measurePool(() => poolOf(options.orm));
  metrics.measureFeeds();
  // First, so that every request has its log line, a refused one too (access-log.ts).
  app.use(accessLog(options.logger, metrics));
  const apollo = new ApolloServer<RequestContext<Loaders>>({
    schema: options.schema,
    // A database that is away is no fault of ours to hide: the caller may retry shortly.
    formatError: (formatted, error) =>
      isDatabaseUnavailable(error)
        ? serviceUnavailable(options.name, formatted)
        : maskError(formatted, error),
    includeStacktraceInErrorResponses: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      // Traces are only for Apollo's hosted usage reporting, which this system never sends to.
      ApolloServerPluginInlineTraceDisabled(),
      logUnexpectedErrors(options.logger, (error) => {
        // Failures on an unreachable database go to the outage watch (one warning per outage).
        if (!isDatabaseUnavailable(error)) return false;
        outage.failed(error.originalError ?? error);
        return true;
      }),
      // Arguments checked once, here, before any resolver (and so any SQL) sees them.
      inputCheckPlugin(options.logger),
      requestLogPlugin(),
    ],
    logger: options.logger,
  });
  await apollo.start();

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', service: options.name });
  });
  app.get('/metrics', metricsEndpoint(metrics));
  app.get('/readyz', async (_req, res) => {
    const ready = await isDatabaseReachable(options.orm);
    res
      .status(ready ? 200 : 503)
      .json({ status: ready ? 'ready' : 'database unreachable', service: options.name });
  });
  options.internalRoutes?.(app);
  app.use(
    '/graphql',
    // Only the gateway may call: a request without a caller it signed is refused before GraphQL.
    async (req, res, next) => {
      const caller = await verifyCallerToken(req.header(CALLER_HEADER), options.internalAuthSecret);
      if (!caller) {
        res.status(401).json({
          errors: [
            {
              message: 'Subgraphs answer the gateway only.',
              extensions: { code: ErrorCode.UNAUTHENTICATED },
            },
          ],
        });
        return;
      }
      res.locals.caller = caller;
      next();
    },
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ res }) => ({
        ...options.createContext(options.orm.em.fork(), res.locals.caller as Caller),
        requestId: res.locals.requestId as string,
        requestLog: requestFactsOf(res),
      }),
    }),
  );

  // A route for other services (a change feed) that failed: on an unreachable database, 503 with
  // SERVICE_UNAVAILABLE under the outage's one warning, as GraphQL answers; anything else logged
  // and 500, never Express's default page (its stack on stderr).
  app.use(
    (error: unknown, _req: express.Request, res: express.Response, next: express.NextFunction) => {
      if (res.headersSent) return next(error);
      if (isDatabaseUnavailable(error)) {
        outage.failed(error);
        const { message } = serviceUnavailable(options.name, { message: '' });
        res
          .status(503)
          .json({ errors: [{ message, extensions: { code: ErrorCode.SERVICE_UNAVAILABLE } }] });
        return;
      }
      options.logger.error({ err: error }, 'route failed');
      res.status(500).json({
        errors: [
          {
            message: 'Internal server error',
            extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
          },
        ],
      });
    },
  );

  await new Promise<void>((resolve) => httpServer.listen(port, host, resolve));
  const actualPort = (httpServer.address() as AddressInfo).port;
  options.logger.info({ port: actualPort }, `${options.name} subgraph ready`);
  return {
    port: actualPort,
    url: `http://127.0.0.1:${actualPort}/graphql`,
    stop: async () => {
      await apollo.stop();
      await closeServer(httpServer);
    },
  };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** What a subgraph process is started with. */
export interface SubgraphSettings {
  databaseUrl: string;
  internalAuthSecret: string;
  port: number;
  host?: string;
  logger: Logger;
  /** Where the organization subgraph answers (`…/graphql`), for services that follow its changes. */
  organizationUrl?: string;
  /** Where the deliberation subgraph answers (`…/graphql`), for services that follow its events. */
  deliberationUrl?: string;
  /** Where the channels subgraph answers (`…/graphql`), for services that follow its events. */
  channelsUrl?: string;
}

export interface SubgraphProcess {
  name: string;
  database: ServiceDatabase;
  buildSchema(): Promise<GraphQLSchema>;
  createContext(em: RequestContext['em'], caller: Caller): RequestContext<unknown>;
  /** Routes besides GraphQL, for other services only (e.g. a change feed). */
  internalRoutes?(app: express.Express, orm: Orm, settings: SubgraphSettings): void;
  /** Work the process runs in the background while it serves (e.g. following a change feed). */
  startWorkers?(orm: Orm, settings: SubgraphSettings): Array<{ stop(): Promise<void> }>;
}

export interface StartedSubgraph extends RunningServer {
  orm: Orm;
}

/**
 * Starts a subgraph: opens its database, applies its pending migrations, serves it. `stop()`
 * drains requests and closes the database.
 */
export async function startSubgraph(
  subgraph: SubgraphProcess,
  settings: SubgraphSettings,
): Promise<StartedSubgraph> {
  const orm = await openDatabase(subgraph.database, settings.databaseUrl, {}, settings.logger);
  try {
    const applied = await migrate(orm);
    if (applied.length) settings.logger.info({ migrations: applied }, 'migrations applied');
    // Workers first: a process that cannot follow what it must (a missing ORGANIZATION_URL)
    // fails before it takes a single request.
    const workers = subgraph.startWorkers?.(orm, settings) ?? [];
    const stopWorkers = () => Promise.all(workers.map((worker) => worker.stop()));
    const server = await serveSubgraph(
      {
        name: subgraph.name,
        schema: await subgraph.buildSchema(),
        orm,
        logger: settings.logger,
        createContext: subgraph.createContext,
        internalAuthSecret: settings.internalAuthSecret,
        internalRoutes: subgraph.internalRoutes
          ? (app) => subgraph.internalRoutes!(app, orm, settings)
          : undefined,
      },
      settings.port,
      settings.host,
    ).catch(async (error: unknown) => {
      await stopWorkers();
      throw error;
    });
    return {
      ...server,
      orm,
      stop: async () => {
        await stopWorkers();
        await server.stop();
        await orm.close();
      },
    };
  } catch (error) {
    await orm.close();
    throw error;
  }
}

/** The `main` of a subgraph process: configuration, start, clean stop on signals. */
export async function runSubgraphProcess(
  subgraph: SubgraphProcess,
  config: {
    DATABASE_URL: string;
    INTERNAL_AUTH_SECRET: string;
    PORT: number;
    HOST: string;
    LOG_LEVEL: string;
    ORGANIZATION_URL?: string;
    DELIBERATION_URL?: string;
    CHANNELS_URL?: string;
  },
): Promise<void> {
  const logger = createLogger(subgraph.name, config.LOG_LEVEL);
  try {
    const started = await startSubgraph(subgraph, {
      databaseUrl: config.DATABASE_URL,
      internalAuthSecret: config.INTERNAL_AUTH_SECRET,
      port: config.PORT,
      host: config.HOST,
      logger,
      organizationUrl: config.ORGANIZATION_URL,
      deliberationUrl: config.DELIBERATION_URL,
      channelsUrl: config.CHANNELS_URL,
    });
    stopOnSignals(logger, started.stop);
  } catch (error) {
    logger.fatal({ err: error }, 'could not start');
    process.exit(1);
  }
}
