import { randomUUID } from 'node:crypto';
import type { Caller } from '@cppcc/toolkit';
import type { TestSubgraph } from '@cppcc/toolkit/testing';

/**
 * Seed helpers of the petitions tests: departments and divisions as the organization's feeds
 * would have brought them, cases in any state, and the callers who read and act on them.
 */
export const COUNTY = '320706';
export const OTHER_COUNTY = '320724';
export const VILLAGE = '320706001001';
export const OTHER_VILLAGE = '320724100201';
/** Well formed, in the county, but no division: the feed never brings it. */
export const UNKNOWN_VILLAGE = '320706001999';

export interface Departments {
  cityBureau: string;
  countyBureau: string;
  otherCountyBureau: string;
  handling: string;
  other: string;
  /** A justice bureau: works on petitions, keeps no cases. */
  justice: string;
}

const sql = <T extends object>(graph: TestSubgraph, query: string, values: unknown[] = []) =>
  graph.orm.em.getConnection().execute<T>(query, values);

/** The departments the tests need, as the department projection holds them. */
export async function seedDepartments(graph: TestSubgraph): Promise<Departments> {
  const departments: Departments = {
    cityBureau: randomUUID(),
    countyBureau: randomUUID(),
    otherCountyBureau: randomUUID(),
    handling: randomUUID(),
    other: randomUUID(),
    justice: randomUUID(),
  };
  const rows: Array<[string, string, string, string, string, string[]]> = [
    [departments.cityBureau, '连云港市信访局', 'CITY', '3207', 'DIRECT_AGENCY', ['PETITIONS']],
    [departments.countyBureau, '海州区信访局', 'COUNTY', COUNTY, 'DIRECT_AGENCY', ['PETITIONS']],
    [
      departments.otherCountyBureau,
      '灌南县信访局',
      'COUNTY',
      OTHER_COUNTY,
      'DIRECT_AGENCY',
      ['PETITIONS'],
    ],
    [
      departments.handling,
      '海州区住房和城乡建设局',
      'COUNTY',
      COUNTY,
      'GOVERNMENT_DEPARTMENT',
      ['URBAN_CONSTRUCTION'],
    ],
    [departments.other, '海州区教育局', 'COUNTY', COUNTY, 'GOVERNMENT_DEPARTMENT', ['EDUCATION']],
    // Works on petitions too, but is no bureau: it keeps no cases.
    [
      departments.justice,
      '海州区司法局',
      'COUNTY',
      COUNTY,
      'GOVERNMENT_DEPARTMENT',
      ['PUBLIC_SAFETY', 'PETITIONS'],
    ],
  ];
  for (const [id, name, level, division, kind, areas] of rows) {
    await sql(
      graph,
      `insert into department_projection (id, name, level, division_code, kind, version, policy_areas)
       values (?, ?, ?, ?, ?, 1, array(select json_array_elements_text(?::json)))`,
      [id, name, level, division, kind, JSON.stringify(areas)],
    );
  }
  return departments;
}

/**
 * The divisions the tests' cases concern, as the organization's division feed would have brought
 * them (a village of each county and the township above it); `UNKNOWN_VILLAGE` is left out.
 */
export async function seedDivisions(graph: TestSubgraph): Promise<void> {
  const rows: Array<[string, string, string | null]> = [
    ['3207', 'CITY', null],
    [COUNTY, 'COUNTY', '3207'],
    [OTHER_COUNTY, 'COUNTY', '3207'],
    [VILLAGE.slice(0, 9), 'TOWNSHIP', COUNTY],
    [VILLAGE, 'VILLAGE', VILLAGE.slice(0, 9)],
    [OTHER_VILLAGE.slice(0, 9), 'TOWNSHIP', OTHER_COUNTY],
    [OTHER_VILLAGE, 'VILLAGE', OTHER_VILLAGE.slice(0, 9)],
  ];
  for (const [code, level, parent] of rows) {
    await sql(
      graph,
      'insert into division_projection (code, level, parent_code) values (?, ?, ?)',
      [code, level, parent],
    );
  }
}

export function departmentCaller(departmentId: string, division: string): Caller {
  return {
    subject: `test:department:${departmentId}`,
    level: 'DEPARTMENT',
    division,
    roles: [],
    surface: 'department',
    departmentId,
  };
}

export function officeCaller(division: string, roles: string[] = ['STAFF']): Caller {
  return {
    subject: `test:office:${division}:${roles.join()}`,
    level: division.length === 4 ? 'CITY' : 'COUNTY',
    division,
    roles,
    surface: division.length === 4 ? 'city' : 'county',
  };
}

export interface SeededCase {
  status: string;
  divisionCode?: string;
  handlingDepartmentId?: string | null;
  demandIds?: string[];
  sessionIds?: string[];
  registeredOn?: string;
  acceptedOn?: string;
  handledOn?: string;
}

/** A case in a state, with the columns that state carries, written as SQL. Returns its id. */
export async function seedCase(graph: TestSubgraph, seeded: SeededCase): Promise<string> {
  const id = randomUUID();
  const past = (state: string) =>
    ['ACCEPTED', 'HANDLED', 'UNDER_REVIEW', 'REVIEWED', 'CLOSED'].indexOf(seeded.status) >=
    ['ACCEPTED', 'HANDLED', 'UNDER_REVIEW', 'REVIEWED', 'CLOSED'].indexOf(state);
  const accepted = past('ACCEPTED');
  const handled = past('HANDLED');
  const reviewed = seeded.status === 'REVIEWED';
  const acceptedOn = seeded.acceptedOn ?? '2026-03-01';
  await sql(
    graph,
    `insert into petition_case (id, number, subject, petitioners, division_code, status, registered_on,
        handling_department_id, accepted_on, opinion_due_on, opinion, handled_on,
        review_reason, review_requested_on, review_opinion, reviewed_on, demand_ids, session_ids)
     values (?, ?, '征地补偿款未足额发放', array['张三', '李四'], ?, ?, ?, ?, ?, ?::date + 60, ?, ?, ?, ?, ?, ?, array(select json_array_elements_text(?::json))::uuid[], array(select json_array_elements_text(?::json))::uuid[])`,
    [
      id,
      `XF-T-${id.slice(0, 8)}`,
      seeded.divisionCode ?? VILLAGE,
      seeded.status,
      seeded.registeredOn ?? '2026-02-20',
      accepted ? seeded.handlingDepartmentId : null,
      accepted ? acceptedOn : null,
      accepted ? acceptedOn : null,
      handled ? '已督促镇政府补发' : null,
      handled ? (seeded.handledOn ?? '2026-04-10') : null,
      ['UNDER_REVIEW', 'REVIEWED'].includes(seeded.status) ? '补偿标准有误' : null,
      ['UNDER_REVIEW', 'REVIEWED'].includes(seeded.status) ? '2026-04-20' : null,
      reviewed ? '维持原意见' : null,
      reviewed ? '2026-05-10' : null,
      JSON.stringify(seeded.demandIds ?? []),
      JSON.stringify(seeded.sessionIds ?? []),
    ],
  );
  if (seeded.status === 'CLOSED') {
    await sql(graph, `update petition_case set closed_on = '2026-05-20' where id = ?`, [id]);
  }
  return id;
}

/** A case's state, version and number of history entries, past every filter. */
export async function readCase(graph: TestSubgraph, id: string) {
  const [row] = await sql<Array<{ status: string; version: number; history: string }>>(
    graph,
    `select status, version, (select count(*) from petition_case_event where case_id = ?) as history
       from petition_case where id = ?`,
    [id, id],
  );
  return { status: row.status, version: row.version, history: Number(row.history) };
}

export interface SeededSession {
  divisionCode?: string;
  kind?: string;
  status?: string;
}

/** A session as deliberation's event feed would have brought it (a held multi-party one by default). */
export async function seedSession(
  graph: TestSubgraph,
  seeded: SeededSession = {},
): Promise<string> {
  const id = randomUUID();
  await sql(
    graph,
    `insert into session_projection (id, division_code, kind, status, version) values (?, ?, ?, ?, 1)`,
    [id, seeded.divisionCode ?? '320706001', seeded.kind ?? 'MULTI_PARTY', seeded.status ?? 'HELD'],
  );
  return id;
}

/** A demand as channels' event feed would have brought it (a petition matter by default). */
export async function seedDemand(
  graph: TestSubgraph,
  seeded: { divisionCode?: string; isPetition?: boolean } = {},
): Promise<string> {
  const id = randomUUID();
  await sql(
    graph,
    `insert into demand_projection (id, division_code, is_petition) values (?, ?, ?)`,
    [id, seeded.divisionCode ?? VILLAGE, seeded.isPetition ?? true],
  );
  return id;
}
