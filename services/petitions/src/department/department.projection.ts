import type { EntityManager } from '@mikro-orm/postgresql';
import { executeIn, isUuid, type Orm, type SubgraphSettings } from '@cppcc/toolkit';
import {
  followOrganization,
  requireReferences,
  type DepartmentChange,
  type FeedFollower,
} from '@cppcc/organization-feed';

/**
 * A petitions bureau (信访局): the government's direct agency (政府直属机构) working on petitions.
 * Other departments may work on petitions too (a justice bureau, 司法局), handling cases given
 * to them; only the bureau keeps them.
 */
export const PETITIONS_POLICY_AREA = 'PETITIONS';
export const BUREAU_KIND = 'DIRECT_AGENCY';

/**
 * Follows the organization's department changes into `department_projection`, policy areas
 * included: whether a department is a petitions bureau is read from there, never asked of the
 * organization on a request.
 */
export function followDepartmentsWithPolicyAreas(
  orm: Orm,
  settings: SubgraphSettings,
  intervalMs?: number,
): FeedFollower {
  return followOrganization<DepartmentChange>(orm, settings, {
    records: 'departments',
    consumer: 'petitions',
    intervalMs,
    recordId: (change) => change.departmentId,
    apply: async (tx, latest) => {
      await executeIn(
        tx,
        `insert into department_projection (id, name, level, division_code, kind, version, policy_areas)
         select "departmentId", name, level, "divisionCode", kind, "departmentVersion",
                array(select json_array_elements_text(coalesce("policyAreas", '[]'::json)))
         from json_to_recordset(?::json)
           as c("departmentId" uuid, name text, level text, "divisionCode" text, kind text,
                "departmentVersion" int, "policyAreas" json)
         on conflict (id) do update set
           name = excluded.name, level = excluded.level, division_code = excluded.division_code,
           kind = excluded.kind, version = excluded.version, policy_areas = excluded.policy_areas,
           updated_at = now()`,
        [JSON.stringify(latest)],
      );
    },
  });
}

/**
 * The division a petitions bureau keeps cases for (the city's bureau `3207`, a county's its
 * county), or null when the department is not one.
 */
export async function bureauDivisionOf(
  em: EntityManager,
  departmentId: string,
): Promise<string | null> {
  if (!isUuid(departmentId)) return null;
  const [row] = await executeIn<Array<{ division_code: string }>>(
    em,
    `select division_code from department_projection
     where id = ? and kind = ? and ? = any(policy_areas)`,
    [departmentId, BUREAU_KIND, PETITIONS_POLICY_AREA],
  );
  return row?.division_code ?? null;
}

/**
 * The department a case's county may give it to (its handling department): one petitions knows
 * from the organization's feed, of the case's county or of the city above it — the rule every
 * write that names a department follows (`requireReferences`, docs/domain.md "What a record may
 * name"). BAD_USER_INPUT on `field` otherwise, another county's department refused in the words
 * of an unknown one.
 */
export function requireHandlingDepartment(
  em: EntityManager,
  departmentId: string,
  caseDivisionCode: string,
  field: string,
): Promise<void> {
  return requireReferences(em, caseDivisionCode, [{ kind: 'department', id: departmentId, field }]);
}
