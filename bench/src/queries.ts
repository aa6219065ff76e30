/**
 * The benchmark's fixed mix (issue 6): five requests a front end, an analyst and a department
 * send, each with variables that change from request to request (years and quarters, homes,
 * counties, departments), so caches and in-flight merging meet realistic traffic.
 *
 * Each query has its own surface and caller, as a real client would (a home's leader on the home
 * surface, a department on the department surface), and a `city` form (the same document on the
 * city surface with a city token), which is what the peer comparison sends: Hive Gateway serves
 * the city contract only.
 */
import type { Pool } from 'pg';

export type QueryName = 'Q1' | 'Q2' | 'Q3' | 'Q4' | 'Q5';
export type BenchSurface = 'city' | 'home' | 'department';

/** Who sends a request: the claims of its token. */
export interface Claims {
  level: 'CITY' | 'COUNTY' | 'HOME' | 'DEPARTMENT';
  division: string;
  roles: string[];
  homeId?: string;
  departmentId?: string;
}

/** One request of a query: its variables and who sends it. */
export interface Variant {
  variables: Record<string, unknown>;
  claims: Claims;
}

export interface BenchQuery {
  name: QueryName;
  title: string;
  surface: BenchSurface;
  query: string;
  /** The requests, sent round-robin. */
  variants: Variant[];
  /** The same requests on the city surface as the city's staff (the peer mix). */
  cityVariants: Variant[];
  /** The subgraphs it touches (for the federation-overhead pick and the report). */
  subgraphs: string[];
  /** Set when the schema lacks what the query needs (e.g. a field still to land). */
  skipped?: string;
}

export const CITY_STAFF: Claims = { level: 'CITY', division: '3207', roles: ['STAFF', 'ANALYST'] };

/** Q1: the city's cross-county view, every figure of the three subgraphs (the federated query of docs/api.md). */
export const Q1 = `query Q1($year: Int!, $quarter: Int!) {
  division(code: "3207") {
    code name
    children(first: 20) { totalCount edges { node { code name
      homeStats { homes activeHomes pilotHomes compliantHomes membersServing }
      sessionStats(year: $year, quarter: $quarter) { held homesRequired homesCompliant complianceRate crossCountySessions openFollowUpActions }
      channelStats(year: $year) { demandsReceived openDemands resolvedAtHome escalated sentimentReportsAdopted
        proposalsRegistered proposalsReplied proposalsOverdue averageDaysToReply satisfactionRate }
    } } }
  }
}`;

/** Q2: a home's page: the home, its members, its last ten sessions with minutes, open demands, escalations. */
export const Q2 = `query Q2($id: ID!) {
  home(id: $id) {
    id name kind status establishedOn pilotCohortYear
    division { code name }
    leader { id name }
    compliance { memberCount hasLeader compliant }
    members { id role since member { id name sector } }
    sessions(first: 10, status: [HELD]) { totalCount edges { node {
      id title kind heldAt
      minutes { summary consensus disagreements status actions { id description dueOn status } }
    } } }
    openDemands: demands(status: [RECEIVED, ON_AGENDA, ESCALATED], first: 20) { totalCount edges { node {
      id category content status receivedAt
    } } }
    escalated: demands(status: [ESCALATED, ANSWERED, CLOSED], first: 10) { totalCount edges { node {
      id category status
      escalations {
        __typename
        ... on Proposal { id title proposalStatus: status }
        ... on SentimentReport { id title reportStatus: status }
        ... on Speech { id title speechStatus: status }
        ... on SpecialReport { id title specialReportStatus: status }
      }
    } } }
  }
}`;

/** Q3: an analyst's proposal report by county × quarter × status, for one year. */
export const Q3 = `query Q3($year: Int!) {
  proposalReport(groupBy: [COUNTY, QUARTER, STATUS], filter: { year: $year }, first: 1000) {
    totalGroups truncated
    rows { county { code name } year quarter status count registered replied overdue averageDaysToReply satisfactionRate }
  }
}`;

/** Q4: a page of homes with leader, member count, latest session and open demands. */
export const Q4 = `query Q4($county: String!, $first: Int!) {
  homes(first: $first, filter: { divisionCode: $county }) {
    totalCount
    edges { node {
      id name status
      leader { id name }
      compliance { memberCount compliant }
      sessions(first: 1, status: [HELD]) { edges { node { id title heldAt } } }
      demands(status: [RECEIVED, ON_AGENDA, ESCALATED], first: 1) { totalCount }
    } }
  }
}`;

/**
 * Q5: a department's inbox: the proposals assigned to it that are still open (assigned, handling,
 * rehandling), with their due dates. The graph has no due-date filter: the inbox shows those due
 * within 30 days from `dueOn` (the client's filter); the request is the same either way. Only
 * channels answers it, so it also measures the federation overhead.
 */
export const Q5 = `query Q5($departmentId: ID!) {
  proposals(first: 100, departmentId: $departmentId, status: [ASSIGNED, HANDLING, REHANDLING]) {
    totalCount
    edges { node { id year number title kind status isKey assignedOn dueOn extended handlingRounds isOverdue } }
  }
}`;

/** What the Q1 variants ask for: the quarters of the last years. */
export function q1Periods(today: string): Array<{ year: number; quarter: number }> {
  const year = Number(today.slice(0, 4));
  const current = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  const periods: Array<{ year: number; quarter: number }> = [];
  for (let y = year - 2; y <= year; y += 1) {
    for (let q = 1; q <= 4; q += 1)
      if (y < year || q <= current) periods.push({ year: y, quarter: q });
  }
  return periods;
}

/** The samples the variants are built from, picked from the data deterministically. */
export interface Fixtures {
  today: string;
  counties: string[];
  homes: Array<{ id: string; division: string }>;
  departments: Array<{ id: string; division: string }>;
  proposalYears: number[];
}

export async function loadFixtures(pool: Pool): Promise<Fixtures> {
  const today = (
    await pool.query<{ d: string }>(
      `select to_char((now() at time zone 'Asia/Shanghai')::date, 'YYYY-MM-DD') as d`,
    )
  ).rows[0].d;
  const counties = (
    await pool.query<{ code: string }>(
      `select code from organization.division where parent_code = '3207' order by code`,
    )
  ).rows.map((row) => row.code);
  // Homes that meet: the active ones with most held sessions, 24 of them, by id for stability.
  const homes = (
    await pool.query<{ id: string; division: string }>(
      `select h.id, h.division_code as division from organization.home h
       where h.status = 'ACTIVE' and h.division_code like '3207%'
       order by md5(h.id::text) limit 24`,
    )
  ).rows;
  // Departments with open assignments, those with most due within 30 days first.
  const departments = (
    await pool.query<{ id: string; division: string }>(
      `select d.id, d.division_code as division
       from organization.department d
       join lateral (
         select count(*) as due from channels.proposal p
         where d.id = any(p.department_ids) and p.status in ('ASSIGNED', 'HANDLING', 'REHANDLING')
           and p.due_on <= (now() at time zone 'Asia/Shanghai')::date + 30
       ) open on true
       where open.due > 0
       order by open.due desc, d.id limit 8`,
    )
  ).rows;
  const proposalYears = (
    await pool.query<{ year: number }>(
      `select distinct year from channels.proposal order by year desc limit 3`,
    )
  ).rows.map((row) => row.year);
  return { today, counties, homes, departments, proposalYears };
}

const withCity = (variants: Variant[]): Variant[] =>
  variants.map((variant) => ({ ...variant, claims: CITY_STAFF }));

/**
 * The mix, its variants built from the fixtures. `hasField` says whether the city contract has
 * a root field (Q3 waits for `proposalReport`).
 */
export function buildQueries(
  fixtures: Fixtures,
  hasField: (name: string) => boolean,
): BenchQuery[] {
  const q1 = q1Periods(fixtures.today).map((period): Variant => ({
    variables: period,
    claims: CITY_STAFF,
  }));
  const q2 = fixtures.homes.map((home): Variant => ({
    variables: { id: home.id },
    claims: { level: 'HOME', division: home.division, roles: ['HOME_LEADER'], homeId: home.id },
  }));
  const q3 = fixtures.proposalYears.map((year): Variant => ({
    variables: { year },
    claims: CITY_STAFF,
  }));
  const q4 = fixtures.counties.map((county): Variant => ({
    variables: { county, first: 100 },
    claims: CITY_STAFF,
  }));
  const q5 = fixtures.departments.map((department): Variant => ({
    variables: { departmentId: department.id },
    claims: {
      level: 'DEPARTMENT',
      division: department.division,
      roles: ['DEPARTMENT'],
      departmentId: department.id,
    },
  }));
  return [
    {
      name: 'Q1',
      title: 'cross-county view (7 counties × homeStats, sessionStats, channelStats)',
      surface: 'city',
      query: Q1,
      variants: q1,
      cityVariants: q1,
      subgraphs: ['organization', 'deliberation', 'channels'],
    },
    {
      name: 'Q2',
      title: "a home's page (members, last 10 sessions with minutes, open demands, escalations)",
      surface: 'home',
      query: Q2,
      variants: q2,
      cityVariants: withCity(q2),
      subgraphs: ['organization', 'deliberation', 'channels'],
    },
    {
      name: 'Q3',
      title: 'proposal report by county × quarter × status (one year)',
      surface: 'city',
      query: Q3,
      variants: q3,
      cityVariants: q3,
      subgraphs: ['channels', 'organization'],
      skipped: hasField('proposalReport')
        ? undefined
        : 'proposalReport is not in schema/contracts/city.graphql yet',
    },
    {
      name: 'Q4',
      title: '100 homes with leader, member count, latest session, open demands',
      surface: 'city',
      query: Q4,
      variants: q4,
      cityVariants: q4,
      subgraphs: ['organization', 'deliberation', 'channels'],
    },
    {
      name: 'Q5',
      title: "a department's inbox: open assigned proposals with due dates",
      surface: 'department',
      query: Q5,
      variants: q5,
      cityVariants: withCity(q5),
      subgraphs: ['channels'],
    },
  ];
}

/** Q4 with a page of `first` homes (the statement count must not depend on it). */
export function q4Page(county: string, first: number): Variant {
  return { variables: { county, first }, claims: CITY_STAFF };
}
