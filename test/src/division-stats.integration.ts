import { eventually } from '@cppcc/toolkit/testing';
import { data, startStack, statementsDuring, tokenFor, type Stack } from './support/stack';

/**
 * The cross-county view (docs/api.md, issue 6): the city's counties with the figures of all three
 * subgraphs in one request through the gateway, each figure of each county checked against the
 * "SQL floor" — hand-written SQL over the services' own tables, written here apart from the
 * services' queries — and a county's office, which sees its own county and zeros elsewhere.
 */
let stack: Stack;
let city: string;
let county: string;

const VIEW = `{ division(code: "3207") { name children(first: 20) { totalCount edges { node { code name
  homeStats { homes activeHomes pilotHomes compliantHomes membersServing }
  sessionStats(year: 2025, quarter: 3) { held homesRequired homesCompliant complianceRate crossCountySessions openFollowUpActions }
  channelStats(year: 2025) { demandsReceived openDemands resolvedAtHome escalated sentimentReportsAdopted
    proposalsRegistered proposalsReplied proposalsOverdue averageDaysToReply satisfactionRate }
  petitionStats(year: 2025) { registered } } } } } }`;

type Row = Record<string, unknown>;
const sql = (name: keyof Stack['subgraphs'], text: string) =>
  stack.subgraphs[name].orm.em.getConnection().execute<Row[]>(text);
const byCounty = (rows: Row[]) => new Map(rows.map(({ county, ...rest }) => [county, rest]));

/** Q3 2025 in China Standard Time; the cadence's grace: homes established 45 days before its end. */
const Q3 = `'2025-07-01T00:00:00+08:00'::timestamptz`;
const Q4 = `'2025-10-01T00:00:00+08:00'::timestamptz`;
const YEAR = `'2025-01-01T00:00:00+08:00'::timestamptz`;
const NEXT_YEAR = `'2026-01-01T00:00:00+08:00'::timestamptz`;

/** Every figure of every county, straight from the tables. */
async function floor() {
  const homes = byCounty(
    await sql(
      'organization',
      `select c.code as county,
              count(h.id)::int as homes,
              (count(h.id) filter (where h.status in ('ACTIVE', 'PILOT')))::int as "activeHomes",
              (count(h.id) filter (where h.pilot_cohort_year is not null))::int as "pilotHomes",
              (count(h.id) filter (where staff.members >= 3 and staff.leaders = 1))::int as "compliantHomes",
              (select count(distinct m.member_id)::int from organization.home_membership m
                 join organization.home x on x.id = m.home_id
                 where m.until is null and substr(x.division_code, 1, 6) = c.code) as "membersServing"
       from organization.division c
       left join organization.home h on substr(h.division_code, 1, 6) = c.code
       left join lateral (
         select count(*) as members, count(*) filter (where m.role = 'LEADER') as leaders
         from organization.home_membership m where m.home_id = h.id and m.until is null
       ) staff on true
       where c.parent_code = '3207'
       group by c.code`,
    ),
  );
  const cadence = byCounty(
    await sql(
      'organization',
      // Homes as the organization holds them; their sessions from deliberation's table.
      `select c.code as county,
              (count(h.id) filter (where h.status <> 'SUSPENDED' and h.established_on <= date '2025-10-01' - 45))::int as required,
              (count(h.id) filter (where h.status <> 'SUSPENDED' and h.established_on <= date '2025-10-01' - 45
                 and exists (select 1 from deliberation.session s where s.home_id = h.id and s.status = 'HELD'
                             and s.held_at >= ${Q3} and s.held_at < ${Q4})))::int as compliant
       from organization.division c
       left join organization.home h on substr(h.division_code, 1, 6) = c.code
       where c.parent_code = '3207'
       group by c.code`,
    ),
  );
  const sessions = byCounty(
    await sql(
      'deliberation',
      `select substr(s.division_code, 1, 6) as county,
              count(distinct s.id)::int as held,
              (count(distinct s.id) filter (where exists (
                 select 1 from unnest(s.involved_divisions) as x(code)
                 where substr(x.code, 1, 6) <> substr(s.division_code, 1, 6) or length(x.code) = 4)))::int as cross,
              (count(f.id) filter (where f.status = 'OPEN'))::int as actions
       from deliberation.session s
       left join deliberation.minutes m on m.session_id = s.id
       left join deliberation.follow_up_action f on f.minutes_id = m.id
       where s.status = 'HELD' and s.held_at >= ${Q3} and s.held_at < ${Q4}
       group by 1`,
    ),
  );
  const demands = byCounty(
    await sql(
      'channels',
      `select substr(d.division_code, 1, 6) as county,
              count(*)::int as received,
              (count(*) filter (where d.status not in ('RESOLVED_AT_HOME', 'ANSWERED', 'CLOSED')))::int as open,
              (count(*) filter (where d.id in (select record_id from channels.channel_event where to_status = 'RESOLVED_AT_HOME')))::int as resolved,
              (count(*) filter (where d.id in (select record_id from channels.channel_event where to_status = 'ESCALATED')))::int as escalated
       from channels.demand d
       where d.received_at >= ${YEAR} and d.received_at < ${NEXT_YEAR}
       group by 1`,
    ),
  );
  const reports = byCounty(
    await sql(
      'channels',
      `select r.division_code as county, count(*)::int as adopted
       from channels.sentiment_report r
       where r.submitted_at >= ${YEAR} and r.submitted_at < ${NEXT_YEAR}
         and r.status not in ('DRAFT', 'SUBMITTED', 'NOT_ADOPTED')
       group by 1`,
    ),
  );
  const proposals = byCounty(
    await sql(
      'channels',
      `select p.division_code as county,
              count(*)::int as registered,
              count(p.replied_on)::int as replied,
              (count(*) filter (where p.status in ('ASSIGNED', 'HANDLING', 'REHANDLING')
                 and p.due_on < (now() at time zone 'Asia/Shanghai')::date))::int as overdue,
              avg(p.replied_on - p.assigned_on)::float8 as days,
              (count(*) filter (where p.evaluation in ('SATISFIED', 'BASICALLY_SATISFIED')))::int as satisfied,
              count(p.evaluation)::int as evaluated
       from channels.proposal p
       where p.registered_at >= ${YEAR} and p.registered_at < ${NEXT_YEAR}
       group by 1`,
    ),
  );
  const counties = [...homes.keys()] as string[];
  return new Map(
    counties.map((code) => {
      const c = cadence.get(code)!;
      const s = sessions.get(code) ?? { held: 0, cross: 0, actions: 0 };
      const d = demands.get(code) ?? { received: 0, open: 0, resolved: 0, escalated: 0 };
      const p = proposals.get(code);
      const required = c.required as number;
      const compliant = c.compliant as number;
      return [
        code,
        {
          homeStats: homes.get(code),
          sessionStats: {
            held: s.held,
            homesRequired: required,
            homesCompliant: compliant,
            complianceRate: required ? compliant / required : null,
            crossCountySessions: s.cross,
            openFollowUpActions: s.actions,
          },
          channelStats: {
            demandsReceived: d.received,
            openDemands: d.open,
            resolvedAtHome: d.resolved,
            escalated: d.escalated,
            sentimentReportsAdopted: reports.get(code)?.adopted ?? 0,
            proposalsRegistered: p?.registered ?? 0,
            proposalsReplied: p?.replied ?? 0,
            proposalsOverdue: p?.overdue ?? 0,
            averageDaysToReply: p?.days ?? null,
            satisfactionRate:
              p && (p.evaluated as number) > 0
                ? (p.satisfied as number) / (p.evaluated as number)
                : null,
          },
        },
      ];
    }),
  );
}

/** Rates and averages come rounded (three decimals, one for days); counts exactly. */
function expectFigures(actual: Record<string, unknown>, expected: Record<string, unknown>) {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const [name, value] of Object.entries(expected)) {
    if (typeof value === 'number' && !Number.isInteger(value)) {
      expect([name, actual[name]]).toEqual([name, expect.any(Number)]);
      expect(Math.abs((actual[name] as number) - value)).toBeLessThanOrEqual(
        name === 'averageDaysToReply' ? 0.05 : 0.0005,
      );
    } else {
      expect([name, actual[name]]).toEqual([name, value]);
    }
  }
}

beforeAll(async () => {
  stack = await startStack('division_stats', { demo: true });
  city = await tokenFor({ level: 'CITY', division: '3207', roles: ['STAFF'] });
  county = await tokenFor({ level: 'COUNTY', division: '320706', roles: ['STAFF'] });
  // Deliberation knows homes through the organization's feed: wait until it has them all.
  const homes = stack.demo!.organization.homes.length;
  await eventually(async () => {
    const [row] = await sql(
      'deliberation',
      'select count(*)::int as n from deliberation.home_projection',
    );
    expect(row.n).toBe(homes);
  }, 20_000);
  // The demo's departments answer a past year's proposals in time: leave one of 2025 overdue.
  const [late] = await sql(
    'channels',
    `select id from channels.proposal where replied_on is not null and length(division_code) = 6
       and registered_at >= ${YEAR} and registered_at < ${NEXT_YEAR} order by id limit 1`,
  );
  expect(late).toBeDefined();
  await stack.subgraphs.channels.orm.em.getConnection().execute(
    `update channels.proposal set status = 'HANDLING', replied_on = null, reply_text = null,
            result_class = null, replied_by_department_id = null, evaluation = null,
            evaluation_comment = null, closed_at = null, due_on = date '2025-12-31'
     where id = ?`,
    [late.id],
  );
});
afterAll(() => stack?.stop());

describe('the cross-county view in one request', () => {
  it('gives every county of the city its homes, sessions and channels, as the tables count them', async () => {
    let answer: any;
    // Statements of the request only: the change-feed followers poll in the background.
    const statements = await statementsDuring(stack, async () => {
      answer = await data(stack, 'city', city, VIEW);
    });
    const counties = answer.division.children.edges.map((edge: any) => edge.node);
    expect(counties).toHaveLength(7);
    const expected = await floor();
    for (const node of counties) {
      const want = expected.get(node.code)!;
      expect({ code: node.code, ...node.homeStats }).toEqual({
        code: node.code,
        ...want.homeStats,
      });
      expectFigures(node.sessionStats, want.sessionStats);
      expectFigures(node.channelStats, want.channelStats);
    }
    // Each subgraph answers all seven in one statement per field group. The organization: the
    // city, its children's count and page, then every county's home figures at once;
    // deliberation, channels and petitions one statement each.
    expect(statements).toEqual({ organization: 4, deliberation: 1, channels: 1, petitions: 1 });
    // The demo gives every figure something to count, so a figure stuck at zero fails.
    const sum = (pick: (node: any) => number | null) =>
      counties.reduce((total: number, node: any) => total + (pick(node) ?? 0), 0);
    for (const group of ['homeStats', 'sessionStats', 'channelStats'] as const) {
      for (const figure of Object.keys(counties[0][group])) {
        expect([group, figure, sum((node) => node[group][figure]) > 0]).toEqual([
          group,
          figure,
          true,
        ]);
      }
    }
  });

  it('shows a county office its own county and zeros for the others', async () => {
    const [mine, theirs] = await Promise.all([
      data(stack, 'county', county, VIEW),
      data(stack, 'city', city, VIEW),
    ]);
    const cityView = new Map(
      theirs.division.children.edges.map(({ node }: any) => [node.code, node]),
    );
    for (const { node } of mine.division.children.edges) {
      if (node.code === '320706') {
        expect(node).toEqual(cityView.get('320706'));
        expect(node.homeStats.homes).toBeGreaterThan(0);
        continue;
      }
      expect(node.homeStats).toEqual({
        homes: 0,
        activeHomes: 0,
        pilotHomes: 0,
        compliantHomes: 0,
        membersServing: 0,
      });
      expect(node.sessionStats).toEqual({
        held: 0,
        homesRequired: 0,
        homesCompliant: 0,
        complianceRate: null,
        crossCountySessions: 0,
        openFollowUpActions: 0,
      });
      expect(node.channelStats).toEqual({
        demandsReceived: 0,
        openDemands: 0,
        resolvedAtHome: 0,
        escalated: 0,
        sentimentReportsAdopted: 0,
        proposalsRegistered: 0,
        proposalsReplied: 0,
        proposalsOverdue: 0,
        averageDaysToReply: null,
        satisfactionRate: null,
      });
    }
  });
});
