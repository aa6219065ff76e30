import { CALLER_HEADER, signCallerToken, DOMAIN_EVENT_FEED } from '@cppcc/toolkit';
import {
  TEST_INTERNAL_AUTH_SECRET,
  eventually,
  startTestSubgraph,
  type TestSubgraph,
} from '@cppcc/toolkit/testing';
import { channelsSubgraph } from '../subgraph';
import { GUANNAN_STAFF, HAIZHOU_STAFF, seedHome } from '../testing/fixtures';
import { EVENTS } from '../testing/proposal-operations';

/**
 * A demand raised raises `demand.raised` (petition matter or not, its division), and channels
 * serves its outbox as a feed for the services that keep its demands (petitions).
 */
let graph: TestSubgraph;
let home: string;

beforeAll(async () => {
  graph = await startTestSubgraph(channelsSubgraph, 'demand_feed');
  home = await seedHome(graph, '320706001');
});
afterAll(() => graph?.stop());

const RAISE = `mutation($input: RaiseDemandInput!) { raiseDemand(input: $input) { id } }`;

/** Reads channels' event feed as a service (or as `subject` says) would. */
async function readFeed(after: number, subject = 'service:petitions') {
  const token = await signCallerToken(
    { subject, level: 'CITY', division: '', roles: [], surface: 'city' },
    TEST_INTERNAL_AUTH_SECRET,
  );
  const response = await fetch(new URL(`${DOMAIN_EVENT_FEED.path}?after=${after}`, graph.url), {
    headers: { [CALLER_HEADER]: token },
  });
  return {
    status: response.status,
    body: (await response.json()) as { changes: Array<Record<string, any>> },
  };
}

describe('demand.raised', () => {
  it('says whether a demand is a petition matter, to the home and the office, and the feed serves it', async () => {
    const raise = (isPetition: boolean, divisionCode: string) =>
      graph.query(RAISE, {
        input: {
          homeId: home,
          divisionCode,
          category: 'LAND_AND_HOUSING',
          content: '征地补偿款未足额发放',
          isPetition,
          residentName: '张三',
        },
      });
    const petition = (await raise(true, '320706001001')).raiseDemand.id;
    const other = (await raise(false, '320706001')).raiseDemand.id;

    const events = await eventually(async () => {
      const { events } = await graph.as(HAIZHOU_STAFF).query(EVENTS, { types: ['demand.raised'] });
      expect(events.edges).toHaveLength(2);
      return events.edges.map((edge: { node: Record<string, any> }) => edge.node);
    });
    expect(events).toMatchObject([
      { recordType: 'Demand', recordId: petition, recordVersion: 1, divisionCode: '320706001001' },
      { recordType: 'Demand', recordId: other, recordVersion: 1, divisionCode: '320706001' },
    ]);
    expect(events[0].homeIds).toEqual([home]);
    expect(events[0].departmentIds).toEqual([]);
    // Ids and states only: no content, no resident.
    expect(JSON.parse(events[0].payload)).toEqual({ status: 'RECEIVED', isPetition: true });
    expect(JSON.parse(events[1].payload)).toEqual({ status: 'RECEIVED', isPetition: false });
    const { events: elsewhere } = await graph
      .as(GUANNAN_STAFF)
      .query(EVENTS, { types: ['demand.raised'] });
    expect(elsewhere.edges).toEqual([]);

    const feed = await readFeed(0);
    expect(feed.status).toBe(200);
    expect(feed.body.changes.map((change) => [change.seq, change.type, change.recordId])).toEqual([
      [1, 'demand.raised', petition],
      [2, 'demand.raised', other],
    ]);
    expect(feed.body.changes[0]).toMatchObject({
      divisionCode: '320706001001',
      homeIds: [home],
      payload: { status: 'RECEIVED', isPetition: true },
    });
    expect((await readFeed(1)).body.changes.map((change) => change.recordId)).toEqual([other]);
    // Other services only.
    expect((await readFeed(0, 'test:office:3207')).status).toBe(401);
  });

  it("may be subscribed to by webhook, as deliberation's session events may", async () => {
    const eventTypes = ['demand.raised', 'session.scheduled', 'session.held', 'session.cancelled'];
    const { createWebhookSubscription: created } = await graph.as(HAIZHOU_STAFF).query(
      `mutation($input: CreateWebhookSubscriptionInput!) {
         createWebhookSubscription(input: $input) { subscription { eventTypes } } }`,
      { input: { url: 'http://127.0.0.1:9/hook', eventTypes } },
    );
    expect(created.subscription.eventTypes).toEqual(eventTypes);
  });
});
