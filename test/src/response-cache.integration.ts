import { eventually } from '@cppcc/toolkit/testing';
import { data, startStack, statementsDuring, tokenFor, type Stack } from './support/stack';

/**
 * The gateway's answer cache (gateway/src/response-cache.ts): the cross-county view and the reports
 * are figures the subgraphs mark as keepable for 30 s, so a caller's repeat costs no SQL; anything
 * unmarked is asked afresh every time; nothing is shared between callers; a write through the
 * gateway is seen at once; `Cache-Control: no-cache` asks afresh.
 */
let stack: Stack;
let city: string;
let otherCity: string;
let county: string;
let homeId: string;

const VIEW = `query View($year: Int!) { division(code: "3207") { name children(first: 20) { edges { node { code name
  homeStats { homes activeHomes }
  sessionStats(year: $year, quarter: 4) { held homesRequired }
  channelStats(year: $year) { demandsReceived openDemands proposalsRegistered } } } } } }`;
const REPORT = `{ proposalReport(groupBy: [COUNTY, STATUS, DEPARTMENT]) { rows { county { code name } status count department { name } } } }`;

interface Answer {
  status: number;
  headers: Headers;
  body: { data?: Record<string, any>; errors?: unknown[] };
}

async function post(
  surface: string,
  token: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<Answer> {
  const response = await fetch(`${stack.gateway.origin}/graphql/${surface}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Answer['body'],
  };
}

/** The answer and the SQL statements each subgraph ran for it. */
async function measured(...args: Parameters<typeof post>) {
  let answer!: Answer;
  const statements = await statementsDuring(stack, async () => {
    answer = await post(...args);
  });
  expect(answer.body.errors).toBeUndefined();
  const total = statements.organization + statements.deliberation + statements.channels;
  return { answer, statements: total };
}

const received = (answer: Answer, code: string) =>
  answer.body.data!.division.children.edges.find(
    (edge: { node: { code: string } }) => edge.node.code === code,
  ).node.channelStats.demandsReceived as number;

const thisYear = Number(
  new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()),
);

beforeAll(async () => {
  stack = await startStack('response_cache');
  city = await tokenFor({ level: 'CITY', division: '3207', roles: ['STAFF'] });
  otherCity = await tokenFor({ level: 'CITY', division: '3207', roles: ['ANALYST'] });
  county = await tokenFor({ level: 'COUNTY', division: '320706', roles: ['STAFF'] });
  homeId = (
    await data(
      stack,
      'city',
      city,
      `mutation { createHome(input: { name: "新海街道政协协商民主之家", divisionCode: "320706006", kind: CITIZEN }) { id } }`,
    )
  ).createHome.id;
});
afterAll(() => stack?.stop());

describe('the answer cache', () => {
  it('serves a caller’s repeat of the cross-county view without asking the subgraphs', async () => {
    const first = await measured('city', city, VIEW, { year: thisYear });
    expect(first.statements).toBeGreaterThan(0);
    expect(first.answer.headers.get('cache-control')).toBe('max-age=30, private');

    const repeat = await measured('city', city, VIEW, { year: thisYear });
    expect(repeat.statements).toBe(0);
    expect(repeat.answer.body).toEqual(first.answer.body);
    expect(Number(repeat.answer.headers.get('age'))).toBeGreaterThanOrEqual(0);

    // Other variables are another question.
    const lastYear = await measured('city', city, VIEW, { year: thisYear - 1 });
    expect(lastYear.statements).toBeGreaterThan(0);
  });

  it('keeps reports too', async () => {
    const first = await measured('city', city, REPORT);
    expect(first.statements).toBeGreaterThan(0);
    expect((await measured('city', city, REPORT)).statements).toBe(0);
  });

  it('never serves one caller’s answer to another, even one with the same jurisdiction', async () => {
    await measured('city', city, VIEW, { year: thisYear });
    expect(
      (await measured('city', otherCity, VIEW, { year: thisYear })).statements,
    ).toBeGreaterThan(0);

    const countyView = `{ division(code: "320706") { name channelStats(year: ${thisYear}) { demandsReceived } } }`;
    await measured('city', city, countyView);
    const theCounty = await measured('county', county, countyView);
    expect(theCounty.statements).toBeGreaterThan(0);
  });

  it('asks afresh when the client says no-cache, and for anything not marked keepable', async () => {
    await measured('city', city, VIEW, { year: thisYear });
    const fresh = await measured(
      'city',
      city,
      VIEW,
      { year: thisYear },
      { 'cache-control': 'no-cache' },
    );
    expect(fresh.statements).toBeGreaterThan(0);

    // Homes are live records, not figures: the whole answer is not kept.
    const homes = `{ division(code: "320706") { name homes(first: 5) { totalCount } } }`;
    const first = await measured('city', city, homes);
    expect(first.answer.headers.get('cache-control')).toBe('no-store');
    expect((await measured('city', city, homes)).statements).toBeGreaterThan(0);
  });

  it('is emptied by a write through the gateway: the figures show it at once', async () => {
    const before = await measured('city', city, VIEW, { year: thisYear });
    expect((await measured('city', city, VIEW, { year: thisYear })).statements).toBe(0);

    // The new home reaches channels through the organization's feed; then a demand is raised.
    const raised = await eventually(() =>
      post(
        'county',
        county,
        `mutation($input: RaiseDemandInput!) { raiseDemand(input: $input) { id } }`,
        {
          input: {
            homeId,
            category: 'INFRASTRUCTURE',
            content: '新南路雨后积水严重，希望改造排水管网。',
            residentName: '王秀英',
          },
        },
      ).then((answer) => {
        expect(answer.body.errors).toBeUndefined();
        return answer;
      }),
    );
    expect(raised.headers.get('cache-control')).toBe('no-store');

    const after = await measured('city', city, VIEW, { year: thisYear });
    expect(after.statements).toBeGreaterThan(0);
    expect(received(after.answer, '320706')).toBe(received(before.answer, '320706') + 1);
  });
});
