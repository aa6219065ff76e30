import type { Change, FeedFollower } from './change-feed';
import { executeIn, type Orm, type SubgraphSettings } from '@cppcc/toolkit';
import { CHANGE_CURSOR_DDL, followOrganization } from './organization-feed';

/**
 * The projection of the organization's divisions that other subgraphs keep in their own schema:
 * which division codes exist, their level and the division above, so that a record naming a
 * division is refused when the code names none (the organization would resolve it to nothing),
 * without calling the organization service on a request. It follows the division change feed.
 */
export const DIVISION_PROJECTION_DDL = `
  create table division_projection (
    code varchar(12) primary key,
    level text not null,
    parent_code varchar(12),
    updated_at timestamptz not null default now()
  );
  ${CHANGE_CURSOR_DDL}
`;

export interface DivisionChange extends Change {
  /** The statistics code, e.g. `320706001001`. */
  code: string;
  /** `CITY`, `COUNTY`, `TOWNSHIP` or `VILLAGE` */
  level: string;
  /** The division above; null for a city. */
  parentCode: string | null;
  /** The division is no more (merged away by decree): followers forget it. */
  removed: boolean;
}

export interface DivisionProjectionOptions {
  /** The consumer's name, e.g. `petitions`. */
  consumer: string;
  intervalMs?: number;
}

/** Follows the organization's division changes into `division_projection`. */
export function followDivisions(
  orm: Orm,
  settings: SubgraphSettings,
  options: DivisionProjectionOptions,
): FeedFollower {
  return followOrganization<DivisionChange>(orm, settings, {
    records: 'divisions',
    consumer: options.consumer,
    intervalMs: options.intervalMs,
    recordId: (change) => change.code,
    apply: async (tx, latest) => {
      const kept = latest.filter((change) => !change.removed);
      const removed = latest.filter((change) => change.removed).map((change) => change.code);
      if (removed.length) {
        await executeIn(
          tx,
          `delete from division_projection
           where code in (select json_array_elements_text(?::json))`,
          [JSON.stringify(removed)],
        );
      }
      if (kept.length) {
        await executeIn(
          tx,
          `insert into division_projection (code, level, parent_code)
           select code, level, "parentCode"
           from json_to_recordset(?::json) as c(code text, level text, "parentCode" text)
           on conflict (code) do update set
             level = excluded.level, parent_code = excluded.parent_code, updated_at = now()`,
          [JSON.stringify(kept)],
        );
      }
    },
  });
}
