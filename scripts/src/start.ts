/**
 * npm start: PostgreSQL (embedded unless DATABASE_URL is set), migrations, demo data on an empty
 * database, then the subgraphs of schema/supergraph.yaml and the gateway as child processes with labelled logs. Ready
 * when the gateway's /readyz says so; Ctrl-C (or SIGTERM) stops everything cleanly. A process that
 * dies is started again with backoff (supervise.ts), the others running on meanwhile.
 */
import { ConfigError, createLogger } from '@cppcc/toolkit';
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import {
  DEV_IDENTITY_FILES,
  prepareDevIdentityProvider,
  wantsDevIdentityProvider,
} from './identity/development';
import { createProgress } from './progress';
import { REPO_ROOT } from './schema-pipeline';
import { devSecrets } from './secrets';
import { loadDemoIfEmpty, loadStackConfig, migrateAll, openStackDatabase } from './stack';
import { readSupergraphConfig, subgraphUrlVariables } from './subgraphs';
import { supervise, type Supervised } from './supervise';

function run(name: string, script: string, env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, [resolve(REPO_ROOT, script)], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const label = `[${name}]`.padEnd(15);
  for (const stream of [child.stdout!, child.stderr!]) {
    createInterface({ input: stream }).on('line', (line) =>
      process.stdout.write(`${label}${line}\n`),
    );
  }
  return child;
}

async function waitUntilReady(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`not ready after ${timeoutMs / 1000} s: ${url}`);
}

async function main(): Promise<void> {
  const config = loadStackConfig();
  const logger = createLogger('start', config.LOG_LEVEL);
  const database = await openStackDatabase(config, logger);
  const children: Supervised[] = [];
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await Promise.all(children.map((child) => child.stop()));
    await database.stop();
    process.exit(code);
  };
  process.once('SIGINT', () => void stop(0));
  process.once('SIGTERM', () => void stop(0));

  try {
    await migrateAll(database.url, logger);
    await loadDemoIfEmpty(
      database.url,
      { seed: config.DEMO_SEED, preset: config.DEMO_PRESET, scale: config.DEMO_SCALE },
      logger,
      config.DEMO_PRESET && config.DEMO_PRESET !== 'small' ? createProgress() : undefined,
    );
    // A refused configuration will be refused again: nothing to wait for.
    const onGiveUp = () => {
      logger.error('a process cannot start with this configuration: stopping the stack');
      void stop(2);
    };
    const secrets = devSecrets();
    const common = {
      LOG_LEVEL: config.LOG_LEVEL,
      HOST: '127.0.0.1',
      INTERNAL_AUTH_SECRET: secrets.INTERNAL_AUTH_SECRET,
    };
    // Every process learns where every subgraph answers (followers read the organization's feed).
    const subgraphUrls = subgraphUrlVariables(
      (subgraph) => `http://127.0.0.1:${subgraph.port}/graphql`,
    );
    for (const subgraph of readSupergraphConfig()) {
      const env = {
        ...common,
        ...subgraphUrls,
        DATABASE_URL: database.url,
        PORT: String(subgraph.port),
        // A webhook receiver on this machine, for local use (production refuses loopback).
        WEBHOOK_ALLOW_LOOPBACK: process.env.WEBHOOK_ALLOW_LOOPBACK ?? 'true',
      };
      children.push(
        supervise(
          subgraph.name,
          () => run(subgraph.name, `${subgraph.folder}/dist/main.js`, env),
          logger,
          { onGiveUp },
        ),
      );
    }
    // Departments' systems get their tokens from an identity provider: a development one on this
    // machine when the operator configured none.
    let identityEnv: Record<string, string> = {};
    if (wantsDevIdentityProvider(process.env)) {
      const provider = await prepareDevIdentityProvider(
        database.url,
        config.IDENTITY_PROVIDER_PORT,
        secrets.AUTH_JWT_SECRET,
        logger,
      );
      identityEnv = provider.gatewayEnv;
      const env = { ...common, IDENTITY_PROVIDER_CONFIG: DEV_IDENTITY_FILES.options };
      children.push(
        supervise('identity', () => run('identity', 'scripts/dist/identity/main.js', env), logger, {
          onGiveUp,
        }),
      );
      logger.info(
        { issuer: provider.issuer, clients: DEV_IDENTITY_FILES.clients },
        "development identity provider for departments' systems (loopback only; a client per department)",
      );
    }
    const gatewayEnv = {
      ...common,
      ...subgraphUrls,
      ...identityEnv,
      AUTH_JWT_SECRET: secrets.AUTH_JWT_SECRET,
      // The front end's picker of development identities (gateway/src/web.ts).
      DEV_SIGN_IN: process.env.DEV_SIGN_IN ?? 'true',
      HOST: '0.0.0.0',
      PORT: String(config.PORT),
    };
    children.push(
      supervise('gateway', () => run('gateway', 'gateway/dist/main.js', gatewayEnv), logger, {
        onGiveUp,
      }),
    );
    await waitUntilReady(`http://127.0.0.1:${config.PORT}/readyz`);
    logger.info(
      `the CPPCC graph is ready: the dashboard at http://localhost:${config.PORT}/, ` +
        `the graph at http://localhost:${config.PORT}/graphql/{city,county,home,department,public} ` +
        '(tokens: npm run token -- --level COUNTY --division 320706' +
        (identityEnv.AUTH_JWKS_URL
          ? `; departments' systems: client credentials at ${identityEnv.AUTH_JWT_ISSUER}/token, clients in ${DEV_IDENTITY_FILES.clients}, docs/departments.md`
          : '') +
        '; Ctrl-C stops it)',
    );
  } catch (error) {
    logger.fatal({ err: error }, 'could not start the stack');
    await stop(1);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(error instanceof ConfigError ? 2 : 1);
});
