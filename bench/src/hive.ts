/**
 * The peer: Hive Gateway (@graphql-hive/gateway) serving the city surface's contract supergraph
 * over the same subgraphs, as its own process. A plugin does what our gateway does for each
 * request: verifies the caller's JWT (the gateway's own `authenticate`) and passes the caller to
 * every subgraph fetch signed with INTERNAL_AUTH_SECRET (`x-cppcc-caller`); without it the
 * subgraphs answer 401. No usage reporting is configured (nothing leaves the machine), no landing
 * page. `HIVE_DEDUP=off` turns off its in-flight deduplication of identical subgraph requests
 * (on by default). `HIVE_PLANNER=rust` plans and executes with Hive Router's runtime
 * (`@graphql-hive/router-runtime`: the Rust query planner, shipped inside the package) instead of
 * the default JavaScript stitching runtime.
 *
 * Environment: the gateway's (AUTH_JWT_SECRET, INTERNAL_AUTH_SECRET, <NAME>_URL of each subgraph,
 * CONTRACTS_DIR) plus PORT, HIVE_DEDUP and HIVE_PLANNER.
 */
import 'reflect-metadata';
import { loadConfig, subgraphTargets } from '@cppcc/gateway';
import { authenticate, createTokenVerifier } from '@cppcc/gateway/dist/auth';
import { CALLER_HEADER, signCallerToken } from '@cppcc/toolkit';
import { createGatewayRuntime } from '@graphql-hive/gateway';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';

/** The contract with each subgraph's URL replaced by where the bench runs it. */
export function withSubgraphUrls(sdl: string, urls: Map<string, string>): string {
  return sdl.replace(
    /@join__graph\(name: "([^"]+)", url: "([^"]+)"\)/g,
    (whole, name: string) => `@join__graph(name: "${name}", url: "${urls.get(name) ?? ''}")`,
  );
}

async function main(): Promise<void> {
  const config = loadConfig();
  const raw = readFileSync(join(config.CONTRACTS_DIR, 'city.graphql'), 'utf8');
  const urls = new Map(subgraphTargets(raw, config).map((target) => [target.name, target.url]));
  const supergraph = withSubgraphUrls(raw, urls);
  const verify = await createTokenVerifier(config);
  const dedup = process.env.HIVE_DEDUP !== 'off';
  const rust = process.env.HIVE_PLANNER === 'rust';
  const runtime = createGatewayRuntime({
    supergraph,
    ...(rust ? { unifiedGraphHandler } : {}),
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: false,
    logging: 'error',
    transportEntries: dedup
      ? undefined
      : { '*.http': { options: { deduplicateInflightRequests: false } } },
    plugins: () => [
      {
        async onContextBuilding({
          context,
          extendContext,
        }: {
          context: unknown;
          extendContext: (extension: Record<string, unknown>) => void;
        }) {
          const request = (context as { request: Request }).request;
          const caller = await authenticate(
            verify,
            'city',
            request.headers.get('authorization') ?? undefined,
          );
          extendContext({
            callerToken: await signCallerToken(caller, config.INTERNAL_AUTH_SECRET),
          });
        },
        onFetch({ context, options, setOptions }) {
          const token = (context as { callerToken?: string } | undefined)?.callerToken;
          if (!token) return;
          setOptions({
            ...options,
            headers: { ...(options.headers as Record<string, string>), [CALLER_HEADER]: token },
          });
        },
      },
    ],
  });
  const server = createServer(runtime);
  await new Promise<void>((done) => server.listen(config.PORT, config.HOST, done));
  console.log(
    `hive gateway (dedup ${dedup ? 'on' : 'off'}, ${rust ? 'Rust' : 'JavaScript'} planner) on ${config.HOST}:${config.PORT}`,
  );
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
