import pg from 'pg';
import PgBoss from 'pg-boss';
import { Webhook } from 'standardwebhooks';
import { request, type Agent } from 'undici';
import { FINAL_EVENTS, isDatabaseUnavailable, type EventRow, type Logger } from '@cppcc/toolkit';
import { scheduleDeadlines } from '../proposal/proposal.deadlines';
import { checkWebhookUrl, deliveryAgent, type UrlPolicy } from './webhook-url';
import { QUEUE_CONNECTION_TIMEOUT_MS, collectLoops } from './queue-loops';

export interface WebhookWorkerOptions extends UrlPolicy {
  /** The first retry's delay; each next one doubles it (with jitter), up to `maxDelayMs`. */
  retryBaseMs: number;
  maxDelayMs: number;
  /** How long a delivery is retried before it is marked FAILED and its subscription paused. */
  giveUpAfterMs: number;
  /** How long one attempt may take before it counts as failed. */
  attemptTimeoutMs: number;
  /** How often the queue looks for work (pg-boss polling; at least 0.5 s). */
  pollingIntervalSeconds: number;
  /**
   * How many lanes the process delivers at once (`WEBHOOK_CONCURRENCY`): a receiver that never
   * answers holds one of them for `attemptTimeoutMs`, not all of them.
   */
  concurrency: number;
}

export const DEFAULT_WEBHOOK_OPTIONS: WebhookWorkerOptions = {
  allowPrivate: false,
  allowLoopback: false,
  retryBaseMs: 30_000,
  maxDelayMs: 6 * 3_600_000,
  giveUpAfterMs: 3 * 24 * 3_600_000,
  attemptTimeoutMs: 10_000,
  pollingIntervalSeconds: 2,
  concurrency: 8,
};

const DISPATCH = 'webhook-dispatch';
/**
 * The lanes' queue: policy `short` keeps one waiting job per singleton key, so a lane is queued
 * once however often the dispatcher finds it due. (`webhook-deliver`, its predecessor, queued a
 * copy per dispatch; its waiting jobs are dropped at start.)
 */
const LANE = 'webhook-lane';
const LANE_BEFORE = 'webhook-deliver';

/** A lane's singleton key; a retry waits under its own key, beside a job due now. */
function laneKey(subscriptionId: string, recordId: string, retry = false): string {
  return `${subscriptionId}/${recordId}${retry ? '/retry' : ''}`;
}
const BATCH = 500;

/**
 * The next delay: exponential from `retryBaseMs`, capped, with full jitter between half and the
 * whole of it so that receivers coming back are not hit by every sender at once.
 */
export function retryDelayMs(attempts: number, options: WebhookWorkerOptions): number {
  const ceiling = Math.min(
    options.retryBaseMs * 2 ** Math.max(0, attempts - 1),
    options.maxDelayMs,
  );
  return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
}

/**
 * Whether subscription `s` receives event `e` (the outbox's columns): one of its types, raised
 * after it was created, and within its jurisdiction: a department's subscription the events
 * addressed to that department, an office's those of its division and the divisions inside it.
 * The one rule for channels' own events and those followed from deliberation.
 */
export const RECEIVES = `e.type = any(s.event_types) and e.occurred_at >= s.created_at
  and case when s.department_id is not null then s.department_id = any(e.department_ids)
           else e.division_code like s.division_code || '%' end`;

/**
 * Turns committed outbox events into deliveries for the subscriptions they match, past the
 * dispatcher's cursor (in (xid, seq) order over committed transactions only, like `events`),
 * and returns the lanes (subscription, record) that have work. One dispatcher at a time across
 * replicas (a transaction-scoped advisory lock); the unique (subscription, event) keeps it once.
 */
async function dispatch(pool: pg.Pool): Promise<{
  lanes: Array<{ subscription_id: string; record_id: string }>;
  /** Events are written but not final yet (an older transaction still runs): look again soon. */
  waiting: boolean;
}> {
  return inTransaction(pool, async (tx) => {
    await tx.query(`select pg_advisory_xact_lock(hashtext('channels.webhook_dispatch'))`);
    const lanes: Array<{ subscription_id: string; record_id: string }> = [];
    for (;;) {
      const {
        rows: [moved],
      } = await tx.query<{ events: number }>(
        `with cursor as (select xid, seq from webhook_dispatch_cursor),
         batch as (
           select e.* from domain_event e, cursor c
            where e.${FINAL_EVENTS} and (e.xid, e.seq) > (c.xid, c.seq)
            order by e.xid, e.seq limit ${BATCH}),
         queued as (
           insert into webhook_delivery (id, subscription_id, event_id, event_type, record_id,
             event_xid, event_seq)
           select gen_random_uuid(), s.id, e.id, e.type, e.record_id, e.xid, e.seq
             from batch e join webhook_subscription s on ${RECEIVES}
           on conflict (subscription_id, event_id) do nothing
           returning 1),
         last as (select xid, seq from batch order by xid desc, seq desc limit 1),
         moved as (update webhook_dispatch_cursor set xid = last.xid, seq = last.seq from last
           returning 1)
         select (select count(*) from batch)::int as events`,
      );
      if (moved.events < BATCH) break;
    }
    // Every lane of an active subscription with an attempt due: new events, retries whose time
    // came, what a resume or a redelivery put back.
    lanes.push(
      ...(
        await tx.query<{ subscription_id: string; record_id: string }>(
          `select distinct d.subscription_id, d.record_id from webhook_delivery d
           join webhook_subscription s on s.id = d.subscription_id and s.status = 'ACTIVE'
          where d.status = 'PENDING' and d.next_attempt_at <= now()
            and (d.claimed_until is null or d.claimed_until < now())`,
        )
      ).rows,
    );
    const {
      rows: [{ waiting }],
    } = await tx.query<{ waiting: boolean }>(
      `select exists (select 1 from domain_event e, webhook_dispatch_cursor c
         where (e.xid, e.seq) > (c.xid, c.seq)) as waiting`,
    );
    return { lanes, waiting };
  });
}

interface LaneHead {
  id: string;
  event_id: string;
  attempts: number;
  created_at: string | Date;
  next_attempt_at: string | Date;
  url: string;
  secret: string;
  previous_secret: string | null;
  previous_secret_expires_at: string | Date | null;
  status: string;
}

/** Runs `work` in one transaction on a connection of the worker's pool. */
async function inTransaction<T>(
  pool: pg.Pool,
  work: (tx: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const result = await work(client);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** The body of a delivery (Standard Webhooks' recommended shape: type, timestamp, data). */
async function bodyOf(pool: pg.Pool, eventId: string): Promise<{ body: string; at: Date } | null> {
  const {
    rows: [event],
  } = await pool.query<Omit<EventRow, 'seq' | 'xid'>>(
    // Channels' own event, or one followed from deliberation's feed.
    `select id, type, occurred_at, record_type, record_id, record_version, division_code,
            department_ids, home_ids, payload from domain_event where id = $1
     union all
     select id, type, occurred_at, record_type, record_id, record_version, division_code,
            department_ids, home_ids, payload from followed_event where id = $1`,
    [eventId],
  );
  if (!event) return null;
  const occurredAt = new Date(event.occurred_at);
  return {
    at: occurredAt,
    body: JSON.stringify({
      type: event.type,
      timestamp: occurredAt.toISOString(),
      data: {
        id: event.id,
        recordType: event.record_type,
        recordId: event.record_id,
        recordVersion: event.record_version,
        divisionCode: event.division_code,
        departmentIds: event.department_ids,
        homeIds: event.home_ids,
        ...event.payload,
      },
    }),
  };
}

/** `v1,…` signatures with the secret and, for 24 h after a rotation, the previous one. */
export function signatures(head: LaneHead, id: string, at: Date, body: string): string {
  const secrets = [head.secret];
  if (
    head.previous_secret &&
    head.previous_secret_expires_at &&
    new Date(head.previous_secret_expires_at) > new Date()
  ) {
    secrets.push(head.previous_secret);
  }
  return secrets.map((secret) => new Webhook(secret).sign(id, at, body)).join(' ');
}

type Attempt = { statusCode: number | null; error: string | null; durationMs: number };

async function attempt(
  head: LaneHead,
  body: string,
  options: WebhookWorkerOptions,
  agent: Agent,
): Promise<Attempt> {
  const started = Date.now();
  const done = (statusCode: number | null, error: string | null): Attempt => ({
    statusCode,
    error,
    durationMs: Date.now() - started,
  });
  try {
    await checkWebhookUrl(head.url, options, 'url');
  } catch (error) {
    return done(null, (error as Error).message);
  }
  const now = new Date();
  try {
    // Through the agent whose connections check the address they connect to (redirects are not
    // followed: undici's request does not follow them).
    const response = await request(head.url, {
      dispatcher: agent,
      method: 'POST',
      signal: AbortSignal.timeout(options.attemptTimeoutMs),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'cppcc-graph-webhooks/1',
        'webhook-id': head.event_id,
        'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
        'webhook-signature': signatures(head, head.event_id, now, body),
      },
      body,
    });
    // The answer's body is not needed; reading it frees the connection.
    await response.body.dump().catch(() => undefined);
    return done(response.statusCode, null);
  } catch (error) {
    const { name, code, message } = error as NodeJS.ErrnoException;
    if (code === 'EADDRNOTALLOWED') return done(null, message);
    return done(
      null,
      name === 'TimeoutError' || name === 'AbortError'
        ? `no answer within ${options.attemptTimeoutMs} ms`
        : 'no connection',
    );
  }
}

/**
 * Works one lane, a subscription's deliveries about one record, oldest event first: a delivery
 * is sent only once every earlier one of its lane has succeeded (or was given up), which keeps
 * each record's events in order. Each attempt is made under a lease on the delivery, so two
 * workers never send it at the same moment; a worker that dies leaves a lease that expires.
 * Returns when the lane is empty or waits for a retry (then queued for that time).
 */
async function workLane(
  pool: pg.Pool,
  boss: PgBoss,
  logger: Logger,
  options: WebhookWorkerOptions,
  agent: Agent,
  subscriptionId: string,
  recordId: string,
): Promise<void> {
  const lease = Math.ceil((options.attemptTimeoutMs + 5_000) / 1000);
  for (;;) {
    const {
      rows: [head],
    } = await pool.query<LaneHead>(
      `with head as (
         select d.id from webhook_delivery d
           join webhook_subscription s on s.id = d.subscription_id and s.status = 'ACTIVE'
          where d.subscription_id = $1 and d.record_id = $2 and d.status = 'PENDING'
          order by d.event_xid, d.event_seq limit 1)
       update webhook_delivery d set claimed_until = now() + interval '${lease} seconds'
         from head, webhook_subscription s
        where d.id = head.id and s.id = d.subscription_id and d.next_attempt_at <= now()
          and (d.claimed_until is null or d.claimed_until < now())
        returning d.id, d.event_id, d.attempts, d.created_at, d.next_attempt_at, s.url, s.secret,
          s.previous_secret, s.previous_secret_expires_at, s.status`,
      [subscriptionId, recordId],
    );
    if (!head) {
      // Empty, claimed by another worker, or the head waits: queue the lane for its time.
      const {
        rows: [waiting],
      } = await pool.query<{ next_attempt_at: string }>(
        `select d.next_attempt_at from webhook_delivery d
           join webhook_subscription s on s.id = d.subscription_id and s.status = 'ACTIVE'
          where d.subscription_id = $1 and d.record_id = $2 and d.status = 'PENDING'
            and (d.claimed_until is null or d.claimed_until < now())
          order by d.event_xid, d.event_seq limit 1`,
        [subscriptionId, recordId],
      );
      if (waiting && new Date(waiting.next_attempt_at) > new Date()) {
        await boss.sendAfter(
          LANE,
          { subscriptionId, recordId },
          { singletonKey: laneKey(subscriptionId, recordId, true) },
          new Date(waiting.next_attempt_at),
        );
      }
      return;
    }
    const message = await bodyOf(pool, head.event_id);
    const result = message
      ? await attempt(head, message.body, options, agent)
      : { statusCode: null, error: 'the event no longer exists', durationMs: 0 };
    const succeeded =
      result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
    const attempts = head.attempts + 1;
    const givenUp =
      !succeeded && Date.now() - new Date(head.created_at).getTime() >= options.giveUpAfterMs;
    const nextAt = new Date(Date.now() + retryDelayMs(attempts, options));
    await inTransaction(pool, async (tx) => {
      await tx.query(
        `insert into webhook_attempt (delivery_id, status_code, error, duration_ms)
         values ($1, $2, $3, $4)`,
        [head.id, result.statusCode, result.error, result.durationMs],
      );
      await tx.query(
        `update webhook_delivery set attempts = $1, last_status_code = $2, last_error = $3,
           claimed_until = null, status = $4, next_attempt_at = $5,
           delivered_at = case when $6 then now() else null end
         where id = $7`,
        [
          attempts,
          result.statusCode,
          result.error,
          succeeded ? 'SUCCEEDED' : givenUp ? 'FAILED' : 'PENDING',
          succeeded || givenUp ? new Date() : nextAt,
          succeeded,
          head.id,
        ],
      );
      if (givenUp) {
        // The office (or department) sees why on the subscription: `pausedReason`.
        await tx.query(
          `update webhook_subscription set status = 'PAUSED', version = version + 1,
             updated_at = now(), paused_reason = $1 where id = $2`,
          [
            `delivery ${head.id} failed for ${Math.round(options.giveUpAfterMs / 3_600_000)} h; last answer: ${result.statusCode ?? result.error}`,
            subscriptionId,
          ],
        );
      }
    });
    if (givenUp) {
      logger.warn({ subscriptionId, deliveryId: head.id }, 'webhook subscription paused');
      return;
    }
    if (!succeeded) {
      await boss.sendAfter(
        LANE,
        { subscriptionId, recordId },
        { singletonKey: laneKey(subscriptionId, recordId, true) },
        nextAt,
      );
      return;
    }
  }
}

export interface WebhookWorker {
  /** Resolves once the queue is started and listening. */
  ready: Promise<void>;
  stop(): Promise<void>;
}

/**
 * The webhook worker inside the channels process: a pg-boss queue on the service's PostgreSQL
 * (its own schema, `channels_jobs`). A committed step's NOTIFY (and a cron each minute, for what
 * a restart missed) queues the dispatcher; the dispatcher queues a job per lane with work; the
 * lane jobs deliver, `options.concurrency` at once. A delivery runs outside every step's transaction: it never delays or fails
 * a step.
 */
export function startWebhookWorker(
  databaseUrl: string,
  /** The service's schema, where its tables are (`channels`). */
  schema: string,
  logger: Logger,
  options: WebhookWorkerOptions = DEFAULT_WEBHOOK_OPTIONS,
): WebhookWorker {
  // While PostgreSQL is away every part of the worker fails at each turn: one warning for the
  // outage, one line when the listener is back, other failures at error.
  let awaySince: number | undefined;
  const failed = (error: unknown, what: string) => {
    if (!isDatabaseUnavailable(error)) return logger.error({ err: error }, what);
    if (awaySince !== undefined) return logger.debug({ err: error }, what);
    awaySince = Date.now();
    logger.warn({ err: error }, 'webhook worker: database unreachable; retrying until it is back');
  };
  // pg-boss hands its options to pg's pool, also those its types do not name.
  const queueOptions: PgBoss.ConstructorOptions & pg.PoolConfig = {
    connectionString: databaseUrl,
    schema: 'channels_jobs',
    max: 2,
    connectionTimeoutMillis: QUEUE_CONNECTION_TIMEOUT_MS,
  };
  const boss = new PgBoss(queueOptions);
  boss.on('error', (error) => failed(error, 'webhook queue error'));
  // Its own connections: the worker's statements never mix with the requests' (nor with the
  // statement counts of their tests).
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    // Lanes hold a connection only for their short statements, never during an attempt.
    max: Math.max(2, Math.ceil(options.concurrency / 2)),
    options: `-c search_path=${schema}`,
  });
  pool.on('error', (error) => failed(error, 'webhook pool error'));
  const agent = deliveryAgent(options);
  let stopped = false;
  const wake = () => {
    if (stopped) return;
    boss
      .send(DISPATCH, {}, { singletonKey: 'dispatch' })
      .catch((error: unknown) => failed(error, 'webhook dispatch not queued'));
  };

  // The connection that hears committed steps' NOTIFY, listening again by itself when it is lost
  // (PostgreSQL restarted): a wait doubling from 250 ms to 5 s between tries, and on success a
  // look for what was committed meanwhile.
  let listener: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  let retryMs = 250;
  const listen = async () => {
    const client = new pg.Client({
      connectionString: databaseUrl,
      application_name: 'cppcc-webhook-listener',
    });
    let lost = false;
    const onLost = (error?: unknown) => {
      if (lost) return;
      lost = true;
      if (listener === client) listener = undefined;
      client.end().catch(() => undefined);
      if (error) failed(error, 'webhook listener error');
      listenLater();
    };
    client.on('error', onLost);
    client.on('end', () => onLost());
    client.on('notification', wake);
    try {
      await client.connect();
      await client.query('listen domain_event');
    } catch (error) {
      lost = true;
      client.end().catch(() => undefined);
      throw error;
    }
    if (stopped || lost) return void client.end().catch(() => undefined);
    listener = client;
    retryMs = 250;
    if (awaySince !== undefined) {
      logger.info({ outageMs: Date.now() - awaySince }, 'webhook worker: database reachable again');
      awaySince = undefined;
    }
    wake();
  };
  const listenLater = () => {
    if (stopped || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      listen().catch((error: unknown) => {
        failed(error, 'webhook listener error');
        listenLater();
      });
    }, retryMs);
    retryMs = Math.min(retryMs * 2, 5_000);
  };
  const loops = new Set<Promise<unknown>>();
  /** The queue and its workers; each loop they start goes to `loops`. */
  const startQueues = async () => {
    await boss.start();
    for (const [name, policy] of [
      [DISPATCH, 'short'],
      [LANE, 'short'],
    ] as const) {
      if (!(await boss.getQueue(name))) await boss.createQueue(name, { name, policy });
    }
    if (await boss.getQueue(LANE_BEFORE)) {
      // The previous version's queue: its waiting copies go (the dispatcher finds every due lane
      // again from the deliveries); the queue itself once pg-boss has archived its finished jobs
      // (pg-boss 10 refuses to delete a queue that still holds some).
      await boss.purgeQueue(LANE_BEFORE);
      await boss.deleteQueue(LANE_BEFORE).catch(() => undefined);
    }
    await boss.work(
      DISPATCH,
      { pollingIntervalSeconds: options.pollingIntervalSeconds },
      async () => {
        const { lanes, waiting } = await dispatch(pool).catch((error: unknown) => {
          logger.error({ err: error }, 'webhook dispatch failed');
          throw error;
        });
        if (waiting) await boss.sendAfter(DISPATCH, {}, { singletonKey: 'dispatch' }, 1);
        for (const lane of lanes) {
          // Null when the lane already waits in the queue.
          await boss.send(
            LANE,
            { subscriptionId: lane.subscription_id, recordId: lane.record_id },
            { singletonKey: laneKey(lane.subscription_id, lane.record_id) },
          );
        }
      },
    );
    // pg-boss 10 runs one job at a time per `work`: one `work` per concurrent lane.
    for (let worker = 0; worker < options.concurrency; worker++) {
      await boss.work<{ subscriptionId: string; recordId: string }>(
        LANE,
        { pollingIntervalSeconds: options.pollingIntervalSeconds, batchSize: 1 },
        async ([job]) =>
          workLane(
            pool,
            boss,
            logger,
            options,
            agent,
            job.data.subscriptionId,
            job.data.recordId,
          ).catch((error: unknown) => {
            logger.error({ err: error, lane: job.data }, 'webhook lane failed');
            throw error;
          }),
      );
    }
    await boss.schedule(DISPATCH, '* * * * *', {}, { singletonKey: 'dispatch' });
    // The same queue's cron raises the proposals' deadline events each morning.
    await scheduleDeadlines(boss, pool, logger);
  };
  const ready = (async () => {
    await collectLoops(loops, startQueues);
    await listen();
  })();
  ready.catch((error: unknown) => logger.error({ err: error }, 'webhook worker did not start'));
  return {
    ready,
    async stop() {
      stopped = true;
      await ready.catch(() => undefined);
      if (retry) clearTimeout(retry);
      await listener?.end().catch(() => undefined);
      // A failing shutdown (its database gone) still waits for the loops below.
      const bossStopped = boss
        .stop({ graceful: true, wait: true, timeout: 15_000 })
        .catch((error: unknown) =>
          logger.warn({ err: error }, 'webhook queue stopped with an error'),
        );
      await bossStopped;
      // pg-boss stops its workers in the background: wait until each has left its loop (a poll
      // still waiting for a connection gives up after QUEUE_CONNECTION_TIMEOUT_MS). Then
      // `offWork`'s next look finds them stopped and ends without scheduling another; nothing
      // of the queue runs once stop() is done (a test's environment was torn down under it).
      let timer: NodeJS.Timeout | undefined;
      const late = await Promise.race([
        Promise.allSettled([...loops]).then(() => false),
        new Promise<boolean>((resolve) => {
          timer = setTimeout(() => resolve(true), 2 * QUEUE_CONNECTION_TIMEOUT_MS);
        }),
      ]);
      clearTimeout(timer);
      if (late) logger.warn({ loops: loops.size }, 'webhook queue loops still running after stop');
      await pool.end().catch(() => undefined);
      await agent.close();
    },
  };
}
