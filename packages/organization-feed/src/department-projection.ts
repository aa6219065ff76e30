import type { Change, FeedFollower } from './change-feed';
import { executeIn, type Orm, type SubgraphSettings } from '@cppcc/toolkit';
import { CHANGE_CURSOR_DDL, followOrganization } from './organization-feed';

/**
 * The projection of the organization's departments that other subgraphs keep in their own
 * schema: whether an invited department exists and whether it is a city one (rule 3 of docs/domain.md:
 * city departments take part only under a city special committee), without calling the
 * organization service on a request. It follows the organization's department change feed.
 */
export const DEPARTMENT_PROJECTION_DDL = `
  create table department_projection (
    id uuid primary key,
    name text not null,
    level text not null,
    division_code varchar(12) not null,
    kind text not null,
    version integer not null,
    updated_at timestamptz not null default now()
  );
  ${CHANGE_CURSOR_DDL}
`;

export interface DepartmentChange extends Change {
  departmentId: string;
  name: string;
  shortName: string;
  /** `CITY` or `COUNTY` */
  level: string;
  kind: string;
  /** The city (4 digits) or county-level unit (6 digits) whose government it belongs to. */
  divisionCode: string;
  departmentVersion: number;
  /** The policy areas it works on, e.g. `PETITIONS` for a petitions bureau (信访局). */
  policyAreas: string[];
}

export interface DepartmentProjectionOptions {
  /** The consumer's name, e.g. `deliberation`. */
  consumer: string;
  intervalMs?: number;
}

/** Follows the organization's department changes into `department_projection`. */
export function followDepartments(
  orm: Orm,
  settings: SubgraphSettings,
  options: DepartmentProjectionOptions,
): FeedFollower {
  return followOrganization<DepartmentChange>(orm, settings, {
    records: 'departments',
    consumer: options.consumer,
    intervalMs: options.intervalMs,
    recordId: (change) => change.departmentId,
    apply: async (tx, latest) => {
      await executeIn(
        tx,
        `insert into department_projection (id, name, level, division_code, kind, version)
         select "departmentId", name, level, "divisionCode", kind, "departmentVersion"
         from json_to_recordset(?::json)
           as c("departmentId" uuid, name text, level text, "divisionCode" text, kind text, "departmentVersion" int)
         on conflict (id) do update set
           name = excluded.name, level = excluded.level, division_code = excluded.division_code,
           kind = excluded.kind, version = excluded.version, updated_at = now()`,
        [JSON.stringify(latest)],
      );
    },
  });
}
