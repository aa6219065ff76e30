import { randomUUID } from 'node:crypto';
import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/postgresql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { type Caller, BadUserInputError } from '@cppcc/contract';
import type express from 'express';
import { changeFeedRoute, type Change, type OutboxFeed } from './change-feed-route';
import type { Orm } from './database';
import { executeIn } from './database';
import type { SubgraphSettings } from './server';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './pagination';
import type { TakenStep, WorkflowRecord } from './workflow';

/**
 * A domain event in a service's transactional outbox (`domain_event`): written by a workflow's
 * `afterStep` in the step's own transaction, so an event exists exactly when its step committed.
 * It names who may receive it (departments, the CPPCC office of its division, homes) and carries
 * ids and states only: receivers read the details through the graph under their own identity.
 */
@Entity({ tableName: 'domain_event' })
@Index({ properties: ['xid', 'seq'] })
export class DomainEvent {
  [OptionalProps]?: 'seq' | 'xid' | 'occurredAt';

  /** The order the outbox handed out; with `xid`, the key the readers page by. */
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  seq: string;

  /** The stable id receivers deduplicate by (the webhook's `webhook-id`). */
  @Property({ type: 'uuid', unique: true })
  id: string = randomUUID();

  /** e.g. `proposal.assigned`. */
  @Property({ type: 'text' })
  type: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  occurredAt: Date = new Date();

  /** The record's GraphQL type, e.g. `Proposal`. */
  @Property({ type: 'text' })
  recordType: string;

  @Property({ type: 'uuid' })
  recordId: string;

  /** The record's version once the step committed. */
  @Property({ type: 'integer' })
  recordVersion: number;

  /** The record's division: the CPPCC office of this division (and those above) receive it. */
  @Property({ type: 'text' })
  divisionCode: string;

  @Property({ type: 'uuid[]' })
  departmentIds: string[] = [];

  @Property({ type: 'uuid[]' })
  homeIds: string[] = [];

  /** Ids and states only, never personal data. */
  @Property({ type: 'jsonb' })
  payload: Record<string, unknown> = {};

  /**
   * The writing transaction (`pg_current_xact_id()`, the column's default): readers serve only
   * rows of transactions older than every running one, so a slower transaction's event never
   * appears behind a cursor already handed out.
   */
  @Property({ type: 'xid8', defaultRaw: 'pg_current_xact_id()' })
  xid: string;
}

/** The outbox's table, for each service's migration (the entity above maps it). */
export const DOMAIN_EVENT_DDL = `
  create table domain_event (
    seq bigserial primary key,
    id uuid not null unique,
    type text not null,
    occurred_at timestamptz not null default now(),
    record_type text not null,
    record_id uuid not null,
    record_version integer not null,
    division_code text not null,
    department_ids uuid[] not null default '{}',
    home_ids uuid[] not null default '{}',
    payload jsonb not null default '{}',
    xid xid8 not null default pg_current_xact_id()
  );
  create index domain_event_xid_seq_idx on domain_event (xid, seq);
  create index domain_event_department_ids_idx on domain_event using gin (department_ids);
  create index domain_event_record_idx on domain_event (record_id, seq);
`;

/** What a step raises: the engine's record fills in the rest. */
export interface RaisedEvent {
  type: string;
  departmentIds?: readonly string[];
  homeIds?: readonly string[];
  payload?: Record<string, unknown>;
}

/** The record a workflow's events are about, with the division they belong to. */
export type EventfulRecord = WorkflowRecord<string> & { divisionCode: string };

/**
 * A workflow's `afterStep` that writes the events `raise` returns for a step, in the step's
 * transaction. All of them land in one multi-row INSERT at the step's flush: one SQL statement
 * more per step that raises any, none for the others.
 */
export function outbox<T extends EventfulRecord>(
  recordType: string,
  raise: (taken: TakenStep, record: T, tx: EntityManager) => RaisedEvent[],
): (tx: EntityManager, taken: TakenStep, record: T) => void {
  return (tx, taken, record) => {
    for (const event of raise(taken, record, tx)) {
      tx.create(DomainEvent, {
        type: event.type,
        occurredAt: taken.at,
        recordType,
        recordId: record.id,
        // The step's flush raises the version of a record it changes; a created one starts at 1.
        recordVersion: taken.from === null ? record.version : record.version + 1,
        divisionCode: record.divisionCode,
        departmentIds: [...new Set(event.departmentIds ?? [])],
        homeIds: [...new Set(event.homeIds ?? [])],
        payload: { status: record.status, ...event.payload },
      });
    }
  };
}

/** Which events a caller may read: a department its own, an office its division's, a home its own. */
function recipientFilter(caller: Caller): { sql: string; params: unknown[] } {
  switch (caller.level) {
    case 'DEPARTMENT':
      // Containment, so that the GIN index on the array answers it.
      return { sql: 'department_ids @> array[?::uuid]', params: [caller.departmentId ?? null] };
    case 'HOME':
      return { sql: 'home_ids @> array[?::uuid]', params: [caller.homeId ?? null] };
    case 'CITY':
    case 'COUNTY':
      return { sql: 'division_code like ?', params: [`${caller.division}%`] };
    default:
      return { sql: 'false', params: [] };
  }
}

const CURSOR_PREFIX = 'e:';

function encodeEventCursor(xid: string, seq: string): string {
  return Buffer.from(`${CURSOR_PREFIX}${xid}:${seq}`).toString('base64url');
}

function decodeEventCursor(after: string, argPath: string): { xid: string; seq: string } {
  const decoded = Buffer.from(after, 'base64url').toString();
  const match = /^e:(\d{1,20}):(\d{1,20})$/.exec(decoded);
  // Within xid8 and bigint: a larger number is no position PostgreSQL can compare with.
  if (!match || BigInt(match[1]) > 2n ** 64n - 1n || BigInt(match[2]) > 2n ** 63n - 1n) {
    throw new BadUserInputError('after is not a cursor of this list.', `${argPath}after`);
  }
  return { xid: match[1], seq: match[2] };
}

export interface EventPageArgs {
  after?: string | null;
  first?: number | null;
  types?: readonly string[] | null;
  /** Only events about this record. */
  recordId?: string | null;
}

export interface EventRow {
  seq: string;
  id: string;
  type: string;
  occurred_at: Date;
  record_type: string;
  record_id: string;
  record_version: number;
  division_code: string;
  department_ids: string[];
  home_ids: string[];
  payload: Record<string, unknown>;
  xid: string;
}

export interface EventPage {
  edges: Array<{ cursor: string; node: EventRow }>;
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  totalCount: number;
}

/**
 * The clause that makes the outbox readable in commit order without skipping: rows of
 * transactions older than the oldest one still running (the snapshot's xmin) are final, and every
 * row yet to appear belongs to a transaction at or above it. Paging by (xid, seq) over final rows
 * therefore never passes a row that appears later.
 */
export const FINAL_EVENTS = 'xid < pg_snapshot_xmin(pg_current_snapshot())';

/**
 * A page of the events a caller may receive, oldest first, keyset-paged by (xid, seq) behind an
 * opaque cursor: an event written while a system pages is on a later page, never skipped.
 */
export async function readEvents(
  em: EntityManager,
  caller: Caller,
  args: EventPageArgs,
  argPath = '',
): Promise<EventPage> {
  const limit = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_PAGE_SIZE) {
    throw new BadUserInputError(`first must be between 0 and ${MAX_PAGE_SIZE}.`, `${argPath}first`);
  }
  const after = args.after == null ? null : decodeEventCursor(args.after, argPath);
  const recipients = recipientFilter(caller);
  const where = [FINAL_EVENTS, recipients.sql];
  const params: unknown[] = [...recipients.params];
  if (args.types?.length) {
    where.push('type = any(?::text[])');
    params.push(`{${args.types.map((type) => JSON.stringify(type)).join(',')}}`);
  }
  if (args.recordId) {
    where.push('record_id = ?::uuid');
    params.push(args.recordId);
  }
  const [{ count }] = await executeIn<Array<{ count: string }>>(
    em,
    `select count(*) as count from domain_event where ${where.join(' and ')}`,
    params,
  );
  const pageWhere = [...where];
  const pageParams = [...params];
  if (after) {
    pageWhere.push('(xid, seq) > (?::xid8, ?::bigint)');
    pageParams.push(after.xid, after.seq);
  }
  // Ordered by the table's xid8 (`domain_event.xid`), not the text the select hands back under
  // the same name: as text, transaction 1000 would sort before 999 and a page would skip events.
  const rows = await executeIn<EventRow[]>(
    em,
    `select seq, id, type, occurred_at, record_type, record_id, record_version, division_code,
            department_ids, home_ids, payload, xid::text as xid
       from domain_event where ${pageWhere.join(' and ')}
      order by domain_event.xid, domain_event.seq limit ?`,
    [...pageParams, limit + 1],
  );
  const page = rows.slice(0, limit);
  const edges = page.map((node) => ({
    cursor: encodeEventCursor(node.xid, String(node.seq)),
    // The ORM's connection hands timestamps back as text.
    node: { ...node, seq: String(node.seq), occurred_at: new Date(node.occurred_at) },
  }));
  return {
    edges,
    totalCount: Number(count),
    pageInfo: {
      hasNextPage: rows.length > limit,
      hasPreviousPage: after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/**
 * A service's outbox as other services read it (`DOMAIN_EVENT_FEED`): the event, and its `seq`,
 * its position in the feed (given when first served, so a follower never skips one).
 */
export interface DomainEventChange extends Change {
  id: string;
  type: string;
  /** ISO 8601 (UTC). */
  occurredAt: string;
  recordType: string;
  recordId: string;
  recordVersion: number;
  divisionCode: string;
  departmentIds: string[];
  homeIds: string[];
  payload: Record<string, unknown>;
}

/**
 * The columns `changeFeedRoute` needs to serve the outbox (`position`, given when an event is first
 * served; see the toolkit's change-feed-route.ts): for the migration of a service whose events
 * another service follows.
 */
export const DOMAIN_EVENT_FEED_DDL = `
  alter table domain_event add column position bigint;
  create unique index domain_event_position_idx on domain_event (position);
  create index domain_event_unplaced_idx on domain_event (seq) where position is null;
`;

/**
 * `GET /internal/domain-events?after=<position>`: the outbox in the order its events committed,
 * for a service that acts on another's events (channels delivers deliberation's by webhook).
 */
export const DOMAIN_EVENT_FEED: OutboxFeed<DomainEventChange> = {
  path: '/internal/domain-events',
  table: 'domain_event',
  columns: [
    'id',
    'type',
    'occurred_at',
    'record_type',
    'record_id',
    'record_version',
    'division_code',
    'department_ids',
    'home_ids',
    'payload',
  ],
  toChange: (row) => ({
    seq: Number(row.seq),
    id: String(row.id),
    type: String(row.type),
    occurredAt: new Date(row.occurred_at as string | Date).toISOString(),
    recordType: String(row.record_type),
    recordId: String(row.record_id),
    recordVersion: Number(row.record_version),
    divisionCode: String(row.division_code),
    departmentIds: row.department_ids as string[],
    homeIds: row.home_ids as string[],
    payload: row.payload as Record<string, unknown>,
  }),
};

/**
 * Serves this service's outbox as `DOMAIN_EVENT_FEED` (`GET /internal/domain-events`): the
 * `internalRoutes` of a subgraph whose events another service follows.
 */
export function serveDomainEvents(
  app: express.Express,
  orm: Orm,
  settings: SubgraphSettings,
): void {
  changeFeedRoute(app, orm, settings, DOMAIN_EVENT_FEED);
}
