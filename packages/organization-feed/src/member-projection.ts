import type { Change, FeedFollower } from './change-feed';
import { executeIn, type Orm, type SubgraphSettings } from '@cppcc/toolkit';
import { CHANGE_CURSOR_DDL, followOrganization } from './organization-feed';

/**
 * The projection of the organization's members that other subgraphs keep in their own schema:
 * which members exist and where they belong — the city (its 4-digit code) or a county (6
 * digits) — so that a record naming a member of another county, or one that does not exist, is
 * refused (`requireReferences`) without calling the organization service on a request. Ids and
 * division codes only: a member's personal data never leaves the organization.
 */
export const MEMBER_PROJECTION_DDL = `
  create table member_projection (
    id uuid primary key,
    division_code varchar(12) not null,
    updated_at timestamptz not null default now()
  );
  ${CHANGE_CURSOR_DDL}
`;

export interface MemberChange extends Change {
  memberId: string;
  /**
   * Where the member belongs: the city's code when they sit on a city committee, else their
   * county CPPCC's code; a member with no seat, the county they live in.
   */
  divisionCode: string;
}

export interface MemberProjectionOptions {
  /** The consumer's name, e.g. `deliberation`. */
  consumer: string;
  intervalMs?: number;
}

/** Follows the organization's member changes into `member_projection`. */
export function followMembers(
  orm: Orm,
  settings: SubgraphSettings,
  options: MemberProjectionOptions,
): FeedFollower {
  return followOrganization<MemberChange>(orm, settings, {
    records: 'members',
    consumer: options.consumer,
    intervalMs: options.intervalMs,
    recordId: (change) => change.memberId,
    apply: async (tx, latest) => {
      await executeIn(
        tx,
        `insert into member_projection (id, division_code)
         select "memberId", "divisionCode"
         from json_to_recordset(?::json) as c("memberId" uuid, "divisionCode" text)
         on conflict (id) do update set division_code = excluded.division_code, updated_at = now()`,
        [JSON.stringify(latest)],
      );
    },
  });
}
