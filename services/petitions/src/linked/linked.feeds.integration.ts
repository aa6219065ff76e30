import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CALLER_HEADER, DOMAIN_EVENT_FEED, type DomainEventChange } from '@cppcc/toolkit';
import { eventually, startTestSubgraph, type TestSubgraph } from '@cppcc/toolkit/testing';
import { petitionsSubgraph } from '../subgraph';
import {
  COUNTY,
  VILLAGE,
  departmentCaller,
  seedCase,
  seedDepartments,
  seedDivisions,
} from '../testing/fixtures';

/**
 * Petitions follows deliberation's and channels' event feeds (served here as those services
 * serve them: positions, `after`, the service's signed caller) into its projections, and its
 * writes check what the feeds brought.
 */
let graph: TestSubgraph;
const feeds: Array<{ server: Server; changes: DomainEventChange[]; callers: string[] }> = [];

/** A feed that serves `changes` (positions 1, 2 …) after the position asked for. */
async function serveFeed(changes: Array<Omit<DomainEventChange, 'seq'>>) {
  const feed = {
    changes: changes.map((change, index) => ({ ...change, seq: index + 1 })),
    callers: [] as string[],
    server: createServer(),
  };
  feed.server.on('request', (request, response) => {
    const url = new URL(request.url ?? '/', 'http://feed');
    if (url.pathname !== DOMAIN_EVENT_FEED.path) {
      response.writeHead(404).end();
      return;
    }
    feed.callers.push(String(request.headers[CALLER_HEADER.toLowerCase()] ?? ''));
    const after = Number(url.searchParams.get('after') ?? 0);
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ changes: feed.changes.filter((change) => change.seq > after) }));
  });
  await new Promise<void>((resolve) => feed.server.listen(0, '127.0.0.1', resolve));
  feeds.push(feed);
  return `http://127.0.0.1:${(feed.server.address() as AddressInfo).port}/graphql`;
}

const event = (
  type: string,
  recordType: string,
  recordId: string,
  recordVersion: number,
  divisionCode: string,
  payload: Record<string, unknown>,
): Omit<DomainEventChange, 'seq'> => ({
  id: randomUUID(),
  type,
  occurredAt: new Date().toISOString(),
  recordType,
  recordId,
  recordVersion,
  divisionCode,
  departmentIds: [],
  homeIds: [randomUUID()],
  payload,
});

const planned = randomUUID();
const held = randomUUID();
const council = randomUUID();
const petition = randomUUID();
const notPetition = randomUUID();

beforeAll(async () => {
  const deliberationUrl = await serveFeed([
    event('session.scheduled', 'Session', planned, 1, '320706001', {
      status: 'PLANNED',
      kind: 'MULTI_PARTY',
    }),
    event('session.scheduled', 'Session', held, 1, '320706001', {
      status: 'PLANNED',
      kind: 'MULTI_PARTY',
    }),
    event('session.departmentInvited', 'Session', held, 1, '320706001', {
      status: 'PLANNED',
      departmentIds: [],
    }),
    event('session.held', 'Session', held, 2, '320706001', { status: 'HELD', kind: 'MULTI_PARTY' }),
    event('session.scheduled', 'Session', council, 1, '320706001', {
      status: 'PLANNED',
      kind: 'COUNCIL',
    }),
    // Cancelled, then an older event of it again: the projection keeps the latest version.
    event('session.cancelled', 'Session', planned, 2, '320706001', {
      status: 'CANCELLED',
      kind: 'MULTI_PARTY',
    }),
    event('session.scheduled', 'Session', planned, 1, '320706001', {
      status: 'PLANNED',
      kind: 'MULTI_PARTY',
    }),
    event('minutes.published', 'Minutes', randomUUID(), 3, '320706001', { status: 'PUBLISHED' }),
  ]);
  const channelsUrl = await serveFeed([
    event('demand.raised', 'Demand', petition, 1, VILLAGE, {
      status: 'RECEIVED',
      isPetition: true,
    }),
    event('demand.raised', 'Demand', notPetition, 1, VILLAGE, {
      status: 'RECEIVED',
      isPetition: false,
    }),
    event('demand.escalated', 'Demand', petition, 2, VILLAGE, { status: 'ESCALATED' }),
  ]);
  graph = await startTestSubgraph(petitionsSubgraph, 'petition_feeds', {
    deliberationUrl,
    channelsUrl,
  });
});
afterAll(async () => {
  await graph?.stop();
  for (const { server } of feeds) await new Promise((resolve) => server.close(resolve));
});

const sql = <T extends object>(query: string, values: unknown[] = []) =>
  graph.orm.em.getConnection().execute<T>(query, values);

describe("deliberation's and channels' events", () => {
  it('keep the sessions and demands petitions checks its links against', async () => {
    const sessions = await eventually(async () => {
      const rows = await sql<Array<Record<string, unknown>>>(
        'select id, division_code, kind, status, version from session_projection order by version, kind, status',
      );
      expect(rows).toHaveLength(3);
      return rows;
    });
    expect(new Map(sessions.map((row) => [row.id, row]))).toEqual(
      new Map([
        [
          council,
          {
            id: council,
            division_code: '320706001',
            kind: 'COUNCIL',
            status: 'PLANNED',
            version: 1,
          },
        ],
        [
          held,
          { id: held, division_code: '320706001', kind: 'MULTI_PARTY', status: 'HELD', version: 2 },
        ],
        [
          planned,
          {
            id: planned,
            division_code: '320706001',
            kind: 'MULTI_PARTY',
            status: 'CANCELLED',
            version: 2,
          },
        ],
      ]),
    );
    const demands = await eventually(async () => {
      const rows = await sql<Array<Record<string, unknown>>>(
        'select id, division_code, is_petition from demand_projection order by is_petition',
      );
      expect(rows).toHaveLength(2);
      return rows;
    });
    expect(demands).toEqual([
      { id: notPetition, division_code: VILLAGE, is_petition: false },
      { id: petition, division_code: VILLAGE, is_petition: true },
    ]);
    // Each feed is read as petitions, signed.
    for (const feed of feeds) expect(feed.callers.every((caller) => caller.length > 0)).toBe(true);

    const departments = await seedDepartments(graph);
    await seedDivisions(graph);
    const bureau = graph.as(departmentCaller(departments.countyBureau, COUNTY));
    const registered = await bureau.query(
      `mutation($input: RegisterPetitionCaseInput!) { registerPetitionCase(input: $input) { id demands { id } } }`,
      {
        input: {
          subject: '征地补偿款未足额发放',
          petitioners: ['王五'],
          divisionCode: VILLAGE,
          demandIds: [petition],
        },
      },
    );
    expect(registered.registerPetitionCase.demands).toEqual([{ id: petition }]);
    const caseId = await seedCase(graph, {
      status: 'ACCEPTED',
      handlingDepartmentId: departments.handling,
    });
    const SESSION = `mutation($input: PetitionCaseStepInput!, $session: ID!) {
      recordPetitionSession(input: $input, sessionId: $session) { sessions { id } } }`;
    for (const refused of [planned, council]) {
      const answer = await bureau.send(SESSION, { input: { caseId }, session: refused });
      expect(answer.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'sessionId',
      });
    }
    const recorded = await bureau.query(SESSION, { input: { caseId }, session: held });
    expect(recorded.recordPetitionSession.sessions).toEqual([{ id: held }]);
  });
});
