import type { OutboxFeed } from '@cppcc/toolkit';
import type { DepartmentChange } from '@cppcc/organization-feed';

/**
 * `GET /internal/department-changes`: the feed other services follow to know departments (which
 * are city ones, for rule 3 of docs/domain.md) without calling this service on a request.
 */
export const DEPARTMENT_CHANGES: OutboxFeed<DepartmentChange> = {
  path: '/internal/department-changes',
  table: 'department_change',
  columns: [
    'department_id',
    'name',
    'short_name',
    'level',
    'kind',
    'division_code',
    'department_version',
    'policy_areas',
  ],
  toChange: (row) => ({
    seq: Number(row.seq),
    departmentId: String(row.department_id),
    name: String(row.name),
    shortName: String(row.short_name),
    level: String(row.level),
    kind: String(row.kind),
    divisionCode: String(row.division_code),
    departmentVersion: Number(row.department_version),
    policyAreas: (row.policy_areas as string[] | null) ?? [],
  }),
};
