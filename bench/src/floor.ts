/**
 * Q1's floor: the best single hand-written SQL statement that computes every figure of the
 * cross-county view for the city's counties, over the three services' tables at once (they share
 * one PostgreSQL database, a schema each): grouped by the county's code (`substr`, no prefix
 * matching), with whether a demand was resolved at home or escalated read from its milestones
 * (the columns its steps set) rather than from its history. Its definitions are those of
 * `test/src/division-stats.integration.ts`, which checks the graph on the small preset with the
 * history itself. The statement is what a reporting tool with access to every table would send.
 * Timed through `pg` at the same concurrencies as Q1, and checked against Q1's answer first.
 */
import type { Pool } from 'pg';

export const FLOOR_SQL = `
with county as (
  select code from organization.division where parent_code = '3207'
),
staff as (
  select m.home_id, count(*) as members, count(*) filter (where m.role = 'LEADER') as leaders
  from organization.home_membership m where m.until is null group by m.home_id
),
homes as (
  select substr(h.division_code, 1, 6) as code,
         count(*)::int as homes,
         (count(*) filter (where h.status in ('ACTIVE', 'PILOT')))::int as active,
         (count(*) filter (where h.pilot_cohort_year is not null))::int as pilot,
         (count(*) filter (where s.members >= 3 and s.leaders = 1))::int as compliant,
         (count(*) filter (where h.status <> 'SUSPENDED' and h.established_on <= $5::date - 45))::int as required,
         (count(*) filter (where h.status <> 'SUSPENDED' and h.established_on <= $5::date - 45
            and exists (select 1 from deliberation.session x where x.home_id = h.id and x.status = 'HELD'
                        and x.held_at >= $1 and x.held_at < $2)))::int as cadence_compliant
  from organization.home h left join staff s on s.home_id = h.id
  where h.division_code like '3207%'
  group by 1
),
serving as (
  select substr(h.division_code, 1, 6) as code, count(distinct m.member_id)::int as members
  from organization.home_membership m join organization.home h on h.id = m.home_id
  where m.until is null and h.division_code like '3207%'
  group by 1
),
sessions as (
  select substr(s.division_code, 1, 6) as code,
         count(*)::int as held,
         (count(*) filter (where exists (
            select 1 from unnest(s.involved_divisions) as x(code)
            where substr(x.code, 1, 6) <> substr(s.division_code, 1, 6) or length(x.code) = 4)))::int as cross_county,
         coalesce(sum((select count(*) from deliberation.minutes m
                        join deliberation.follow_up_action f on f.minutes_id = m.id
                        where m.session_id = s.id and f.status = 'OPEN')), 0)::int as open_actions
  from deliberation.session s
  where s.status = 'HELD' and s.held_at >= $1 and s.held_at < $2 and s.division_code like '3207%'
  group by 1
),
demands as (
  select substr(d.division_code, 1, 6) as code,
         count(*)::int as received,
         (count(*) filter (where d.status in ('RECEIVED', 'ON_AGENDA', 'ESCALATED')))::int as open,
         (count(*) filter (where d.resolved_at_home_at is not null))::int as resolved,
         (count(*) filter (where d.escalated_at is not null))::int as escalated
  from channels.demand d
  where d.received_at >= $3 and d.received_at < $4 and d.division_code like '3207%'
  group by 1
),
reports as (
  select substr(r.division_code, 1, 6) as code, count(*)::int as adopted
  from channels.sentiment_report r
  where r.submitted_at >= $3 and r.submitted_at < $4
    and r.status not in ('DRAFT', 'SUBMITTED', 'NOT_ADOPTED') and length(r.division_code) >= 6
  group by 1
),
proposals as (
  select substr(p.division_code, 1, 6) as code,
         count(*)::int as registered,
         count(p.replied_on)::int as replied,
         (count(*) filter (where p.status in ('ASSIGNED', 'HANDLING', 'REHANDLING')
            and p.due_on < (now() at time zone 'Asia/Shanghai')::date))::int as overdue,
         round(avg(p.replied_on - p.assigned_on) filter (where p.replied_on is not null and p.assigned_on is not null), 1)::float8 as days,
         (count(*) filter (where p.evaluation in ('SATISFIED', 'BASICALLY_SATISFIED')))::int as satisfied,
         count(p.evaluation)::int as evaluated
  from channels.proposal p
  where p.registered_at >= $3 and p.registered_at < $4 and length(p.division_code) >= 6
  group by 1
)
select c.code,
       coalesce(h.homes, 0) as homes, coalesce(h.active, 0) as active, coalesce(h.pilot, 0) as pilot,
       coalesce(h.compliant, 0) as compliant, coalesce(v.members, 0) as serving,
       coalesce(s.held, 0) as held, coalesce(h.required, 0) as required,
       coalesce(h.cadence_compliant, 0) as cadence_compliant,
       coalesce(s.cross_county, 0) as cross_county, coalesce(s.open_actions, 0) as open_actions,
       coalesce(d.received, 0) as received, coalesce(d.open, 0) as open,
       coalesce(d.resolved, 0) as resolved, coalesce(d.escalated, 0) as escalated,
       coalesce(r.adopted, 0) as adopted,
       coalesce(p.registered, 0) as registered, coalesce(p.replied, 0) as replied,
       coalesce(p.overdue, 0) as overdue, p.days, coalesce(p.satisfied, 0) as satisfied,
       coalesce(p.evaluated, 0) as evaluated
from county c
left join homes h on h.code = c.code
left join serving v on v.code = c.code
left join sessions s on s.code = c.code
left join demands d on d.code = c.code
left join reports r on r.code = c.code
left join proposals p on p.code = c.code
order by c.code`;

/** The floor's parameters for a year's quarter, in China Standard Time. */
export function floorParams(year: number, quarter: number): string[] {
  const month = (q: number) => String((q - 1) * 3 + 1).padStart(2, '0');
  const quarterFrom = `${year}-${month(quarter)}-01`;
  const quarterTo = quarter === 4 ? `${year + 1}-01-01` : `${year}-${month(quarter + 1)}-01`;
  return [
    `${quarterFrom}T00:00:00+08:00`,
    `${quarterTo}T00:00:00+08:00`,
    `${year}-01-01T00:00:00+08:00`,
    `${year + 1}-01-01T00:00:00+08:00`,
    quarterTo,
  ];
}

type FloorRow = Record<string, number | string | null>;

export async function runFloor(pool: Pool, year: number, quarter: number): Promise<FloorRow[]> {
  return (await pool.query<FloorRow>(FLOOR_SQL, floorParams(year, quarter))).rows;
}

/** The floor's rows in the shape of Q1's `children` nodes. */
export function floorAsQ1(rows: FloorRow[]): Array<Record<string, unknown>> {
  const n = (value: unknown) => Number(value ?? 0);
  return rows.map((row) => ({
    code: row.code,
    homeStats: {
      homes: n(row.homes),
      activeHomes: n(row.active),
      pilotHomes: n(row.pilot),
      compliantHomes: n(row.compliant),
      membersServing: n(row.serving),
    },
    sessionStats: {
      held: n(row.held),
      homesRequired: n(row.required),
      homesCompliant: n(row.cadence_compliant),
      complianceRate: n(row.required) ? n(row.cadence_compliant) / n(row.required) : null,
      crossCountySessions: n(row.cross_county),
      openFollowUpActions: n(row.open_actions),
    },
    channelStats: {
      demandsReceived: n(row.received),
      openDemands: n(row.open),
      resolvedAtHome: n(row.resolved),
      escalated: n(row.escalated),
      sentimentReportsAdopted: n(row.adopted),
      proposalsRegistered: n(row.registered),
      proposalsReplied: n(row.replied),
      proposalsOverdue: n(row.overdue),
      averageDaysToReply: row.days === null ? null : n(row.days),
      satisfactionRate: n(row.evaluated) ? n(row.satisfied) / n(row.evaluated) : null,
    },
  }));
}

/**
 * The figures where Q1's answer and the floor differ (empty when they match): counts exactly,
 * rates to three decimals and days to one, as the graph rounds them.
 */
export function compareWithQ1(
  nodes: Array<Record<string, unknown>>,
  floor: Array<Record<string, unknown>>,
): string[] {
  const differences: string[] = [];
  const byCode = new Map(floor.map((row) => [row.code, row]));
  for (const node of nodes) {
    const want = byCode.get(node.code);
    if (!want) {
      differences.push(`${node.code}: not in the floor`);
      continue;
    }
    for (const group of ['homeStats', 'sessionStats', 'channelStats']) {
      const figures = node[group] as Record<string, unknown> | null | undefined;
      for (const [figure, expected] of Object.entries(want[group] as Record<string, unknown>)) {
        const actual = figures?.[figure];
        // The graph gives rates to three decimals and days to one: up to half a unit of the last
        // one away from the exact figure (0.9125 is 0.913), plus floating point's own error.
        const tolerance = (figure === 'averageDaysToReply' ? 0.05 : 0.0005) + 1e-9;
        const same =
          typeof expected === 'number' && typeof actual === 'number'
            ? Math.abs(actual - expected) <= (Number.isInteger(expected) ? 0 : tolerance)
            : actual === expected;
        if (!same)
          differences.push(`${node.code} ${group}.${figure}: graph ${actual}, SQL ${expected}`);
      }
    }
  }
  return differences;
}
