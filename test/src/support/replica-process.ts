/**
 * A replica of each subgraph as its own operating-system process (the built
 * `services/<name>/dist/main.js`, as `npm start` and a container run it), so a test can kill it
 * for real (SIGKILL: no shutdown hook runs, its transactions are cut off mid-way) and start it
 * again on the same port.
 */
import { TEST_INTERNAL_AUTH_SECRET } from '@cppcc/toolkit/testing';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, openSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { SubgraphName } from './stack';

const REPO_ROOT = resolve(__dirname, '../../..');

export interface ReplicaProcess {
  name: SubgraphName;
  /** The subgraph's GraphQL endpoint, e.g. `http://127.0.0.1:40123/graphql`. */
  url: string;
  /** Kills the process with SIGKILL and waits until it is gone. */
  kill(): Promise<void>;
  /** Starts it again on the same port and waits until it says it is ready. */
  restart(): Promise<void>;
  /** Stops it cleanly (SIGTERM), if it runs. */
  stop(): Promise<void>;
}

/** A port nothing listens on now (the kernel's choice). */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => child.once('exit', () => done()));
}

async function untilReady(origin: string, child: ChildProcess, name: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited while starting`);
    try {
      if ((await fetch(`${origin}/readyz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error(`${name} not ready after 60 s`);
}

async function startReplicaProcess(
  name: SubgraphName,
  env: Record<string, string>,
): Promise<ReplicaProcess> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const logDir = join(tmpdir(), 'cppcc-replica-processes');
  mkdirSync(logDir, { recursive: true });
  let child: ChildProcess;
  const start = async () => {
    const log = openSync(join(logDir, `${name}-${port}.log`), 'a');
    child = spawn(process.execPath, [join(REPO_ROOT, `services/${name}/dist/main.js`)], {
      env: {
        ...process.env,
        LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
        HOST: '127.0.0.1',
        PORT: String(port),
        INTERNAL_AUTH_SECRET: TEST_INTERNAL_AUTH_SECRET,
        ...env,
      },
      stdio: ['ignore', log, log],
    });
    await untilReady(origin, child, name);
  };
  await start();
  return {
    name,
    url: `${origin}/graphql`,
    kill: async () => {
      const gone = exited(child);
      child.kill('SIGKILL');
      await gone;
    },
    restart: start,
    stop: async () => {
      const gone = exited(child);
      child.kill('SIGTERM');
      await gone;
    },
  };
}

/** One replica of each subgraph as processes over `databaseUrl`, following one another's feeds. */
export async function startReplicaProcesses(
  databaseUrl: string,
): Promise<Record<SubgraphName, ReplicaProcess>> {
  const organization = await startReplicaProcess('organization', { DATABASE_URL: databaseUrl });
  const followers = { DATABASE_URL: databaseUrl, ORGANIZATION_URL: organization.url };
  const deliberation = await startReplicaProcess('deliberation', followers);
  const channels = await startReplicaProcess('channels', {
    ...followers,
    DELIBERATION_URL: deliberation.url,
  });
  return {
    organization,
    deliberation,
    channels,
    petitions: await startReplicaProcess('petitions', {
      ...followers,
      DELIBERATION_URL: deliberation.url,
      CHANNELS_URL: channels.url,
    }),
  };
}
