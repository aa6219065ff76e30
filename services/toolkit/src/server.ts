import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { UNRESTRICTED_CALLER, type RequestContext } from './context';
import { isDatabaseReachable, type Orm } from './database';
import { maskError } from './errors';
import type { Logger } from './logger';

export interface SubgraphServerOptions<Loaders> {
  name: string;
  schema: GraphQLSchema;
  orm: Orm;
  logger: Logger;
  /** Builds the request's loaders over the request's own EntityManager. */
  createLoaders(em: RequestContext['em']): Loaders;
}

export interface RunningServer {
  /** e.g. `http://127.0.0.1:4001/graphql` */
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * Serves a subgraph: GraphQL on `/graphql`, `GET /healthz` (alive) and `GET /readyz` (database
 * reachable), errors masked to the contract's codes, no landing page (nothing from a CDN).
 */
export async function serveSubgraph<Loaders>(
  options: SubgraphServerOptions<Loaders>,
  port: number,
  host = '0.0.0.0',
): Promise<RunningServer> {
  const app = express();
  const httpServer = createServer(app);
  const apollo = new ApolloServer<RequestContext<Loaders>>({
    schema: options.schema,
    formatError: maskError,
    includeStacktraceInErrorResponses: false,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginLandingPageDisabled()],
    logger: options.logger,
  });
  await apollo.start();

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', service: options.name });
  });
  app.get('/readyz', async (_req, res) => {
    const ready = await isDatabaseReachable(options.orm);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'database unreachable', service: options.name });
  });
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async () => {
        const em = options.orm.em.fork();
        return { caller: UNRESTRICTED_CALLER, em, loaders: options.createLoaders(em) };
      },
    }),
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

/** Stops cleanly on SIGTERM/SIGINT: drains requests, closes the database, then exits. */
export function stopOnSignals(logger: Logger, stop: () => Promise<void>): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    stop().then(
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
