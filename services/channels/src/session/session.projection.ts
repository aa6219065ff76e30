import type { EntityManager } from '@mikro-orm/postgresql';
import {
  BadUserInputError,
  DOMAIN_EVENT_FEED,
  executeIn,
  isUuid,
  type DomainEventChange,
  type Orm,
  type SubgraphSettings,
} from '@cppcc/toolkit';
import { followChanges, type FeedFollower } from '@cppcc/organization-feed';

/**
 * What channels knows of deliberation's sessions, learnt from its event feed (`GET
 * /internal/domain-events` beside DELIBERATION_URL), never by calling it on a request:
 * `session_projection`, each session's division, home and state. A session scheduled a moment
 * ago is unknown here until the follower's next poll (about a second).
 */

const SESSION_EVENTS = ['session.scheduled', 'session.held', 'session.cancelled'];
const CANCELLED = 'CANCELLED';

/**
 * Follows deliberation's events into `session_projection`, under a cursor of its own (the
 * webhooks' follower keeps another), so the sessions of every event the feed holds are learnt,
 * those from before this projection existed too. An event older than the one applied (by the
 * session's version) changes nothing.
 */
export function followSessions(
  orm: Orm,
  settings: SubgraphSettings,
  intervalMs?: number,
): FeedFollower {
  if (!settings.deliberationUrl) {
    throw new Error('channels needs DELIBERATION_URL to know deliberation’s sessions');
  }
  return followChanges<DomainEventChange>(
    orm,
    settings.logger,
    {
      name: 'deliberation.sessions',
      url: new URL(DOMAIN_EVENT_FEED.path, settings.deliberationUrl).toString(),
      consumer: 'channels',
      internalAuthSecret: settings.internalAuthSecret,
      apply: async (tx, changes) => {
        const sessions = changes.filter(
          (change) =>
            change.recordType === 'Session' &&
            SESSION_EVENTS.includes(change.type) &&
            change.homeIds.length > 0,
        );
        if (!sessions.length) return;
        await executeIn(
          tx,
          `insert into session_projection (id, division_code, home_id, status, version)
           select distinct on (record_id) record_id, division_code, home_id,
                  payload ->> 'status', record_version
             from jsonb_to_recordset(?::jsonb)
               as e(record_id uuid, record_version integer, division_code text, home_id uuid,
                    payload jsonb)
            order by record_id, record_version desc
           on conflict (id) do update set
             division_code = excluded.division_code, home_id = excluded.home_id,
             status = excluded.status, version = excluded.version, updated_at = now()
           where session_projection.version <= excluded.version`,
          [
            JSON.stringify(
              sessions.map((change) => ({
                record_id: change.recordId,
                record_version: change.recordVersion,
                division_code: change.divisionCode,
                home_id: change.homeIds[0],
                payload: change.payload,
              })),
            ),
          ],
        );
      },
    },
    intervalMs,
  );
}

interface KnownSession {
  id: string;
  division_code: string;
  home_id: string;
  status: string;
}

async function knownSessions(em: EntityManager, ids: readonly string[]) {
  const wellFormed = [...new Set(ids.filter(isUuid).map((id) => id.toLowerCase()))];
  if (!wellFormed.length) return new Map<string, KnownSession>();
  const rows = await executeIn<KnownSession[]>(
    em,
    `select id::text as id, division_code, home_id::text as home_id, status
       from session_projection where id = any(array[?]::uuid[])`,
    [wellFormed],
  );
  return new Map(rows.map((row) => [row.id, row]));
}

/**
 * The sessions a proposal, report, speech or special report of division `divisionCode` cites:
 * each known from deliberation's feed, of a home within the record's county (any in the city for
 * a city record), not cancelled. BAD_USER_INPUT on `field.<index>` for the first that is not —
 * of another county's session no more is said than of an unknown one. Returns their homes, which
 * the record reaches (its `homeIds`).
 */
export async function requireCitedSessions(
  em: EntityManager,
  ids: readonly string[],
  divisionCode: string,
  field: string,
): Promise<{ homeIds: string[] }> {
  const known = await knownSessions(em, ids);
  const county = divisionCode.slice(0, 6);
  const where = county.length < 6 ? 'in the city' : 'in this county';
  ids.forEach((id, index) => {
    const session = known.get(id.toLowerCase());
    if (!session || !session.division_code.startsWith(county)) {
      throw new BadUserInputError(
        `There is no such session ${where}, or channels does not know of it yet (a session just scheduled takes a moment to be known).`,
        `${field}.${index}`,
      );
    }
    if (session.status === CANCELLED) {
      throw new BadUserInputError('The session was cancelled.', `${field}.${index}`);
    }
  });
  return { homeIds: [...new Set([...known.values()].map((session) => session.home_id))] };
}

/**
 * The session a demand of home `homeId` is put on the agenda of: known from deliberation's feed,
 * a session of that same home, not cancelled. BAD_USER_INPUT on `field` otherwise (another home's
 * session reads as an unknown one).
 */
export async function requireAgendaSession(
  em: EntityManager,
  sessionId: string,
  homeId: string,
  field: string,
): Promise<void> {
  const session = (await knownSessions(em, [sessionId])).get(sessionId.toLowerCase());
  if (!session || session.home_id !== homeId.toLowerCase()) {
    throw new BadUserInputError(
      "There is no such session of the demand's home, or channels does not know of it yet (a session just scheduled takes a moment to be known).",
      field,
    );
  }
  if (session.status === CANCELLED) {
    throw new BadUserInputError('The session was cancelled.', field);
  }
}
