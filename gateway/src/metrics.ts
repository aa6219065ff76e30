import { ProcessMetrics } from '@cppcc/contract';
import { Counter, Histogram } from 'prom-client';
import type { SubgraphFetch } from './subgraph-fetch';

/** Buckets of subgraph fetch latencies, in seconds: 5 ms to 10 s (the default timeout). */
const FETCH_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** The gateway's metrics: every process's (toolkit metrics.ts), its subgraph fetches and its answer cache. */
export class GatewayMetrics extends ProcessMetrics {
  readonly fetchDuration = new Histogram({
    name: 'cppcc_subgraph_fetch_duration_seconds',
    help: 'Time of a fetch from a subgraph until its answer’s headers, in seconds, by subgraph and outcome (ok, http_<status>, timeout, unreachable). Identical fetches in flight share one (subgraph-fetch.ts) and count once.',
    labelNames: ['subgraph', 'outcome'],
    buckets: FETCH_BUCKETS,
    registers: [this.registry],
  });
  readonly fetchErrors = new Counter({
    name: 'cppcc_subgraph_fetch_errors_total',
    help: 'Fetches from a subgraph that failed, by subgraph and reason (http_<status>, timeout, unreachable); the answer misses that subgraph’s part (SERVICE_UNAVAILABLE).',
    labelNames: ['subgraph', 'reason'],
    registers: [this.registry],
  });
  readonly cacheLookups = new Counter({
    name: 'cppcc_response_cache_lookups_total',
    help: 'Lookups of the answer cache (response-cache.ts), by result: hit (answered from the cache) or miss.',
    labelNames: ['result'],
    registers: [this.registry],
  });

  constructor() {
    super('gateway');
  }

  /** `fetchOnce`, timed and its failures counted, as the fetches of subgraph `name`. */
  measuredFetch(name: string, fetchOnce: SubgraphFetch = fetch): SubgraphFetch {
    return async (input, init) => {
      const stop = this.fetchDuration.startTimer({ subgraph: name });
      try {
        const response = await fetchOnce(input, init);
        const outcome = response.ok ? 'ok' : `http_${response.status}`;
        stop({ outcome });
        if (!response.ok) this.fetchErrors.inc({ subgraph: name, reason: outcome });
        return response;
      } catch (error) {
        const reason =
          (error as { name?: string } | null)?.name === 'TimeoutError' ? 'timeout' : 'unreachable';
        stop({ outcome: reason });
        this.fetchErrors.inc({ subgraph: name, reason });
        throw error;
      }
    };
  }

  /** Counts a lookup of the answer cache. */
  cacheLookup(hit: boolean): void {
    this.cacheLookups.inc({ result: hit ? 'hit' : 'miss' });
  }
}
