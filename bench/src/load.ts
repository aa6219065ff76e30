/**
 * Load: autocannon (programmatic) for HTTP targets, a closed loop of promises for the SQL floor.
 * Each measurement records latency percentiles, requests per second, errors, and the CPU
 * milliseconds each process of the stack spent, from /proc before and after.
 */
import autocannon from 'autocannon';
import { performance } from 'node:perf_hooks';
import { cpuDelta, cpuSnapshot } from './proc';
import { percentile } from './stats';

/** One prepared HTTP request: its body and headers. */
export interface PreparedRequest {
  body: string;
  headers: Record<string, string>;
}

export interface Measurement {
  connections: number;
  seconds: number;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  mean: number;
  /** Non-2xx answers, GraphQL errors in a 2xx answer, and socket errors or timeouts. */
  errors: number;
  /** CPU milliseconds per request of each process (the bench process itself included). */
  cpuMsPerRequest: Record<string, number>;
}

/** Whether an answer counts as an error: not 2xx, or a GraphQL `errors` entry. */
export function isErrorAnswer(status: number, body: string): boolean {
  return status < 200 || status >= 300 || body.includes('"errors":');
}

/** Sends the requests round-robin for `seconds` over `connections` connections. */
export async function loadHttp(
  url: string,
  requests: PreparedRequest[],
  connections: number,
  seconds: number,
  pids: Record<string, number>,
): Promise<Measurement> {
  let next = 0;
  let graphqlErrors = 0;
  const before = cpuSnapshot(pids);
  const selfBefore = process.cpuUsage();
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    method: 'POST',
    timeout: 60,
    requests: [
      {
        setupRequest: (request) => {
          const prepared = requests[next++ % requests.length];
          return {
            ...request,
            method: 'POST',
            body: prepared.body,
            headers: { 'content-type': 'application/json', ...prepared.headers },
          };
        },
        onResponse: (status, body) => {
          if (status >= 200 && status < 300 && body.includes('"errors":')) graphqlErrors += 1;
        },
      },
    ],
  });
  const self = process.cpuUsage(selfBefore);
  const cpu = cpuDelta(before, cpuSnapshot(pids));
  cpu.bench = (self.user + self.system) / 1000;
  const completed = result['2xx'] + result.non2xx;
  return {
    connections,
    seconds: result.duration,
    requests: completed,
    rps: completed / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    mean: result.latency.mean,
    errors: result.non2xx + graphqlErrors + result.errors + result.timeouts,
    cpuMsPerRequest: perRequest(cpu, completed),
  };
}

/** Runs `work` in `connections` closed loops for `seconds` (the SQL floor's load). */
export async function loadLoop(
  work: (index: number) => Promise<void>,
  connections: number,
  seconds: number,
  pids: Record<string, number>,
): Promise<Measurement> {
  const latencies: number[] = [];
  let errors = 0;
  let index = 0;
  const before = cpuSnapshot(pids);
  const selfBefore = process.cpuUsage();
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline) {
        const sent = performance.now();
        try {
          await work(index++);
        } catch {
          errors += 1;
        }
        latencies.push(performance.now() - sent);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const self = process.cpuUsage(selfBefore);
  const cpu = cpuDelta(before, cpuSnapshot(pids));
  cpu.bench = (self.user + self.system) / 1000;
  return {
    connections,
    seconds: elapsed,
    requests: latencies.length,
    rps: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    mean: latencies.reduce((sum, value) => sum + value, 0) / Math.max(1, latencies.length),
    errors,
    cpuMsPerRequest: perRequest(cpu, latencies.length),
  };
}

function perRequest(cpu: Record<string, number>, requests: number): Record<string, number> {
  return Object.fromEntries(
    Object.entries(cpu).map(([name, ms]) => [name, requests ? ms / requests : Number.NaN]),
  );
}
