import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { logUnexpectedErrors, maskError, type Logger } from '@cppcc/toolkit';
import express from 'express';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from './config';

/** A subgraph of the supergraph and where the gateway reaches it. */
export interface SubgraphTarget {
  name: string;
  url: string;
}

export interface RunningGateway {
  url: string;
  port: number;
  subgraphs: SubgraphTarget[];
  stop(): Promise<void>;
}

/** The subgraphs the supergraph names (`@join__graph`), with the URLs the config overrides. */
export function subgraphTargets(supergraphSdl: string, config: Config): SubgraphTarget[] {
  const overrides: Record<string, string | undefined> = {
    organization: config.ORGANIZATION_URL,
    deliberation: config.DELIBERATION_URL,
    channels: config.CHANNELS_URL,
  };
  return [...supergraphSdl.matchAll(/@join__graph\(name: "([^"]+)", url: "([^"]+)"\)/g)].map(
    ([, name, url]) => ({
      name,
      url: overrides[name] ?? url,
    }),
  );
}

/** `/readyz` of a subgraph, next to its `/graphql`. */
function readinessUrl(subgraphUrl: string): string {
  return new URL('/readyz', subgraphUrl).toString();
}

async function isReady(target: SubgraphTarget, timeoutMs: number): Promise<boolean> {
  try {
    const response = await fetch(readinessUrl(target.url), {
      signal: AbortSignal.timeout(timeoutMs),
    });
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * Starts the gateway over the committed supergraph: `/graphql`, `GET /healthz`, `GET /readyz`
 * (every subgraph ready). The supergraph is composed ahead of time (`npm run schema`), never at
 * run time; no landing page is served (nothing from a CDN) and Apollo's telemetry is off.
 */
export async function startGateway(config: Config, logger: Logger): Promise<RunningGateway> {
  const supergraphSdl = readFileSync(config.SUPERGRAPH_PATH, 'utf8');
  const targets = subgraphTargets(supergraphSdl, config);
  const urlOf = new Map(targets.map((target) => [target.name, target.url]));

  // @apollo/gateway reads this switch when it is constructed; it has no option for it.
  process.env.APOLLO_TELEMETRY_DISABLED = '1';
  const gateway = new ApolloGateway({
    supergraphSdl,
    logger,
    buildService: ({ name, url }) =>
      new RemoteGraphQLDataSource({
        url: urlOf.get(name) ?? url,
        // A slow subgraph costs its part of the answer, never a hung request.
        fetcher: ((input: string, init: RequestInit) =>
          fetch(input, {
            ...init,
            signal: AbortSignal.timeout(config.SUBGRAPH_TIMEOUT_MS),
          })) as never,
      }),
  });

  const app = express();
  const httpServer = createServer(app);
  const apollo = new ApolloServer({
    gateway,
    formatError: maskError,
    includeStacktraceInErrorResponses: false,
    logger,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      logUnexpectedErrors(logger),
    ],
  });
  await apollo.start();

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', service: 'gateway' });
  });
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
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, { context: async () => ({}) }),
  );

  await new Promise<void>((resolve) => httpServer.listen(config.PORT, config.HOST, resolve));
  const { port } = httpServer.address() as AddressInfo;
  logger.info({ port, subgraphs: targets }, 'gateway ready');
  return {
    port,
    url: `http://127.0.0.1:${port}/graphql`,
    subgraphs: targets,
    stop: async () => {
      await apollo.stop();
      await new Promise<void>((resolve) => {
        httpServer.close(() => resolve());
        httpServer.closeAllConnections();
      });
    },
  };
}
