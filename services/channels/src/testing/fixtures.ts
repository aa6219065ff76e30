import { randomUUID } from 'node:crypto';
import type { Caller } from '@cppcc/toolkit';
import type { TestSubgraph } from '@cppcc/toolkit/testing';

/** A home as the organization's change feed would have brought it. */
export async function seedHome(graph: TestSubgraph, divisionCode: string, status = 'ACTIVE') {
  const id = randomUUID();
  await graph.orm.em.getConnection().execute(
    `insert into home_projection (id, division_code, status, kind, name, version, established_on)
       values (?, ?, ?, 'VILLAGER', '协商民主之家', 1, '2020-01-01')`,
    [id, divisionCode, status],
  );
  return id;
}

/** A department as the organization's change feed would have brought it. */
export async function seedDepartment(
  graph: Pick<TestSubgraph, 'orm'>,
  level: 'CITY' | 'COUNTY',
  divisionCode: string,
) {
  const id = randomUUID();
  await graph.orm.em.getConnection().execute(
    `insert into department_projection (id, name, level, division_code, kind, version)
       values (?, ?, ?, ?, 'GOVERNMENT_DEPARTMENT', 1)`,
    [id, `部门${id.slice(0, 4)}`, level, divisionCode],
  );
  return id;
}

/** A department's system calling through the department surface. */
export function departmentCaller(departmentId: string): Caller {
  return {
    subject: `test:department:${departmentId}`,
    level: 'DEPARTMENT',
    division: '3207',
    roles: [],
    surface: 'department',
    departmentId,
  };
}

export const HAIZHOU_STAFF: Caller = {
  subject: 'test:county:320706',
  level: 'COUNTY',
  division: '320706',
  roles: ['STAFF'],
  surface: 'county',
};

export const GUANNAN_STAFF: Caller = {
  subject: 'test:county:320724',
  level: 'COUNTY',
  division: '320724',
  roles: ['STAFF'],
  surface: 'county',
};

/**
 * A member as the organization's change feed would have brought it: placed in the city (`3207`)
 * or a county (`320706`), the division a record naming them must lie under (requireReferences).
 */
export async function seedMember(
  graph: Pick<TestSubgraph, 'orm'>,
  divisionCode: string,
  id: string = randomUUID(),
) {
  await graph.orm.em
    .getConnection()
    .execute(`insert into member_projection (id, division_code) values (?, ?)`, [id, divisionCode]);
  return id;
}

/** A participant as the organization's change feed would have brought it: where they live. */
export async function seedParticipant(
  graph: Pick<TestSubgraph, 'orm'>,
  divisionCode: string,
  id: string = randomUUID(),
) {
  await graph.orm.em
    .getConnection()
    .execute(`insert into participant_projection (id, division_code) values (?, ?)`, [
      id,
      divisionCode,
    ]);
  return id;
}

/** A session as deliberation's event feed would have brought it: its home, division and state. */
export async function seedSession(
  graph: Pick<TestSubgraph, 'orm'>,
  homeId: string,
  divisionCode: string,
  status: 'PLANNED' | 'HELD' | 'CANCELLED' = 'HELD',
) {
  const id = randomUUID();
  await graph.orm.em
    .getConnection()
    .execute(
      `insert into session_projection (id, division_code, home_id, status, version) values (?, ?, ?, ?, 1)`,
      [id, divisionCode, homeId, status],
    );
  return id;
}
