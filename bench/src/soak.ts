/**
 * npm run soak: the stack (three subgraphs and the gateway, as `npm start` runs them) on a demo
 * preset under a mix of reads (the bench's Q1–Q5) and writes (`createHome`, one request in 8)
 * through the gateway at 64 connections for N minutes, optionally with PostgreSQL restarted in the
 * middle. Per minute: requests, errors by code, p50/p99 latency (ms), every process's resident
 * memory (MB). At the end: whether every acknowledged write exists, in the organization and in
 * the projections that follow it. Printed, and written to bench/results/soak-<preset>-<date>.{json,md}.
 */
import 'reflect-metadata';
import {
  DEMO_PRESET_NAMES,
  loadDemoIfEmpty,
  migrateAll,
  type DemoPresetName,
} from '@cppcc/scripts';
import { createLogger, ensureDatabase, withDatabase } from '@cppcc/toolkit';
import autocannon from 'autocannon';
import { SignJWT } from 'jose';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Pool } from 'pg';
import { REPO_ROOT, stackPorts, startStack, stopChild, type Child } from './processes';
import { buildQueries, loadFixtures, type Claims } from './queries';
import { parseProcStatus } from './stats';

const SEED = 20190816;
/** The soak's ports: away from `npm start`'s 4000–4003 and the bench's 41xx. */
const PORTS = stackPorts(200);
const WRITE_EVERY = 8;

interface Minute {
  minute: number;
  requests: number;
  errors: Record<string, number>;
  p50: number;
  p99: number;
  /** Resident memory at the minute's end, MB, per process. */
  rssMb: Record<string, number>;
  /**
   * The machine's load average over the last minute at the minute's end (as `uptime` prints it):
   * the stack shares its cores with whatever else runs, which inflates the latencies.
   */
  load: number;
}

/**
 * Restarts the machine's PostgreSQL: Debian's `pg_ctlcluster` (the newest installed version's
 * `main` cluster) where it is installed, systemd's unit otherwise.
 */
const DEFAULT_RESTART =
  'if command -v pg_ctlcluster >/dev/null; then ' +
  'pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -n | tail -1)" main restart; ' +
  'else systemctl restart postgresql; fi';

const CREATE_HOME = `mutation Soak($input: CreateHomeInput!) { createHome(input: $input) { id } }`;

function rssMb(pid: number): number {
  try {
    return parseProcStatus(readFileSync(`/proc/${pid}/status`, 'utf8'), 'VmRSS') / 1024;
  } catch {
    return Number.NaN; // the process is gone
  }
}

/** The codes of a GraphQL answer's errors (`extensions.code`), or its HTTP status. */
function codesOf(status: number, body: string): string[] {
  const codes = [...body.matchAll(/"code":"([A-Z_]+)"/g)].map((match) => match[1]);
  if (codes.length) return codes;
  return status >= 200 && status < 300 ? [] : [`HTTP_${status}`];
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      preset: { type: 'string', default: process.env.DEMO_PRESET ?? 'city' },
      minutes: { type: 'string', default: '10' },
      connections: { type: 'string', default: '64' },
      'restart-postgres-at': { type: 'string' },
      'restart-command': {
        type: 'string',
        default: DEFAULT_RESTART,
      },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(
      'npm run soak -- [--preset small|city|province] [--minutes 10] [--connections 64] ' +
        '[--restart-postgres-at <minute> [--restart-command "<shell command that stops and starts PostgreSQL>"]]',
    );
    return;
  }
  const preset = values.preset as DemoPresetName;
  if (!DEMO_PRESET_NAMES.includes(preset)) {
    console.error(`--preset must be small, city or province, not "${values.preset}"`);
    process.exit(2);
  }
  const minutes = Number(values.minutes);
  const connections = Number(values.connections);
  const restartAt =
    values['restart-postgres-at'] === undefined ? undefined : Number(values['restart-postgres-at']);
  if (!(minutes >= 1) || !(connections >= 1) || (restartAt !== undefined && !(restartAt >= 0))) {
    console.error('--minutes and --connections must be 1 or more, --restart-postgres-at 0 or more');
    process.exit(2);
  }
  const logger = createLogger('soak', process.env.LOG_LEVEL ?? 'warn');
  const log = (message: string) => console.log(`[soak] ${message}`);

  const server = process.env.BENCH_DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const databaseUrl = withDatabase(server, `cppcc_soak_${preset}`);
  await ensureDatabase(databaseUrl);
  log(`database ${databaseUrl}: migrating, loading the ${preset} preset unless loaded`);
  await migrateAll(databaseUrl, logger);
  await loadDemoIfEmpty(databaseUrl, { seed: SEED, preset, scale: 1 }, logger);
  const pool = new Pool({ connectionString: databaseUrl, max: 4 });
  pool.on('error', () => undefined); // PostgreSQL restarting: the pool opens new connections
  const contract = readFileSync(join(REPO_ROOT, 'schema/contracts/city.graphql'), 'utf8');
  const hasField = (name: string) => new RegExp(`^\\s+${name}\\(`, 'm').test(contract);
  const queries = buildQueries(await loadFixtures(pool), hasField).filter((q) => !q.skipped);

  const secrets = {
    AUTH_JWT_SECRET: randomBytes(32).toString('base64url'),
    INTERNAL_AUTH_SECRET: randomBytes(32).toString('base64url'),
  };
  const tokenOf = (claims: Claims) =>
    new SignJWT({ ...claims })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(`soak:${claims.level.toLowerCase()}:${claims.homeId ?? claims.division}`)
      .setIssuedAt()
      .setExpirationTime('24h')
      .sign(new TextEncoder().encode(secrets.AUTH_JWT_SECRET));
  const reads: Array<{ path: string; body: string; authorization: string }> = [];
  for (const query of queries)
    for (const variant of query.variants)
      reads.push({
        path: `/graphql/${query.surface}`,
        body: JSON.stringify({ query: query.query, variables: variant.variables }),
        authorization: `Bearer ${await tokenOf(variant.claims)}`,
      });
  const writer = `Bearer ${await tokenOf({ level: 'CITY', division: '3207', roles: ['STAFF'] })}`;

  const logDir = join(tmpdir(), 'cppcc-soak-logs');
  const url = (port: number) => `http://127.0.0.1:${port}`;
  const children: Child[] = [];
  const stopAll = async () => {
    for (const child of [...children].reverse()) await stopChild(child);
  };
  process.once('SIGINT', () => void stopAll().then(() => process.exit(130)));
  const run = `${Date.now().toString(36)}`;
  const acknowledged: string[] = [];
  const perMinute: Minute[] = [];
  let restart: { startedAt: number; endedAt?: number; recoveredAt?: number } | undefined;
  let errorsOutsideRestart = 0;
  /** The messages of the errors outside the restart window, with how often each came. */
  const outsideMessages: Record<string, number> = {};
  try {
    // As the bench: 64 connections of the mix queue for longer than the 10 s default on a small
    // shared machine; the soak is about faults, not about shedding load.
    await startStack(
      { databaseUrl, secrets, logDir, withHive: false, ports: PORTS, subgraphTimeoutMs: 60_000 },
      children,
    );
    log(
      `${connections} connections for ${minutes} min: ${reads.length} reads (Q1–Q5) and a createHome every ${WRITE_EVERY} requests; logs in ${logDir}`,
    );

    // A request belongs to the restart when it was in flight at some moment between the restart's
    // start and the first success after it: one sent before PostgreSQL went may fail when it
    // goes, however late its answer comes back through the load's queue.
    const inRestartWindow = (sentAt: number, answeredAt: number) =>
      restart !== undefined &&
      answeredAt >= restart.startedAt &&
      (restart.recoveredAt === undefined || sentAt <= restart.recoveredAt);
    let sent = 0;
    for (let minute = 1; minute <= minutes; minute++) {
      if (restartAt !== undefined && minute === restartAt + 1 && !restart) {
        restart = { startedAt: Date.now() };
        const current = restart;
        log(`restarting PostgreSQL: ${values['restart-command']}`);
        const command = spawn('sh', ['-c', values['restart-command']!], { stdio: 'inherit' });
        command.once('exit', (code) => {
          current.endedAt = Date.now();
          log(`restart command done (exit ${code}); waiting for the first successful read`);
          // A light read (the city's name, asked afresh) every 100 ms without waiting for the
          // last: recovery is when the first one that succeeded was sent, not answered, so the
          // queue of the load's own requests does not count.
          const probe = {
            query: '{ division(code: "3207") { name } }',
          };
          const timer = setInterval(() => {
            const sentAt = Date.now();
            void fetch(`${url(PORTS.gateway)}/graphql/city`, {
              method: 'POST',
              headers: {
                'content-type': 'application/json',
                'cache-control': 'no-cache',
                authorization: writer,
              },
              body: JSON.stringify(probe),
            })
              .then(async (answer) => {
                if (!answer.ok || (await answer.text()).includes('"errors":')) return;
                clearInterval(timer);
                if (current.recoveredAt === undefined || sentAt < current.recoveredAt) {
                  current.recoveredAt = sentAt;
                  log(
                    `recovered: a read sent ${((sentAt - current.endedAt!) / 1000).toFixed(2)} s after the restart command succeeded`,
                  );
                }
              })
              .catch(() => undefined);
          }, 100);
        });
      }
      const errors: Record<string, number> = {};
      const result = await autocannon({
        url: url(PORTS.gateway),
        connections,
        duration: 60,
        // The load saturates the machine on purpose: a request may queue for many seconds.
        timeout: 60,
        requests: [
          {
            setupRequest: (request, context) => {
              (context as { sentAt?: number }).sentAt = Date.now();
              const n = sent++;
              if (n % WRITE_EVERY === 0) {
                return {
                  ...request,
                  method: 'POST',
                  path: '/graphql/city',
                  headers: { 'content-type': 'application/json', authorization: writer },
                  body: JSON.stringify({
                    query: CREATE_HOME,
                    variables: {
                      input: { name: `耐久${run}第${n}号之家`, divisionCode: '320706001' },
                    },
                  }),
                };
              }
              const read = reads[n % reads.length];
              return {
                ...request,
                method: 'POST',
                path: read.path,
                headers: { 'content-type': 'application/json', authorization: read.authorization },
                body: read.body,
              };
            },
            onResponse: (status, body, context) => {
              const id = /"createHome":\{"id":"([0-9a-f-]{36})"\}/.exec(body)?.[1];
              if (id && status === 200) acknowledged.push(id);
              const codes = codesOf(status, body);
              for (const code of codes) errors[code] = (errors[code] ?? 0) + 1;
              const { sentAt = Date.now() } = context as { sentAt?: number };
              if (codes.length && !inRestartWindow(sentAt, Date.now())) {
                errorsOutsideRestart += 1;
                const message =
                  /"message":"((?:[^"\\]|\\.){0,200})/.exec(body)?.[1] ?? `HTTP ${status}`;
                outsideMessages[message] = (outsideMessages[message] ?? 0) + 1;
              }
            },
          },
        ],
      });
      if (result.errors) errors.SOCKET = (errors.SOCKET ?? 0) + result.errors - result.timeouts;
      if (result.timeouts) errors.TIMEOUT = (errors.TIMEOUT ?? 0) + result.timeouts;
      const rss: Record<string, number> = { soak: process.memoryUsage().rss / 1024 / 1024 };
      for (const child of children) rss[child.name] = rssMb(child.pid);
      const row: Minute = {
        minute,
        requests: result['2xx'] + result.non2xx,
        errors,
        p50: result.latency.p50,
        p99: result.latency.p99,
        rssMb: Object.fromEntries(Object.entries(rss).map(([k, v]) => [k, Math.round(v)])),
        load: Math.round(loadavg()[0] * 100) / 100,
      };
      perMinute.push(row);
      log(
        `minute ${minute}: ${row.requests} requests, p50 ${row.p50} ms, p99 ${row.p99} ms, errors ${JSON.stringify(errors)}, load ${row.load}, RSS MB ${JSON.stringify(row.rssMb)}`,
      );
    }
    if (restart && restart.recoveredAt === undefined) {
      // Still waiting for the first success after the restart: give it until 30 s have passed.
      const deadline = Date.now() + 30_000;
      while (restart.recoveredAt === undefined && Date.now() < deadline)
        await new Promise((done) => setTimeout(done, 200));
    }

    // Every acknowledged write, in the organization and (within 10 s) in both projections.
    const missing: Record<string, number> = {};
    const count = async (table: string) =>
      (
        await pool.query<{ n: number }>(
          `select count(*)::int as n from ${table} where id = any($1::uuid[])`,
          [acknowledged],
        )
      ).rows[0].n;
    for (const table of [
      'organization.home',
      'deliberation.home_projection',
      'channels.home_projection',
    ]) {
      const deadline = Date.now() + 10_000;
      let found = await count(table);
      while (found < acknowledged.length && Date.now() < deadline) {
        await new Promise((done) => setTimeout(done, 500));
        found = await count(table);
      }
      missing[table] = acknowledged.length - found;
    }

    const totals = {
      requests: perMinute.reduce((sum, row) => sum + row.requests, 0),
      errors: perMinute.reduce<Record<string, number>>((all, row) => {
        for (const [code, n] of Object.entries(row.errors)) all[code] = (all[code] ?? 0) + n;
        return all;
      }, {}),
      errorsOutsideRestart,
      outsideMessages,
      acknowledgedWrites: acknowledged.length,
      missing,
      restart: restart && {
        commandSeconds: restart.endedAt && (restart.endedAt - restart.startedAt) / 1000,
        recoverySeconds:
          restart.recoveredAt && restart.endedAt && (restart.recoveredAt - restart.endedAt) / 1000,
      },
    };
    const ok =
      Object.values(missing).every((n) => n === 0) &&
      errorsOutsideRestart === 0 &&
      (!totals.restart || (totals.restart.recoverySeconds ?? Infinity) <= 5);
    const date = new Date().toISOString().slice(0, 10);
    const settings = { preset, minutes, connections, restartAt, writeEvery: WRITE_EVERY };
    const folder = join(REPO_ROOT, 'bench/results');
    mkdirSync(folder, { recursive: true });
    const base = join(folder, `soak-${preset}-${date}`);
    writeFileSync(
      `${base}.json`,
      `${JSON.stringify({ settings, totals, perMinute, ok }, null, 2)}\n`,
    );
    const names = Object.keys(perMinute[0]?.rssMb ?? {});
    const md = [
      `# Soak: ${preset}, ${minutes} min at ${connections} connections${restartAt !== undefined ? `, PostgreSQL restarted at minute ${restartAt}` : ''}`,
      '',
      `Reads (the bench's Q1–Q5) and a \`createHome\` every ${WRITE_EVERY} requests through the gateway; written by \`npm run soak\`.`,
      '',
      `| minute | requests | p50 ms | p99 ms | errors | load | ${names.map((name) => `${name} MB`).join(' | ')} |`,
      `| --- | --- | --- | --- | --- | --- | ${names.map(() => '---').join(' | ')} |`,
      ...perMinute.map(
        (row) =>
          `| ${row.minute} | ${row.requests} | ${row.p50} | ${row.p99} | ${
            Object.entries(row.errors)
              .map(([code, n]) => `${code} ${n}`)
              .join(', ') || '0'
          } | ${row.load} | ${names.map((name) => row.rssMb[name]).join(' | ')} |`,
      ),
      '',
      `Requests ${totals.requests}; errors ${JSON.stringify(totals.errors)}, ${errorsOutsideRestart} outside the restart window; ` +
        `acknowledged writes ${acknowledged.length}, missing ${JSON.stringify(missing)}` +
        (totals.restart
          ? `; restart command ${totals.restart.commandSeconds} s, first success ${totals.restart.recoverySeconds} s after it`
          : '') +
        `. ${ok ? 'PASS' : 'FAIL'}.`,
      '',
      ...Object.entries(outsideMessages).map(
        ([message, n]) => `- outside the restart window, ${n}×: ${message}`,
      ),
      '',
    ].join('\n');
    writeFileSync(`${base}.md`, md);
    console.log(md);
    log(`wrote ${base}.json and .md`);
    process.exitCode = ok ? 0 : 1;
  } finally {
    await stopAll();
    await pool.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
