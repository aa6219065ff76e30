import {
  DOMAIN_EVENT_FEED,
  executeIn,
  type DomainEventChange,
  type Orm,
  type SubgraphSettings,
} from '@cppcc/toolkit';
import { followChanges, type FeedFollower } from '@cppcc/organization-feed';
import type { EntityManager } from '@mikro-orm/postgresql';
import { RECEIVES } from './webhook.worker';

/** The page as rows with the outbox's columns (`seq`: the event's position in its feed). */
const PAGE = `jsonb_to_recordset(?::jsonb) as e(id uuid, type text, occurred_at timestamptz,
  record_type text, record_id uuid, record_version integer, division_code text,
  department_ids uuid[], home_ids uuid[], payload jsonb, seq bigint)`;

/**
 * Queues the deliveries of a page of another service's events, in the transaction that moves
 * the follower's cursor past them: an event is queued exactly once, whatever restarts. Only the
 * events some subscription receives are kept (`followed_event`, the body of their deliveries);
 * the insert there wakes the webhook worker at commit (its trigger).
 */
async function queueFollowed(
  tx: EntityManager,
  source: string,
  changes: DomainEventChange[],
): Promise<void> {
  const page = JSON.stringify(
    changes.map((change) => ({
      id: change.id,
      type: change.type,
      occurred_at: change.occurredAt,
      record_type: change.recordType,
      record_id: change.recordId,
      record_version: change.recordVersion,
      division_code: change.divisionCode,
      department_ids: change.departmentIds,
      home_ids: change.homeIds,
      payload: change.payload,
      seq: change.seq,
    })),
  );
  // `event_xid` 0: a followed event's place in its lane is its position in the source's feed.
  const queued = await executeIn<Array<{ event_id: string }>>(
    tx,
    `insert into webhook_delivery (id, subscription_id, event_id, event_type, record_id,
       event_xid, event_seq)
     select gen_random_uuid(), s.id, e.id, e.type, e.record_id, '0'::xid8, e.seq
       from ${PAGE} join webhook_subscription s on ${RECEIVES}
     on conflict (subscription_id, event_id) do nothing
     returning event_id`,
    [page],
  );
  if (!queued.length) return;
  await executeIn(
    tx,
    `insert into followed_event (id, source, position, type, occurred_at, record_type, record_id,
       record_version, division_code, department_ids, home_ids, payload)
     select e.id, ?, e.seq, e.type, e.occurred_at, e.record_type, e.record_id, e.record_version,
            e.division_code, e.department_ids, e.home_ids, e.payload
       from ${PAGE} where e.id = any(?::uuid[])
     on conflict (id) do nothing`,
    [source, page, `{${[...new Set(queued.map((row) => row.event_id))].join(',')}}`],
  );
}

/**
 * Follows deliberation's outbox (`GET /internal/domain-events` beside DELIBERATION_URL) and
 * queues its events for the webhook subscriptions that receive them, so a department invited to
 * a session or an office whose minutes were published hears of it like of `proposal.assigned`.
 * Deliberation's code is never called: its events travel as the organization's changes do (a
 * feed whose positions cannot skip, a cursor moved with what it applied, one replica at a time).
 */
export function followDeliberationEvents(
  orm: Orm,
  settings: SubgraphSettings,
  intervalMs?: number,
): FeedFollower {
  if (!settings.deliberationUrl) {
    throw new Error('channels needs DELIBERATION_URL to deliver deliberation’s events');
  }
  return followChanges<DomainEventChange>(
    orm,
    settings.logger,
    {
      name: 'deliberation.events',
      url: new URL(DOMAIN_EVENT_FEED.path, settings.deliberationUrl).toString(),
      consumer: 'channels',
      internalAuthSecret: settings.internalAuthSecret,
      apply: (tx, changes) => queueFollowed(tx, 'deliberation', changes),
    },
    intervalMs,
  );
}
