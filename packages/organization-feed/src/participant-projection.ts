import type { Change, FeedFollower } from './change-feed';
import { executeIn, type Orm, type SubgraphSettings } from '@cppcc/toolkit';
import { CHANGE_CURSOR_DDL, followOrganization } from './organization-feed';

/**
 * The projection of the organization's participants (群众代表 etc.) that other subgraphs keep in
 * their own schema: which participants exist and the division they live or work in, so that a
 * record naming a participant of another county, or one that does not exist, is refused
 * (`requireReferences`) without calling the organization service on a request. Ids and division
 * codes only: a participant's name, phone and ID number never leave the organization.
 */
export const PARTICIPANT_PROJECTION_DDL = `
  create table participant_projection (
    id uuid primary key,
    division_code varchar(12) not null,
    updated_at timestamptz not null default now()
  );
  ${CHANGE_CURSOR_DDL}
`;

export interface ParticipantChange extends Change {
  participantId: string;
  /** Where the participant lives or works (any level, usually a village or community). */
  divisionCode: string;
}

export interface ParticipantProjectionOptions {
  /** The consumer's name, e.g. `channels`. */
  consumer: string;
  intervalMs?: number;
}

/** Follows the organization's participant changes into `participant_projection`. */
export function followParticipants(
  orm: Orm,
  settings: SubgraphSettings,
  options: ParticipantProjectionOptions,
): FeedFollower {
  return followOrganization<ParticipantChange>(orm, settings, {
    records: 'participants',
    consumer: options.consumer,
    intervalMs: options.intervalMs,
    recordId: (change) => change.participantId,
    apply: async (tx, latest) => {
      await executeIn(
        tx,
        `insert into participant_projection (id, division_code)
         select "participantId", "divisionCode"
         from json_to_recordset(?::json) as c("participantId" uuid, "divisionCode" text)
         on conflict (id) do update set division_code = excluded.division_code, updated_at = now()`,
        [JSON.stringify(latest)],
      );
    },
  });
}
