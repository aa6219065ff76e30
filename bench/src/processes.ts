/**
 * The stack under measurement, as `npm start` runs it: the subgraphs of schema/supergraph.yaml and the gateway as
 * child processes (their built `dist/main.js`), plus the two Hive Gateway processes, on the
 * bench's own ports and database, with their output in log files.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, openSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readSupergraphConfig, subgraphUrlVariables, type SubgraphEntry } from '@cppcc/scripts';

export const REPO_ROOT = resolve(__dirname, '../..');

export interface Child {
  name: string;
  pid: number;
  url: string;
  process: ChildProcess;
}

/** The subgraphs the bench runs: every one of schema/supergraph.yaml (its one list). */
export const SUBGRAPHS: SubgraphEntry[] = readSupergraphConfig();
export const SUBGRAPH_NAMES = SUBGRAPHS.map((subgraph) => subgraph.name);

/**
 * The ports of a stack `offset` above `npm start`'s (the gateway's 4000, each subgraph's its
 * routing URL's), so that both run at once: the bench's at 41xx, the soak's at 42xx.
 */
export function stackPorts(offset: number): Record<string, number> & { gateway: number } {
  return {
    gateway: 4000 + offset,
    ...Object.fromEntries(SUBGRAPHS.map((subgraph) => [subgraph.name, subgraph.port + offset])),
  };
}

/** The bench's ports: away from `npm start`'s, so both can run at once. */
export const PORTS: Record<string, number> & {
  gateway: number;
  hive: number;
  hiveNoDedup: number;
  hiveRust: number;
} = { ...stackPorts(100), hive: 4110, hiveNoDedup: 4111, hiveRust: 4112 };

export function startChild(
  name: string,
  script: string,
  env: Record<string, string>,
  url: string,
  logDir: string,
  nodeArgs: string[] = [],
): Child {
  mkdirSync(logDir, { recursive: true });
  const log = openSync(join(logDir, `${name}.log`), 'w');
  const child = spawn(process.execPath, [...nodeArgs, resolve(REPO_ROOT, script)], {
    env: { ...process.env, ...env },
    stdio: ['ignore', log, log],
  });
  if (!child.pid) throw new Error(`${name} did not start`);
  return { name, pid: child.pid, url, process: child };
}

export async function waitUntilReady(
  url: string,
  children: Child[],
  timeoutMs = 120_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const dead = children.find((child) => child.process.exitCode !== null);
    if (dead) throw new Error(`${dead.name} exited while starting (see its log)`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`not ready after ${timeoutMs / 1000} s: ${url}`);
}

export function stopChild(child: Child): Promise<void> {
  const { process: proc } = child;
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const force = setTimeout(() => proc.kill('SIGKILL'), 10_000);
    proc.once('exit', () => {
      clearTimeout(force);
      done();
    });
    proc.kill('SIGTERM');
  });
}

export const localUrl = (port: number): string => `http://127.0.0.1:${port}`;

/** What the stack's processes share: the database and the run's fresh secrets. */
export interface StackOptions {
  databaseUrl: string;
  secrets: { AUTH_JWT_SECRET: string; INTERNAL_AUTH_SECRET: string };
  logDir: string;
  /** Also start the two Hive Gateway peers. */
  withHive: boolean;
  /** Node options for each process of the stack (the profiler's `--cpu-prof`), per process name. */
  nodeArgs?: (name: string) => string[];
  /** The gateway's SUBGRAPH_TIMEOUT_MS; its default when left out. */
  subgraphTimeoutMs?: number;
  /** Where the subgraphs and our gateway listen (the soak has its own); the bench's by default. */
  ports?: Record<string, number> & { gateway: number };
}

/**
 * Starts the subgraphs, our gateway and (optionally) the Hive peers as child processes,
 * pushing each into `children` as it starts (so a caller can stop what started if a later one
 * fails), and waits until each is ready.
 */
export async function startStack(options: StackOptions, children: Child[]): Promise<void> {
  const { databaseUrl, secrets, logDir } = options;
  const nodeArgs = options.nodeArgs ?? (() => []);
  const ports = { ...PORTS, ...options.ports };
  const common = {
    // As the images run every process (services/Dockerfile, gateway/Dockerfile), the peers too:
    // graphql-js and Express skip their development-mode checks.
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    INTERNAL_AUTH_SECRET: secrets.INTERNAL_AUTH_SECRET,
  };
  // Every process learns where every subgraph answers (followers read the feeds beside them).
  const subgraphUrls = subgraphUrlVariables((entry) => `${localUrl(ports[entry.name])}/graphql`);
  for (const { name, folder } of SUBGRAPHS) {
    children.push(
      startChild(
        name,
        `${folder}/dist/main.js`,
        {
          ...common,
          ...subgraphUrls,
          DATABASE_URL: databaseUrl,
          PORT: String(ports[name]),
        },
        localUrl(ports[name]),
        logDir,
        nodeArgs(name),
      ),
    );
  }
  const gatewayEnv = {
    ...common,
    AUTH_JWT_SECRET: secrets.AUTH_JWT_SECRET,
    ...subgraphUrls,
    ...(options.subgraphTimeoutMs
      ? { SUBGRAPH_TIMEOUT_MS: String(options.subgraphTimeoutMs) }
      : {}),
    // A few callers send every request of a run: the per-caller limit would stop the load.
    RATE_LIMIT_SCALE: '1000',
  };
  children.push(
    startChild(
      'gateway',
      'gateway/dist/main.js',
      { ...gatewayEnv, PORT: String(ports.gateway) },
      localUrl(ports.gateway),
      logDir,
      nodeArgs('gateway'),
    ),
  );
  if (options.withHive) {
    children.push(
      startChild(
        'hive',
        'bench/dist/hive.js',
        { ...gatewayEnv, PORT: String(ports.hive) },
        localUrl(ports.hive),
        logDir,
        nodeArgs('hive'),
      ),
    );
    children.push(
      startChild(
        'hiveNoDedup',
        'bench/dist/hive.js',
        { ...gatewayEnv, PORT: String(ports.hiveNoDedup), HIVE_DEDUP: 'off' },
        localUrl(ports.hiveNoDedup),
        logDir,
        nodeArgs('hiveNoDedup'),
      ),
    );
    children.push(
      startChild(
        'hiveRust',
        'bench/dist/hive.js',
        { ...gatewayEnv, PORT: String(ports.hiveRust), HIVE_PLANNER: 'rust' },
        localUrl(ports.hiveRust),
        logDir,
        nodeArgs('hiveRust'),
      ),
    );
  }
  for (const child of children) {
    const probe = child.name.startsWith('hive') ? '/healthcheck' : '/readyz';
    await waitUntilReady(`${child.url}${probe}`, children);
  }
}
