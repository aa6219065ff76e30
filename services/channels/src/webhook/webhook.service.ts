import { randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  BadUserInputError,
  ForbiddenError,
  NotFoundError,
  executeIn,
  isUuid,
  keysetCursor,
  keysetOrderBy,
  keysetSql,
  toConnection,
  type Caller,
  type KeysetOrder,
  type Page,
} from '@cppcc/toolkit';
import { checkWebhookUrl, type UrlPolicy } from './webhook-url';
import {
  WebhookDeliveryStatus,
  WebhookSubscriptionStatus,
  type CreateWebhookSubscriptionInput,
  type WebhookDelivery,
  type WebhookSubscription,
} from './webhook.types';
import { DEPARTMENT_EVENT_TYPES, WEBHOOK_EVENT_TYPES } from './webhook-event-types';

/**
 * How many subscriptions one owner (a department, an office's division) keeps: each is a lane
 * the worker delivers to, and a few owners' failing receivers must not crowd out the others'.
 */
export const MAX_SUBSCRIPTIONS_PER_OWNER = 20;

/** How long a rotated-out secret keeps signing beside the new one. */
export const PREVIOUS_SECRET_HOURS = 24;

/** Wakes the webhook worker (services/channels/src/webhook/webhook.worker.ts) at commit. */
export const WAKE_WORKER = "select pg_notify('domain_event', '')";

/** A Standard Webhooks secret: `whsec_` and 24 random bytes in base64. */
export function newSecret(): string {
  return `whsec_${randomBytes(24).toString('base64')}`;
}

interface SubscriptionRow {
  id: string;
  url: string;
  event_types: string[];
  status: WebhookSubscriptionStatus;
  paused_reason: string | null;
  department_id: string | null;
  division_code: string;
  previous_secret_expires_at: Date | string | null;
  created_at: Date | string;
  version: number;
}

const date = (value: Date | string | null) => (value == null ? null : new Date(value));

export function toSubscription(row: SubscriptionRow): WebhookSubscription {
  return {
    id: row.id,
    url: row.url,
    eventTypes: row.event_types,
    status: row.status,
    pausedReason: row.paused_reason,
    departmentId: row.department_id,
    divisionCode: row.division_code,
    previousSecretExpiresAt: date(row.previous_secret_expires_at),
    createdAt: new Date(row.created_at),
    version: row.version,
  };
}

/** Who may manage webhooks: a department for itself, a CPPCC office's staff for its division. */
function requireSubscriber(caller: Caller): void {
  if (caller.level === 'DEPARTMENT' && caller.departmentId) return;
  if (
    (caller.level === 'CITY' || caller.level === 'COUNTY') &&
    caller.roles.some((role) => role === 'STAFF' || role === 'ADMIN')
  ) {
    return;
  }
  throw new ForbiddenError(
    'Webhooks are managed by a department (for itself) or a CPPCC office’s staff.',
  );
}

/** The subscriptions a caller manages: its department's, or its division's offices'. */
export function subscriptionScope(caller: Caller, alias = 's'): { sql: string; params: unknown[] } {
  if (caller.level === 'DEPARTMENT') {
    return { sql: `${alias}.department_id = ?::uuid`, params: [caller.departmentId ?? null] };
  }
  return {
    sql: `${alias}.department_id is null and ${alias}.division_code like ?`,
    params: [`${caller.division}%`],
  };
}

const SUBSCRIPTION_COLUMNS = `s.id, s.url, s.event_types, s.status, s.paused_reason,
  s.department_id, s.division_code, s.previous_secret_expires_at, s.created_at, s.version`;

/** Where the steps' inputs name a subscription and a delivery (`WebhookSubscriptionStepInput`). */
const SUBSCRIPTION_FIELD = 'input.subscriptionId';
const DELIVERY_FIELD = 'input.deliveryId';

async function findSubscription(em: EntityManager, caller: Caller, id: string, lock = false) {
  requireSubscriber(caller);
  if (!isUuid(id)) throw new NotFoundError('WebhookSubscription', { field: SUBSCRIPTION_FIELD });
  const scope = subscriptionScope(caller);
  const [row] = await executeIn<SubscriptionRow[]>(
    em,
    `select ${SUBSCRIPTION_COLUMNS} from webhook_subscription s
      where s.id = ? and ${scope.sql} ${lock ? 'for update' : ''}`,
    [id, ...scope.params],
  );
  if (!row) throw new NotFoundError('WebhookSubscription', { field: SUBSCRIPTION_FIELD });
  return row;
}

export async function createWebhookSubscription(
  em: EntityManager,
  caller: Caller,
  input: CreateWebhookSubscriptionInput,
  policy: UrlPolicy,
): Promise<{ subscription: WebhookSubscription; secret: string }> {
  requireSubscriber(caller);
  const types = [...new Set(input.eventTypes)];
  if (!types.length)
    throw new BadUserInputError('Name at least one event type.', 'input.eventTypes');
  types.forEach((type, index) => {
    if (!(WEBHOOK_EVENT_TYPES as readonly string[]).includes(type)) {
      throw new BadUserInputError('Not an event type.', `input.eventTypes.${index}`);
    }
    if (caller.level === 'DEPARTMENT' && !DEPARTMENT_EVENT_TYPES.includes(type)) {
      throw new BadUserInputError(
        `A department never receives ${type}: that event reaches the home and the CPPCC office.`,
        `input.eventTypes.${index}`,
      );
    }
  });
  let departmentId: string | null = null;
  let divisionCode = caller.division;
  if (caller.level === 'DEPARTMENT') {
    if (input.departmentId != null && input.departmentId !== caller.departmentId) {
      throw new ForbiddenError('A department subscribes to its own events only.');
    }
    if (input.divisionCode != null) {
      throw new BadUserInputError('A department receives its own events.', 'input.divisionCode');
    }
    departmentId = caller.departmentId!;
  } else {
    if (input.departmentId != null) {
      throw new BadUserInputError(
        'An office subscribes to its division’s events; a department subscribes itself.',
        'input.departmentId',
      );
    }
    if (input.divisionCode != null) {
      if (!/^\d{4,12}$/.test(input.divisionCode)) {
        throw new BadUserInputError('divisionCode is a statistics code.', 'input.divisionCode');
      }
      if (!input.divisionCode.startsWith(caller.division)) {
        throw new ForbiddenError('An office subscribes to events of its own division only.');
      }
      divisionCode = input.divisionCode;
    }
  }
  const url = await checkWebhookUrl(input.url, policy, 'input.url');
  const secret = newSecret();
  return em.transactional(async (tx) => {
    // One owner's subscriptions counted and added one at a time.
    const owner = departmentId ?? `division:${divisionCode}`;
    const [{ count }] = await executeIn<Array<{ count: number }>>(
      tx,
      `select pg_advisory_xact_lock(hashtext('channels.webhook_owner:' || ?)),
         (select count(*)::int from webhook_subscription s
           where ${departmentId ? 's.department_id = ?::uuid' : 's.department_id is null and s.division_code = ?'})
         as count`,
      [owner, departmentId ?? divisionCode],
    );
    if (count >= MAX_SUBSCRIPTIONS_PER_OWNER) {
      throw new BadUserInputError(
        `At most ${MAX_SUBSCRIPTIONS_PER_OWNER} webhook subscriptions per department or office; delete one first.`,
        'input.url',
      );
    }
    const [row] = await executeIn<SubscriptionRow[]>(
      tx,
      `insert into webhook_subscription as s (id, owner_level, department_id, division_code, url,
       event_types, secret, created_by)
     values (?, ?, ?, ?, ?, ?::text[], ?, ?)
     returning ${SUBSCRIPTION_COLUMNS}`,
      [
        randomUUID(),
        caller.level,
        departmentId,
        divisionCode,
        url.toString(),
        `{${types.map((type) => JSON.stringify(type)).join(',')}}`,
        secret,
        caller.subject,
      ],
    );
    return { subscription: toSubscription(row), secret };
  });
}

async function update(
  em: EntityManager,
  caller: Caller,
  id: string,
  set: string,
  params: unknown[],
): Promise<WebhookSubscription> {
  return em.transactional(async (tx) => {
    await findSubscription(tx, caller, id, true);
    const [row] = await executeIn<SubscriptionRow[]>(
      tx,
      `update webhook_subscription s set ${set}, version = version + 1, updated_at = now()
        where s.id = ? returning ${SUBSCRIPTION_COLUMNS}`,
      [...params, id],
    );
    await executeIn(tx, WAKE_WORKER);
    return toSubscription(row);
  });
}

export const pauseWebhookSubscription = (em: EntityManager, caller: Caller, id: string) =>
  update(em, caller, id, `status = 'PAUSED', paused_reason = ?`, [`paused by ${caller.subject}`]);

/** Resuming sends what was kept while paused, in order. */
export const resumeWebhookSubscription = (em: EntityManager, caller: Caller, id: string) =>
  update(em, caller, id, `status = 'ACTIVE', paused_reason = null`, []);

export async function rotateWebhookSecret(em: EntityManager, caller: Caller, id: string) {
  const secret = newSecret();
  const subscription = await update(
    em,
    caller,
    id,
    `previous_secret = secret, previous_secret_expires_at = now() + interval '${PREVIOUS_SECRET_HOURS} hours', secret = ?`,
    [secret],
  );
  return { subscription, secret };
}

/** Deletes the subscription and its deliveries; returns its id. */
export async function deleteWebhookSubscription(em: EntityManager, caller: Caller, id: string) {
  return em.transactional(async (tx) => {
    await findSubscription(tx, caller, id, true);
    await executeIn(tx, 'delete from webhook_subscription where id = ?', [id]);
    return id;
  });
}

export async function listWebhookSubscriptions(
  em: EntityManager,
  caller: Caller,
  limit: number,
  offset: number,
) {
  requireSubscriber(caller);
  const scope = subscriptionScope(caller);
  const rows = await executeIn<Array<SubscriptionRow & { total: string }>>(
    em,
    `select ${SUBSCRIPTION_COLUMNS}, count(*) over () as total from webhook_subscription s
      where ${scope.sql} order by s.created_at, s.id limit ? offset ?`,
    [...scope.params, limit, offset],
  );
  return { rows: rows.map(toSubscription), total: Number(rows[0]?.total ?? 0) };
}

interface DeliveryRow {
  id: string;
  subscription_id: string;
  event_id: string;
  event_type: string;
  record_id: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  next_attempt_at: Date | string;
  created_at: Date | string;
  delivered_at: Date | string | null;
}

export function toDelivery(row: DeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    subscriptionId: row.subscription_id,
    eventId: row.event_id,
    eventType: row.event_type,
    recordId: row.record_id,
    status: row.status,
    attemptCount: row.attempts,
    lastStatusCode: row.last_status_code,
    lastError: row.last_error,
    nextAttemptAt:
      row.status === WebhookDeliveryStatus.PENDING ? new Date(row.next_attempt_at) : null,
    createdAt: new Date(row.created_at),
    deliveredAt: date(row.delivered_at),
  };
}

const DELIVERY_COLUMNS = `d.id, d.subscription_id, d.event_id, d.event_type, d.record_id, d.status,
  d.attempts, d.last_status_code, d.last_error, d.next_attempt_at, d.created_at, d.delivered_at`;

/**
 * The order of a subscription's deliveries: latest queued first, then latest event first (its
 * position in its outbox), then by id; one order for channels' own events and those followed from
 * deliberation. A keyset order: a system paging its deliveries while new ones are queued sees each
 * one once.
 */
export const DELIVERY_ORDER: KeysetOrder = {
  name: 'webhookDeliveries',
  direction: 'desc',
  parts: [
    { column: 'created_at', property: 'createdAt', type: 'timestamptz' },
    { column: 'event_xid', property: 'eventXid', type: 'xid8' },
    { column: 'event_seq', property: 'eventSeq', type: 'bigint' },
    { column: 'id', property: 'id', type: 'uuid' },
  ],
};

/** A page of a subscription's deliveries (`page` in DELIVERY_ORDER), with their count. */
export async function listDeliveries(em: EntityManager, subscriptionId: string, page: Page) {
  const after = page.after ? keysetSql(DELIVERY_ORDER, page.after, 'd') : null;
  const [rows, [{ total }]] = await Promise.all([
    executeIn<Array<DeliveryRow & { event_xid: string; event_seq: string }>>(
      em,
      `select ${DELIVERY_COLUMNS}, d.event_xid::text as event_xid, d.event_seq::text as event_seq
         from webhook_delivery d
        where d.subscription_id = ?${after ? ` and ${after.sql}` : ''}
        order by ${keysetOrderBy(DELIVERY_ORDER, 'd')} limit ?`,
      [subscriptionId, ...(after?.params ?? []), page.limit + 1],
    ),
    executeIn<Array<{ total: number }>>(
      em,
      'select count(*)::int as total from webhook_delivery where subscription_id = ?',
      [subscriptionId],
    ),
  ]);
  const shown = rows.slice(0, page.limit);
  return toConnection(shown.map(toDelivery), total, page, rows.length > page.limit, (_, index) =>
    keysetCursor(DELIVERY_ORDER, shown[index], 'column'),
  );
}

/** Sends a delivery again (failed, or succeeded and wanted once more), in its record's order. */
export async function redeliverWebhook(em: EntityManager, caller: Caller, deliveryId: string) {
  requireSubscriber(caller);
  if (!isUuid(deliveryId)) throw new NotFoundError('WebhookDelivery', { field: DELIVERY_FIELD });
  const scope = subscriptionScope(caller);
  return em.transactional(async (tx) => {
    const [row] = await executeIn<DeliveryRow[]>(
      tx,
      `update webhook_delivery d set status = 'PENDING', next_attempt_at = now(),
         delivered_at = null, claimed_until = null
        from webhook_subscription s
        where d.id = ? and s.id = d.subscription_id and ${scope.sql}
        returning ${DELIVERY_COLUMNS}`,
      [deliveryId, ...scope.params],
    );
    if (!row) throw new NotFoundError('WebhookDelivery', { field: DELIVERY_FIELD });
    await executeIn(tx, WAKE_WORKER);
    return toDelivery(row);
  });
}
