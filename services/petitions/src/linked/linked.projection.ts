import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  BadUserInputError,
  DOMAIN_EVENT_FEED,
  executeIn,
  fieldPath,
  isUuid,
  type DomainEventChange,
  type Orm,
  type SubgraphSettings,
} from '@cppcc/toolkit';
import { followChanges, type FeedFollower } from '@cppcc/organization-feed';

/**
 * What petitions knows of the sessions and demands a case links to, learnt from their services'
 * event feeds (`GET /internal/domain-events` beside DELIBERATION_URL and CHANNELS_URL), never by
 * calling them on a request: `session_projection` (a session's division, kind and status, from
 * `session.scheduled`, `session.held` and `session.cancelled`) and `demand_projection` (a
 * demand's division and whether it is a petition matter, from `demand.raised`). A record its
 * feed has not brought yet is unknown here: one just scheduled or raised takes a moment (a
 * follower's poll, about a second) to be known.
 */

/** The session kind of the multi-party platform (多方协商平台), where petition matters are handled. */
export const MULTI_PARTY = 'MULTI_PARTY';
const CANCELLED = 'CANCELLED';
const SESSION_EVENTS = ['session.scheduled', 'session.held', 'session.cancelled'];
const DEMAND_RAISED = 'demand.raised';

/** The county of a division code: its first six digits (a code's prefix is its ancestry). */
const countyOf = (divisionCode: string) => divisionCode.slice(0, 6);

/** The page's events as rows (`jsonb_to_recordset`). */
function rows(changes: DomainEventChange[]): string {
  return JSON.stringify(
    changes.map((change) => ({
      record_id: change.recordId,
      record_version: change.recordVersion,
      division_code: change.divisionCode,
      payload: change.payload,
    })),
  );
}

/** Follows one service's outbox, applying the events `wanted` keeps. */
function followEvents(
  orm: Orm,
  settings: SubgraphSettings,
  source: 'deliberation' | 'channels',
  url: string | undefined,
  wanted: (change: DomainEventChange) => boolean,
  apply: (tx: EntityManager, changes: DomainEventChange[]) => Promise<void>,
  intervalMs?: number,
): FeedFollower {
  if (!url) {
    const variable = source === 'deliberation' ? 'DELIBERATION_URL' : 'CHANNELS_URL';
    throw new Error(`petitions needs ${variable} to follow ${source}’s events`);
  }
  return followChanges<DomainEventChange>(
    orm,
    settings.logger,
    {
      name: `${source}.events`,
      url: new URL(DOMAIN_EVENT_FEED.path, url).toString(),
      consumer: 'petitions',
      internalAuthSecret: settings.internalAuthSecret,
      apply: async (tx, changes) => {
        const kept = changes.filter(wanted);
        if (kept.length) await apply(tx, kept);
      },
    },
    intervalMs,
  );
}

/**
 * Follows deliberation's events into `session_projection`: each session's latest known state
 * (an event older than the one applied, by the session's version, changes nothing).
 */
export function followSessions(
  orm: Orm,
  settings: SubgraphSettings,
  intervalMs?: number,
): FeedFollower {
  return followEvents(
    orm,
    settings,
    'deliberation',
    settings.deliberationUrl,
    (change) => change.recordType === 'Session' && SESSION_EVENTS.includes(change.type),
    async (tx, changes) => {
      await executeIn(
        tx,
        `insert into session_projection (id, division_code, kind, status, version)
         select distinct on (record_id) record_id, division_code, payload ->> 'kind',
                payload ->> 'status', record_version
           from jsonb_to_recordset(?::jsonb)
             as e(record_id uuid, record_version integer, division_code text, payload jsonb)
          order by record_id, record_version desc
         on conflict (id) do update set
           division_code = excluded.division_code, kind = excluded.kind, status = excluded.status,
           version = excluded.version, updated_at = now()
         where session_projection.version <= excluded.version`,
        [rows(changes)],
      );
    },
    intervalMs,
  );
}

/** Follows channels' events into `demand_projection`: each demand raised, petition matter or not. */
export function followDemands(
  orm: Orm,
  settings: SubgraphSettings,
  intervalMs?: number,
): FeedFollower {
  return followEvents(
    orm,
    settings,
    'channels',
    settings.channelsUrl,
    (change) => change.recordType === 'Demand' && change.type === DEMAND_RAISED,
    async (tx, changes) => {
      await executeIn(
        tx,
        `insert into demand_projection (id, division_code, is_petition)
         select distinct on (record_id) record_id, division_code,
                coalesce((payload ->> 'isPetition')::boolean, false)
           from jsonb_to_recordset(?::jsonb)
             as e(record_id uuid, record_version integer, division_code text, payload jsonb)
          order by record_id
         on conflict (id) do update set
           division_code = excluded.division_code, is_petition = excluded.is_petition,
           updated_at = now()`,
        [rows(changes)],
      );
    },
    intervalMs,
  );
}

const UNKNOWN_SESSION =
  "There is no such session in the case's county, or the petitions bureau does not know of it yet (a session just scheduled takes a moment to be known).";
const SESSION_LINKED = 'The session is already recorded on another case.';
const UNKNOWN_DEMAND =
  "There is no such demand in the case's county, or the petitions bureau does not know of it yet (a demand just raised takes a moment to be known).";
const DEMAND_LINKED = 'The demand is already linked to another case.';

/**
 * A session a case may record: known from deliberation's feed, of the case's county, a
 * multi-party platform session (MULTI_PARTY), not cancelled, and recorded on no other case.
 * BAD_USER_INPUT on `field` otherwise.
 */
export async function requireLinkableSession(
  tx: EntityManager,
  sessionId: string,
  caseId: string,
  caseDivisionCode: string,
  field: string,
): Promise<void> {
  const [session] = isUuid(sessionId)
    ? await executeIn<
        Array<{ division_code: string; kind: string; status: string; case_id: string | null }>
      >(
        tx,
        `select s.division_code, s.kind, s.status, l.case_id
           from session_projection s
           left join petition_case_session l on l.session_id = s.id
          where s.id = ?`,
        [sessionId],
      )
    : [];
  if (!session) throw new BadUserInputError(UNKNOWN_SESSION, field);
  // The county first: another county's session is refused in the words of an unknown one.
  if (countyOf(session.division_code) !== countyOf(caseDivisionCode)) {
    throw new BadUserInputError(UNKNOWN_SESSION, field);
  }
  if (session.kind !== MULTI_PARTY) {
    throw new BadUserInputError(
      'The session is no multi-party platform session (多方协商平台, kind MULTI_PARTY).',
      field,
    );
  }
  if (session.status === CANCELLED) {
    throw new BadUserInputError('The session was cancelled.', field);
  }
  if (session.case_id && session.case_id !== caseId) {
    throw new BadUserInputError(SESSION_LINKED, field);
  }
}

/**
 * Demands a new case may be registered for: each known from channels' feed, of the case's county,
 * a petition matter (`isPetition`), and linked to no other case. BAD_USER_INPUT on
 * `field.<index>` for the first that is not.
 */
export async function requireLinkableDemands(
  tx: EntityManager,
  demandIds: readonly string[],
  caseDivisionCode: string,
  field: string,
): Promise<void> {
  if (!demandIds.length) return;
  const found = await executeIn<
    Array<{ id: string; division_code: string; is_petition: boolean; case_id: string | null }>
  >(
    tx,
    `select d.id, d.division_code, d.is_petition, l.case_id
       from demand_projection d
       left join petition_case_demand l on l.demand_id = d.id
      where d.id = any(?::uuid[])`,
    [`{${demandIds.join(',')}}`],
  );
  const byId = new Map(found.map((row) => [row.id, row]));
  demandIds.forEach((id, index) => {
    const at = fieldPath(field, index);
    const demand = byId.get(id);
    if (!demand) throw new BadUserInputError(UNKNOWN_DEMAND, at);
    // The county first: another county's demand is refused in the words of an unknown one.
    if (countyOf(demand.division_code) !== countyOf(caseDivisionCode)) {
      throw new BadUserInputError(UNKNOWN_DEMAND, at);
    }
    if (!demand.is_petition) {
      throw new BadUserInputError('The demand is no petition matter (isPetition).', at);
    }
    if (demand.case_id) throw new BadUserInputError(DEMAND_LINKED, at);
  });
}

/**
 * The error a write gets when, between its check and its commit, another case took one of its
 * sessions or demands (the link tables' primary keys): BAD_USER_INPUT on `field`, as if the check
 * had seen it; any other error as it is.
 */
export function linkTaken(error: unknown, link: 'session' | 'demand', field: string): unknown {
  if (
    error instanceof UniqueConstraintViolationException &&
    error.message.includes(`petition_case_${link}_pkey`)
  ) {
    return new BadUserInputError(link === 'session' ? SESSION_LINKED : DEMAND_LINKED, field);
  }
  return error;
}
