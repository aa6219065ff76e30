/**
 * The main queries of the graph as the services send them to PostgreSQL (same tables, joins and
 * predicates; written out here because they are built inside each service's loaders), and a
 * check of their plans: `EXPLAIN (ANALYZE, FORMAT JSON)` of each on a loaded database, failing
 * when a large table is read by a sequential scan. `npm run explain` runs it on the `city`
 * preset; a test runs it on the small one to keep the list working.
 */
import pg from 'pg';

/** Values the queries are asked with, chosen from the loaded data (the busiest of each). */
export interface ExplainParams {
  cityCode: string;
  countyCode: string;
  countyCodes: string[];
  homeId: string;
  /** A page of homes (the busiest county's first 100). */
  homeIds: string[];
  sessionIds: string[];
  departmentId: string;
  cityDepartmentId: string;
  demandId: string;
  proposalId: string;
  year: number;
  quarter: { from: string; to: string; year: number; quarter: number };
  today: string;
}

export interface MainQuery {
  /** What a caller asks, in the domain's words. */
  name: string;
  /** The service's schema the query runs in. */
  schema: 'organization' | 'deliberation' | 'channels';
  sql: string;
  params(p: ExplainParams): unknown[];
}

const OPEN_PROPOSAL = ['ASSIGNED', 'HANDLING', 'REHANDLING'];

/** Grouped pages (toolkit `groupedPageLoader`): the rows of each key, numbered, one page kept. */
function page(sql: string, orderBy: string, limit = 20): string {
  return `with q as (${sql})
          select * from (
            select q.*, row_number() over (partition by group_key order by ${orderBy}) - 1 as page_index
            from q
          ) numbered
          where page_index >= 0 and page_index < ${limit}
          order by group_key, page_index`;
}

/** The same with `perList`: each key's page by a lateral LIMIT, its key written `k.key`. */
function lateralPage(keys: string, sql: string, orderBy: string, limit = 20): string {
  return `select l.*, k.key::text as group_key
          from unnest(${keys}) as k(key)
          cross join lateral (
            select q.*, row_number() over (order by ${orderBy}) - 1 as page_index
            from (${sql} order by ${orderBy} offset 0 limit ${limit}) q
          ) l
          order by group_key, page_index`;
}

export const MAIN_QUERIES: MainQuery[] = [
  {
    name: 'homes of a county (HomeService list, division prefix)',
    schema: 'organization',
    sql: `select h.* from home h where h.division_code like $1 || '%'
          order by h.division_code, h.id limit 50`,
    params: (p) => [p.countyCode],
  },
  {
    name: 'members serving a home (home page)',
    schema: 'organization',
    sql: `select m.*, hm.role from home_membership hm join member m on m.id = hm.member_id
          where hm.home_id = $1 and hm.until is null`,
    params: (p) => [p.homeId],
  },
  {
    name: 'homeStats of the counties (grouped by code prefix)',
    schema: 'organization',
    sql: `select p.code, count(distinct h.id)::int as homes, count(m.id)::int as seats
          from unnest($1::text[]) p(code)
          join home h on h.division_code like p.code || '%'
          left join home_membership m on m.home_id = h.id and m.until is null
          group by p.code`,
    params: (p) => [p.countyCodes],
  },
  {
    name: 'last 10 sessions of a home (Home.sessions)',
    schema: 'deliberation',
    sql: lateralPage(
      '$1::uuid[]',
      `select s.* from session s where s.home_id = k.key`,
      'scheduled_at desc, id',
      10,
    ),
    params: (p) => [[p.homeId]],
  },
  {
    name: 'latest held session of a page of homes, and their count (homes page)',
    schema: 'deliberation',
    sql: `with counts as (
            select s.home_id, count(*) as held from session s
            where s.home_id = any($1::uuid[]) and s.status = 'HELD' group by s.home_id
          )
          select c.held, latest.* from counts c
          cross join lateral (
            select s.* from session s where s.home_id = c.home_id and s.status = 'HELD'
            order by scheduled_at desc, id limit 1
          ) latest`,
    params: (p) => [p.homeIds],
  },
  {
    name: 'agenda, attendance and minutes of sessions (session page)',
    schema: 'deliberation',
    sql: `select a.id, a.position, at.id as attendance_id, m.summary
          from unnest($1::uuid[]) k(id)
          join agenda_item a on a.session_id = k.id
          left join attendance at on at.session_id = k.id
          left join minutes m on m.session_id = k.id`,
    params: (p) => [p.sessionIds],
  },
  {
    name: 'sessions of a county held in a quarter (county quarter view)',
    schema: 'deliberation',
    sql: `select s.* from session s
          where s.division_code like $1 || '%' and s.status = 'HELD'
            and s.held_at >= $2 and s.held_at < $3
          order by s.held_at desc, s.id limit 50`,
    params: (p) => [p.countyCode, p.quarter.from, p.quarter.to],
  },
  {
    name: 'cadence report of the city for a quarter (cadenceReport)',
    schema: 'deliberation',
    sql: `select h.id, h.division_code, h.status, coalesce(q.held, 0)::int as held
          from home_projection h
          left join (select s.home_id, count(*) as held from session s
                     where s.status = 'HELD' and s.held_at >= $2 and s.held_at < $3
                     group by s.home_id) q on q.home_id = h.id
          where exists (select 1 from unnest($1::text[]) as p(code) where h.division_code like p.code || '%')`,
    params: (p) => [[p.cityCode], p.quarter.from, p.quarter.to],
  },
  {
    name: 'sessionStats of the counties for a quarter (grouped by code prefix)',
    schema: 'deliberation',
    sql: `with prefix(code) as (select unnest($1::text[])),
          session_codes as (
            select s.division_code, count(*) as held,
                   sum((select count(*) from minutes m
                        join follow_up_action f on f.minutes_id = m.id and f.status = 'OPEN'
                        where m.session_id = s.id)) as open_actions
            from session s
            where s.status = 'HELD' and s.held_at >= $2 and s.held_at < $3
            group by s.division_code
          )
          select p.code, sum(c.held)::int as held, sum(c.open_actions)::int as open_actions
          from prefix p join session_codes c on c.division_code like p.code || '%'
          group by p.code`,
    params: (p) => [p.countyCodes, p.quarter.from, p.quarter.to],
  },
  {
    name: 'sessions a city department is invited to (Department.sessions)',
    schema: 'deliberation',
    sql: page(
      `select s.*, d.id::text as group_key
       from unnest($1::uuid[]) as d(id) join session s on s.department_ids @> array[d.id]`,
      'scheduled_at desc, id',
    ),
    params: (p) => [[p.cityDepartmentId]],
  },
  {
    name: 'demands of a home, latest first (Home.demands)',
    schema: 'channels',
    sql: lateralPage(
      '$1::uuid[]',
      `select d.* from demand d where d.home_id = k.key`,
      'received_at desc, id',
    ),
    params: (p) => [[p.homeId]],
  },
  {
    name: 'open demands of a page of homes: their count and the latest (homes page)',
    schema: 'channels',
    sql: `with counts as (
            select d.home_id, count(*) as open from demand d
            where d.home_id = any($1::uuid[]) and d.status in ('RECEIVED', 'ON_AGENDA', 'ESCALATED')
            group by d.home_id
          )
          select c.open, latest.* from counts c
          cross join lateral (
            select d.* from demand d
            where d.home_id = c.home_id and d.status in ('RECEIVED', 'ON_AGENDA', 'ESCALATED')
            order by received_at desc, id limit 1
          ) latest`,
    params: (p) => [p.homeIds],
  },
  {
    name: 'open demands of a county (county view)',
    schema: 'channels',
    sql: `select d.* from demand d
          where d.division_code like $1 || '%' and d.status in ('RECEIVED', 'ON_AGENDA')
          order by d.received_at desc, d.id limit 50`,
    params: (p) => [p.countyCode],
  },
  {
    name: 'steps of a record (history: channel_event)',
    schema: 'channels',
    sql: `select * from channel_event where record_id = any($1::uuid[]) order by record_id, id`,
    params: (p) => [[p.demandId, p.proposalId]],
  },
  {
    name: 'escalations of a demand (Demand.escalations)',
    schema: 'channels',
    sql: `select r.id, r.status from proposal r where r.source_demand_ids && $1::uuid[]
          union all
          select s.id, s.status from sentiment_report s where s.source_demand_ids && $1::uuid[]`,
    params: (p) => [[p.demandId]],
  },
  {
    name: 'proposals of the city CPPCC by year and status (proposals)',
    schema: 'channels',
    sql: `select r.* from proposal r
          where r.division_code = $1 and r.year = $2 and r.status in ('REGISTERED', 'ASSIGNED', 'HANDLING', 'REPLIED')
          order by r.number, r.id limit 50`,
    params: (p) => [p.cityCode, p.year],
  },
  {
    name: 'a department’s open proposals, soonest due first (Department.assignedProposals)',
    schema: 'channels',
    sql: page(
      `select r.*, k.key::text as group_key
       from proposal r join unnest($1::uuid[]) k(key) on r.department_ids @> array[k.key]
       where r.status = any($2::text[]) and r.due_on < $3::date + 30`,
      'due_on nulls last, id',
    ),
    params: (p) => [[p.departmentId], OPEN_PROPOSAL, p.today],
  },
  {
    name: 'sentiment reports forwarded to a department (Department.forwardedReports)',
    schema: 'channels',
    sql: page(
      `select r.*, k.key::text as group_key
       from sentiment_report r join unnest($1::uuid[]) k(key) on r.department_ids @> array[k.key]`,
      'submitted_at desc nulls last, id',
    ),
    params: (p) => [[p.departmentId]],
  },
  {
    name: 'channelStats of the counties for a year (grouped by code prefix)',
    schema: 'channels',
    sql: `with prefix(code) as (select unnest($1::text[])),
          demand_codes as (
            select d.division_code, count(*) as received,
                   count(*) filter (where d.resolved_at_home_at is not null) as resolved_at_home,
                   count(*) filter (where d.escalated_at is not null) as escalated
            from demand d
            where d.received_at >= $2 and d.received_at < $3
            group by d.division_code
          ),
          report_codes as (
            select s.division_code, count(*) as submitted
            from sentiment_report s
            where s.submitted_at >= $2 and s.submitted_at < $3
            group by s.division_code
          ),
          proposal_codes as (
            select r.division_code, count(*) as registered
            from proposal r
            where r.registered_at >= $2 and r.registered_at < $3
            group by r.division_code
          )
          select p.code,
                 (select sum(c.received) from demand_codes c where c.division_code like p.code || '%') as received,
                 (select sum(c.escalated) from demand_codes c where c.division_code like p.code || '%') as escalated,
                 (select sum(c.submitted) from report_codes c where c.division_code like p.code || '%') as submitted,
                 (select sum(c.registered) from proposal_codes c where c.division_code like p.code || '%') as registered
          from prefix p`,
    params: (p) => [
      p.countyCodes,
      `${p.year}-01-01T00:00:00+08:00`,
      `${p.year + 1}-01-01T00:00:00+08:00`,
    ],
  },
];

/** One plan node that reads a large table from end to end. */
export interface SeqScan {
  table: string;
  rows: number;
}

export interface ExplainResult {
  name: string;
  schema: string;
  ms: number;
  /** Every table the plan reads, with how (Index Scan, Bitmap Heap Scan, Seq Scan…). */
  scans: Array<{ table: string; how: string }>;
  /** Sequential scans of tables over the threshold: each one fails the check. */
  seqScans: SeqScan[];
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Schema?: string;
  Plans?: PlanNode[];
}

function walk(node: PlanNode, visit: (node: PlanNode) => void): void {
  visit(node);
  for (const child of node.Plans ?? []) walk(child, visit);
}

/** The busiest county, home, department…: the values the queries are asked with. */
export async function chooseParams(client: pg.Client, today: string): Promise<ExplainParams> {
  const one = async <T>(sql: string): Promise<T> => {
    const result = await client.query(sql);
    if (!result.rows[0]) throw new Error(`no data for: ${sql}`);
    return Object.values(result.rows[0] as Record<string, unknown>)[0] as T;
  };
  const homeId = await one<string>(
    `select home_id from deliberation.session group by home_id order by count(*) desc, home_id limit 1`,
  );
  const countyCode = await one<string>(
    `select left(division_code, 6) from organization.home group by 1 order by count(*) desc, 1 limit 1`,
  );
  const cityCode = countyCode.slice(0, 4);
  const homeIds = (
    await client.query<{ id: string }>(
      `select id from organization.home where division_code like $1 || '%' order by name, id limit 100`,
      [countyCode],
    )
  ).rows.map((row) => row.id);
  const countyCodes = (
    await client.query<{ code: string }>(
      `select code from organization.division where parent_code = $1 order by code`,
      [cityCode],
    )
  ).rows.map((row) => row.code);
  const sessionIds = (
    await client.query<{ id: string }>(
      `select id from deliberation.session where home_id = $1 order by scheduled_at desc limit 10`,
      [homeId],
    )
  ).rows.map((row) => row.id);
  const departmentId = await one<string>(
    `select d from channels.proposal, unnest(department_ids) d group by d order by count(*) desc, d limit 1`,
  );
  const cityDepartmentId = await one<string>(
    `select d from deliberation.session s, unnest(s.department_ids) d
     join deliberation.department_projection p on p.id = d and p.level = 'CITY'
     group by d order by count(*) desc, d limit 1`,
  ).catch(() => departmentId);
  const demandId = await one<string>(
    `select unnest(source_demand_ids) from channels.proposal where source_demand_ids <> '{}' order by id limit 1`,
  );
  const proposalId = await one<string>(`select id from channels.proposal order by id limit 1`);
  // The last full quarter before today, and the year before today's.
  const [y, m] = today.split('-').map(Number);
  const current = Math.floor((m - 1) / 3);
  const q = current === 0 ? { year: y - 1, quarter: 4 } : { year: y, quarter: current };
  const start = (year: number, quarter: number) =>
    `${year}-${String((quarter - 1) * 3 + 1).padStart(2, '0')}-01T00:00:00+08:00`;
  const next =
    q.quarter === 4 ? { year: q.year + 1, quarter: 1 } : { ...q, quarter: q.quarter + 1 };
  return {
    cityCode,
    countyCode,
    countyCodes,
    homeId,
    homeIds,
    sessionIds,
    departmentId,
    cityDepartmentId,
    demandId,
    proposalId,
    year: y - 1,
    quarter: { ...q, from: start(q.year, q.quarter), to: start(next.year, next.quarter) },
    today,
  };
}

/**
 * Runs EXPLAIN (ANALYZE, FORMAT JSON) of every main query on the database of `url`; a table with
 * more than `largeTable` rows read by a sequential scan is reported in `seqScans`.
 */
export async function explainMainQueries(
  url: string,
  options: { largeTable?: number; today?: string; queries?: MainQuery[] } = {},
): Promise<{ params: ExplainParams; results: ExplainResult[] }> {
  const largeTable = options.largeTable ?? 10_000;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const today = options.today ?? new Date().toISOString().slice(0, 10);
    const params = await chooseParams(client, today);
    const sizes = new Map(
      (
        await client.query<{ schema: string; table: string; rows: number }>(
          `select n.nspname as schema, c.relname as table, greatest(c.reltuples, 0)::float8 as rows
           from pg_class c join pg_namespace n on n.oid = c.relnamespace
           where c.relkind = 'r' and n.nspname in ('organization', 'deliberation', 'channels')`,
        )
      ).rows.map((row) => [`${row.schema}.${row.table}`, row.rows]),
    );
    const results: ExplainResult[] = [];
    for (const query of options.queries ?? MAIN_QUERIES) {
      await client.query(`set search_path = ${query.schema}`);
      const started = Date.now();
      const explained = await client.query<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>(
        `explain (analyze, format json) ${query.sql}`,
        query.params(params),
      );
      const ms = Date.now() - started;
      const scans: ExplainResult['scans'] = [];
      const seqScans: SeqScan[] = [];
      walk(explained.rows[0]['QUERY PLAN'][0].Plan, (node) => {
        const table = node['Relation Name'];
        if (!table) return;
        scans.push({ table, how: node['Node Type'] });
        const rows = sizes.get(`${query.schema}.${table}`) ?? 0;
        if (node['Node Type'] === 'Seq Scan' && rows > largeTable) seqScans.push({ table, rows });
      });
      results.push({ name: query.name, schema: query.schema, ms, scans, seqScans });
    }
    await client.query('reset search_path');
    return { params, results };
  } finally {
    await client.end();
  }
}
