import { ask, data, startStack, statementsDuring, tokenFor, type Stack } from './support/stack';

/**
 * Analysts' reports through the gateway on the demo (issue 6): rows grouped by county with the
 * counties' names joined from the organization, every figure checked against hand-written SQL
 * over the services' tables; the reports' cost; and the CSV export under the same identity,
 * limits and jurisdiction as the query.
 */
let stack: Stack;
let city: string;
let haizhou: string;

type Row = Record<string, unknown>;
const sql = (name: keyof Stack['subgraphs'], text: string) =>
  stack.subgraphs[name].orm.em.getConnection().execute<Row[]>(text);

const PROPOSALS = `query($first: Int) { proposalReport(groupBy: [COUNTY, YEAR], first: $first) {
  totalGroups truncated
  rows { county { code name } year count registered replied overdue averageDaysToReply satisfactionRate } } }`;

beforeAll(async () => {
  stack = await startStack('reports', { demo: true });
  city = await tokenFor({ level: 'CITY', division: '3207', roles: ['STAFF', 'ANALYST'] });
  haizhou = await tokenFor({ level: 'COUNTY', division: '320706', roles: ['STAFF', 'ANALYST'] });
}, 180_000);
afterAll(() => stack?.stop());

describe('reports through the gateway', () => {
  it('gives the proposals by county and year with the counties’ names, matching the SQL floor', async () => {
    let answer: Record<string, any> = {};
    const statements = await statementsDuring(stack, async () => {
      answer = await data(stack, 'city', city, PROPOSALS);
    });
    const floor = await sql(
      'channels',
      `select case when length(r.division_code) >= 6 then left(r.division_code, 6) end as county,
              extract(year from r.submitted_at at time zone 'Asia/Shanghai')::int as year,
              count(*)::int as count,
              count(r.registered_at)::int as registered,
              count(r.replied_on)::int as replied,
              (count(*) filter (where r.status in ('ASSIGNED', 'HANDLING', 'REHANDLING')
                 and r.due_on < (now() at time zone 'Asia/Shanghai')::date))::int as overdue,
              round(avg(r.replied_on - r.assigned_on), 1)::float8 as "averageDaysToReply",
              round(count(*) filter (where r.evaluation in ('SATISFIED', 'BASICALLY_SATISFIED'))::numeric
                    / nullif(count(r.evaluation), 0), 3)::float8 as "satisfactionRate"
       from channels.proposal r
       where r.submitted_at is not null and r.status <> 'DRAFT'
       group by 1, 2 order by 1 nulls last, 2`,
    );
    const names = new Map(
      (
        await sql(
          'organization',
          `select code, name from organization.division where parent_code = '3207'`,
        )
      ).map((row) => [row.code, row.name]),
    );
    const report = answer.proposalReport;
    expect(floor.length).toBeGreaterThan(3);
    expect(report).toMatchObject({ totalGroups: floor.length, truncated: false });
    expect(
      report.rows.map(({ county, ...figures }: any) => ({
        county: county?.code ?? null,
        ...figures,
      })),
    ).toEqual(floor);
    for (const row of report.rows) {
      if (row.county) expect(row.county.name).toBe(names.get(row.county.code));
    }
    expect(report.rows.some((row: any) => row.county?.name === '海州区')).toBe(true);
    // One statement in channels for the report, whatever its groups; the names in one more.
    expect(statements.channels).toBe(1);
    expect(statements.deliberation).toBe(0);
  });

  it('gives the sessions and demands by county, matching the SQL floor', async () => {
    const answer = await data(
      stack,
      'city',
      city,
      `{ sessionReport(groupBy: [COUNTY]) { rows { county { code name } sessions held cancelled minutesPublished } }
         demandReport(groupBy: [COUNTY]) { rows { county { code } count resolvedAtHome escalated } } }`,
    );
    const sessions = await sql(
      'deliberation',
      `select left(division_code, 6) as county, count(*)::int as sessions,
              (count(*) filter (where status = 'HELD'))::int as held,
              (count(*) filter (where status = 'CANCELLED'))::int as cancelled,
              (count(*) filter (where status = 'HELD' and published_at is not null))::int as "minutesPublished"
       from deliberation.session group by 1 order by 1`,
    );
    expect(
      answer.sessionReport.rows.map(({ county, ...figures }: any) => ({
        county: county.code,
        ...figures,
      })),
    ).toEqual(sessions);
    const demands = await sql(
      'channels',
      `select left(d.division_code, 6) as county, count(*)::int as count,
              (count(*) filter (where exists (select 1 from channels.channel_event e
                 where e.record_id = d.id and e.to_status = 'RESOLVED_AT_HOME')))::int as "resolvedAtHome",
              (count(*) filter (where exists (select 1 from channels.channel_event e
                 where e.record_id = d.id and e.to_status = 'ESCALATED')))::int as escalated
       from channels.demand d group by 1 order by 1`,
    );
    expect(
      answer.demandReport.rows.map(({ county, ...figures }: any) => ({
        county: county.code,
        ...figures,
      })),
    ).toEqual(demands);
  });

  it('gives a trend: the city’s sessions held by quarter, in time order', async () => {
    const answer = await data(
      stack,
      'city',
      city,
      `{ sessionReport(groupBy: [QUARTER], filter: { status: [HELD] }) { rows { year quarter held } } }`,
    );
    const keys = answer.sessionReport.rows.map((row: any) => row.year * 10 + row.quarter);
    expect(keys.length).toBeGreaterThan(1);
    expect(keys).toEqual([...keys].sort((a: number, b: number) => a - b));
  });

  it('shows a county office its own county only', async () => {
    const answer = await data(
      stack,
      'county',
      haizhou,
      `{ proposalReport(groupBy: [COUNTY]) { rows { county { code } count } }
         demandReport(groupBy: [COUNTY, TOWNSHIP]) { rows { county { code } township { code } } }
         sessionReport(groupBy: [COUNTY]) { rows { county { code } } } }`,
    );
    const counties = [
      ...answer.proposalReport.rows,
      ...answer.demandReport.rows,
      ...answer.sessionReport.rows,
    ].map((row: any) => row.county?.code);
    expect(counties.length).toBeGreaterThan(0);
    expect(new Set(counties)).toEqual(new Set(['320706']));
    for (const row of answer.demandReport.rows) expect(row.township.code).toMatch(/^320706/);
  });

  it('counts a report’s rows at its first in the cost, so names and figures per row are paid for', async () => {
    const heavy = await ask(
      stack,
      'city',
      city,
      `{ proposalReport(groupBy: [COUNTY], first: 2000) { rows { county { children(first: 100) { edges { node { code } } } } } } }`,
    );
    expect(heavy.status).toBe(400);
    expect(heavy.errors?.[0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED' });
    expect(heavy.errors?.[0].extensions?.cost).toBeGreaterThan(200_000);
    const tooMany = await ask(stack, 'city', city, PROPOSALS, { first: 5000 });
    expect(tooMany.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'first',
    });
  });
});

describe('CSV export', () => {
  const exportUrl = (surface: string, search = '') =>
    `${stack.gateway.origin}/graphql/${surface}/export.csv${search}`;
  const post = (surface: string, token: string | null, body: unknown, search = '') =>
    fetch(exportUrl(surface, search), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(body),
    });
  /** RFC 4180 lines (the names here hold no line breaks). */
  const lines = (text: string) => text.split('\r\n').filter(Boolean);

  it('writes the report as UTF-8 CSV with a BOM, dotted headers and Chinese names intact', async () => {
    const response = await post('city', city, { query: PROPOSALS }, '?path=proposalReport.rows');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.csv"$/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = lines(text.slice(1));
    expect(header).toBe(
      'county.code,county.name,year,count,registered,replied,overdue,averageDaysToReply,satisfactionRate',
    );
    const graphql = await data(stack, 'city', city, PROPOSALS);
    expect(rows).toHaveLength(graphql.proposalReport.rows.length);
    expect(text).toContain(',海州区,');
    const first = graphql.proposalReport.rows[0];
    expect(rows[0].split(',').slice(0, 4)).toEqual([
      first.county?.code ?? '',
      first.county?.name ?? '',
      String(first.year),
      String(first.count),
    ]);
  });

  it('takes the first list when no path is given, and a GET with the query in the URL', async () => {
    const query = `{ sessionReport(groupBy: [COUNTY]) { rows { county { name } held } } }`;
    const response = await fetch(exportUrl('city', `?query=${encodeURIComponent(query)}`), {
      headers: { authorization: `Bearer ${city}` },
    });
    expect(response.status).toBe(200);
    const [header, ...rows] = lines((await response.text()).replace(/^\uFEFF/, ''));
    expect(header).toBe('county.name,held');
    const [{ counties }] = await sql(
      'deliberation',
      `select count(distinct left(division_code, 6))::int as counties from deliberation.session`,
    );
    expect(rows).toHaveLength(counties as number);
  });

  it('exports a county office’s own county only', async () => {
    const response = await post('county', haizhou, {
      query: `{ demandReport(groupBy: [COUNTY, TOWNSHIP]) { rows { county { code } township { code name } count } } }`,
    });
    expect(response.status).toBe(200);
    const [, ...rows] = lines((await response.text()).replace(/^\uFEFF/, ''));
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows) expect(row.startsWith('320706,320706')).toBe(true);
  });

  it('answers errors as JSON with their code and status, never half a CSV', async () => {
    const anonymous = await post('city', null, { query: PROPOSALS });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toMatch(/application\/json/);
    expect(((await anonymous.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');

    const aboveLevel = await post('city', haizhou, { query: PROPOSALS });
    expect(aboveLevel.status).toBe(403);

    const badInput = await post('city', city, { query: PROPOSALS, variables: { first: 0 } });
    expect(badInput.status).toBe(400);
    expect(((await badInput.json()) as any).errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'first',
    });

    const tooCostly = await post('city', city, {
      query: `{ proposalReport(groupBy: [COUNTY], first: 2000) { rows { county { children(first: 100) { edges { node { code } } } } } } }`,
    });
    expect(tooCostly.status).toBe(400);
    expect(((await tooCostly.json()) as any).errors[0].extensions.code).toBe(
      'GRAPHQL_VALIDATION_FAILED',
    );

    const noList = await post(
      'city',
      city,
      { query: PROPOSALS },
      '?path=proposalReport.totalGroups',
    );
    expect(noList.status).toBe(400);
    expect(((await noList.json()) as any).errors[0].extensions).toMatchObject({ field: 'path' });

    // An export reads: a mutation is refused as on any GET.
    const mutation = await post('city', city, {
      query: `mutation { __typename }`,
    });
    expect(mutation.status).toBeGreaterThanOrEqual(400);
    expect(mutation.headers.get('content-type')).toMatch(/application\/json/);
  });
});
