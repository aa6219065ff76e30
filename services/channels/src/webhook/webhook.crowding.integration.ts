import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Receiver, eventually, startTestSubgraph, type TestSubgraph } from '@cppcc/toolkit/testing';
import { createChannelsSubgraph } from '../subgraph';
import { departmentCaller, seedDepartment } from '../testing/fixtures';
import { proposalOperations } from '../testing/proposal-operations';
import { MAX_SUBSCRIPTIONS_PER_OWNER } from './webhook.service';
import { DEFAULT_WEBHOOK_OPTIONS } from './webhook.worker';

let graph: TestSubgraph;
/** Takes every request and never answers. */
let silent: Server;
let silentUrl: string;
let silentRequests = 0;
/** Answers every request 400 (it knows no secret to verify them with). */
let failing: Receiver;
let healthy: Receiver;

beforeAll(async () => {
  // The process's defaults (10 s per attempt, 8 lanes at once) but a quicker queue and retries.
  graph = await startTestSubgraph(
    createChannelsSubgraph({
      ...DEFAULT_WEBHOOK_OPTIONS,
      allowLoopback: true,
      retryBaseMs: 300,
      maxDelayMs: 1_000,
      pollingIntervalSeconds: 0.5,
    }),
    'webhook_crowding',
  );
  silent = createServer(() => {
    silentRequests += 1;
  });
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/never`;
  failing = new Receiver();
  healthy = new Receiver({ failFirst: 0 });
});
afterAll(async () => {
  await graph?.stop();
  silent?.closeAllConnections();
  await new Promise((resolve) => silent?.close(resolve));
  await failing?.stop();
  await healthy?.stop();
});

const CREATE = `mutation($input: CreateWebhookSubscriptionInput!) {
  createWebhookSubscription(input: $input) { secret subscription { id } } }`;
const COUNT = `{ webhookSubscriptions { totalCount } }`;
const TYPES = ['proposal.assigned'];

describe('webhooks beside receivers that fail or never answer', () => {
  it('reach a healthy receiver within seconds', async () => {
    const bad = await seedDepartment(graph, 'CITY', '3207');
    const good = await seedDepartment(graph, 'CITY', '3207');
    const b = graph.as(departmentCaller(bad));
    const failingUrl = await failing.start();
    for (let index = 0; index < 7; index++) {
      await b.query(CREATE, { input: { url: silentUrl, eventTypes: TYPES } });
    }
    for (let index = 0; index < 6; index++) {
      await b.query(CREATE, { input: { url: failingUrl, eventTypes: TYPES } });
    }
    const { createWebhookSubscription: created } = await graph
      .as(departmentCaller(good))
      .query(CREATE, { input: { url: await healthy.start(), eventTypes: TYPES } });
    healthy.secrets = [created.secret];

    const ops = proposalOperations(graph, graph);
    const proposal = await ops.registered();
    const assigned = Date.now();
    await ops.assign(proposal, bad, [good]);
    await eventually(async () => expect(healthy.delivered).toHaveLength(1), 30_000);
    const took = Date.now() - assigned;
    expect(healthy.delivered[0].body).toMatchObject({
      type: 'proposal.assigned',
      data: { recordId: proposal },
    });
    // Under one attempt's timeout (10 s): no silent receiver stood in the healthy one's way.
    expect(took).toBeLessThan(5_000);
    // The bad receivers were tried meanwhile, side by side.
    await eventually(async () => {
      expect(silentRequests).toBe(7);
      expect(failing.requests.length).toBeGreaterThanOrEqual(6);
    }, 15_000);
  }, 60_000);

  it(`keep at most ${MAX_SUBSCRIPTIONS_PER_OWNER} subscriptions per department`, async () => {
    const department = graph.as(departmentCaller(await seedDepartment(graph, 'CITY', '3207')));
    const receiver = new Receiver();
    const url = await receiver.start();
    await receiver.stop();
    for (let index = 0; index < MAX_SUBSCRIPTIONS_PER_OWNER; index++) {
      await department.query(CREATE, { input: { url, eventTypes: TYPES } });
    }
    const refused = await department.send(CREATE, { input: { url, eventTypes: TYPES } });
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.url',
    });
    expect(refused.errors?.[0].message).toMatch(/At most 20 webhook subscriptions/);
    const { webhookSubscriptions } = await department.query(COUNT);
    expect(webhookSubscriptions.totalCount).toBe(MAX_SUBSCRIPTIONS_PER_OWNER);
  });
});
