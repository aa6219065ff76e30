import type { RequestHandler } from 'express';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * A label value from a set that only the caller bounds (operation names, error codes): kept as
 * given while it looks like what it should and fewer than `max` distinct values have been seen,
 * otherwise `other`. Each distinct value is a time series in Prometheus; a client that invents a
 * new operation name per request must not be able to grow them without end.
 */
export class BoundedLabel {
  private readonly seen = new Set<string>();

  constructor(
    private readonly pattern: RegExp,
    private readonly max: number,
    private readonly other = '(other)',
  ) {}

  of(value: string): string {
    if (this.seen.has(value)) return value;
    if (!this.pattern.test(value) || this.seen.size >= this.max) return this.other;
    this.seen.add(value);
    return value;
  }
}

/** Buckets of request and fetch latencies, in seconds: 5 ms to 10 s. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** The metrics of one process (a subgraph or the gateway), each in its own registry. */
/** The few calls of a connection pool (knex's tarn) the gauges read. */
export interface PoolView {
  max: number;
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
}

export class ProcessMetrics {
  readonly registry = new Registry();
  /** Requests by surface, route kind, GraphQL operation name and outcome (`ok` or an error code). */
  readonly requests: Counter<'surface' | 'route' | 'operation' | 'outcome'>;
  readonly requestDuration: Histogram<'surface' | 'route' | 'operation'>;
  /** Requests refused for their caller's rate (429 RATE_LIMITED). */
  readonly rateLimited: Counter<'surface'>;
  /** At most 100 operation names, each a GraphQL name; anonymous operations are `(anonymous)`. */
  readonly operationNames = new BoundedLabel(/^[_A-Za-z][_0-9A-Za-z]{0,63}$/, 100);
  /** At most 40 error codes, each in the contract's SCREAMING_SNAKE_CASE. */
  readonly outcomes = new BoundedLabel(/^[A-Z][A-Z0-9_]{0,47}$/, 40);

  constructor(service: string) {
    this.registry.setDefaultLabels({ service });
    // CPU, memory, heap, event loop lag, handles, GC: prom-client's standard process metrics.
    collectDefaultMetrics({ register: this.registry });
    this.requests = new Counter({
      name: 'cppcc_requests_total',
      help: 'HTTP requests answered, by surface, route kind (graphql, export, health, metrics, internal, other), GraphQL operation name and outcome (ok, or the first error code, or HTTP_<status>).',
      labelNames: ['surface', 'route', 'operation', 'outcome'],
      registers: [this.registry],
    });
    this.requestDuration = new Histogram({
      name: 'cppcc_request_duration_seconds',
      help: 'Time from a request’s arrival to the end of its answer, in seconds.',
      labelNames: ['surface', 'route', 'operation'],
      buckets: LATENCY_BUCKETS,
      registers: [this.registry],
    });
    this.rateLimited = new Counter({
      name: 'cppcc_rate_limited_total',
      help: 'Requests refused with 429 RATE_LIMITED, by surface.',
      labelNames: ['surface'],
      registers: [this.registry],
    });
  }

  /** The `operation` label of a GraphQL operation's name. */
  operationLabel(name: string | null | undefined): string {
    return name ? this.operationNames.of(name) : '(anonymous)';
  }

  /** The `outcome` label of an answer: `ok`, its first error code, or `HTTP_<status>`. */
  outcomeLabel(status: number, code: string | undefined): string {
    if (code) return this.outcomes.of(code);
    return status < 400 ? 'ok' : `HTTP_${status}`;
  }

  /**
   * The database pool's connections (`used`, `free`, `pending` acquisitions), read from the
   * process's pool when Prometheus asks (`pool` answers undefined once the pool is closed).
   */
  measurePool(pool: () => PoolView | undefined): void {
    new Gauge({
      name: 'cppcc_db_pool_connections',
      help: 'Connections of the database pool: used (lent to a query or transaction), free (idle), pending (acquisitions waiting for a connection).',
      labelNames: ['state'],
      registers: [this.registry],
      collect() {
        const view = pool();
        this.set({ state: 'used' }, view?.numUsed() ?? 0);
        this.set({ state: 'free' }, view?.numFree() ?? 0);
        this.set({ state: 'pending' }, view?.numPendingAcquires() ?? 0);
      },
    });
    new Gauge({
      name: 'cppcc_db_pool_max',
      help: 'Connections the database pool may open at most.',
      registers: [this.registry],
      collect() {
        this.set(pool()?.max ?? 0);
      },
    });
  }

  /** The change feeds this process follows: position and seconds since it last reached the head. */
  measureFeeds(): void {
    new Gauge({
      name: 'cppcc_change_feed_position',
      help: 'The last change (seq) of another service’s feed applied here, by feed.',
      labelNames: ['feed'],
      registers: [this.registry],
      collect() {
        for (const [feed, progress] of FEEDS) this.set({ feed }, progress.position);
      },
    });
    new Gauge({
      name: 'cppcc_change_feed_lag_seconds',
      help: 'Seconds since the follower last found nothing newer to apply (was at the feed’s head), by feed: near the poll interval when it keeps up, growing while it falls behind or cannot reach the feed.',
      labelNames: ['feed'],
      registers: [this.registry],
      collect() {
        const now = Date.now();
        for (const [feed, progress] of FEEDS) this.set({ feed }, (now - progress.atHeadAt) / 1000);
      },
    });
    new Counter({
      name: 'cppcc_change_feed_failures_total',
      help: 'Polls of a change feed that failed (feed unreachable, or a page that could not be applied), by feed.',
      labelNames: ['feed'],
      registers: [this.registry],
      collect() {
        this.reset();
        for (const [feed, progress] of FEEDS) this.inc({ feed }, progress.failures);
      },
    });
  }
}

interface FeedProgress {
  position: number;
  /** When the follower last found the feed had nothing newer (ms since the epoch). */
  atHeadAt: number;
  failures: number;
}

/** The change feeds followed in this process, by name (change-feed.ts reports into it). */
const FEEDS = new Map<string, FeedProgress>();

function progressOf(feed: string): FeedProgress {
  let progress = FEEDS.get(feed);
  if (!progress) {
    progress = { position: 0, atHeadAt: Date.now(), failures: 0 };
    FEEDS.set(feed, progress);
  }
  return progress;
}

/** A follower applied changes up to `position`; `atHead` when the feed had nothing newer. */
export function recordFeedProgress(feed: string, position: number, atHead: boolean): void {
  const progress = progressOf(feed);
  progress.position = position;
  if (atHead) progress.atHeadAt = Date.now();
}

/** A follower's poll failed. */
export function recordFeedFailure(feed: string): void {
  progressOf(feed).failures += 1;
}

/**
 * `GET /metrics` in Prometheus' text format. Mounted on the process's own port next to
 * `/healthz`, never under `/graphql`: docs/operations.md says who may reach it.
 */
export function metricsEndpoint(metrics: ProcessMetrics): RequestHandler {
  return async (_req, res, next) => {
    try {
      const text = await metrics.registry.metrics();
      res.type(metrics.registry.contentType).send(text);
    } catch (error) {
      next(error);
    }
  };
}
