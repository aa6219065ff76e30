import type { Store, IncrementResponse } from 'express-rate-limit';
import type pg from 'pg';
import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
  type RateLimiterRedis,
} from 'rate-limiter-flexible';

/** The table every gateway counts in, in a schema of the gateway's own. */
export const RATE_LIMIT_SCHEMA = 'gateway';
export const RATE_LIMIT_TABLE = 'rate_limit';

/** An arbitrary, fixed key of the advisory lock the table is created under. */
const CREATE_LOCK = 7_021_120_012;

/**
 * Creates the shared counting table once, under an advisory lock: gateways starting at once would
 * otherwise race `create table if not exists` (PostgreSQL refuses the second with a unique
 * violation on the table's type).
 */
export async function ensureRateLimitTable(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [CREATE_LOCK]);
    try {
      await client.query(`create schema if not exists "${RATE_LIMIT_SCHEMA}"`);
      // The columns rate-limiter-flexible's RateLimiterPostgres reads and writes.
      await client.query(`create table if not exists "${RATE_LIMIT_SCHEMA}"."${RATE_LIMIT_TABLE}" (
        key varchar(255) primary key,
        points integer not null default 0,
        expire bigint
      )`);
    } finally {
      await client.query('select pg_advisory_unlock($1)', [CREATE_LOCK]);
    }
  } finally {
    client.release();
  }
}

/** A rate-limiter-flexible limiter that counts in a shared store. */
type Limiter = RateLimiterPostgres | RateLimiterRedis;

/**
 * express-rate-limit's counts kept by rate-limiter-flexible in a store every gateway replica
 * shares, so N gateways allow a caller the rate once, not N times. express-rate-limit still
 * decides and answers; this only counts (`penalty` adds a hit without refusing). While the store
 * cannot be reached, each gateway counts in memory (the limiter's insurance).
 */
export class FlexibleStore implements Store {
  private limiter!: Limiter;

  constructor(
    /** Keeps each surface's counts apart. */
    readonly prefix: string,
    private readonly limiterFor: (window: { points: number; duration: number }) => Limiter,
  ) {}

  init(options: { windowMs: number; limit: unknown }): void {
    this.limiter = this.limiterFor({
      duration: Math.max(1, Math.ceil(options.windowMs / 1000)),
      points: typeof options.limit === 'number' ? options.limit : 1,
    });
  }

  async increment(key: string): Promise<IncrementResponse> {
    const res = await this.limiter.penalty(key, 1);
    return { totalHits: res.consumedPoints, resetTime: resetTimeOf(res) };
  }

  async get(key: string): Promise<IncrementResponse | undefined> {
    const res = await this.limiter.get(key);
    return res ? { totalHits: res.consumedPoints, resetTime: resetTimeOf(res) } : undefined;
  }

  async decrement(key: string): Promise<void> {
    await this.limiter.reward(key, 1);
  }

  async resetKey(key: string): Promise<void> {
    await this.limiter.delete(key);
  }
}

/** A surface's counts in PostgreSQL's `gateway.rate_limit` (RateLimiterPostgres). */
export function postgresRateLimitStore(pool: pg.Pool, prefix: string): Store {
  return new FlexibleStore(
    prefix,
    ({ points, duration }) =>
      new RateLimiterPostgres({
        storeClient: pool,
        storeType: 'pool',
        schemaName: RATE_LIMIT_SCHEMA,
        tableName: RATE_LIMIT_TABLE,
        tableCreated: true,
        keyPrefix: prefix,
        points,
        duration,
        insuranceLimiter: new RateLimiterMemory({ keyPrefix: prefix, points, duration }),
      }),
  );
}

function resetTimeOf(res: RateLimiterRes): Date {
  return new Date(Date.now() + res.msBeforeNext);
}
