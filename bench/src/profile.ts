/**
 * `npm run bench -- --profile [--label before] [--profile-queries Q4,Q2] [--seconds 20]
 * [--connections 8]`: where each process of the stack spends its CPU under one query's load.
 *
 * For each query the stack (three subgraphs and our gateway) is started afresh with
 * `node --cpu-prof`, warmed up, left to settle, loaded for `--seconds` at `--connections`, then
 * stopped (each process writes its profile as it exits). Only the samples inside the load's
 * window count (start-up and warm-up are left out; the profile's clock is the machine's
 * monotonic clock, as `process.hrtime`). Writes `bench/results/profile-<date>-<label>.md` (top
 * frames by self time, by function and by package, per process, with CPU ms per request from
 * /proc) and the summaries as `.json`; the raw `.cpuprofile` files stay in
 * `$TMPDIR/cppcc-bench-profile/<label>/` for Chrome DevTools or speedscope.
 *
 * Self time is a process's CPU spent in the function itself; on a shared machine absolute
 * milliseconds vary run to run, the shares within a process much less.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { summarizeProfile, type CpuProfile, type ProfileSummary } from './frames';
import { loadHttp, type Measurement, type PreparedRequest } from './load';
import { settle } from './proc';
import { PORTS, REPO_ROOT, localUrl, startStack, stopChild, type Child } from './processes';
import type { BenchQuery } from './queries';

const STACK = ['gateway', 'organization', 'deliberation', 'channels'];

export interface ProfileOptions {
  databaseUrl: string;
  secrets: { AUTH_JWT_SECRET: string; INTERNAL_AUTH_SECRET: string };
  queries: BenchQuery[];
  prepare: (query: BenchQuery, variants: BenchQuery['variants']) => Promise<PreparedRequest[]>;
  label: string;
  seconds: number;
  warmup: number;
  connections: number;
  dir: string;
  commit: string;
  log: (message: string) => void;
}

export interface QueryProfile {
  query: string;
  connections: number;
  seconds: number;
  measurement: Measurement;
  processes: Record<string, ProfileSummary>;
}

const nowUs = () => Number(process.hrtime.bigint() / 1000n);

async function profileQuery(options: ProfileOptions, query: BenchQuery): Promise<QueryProfile> {
  const dir = join(options.dir, options.label, query.name);
  rmSync(dir, { recursive: true, force: true });
  const children: Child[] = [];
  let window = { from: 0, to: 0 };
  let measurement: Measurement;
  try {
    await startStack(
      {
        databaseUrl: options.databaseUrl,
        secrets: options.secrets,
        logDir: join(dir, 'logs'),
        withHive: false,
        subgraphTimeoutMs: 60_000,
        nodeArgs: (name) => [
          '--cpu-prof',
          `--cpu-prof-dir=${dir}`,
          `--cpu-prof-name=${name}.cpuprofile`,
        ],
      },
      children,
    );
    const pids = Object.fromEntries(children.map((child) => [child.name, child.pid]));
    const requests = await options.prepare(query, query.variants);
    const target = `${localUrl(PORTS.gateway)}/graphql/${query.surface}`;
    const first = await fetch(target, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...requests[0].headers },
      body: requests[0].body,
    });
    const text = await first.text();
    if (first.status !== 200 || text.includes('"errors":'))
      throw new Error(`${query.name} answers ${first.status}: ${text.slice(0, 300)}`);
    options.log(`${query.name}: warming up ${options.warmup} s`);
    await loadHttp(target, requests, options.connections, options.warmup, pids);
    await settle(pids);
    window = { from: nowUs(), to: 0 };
    measurement = await loadHttp(target, requests, options.connections, options.seconds, pids);
    window.to = nowUs();
    options.log(
      `${query.name}: ${measurement.rps.toFixed(1)} req/s, ${measurement.errors} errors, CPU ms/request ${JSON.stringify(
        Object.fromEntries(
          Object.entries(measurement.cpuMsPerRequest).map(([name, ms]) => [
            name,
            Number(ms.toFixed(1)),
          ]),
        ),
      )}`,
    );
  } finally {
    for (const child of [...children].reverse()) await stopChild(child);
  }
  const processes: Record<string, ProfileSummary> = {};
  for (const name of STACK) {
    const file = readdirSync(dir).find((entry) => entry === `${name}.cpuprofile`);
    if (!file) throw new Error(`${name} wrote no profile in ${dir} (did it exit cleanly?)`);
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
    processes[name] = summarizeProfile(profile, window.from, window.to);
  }
  return {
    query: query.name,
    connections: options.connections,
    seconds: options.seconds,
    measurement,
    processes,
  };
}

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '–');
const pct = (share: number) => `${(share * 100).toFixed(1)}%`;

export function renderProfiles(
  label: string,
  date: string,
  commit: string,
  profiles: QueryProfile[],
  top = 15,
): string {
  const lines = [
    `# Profiles (${label}), ${date}`,
    '',
    `\`npm run bench -- --profile --label ${label}\` at commit ${commit}: each query alone against a fresh stack under \`node --cpu-prof\`, samples of the load's window only. Self time by function and by package per process; CPU ms per request from /proc over the same window. The profiler samples each process's main thread every millisecond of wall time while it is not idle, so "busy ms sampled" includes time the thread waited for a core (the stack, PostgreSQL and the load generator share 2 cores, with other engineers' work on the same machine during the run): read the shares within a process, and the CPU per request from /proc, not the sampled milliseconds. Native frames (\`writev\`, \`writeBuffer\`) are socket writes.`,
    '',
  ];
  for (const profile of profiles) {
    const { measurement } = profile;
    lines.push(
      `## ${profile.query} (c=${profile.connections}, ${profile.seconds} s)`,
      '',
      `${measurement.requests} requests, ${ms(measurement.rps)} req/s, p50 ${ms(measurement.p50)} ms, ${measurement.errors} errors.`,
      '',
      '| process | CPU ms per request (/proc) | busy ms sampled |',
      '| --- | ---: | ---: |',
    );
    let total = 0;
    for (const name of STACK) {
      const perRequest = measurement.cpuMsPerRequest[name];
      total += perRequest;
      lines.push(`| ${name} | ${ms(perRequest)} | ${ms(profile.processes[name].busyMs)} |`);
    }
    lines.push(`| **all four** | **${ms(total)}** | |`, '');
    for (const name of STACK) {
      const summary = profile.processes[name];
      lines.push(
        `### ${profile.query}: ${name}`,
        '',
        'By package: ' +
          summary.packages
            .slice(0, 8)
            .map((entry) => `${entry.package} ${pct(entry.share)}`)
            .join(', '),
        '',
        '| self | share | function | package |',
        '| ---: | ---: | --- | --- |',
        ...summary.functions
          .slice(0, top)
          .map(
            (frame) =>
              `| ${ms(frame.selfMs)} ms | ${pct(frame.share)} | \`${frame.name.replace(/\|/g, '\\|')}\` | ${frame.package} |`,
          ),
        '',
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Writes a profile run's summaries as `<base>.md` and `<base>.json`. */
export function writeProfiles(
  base: string,
  label: string,
  commit: string,
  profiles: QueryProfile[],
): void {
  const date = new Date().toISOString().slice(0, 10);
  writeFileSync(`${base}.md`, renderProfiles(label, date, commit, profiles));
  writeFileSync(`${base}.json`, `${JSON.stringify({ date, commit, profiles }, null, 2)}\n`);
}

/** Profiles each query and writes `bench/results/profile-<date>-<label>.{md,json}`. */
export async function profileStack(options: ProfileOptions): Promise<string> {
  const profiles: QueryProfile[] = [];
  for (const query of options.queries) profiles.push(await profileQuery(options, query));
  const date = new Date().toISOString().slice(0, 10);
  const base = join(REPO_ROOT, `bench/results/profile-${date}-${options.label}`);
  writeProfiles(base, options.label, options.commit, profiles);
  return base;
}
