/**
 * The stack under measurement, as `npm start` runs it: the subgraphs of schema/supergraph.yaml and the gateway as
 * child processes (their built `dist/main.js`), plus the two Hive Gateway processes, on the
 * bench's own ports and database, with their output in log files.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, openSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readSupergraphConfig, type SubgraphEntry } from '@cppcc/scripts';

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
} = { ...stackPorts(100), hive: 4110, hiveNoDedup: 4111 };

export function startChild(
  name: string,
  script: string,
  env: Record<string, string>,
  url: string,
  logDir: string,
): Child {
  mkdirSync(logDir, { recursive: true });
  const log = openSync(join(logDir, `${name}.log`), 'w');
  const child = spawn(process.execPath, [resolve(REPO_ROOT, script)], {
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
