import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInputError, executeIn } from '@cppcc/toolkit';

/**
 * Departments a proposal is assigned to or a report forwarded to must exist: known from the
 * organization's department feed (the department projection), so no call to it on a request.
 */
export async function requireDepartments(
  em: EntityManager,
  ids: string[],
  field: string,
): Promise<void> {
  if (!ids.length) return;
  const rows = await executeIn<Array<{ id: string }>>(
    em,
    'select id::text as id from department_projection where id::text in (?)',
    [ids],
  );
  const known = new Set(rows.map((row) => row.id));
  ids.forEach((id, index) => {
    if (!known.has(id)) {
      const at = ids.length === 1 && !field.endsWith('Ids') ? field : `${field}.${index}`;
      throw new BadUserInputError('There is no such department.', at);
    }
  });
}
