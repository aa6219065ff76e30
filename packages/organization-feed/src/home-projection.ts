import type { Change, FeedFollower } from './change-feed';
import type { EntityManager } from '@mikro-orm/postgresql';
import { type Caller, BadUserInputError, isUuid } from '@cppcc/contract';
import { executeIn, type Orm, scopeSql, type SubgraphSettings } from '@cppcc/toolkit';
import { CHANGE_CURSOR_DDL, followOrganization } from './organization-feed';

/** Later columns of the projection, added by each consumer's next migration. */
export const HOME_PROJECTION_ESTABLISHED_DDL =
  'alter table home_projection add column established_on date';

/**
 * The projection of the organization's homes that other subgraphs keep in their own schema:
 * what they need to know of a home (its division, status, kind, name) without calling the
 * organization service on a request. It follows the organization's home change feed.
 */
export const HOME_PROJECTION_DDL = `
  create table home_projection (
    id uuid primary key,
    division_code varchar(12) not null,
    status text not null,
    kind text not null,
    name text not null,
    version integer not null,
    updated_at timestamptz not null default now()
  );
  create index home_projection_division_code_idx on home_projection (division_code text_pattern_ops);
  ${CHANGE_CURSOR_DDL}
`;

export interface HomeChange extends Change {
  homeId: string;
  divisionCode: string;
  status: string;
  kind: string;
  name: string;
  homeVersion: number;
  /** `YYYY-MM-DD` */
  establishedOn: string;
}

export interface HomeProjectionOptions {
  /** The consumer's name, e.g. `deliberation`. */
  consumer: string;
  /**
   * Tables of the consumer whose rows carry a home's division code (`home_id`, `division_code`):
   * when a home moves, its records move with it, in the same transaction.
   */
  recordTables: string[];
  intervalMs?: number;
}

/** Follows the organization's home changes into `home_projection` (and the records that copy them). */
export function followHomes(
  orm: Orm,
  settings: SubgraphSettings,
  options: HomeProjectionOptions,
): FeedFollower {
  for (const table of options.recordTables) {
    if (!/^[a-z_]+$/.test(table)) throw new Error(`bad table name ${table}`);
  }
  return followOrganization<HomeChange>(orm, settings, {
    records: 'homes',
    consumer: options.consumer,
    intervalMs: options.intervalMs,
    recordId: (change) => change.homeId,
    apply: async (tx, latest) => {
      await executeIn(
        tx,
        `insert into home_projection (id, division_code, status, kind, name, version, established_on)
         select "homeId", "divisionCode", status, kind, name, "homeVersion", "establishedOn"
         from json_to_recordset(?::json)
           as c("homeId" uuid, "divisionCode" text, status text, kind text, name text, "homeVersion" int, "establishedOn" date)
         on conflict (id) do update set
           division_code = excluded.division_code, status = excluded.status, kind = excluded.kind,
           name = excluded.name, version = excluded.version, established_on = excluded.established_on,
           updated_at = now()`,
        [JSON.stringify(latest)],
      );
      for (const table of options.recordTables) {
        await executeIn(
          tx,
          `update ${table} r set division_code = h.division_code
           from home_projection h
           where h.id = r.home_id and h.id in (select (value ->> 'homeId')::uuid from json_array_elements(?::json))
             and r.division_code <> h.division_code`,
          [JSON.stringify(latest)],
        );
      }
    },
  });
}

/**
 * A home records may be written for: known from the organization's feed (the home projection),
 * inside the caller's scope — a home's own caller its own home only, not the homes under its
 * division; outside looks unknown — and not suspended. BAD_USER_INPUT on `field` otherwise.
 */
export async function requireActiveHome(
  em: EntityManager,
  caller: Caller,
  homeId: string,
  field: string,
): Promise<{ division_code: string }> {
  const scope = scopeSql(caller, { public: false, homeProperty: 'id', homeColumn: 'id' }, 'h');
  const [home] = isUuid(homeId)
    ? await executeIn<Array<{ division_code: string; status: string }>>(
        em,
        `select division_code, status from home_projection h where h.id = ? ${scope.sql}`,
        [homeId, ...scope.params],
      )
    : [];
  if (!home) throw new BadUserInputError('There is no such home.', field);
  if (home.status === 'SUSPENDED') throw new BadUserInputError('The home is suspended.', field);
  return home;
}
