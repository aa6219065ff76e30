import { Receiver, eventually, startTestSubgraph, type TestSubgraph } from '@cppcc/toolkit/testing';
import { createChannelsSubgraph } from '../subgraph';
import { HAIZHOU_STAFF, departmentCaller, seedDepartment } from '../testing/fixtures';
import { proposalOperations } from '../testing/proposal-operations';
import { DEFAULT_WEBHOOK_OPTIONS } from './webhook.worker';

let graph: TestSubgraph;
let receiver: Receiver;
let url: string;
let A: string;
let B: string;

beforeAll(async () => {
  graph = await startTestSubgraph(
    createChannelsSubgraph({
      ...DEFAULT_WEBHOOK_OPTIONS,
      allowLoopback: true,
      retryBaseMs: 300,
      maxDelayMs: 1_000,
      attemptTimeoutMs: 2_000,
      pollingIntervalSeconds: 0.5,
    }),
    'webhooks',
  );
  A = await seedDepartment(graph, 'CITY', '3207');
  B = await seedDepartment(graph, 'CITY', '3207');
  receiver = new Receiver();
  url = await receiver.start();
});
afterAll(async () => {
  await graph?.stop();
  await receiver?.stop();
});

const CREATE = `mutation($input: CreateWebhookSubscriptionInput!) {
  createWebhookSubscription(input: $input) { secret subscription { id status eventTypes departmentId } } }`;
const SUBSCRIPTIONS = `{ webhookSubscriptions { totalCount edges { node { id status pausedReason
  deliveries(first: 100) { totalCount edges { node { id eventId eventType status attemptCount
    lastStatusCode deliveredAt } } } } } } }`;
const TYPES = ['proposal.assigned', 'proposal.accepted', 'proposal.extended', 'proposal.replied'];

describe('webhooks of a department', () => {
  it('refuse another department’s events and addresses inside the network', async () => {
    const b = graph.as(departmentCaller(B));
    const other = await b.send(CREATE, { input: { url, eventTypes: TYPES, departmentId: A } });
    expect(other.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    for (const refused of [
      'http://192.168.1.10/hook',
      'https://10.1.2.3/hook',
      'https://169.254.169.254/latest/meta-data',
      'https://[fe80::1]/hook',
      'ftp://127.0.0.1/hook',
    ]) {
      const answer = await b.send(CREATE, { input: { url: refused, eventTypes: TYPES } });
      expect(answer.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.url',
      });
    }
    const unknownType = await b.send(CREATE, { input: { url, eventTypes: ['proposal.gone'] } });
    expect(unknownType.errors?.[0].extensions).toMatchObject({ field: 'input.eventTypes.0' });
  });

  it('refuse an event type that never reaches a department, naming it where it stands', async () => {
    const b = graph.as(departmentCaller(B));
    for (const type of ['demand.raised', 'minutes.published', 'session.scheduled']) {
      const answer = await b.send(CREATE, {
        input: { url, eventTypes: ['proposal.assigned', type] },
      });
      expect(answer.errors?.[0]).toMatchObject({
        message: expect.stringContaining(`A department never receives ${type}`),
        extensions: { code: 'BAD_USER_INPUT', field: 'input.eventTypes.1' },
      });
    }
    // The CPPCC office, which receives them, may subscribe to them.
    const office = await graph
      .as(HAIZHOU_STAFF)
      .send(CREATE, { input: { url, eventTypes: ['demand.raised', 'minutes.published'] } });
    expect(office.errors).toBeUndefined();
    const id = office.data!.createWebhookSubscription.subscription.id;
    await graph
      .as(HAIZHOU_STAFF)
      .send(
        `mutation($input: WebhookSubscriptionStepInput!) { deleteWebhookSubscription(input: $input) }`,
        { input: { subscriptionId: id } },
      );
  });

  it('deliver every event of a proposal, signed, each once after success, in order', async () => {
    const a = graph.as(departmentCaller(A));
    const { createWebhookSubscription: created } = await a.query(CREATE, {
      input: { url, eventTypes: TYPES },
    });
    expect(created.secret).toMatch(/^whsec_/);
    expect(created.subscription).toMatchObject({ status: 'ACTIVE', departmentId: A });
    receiver.secrets = [created.secret];
    // Another department's subscription hears nothing of A's proposal.
    const b = graph.as(departmentCaller(B));
    await b.query(CREATE, { input: { url, eventTypes: TYPES } });

    const ops = proposalOperations(graph, graph);
    const proposal = await ops.registered();
    await ops.assign(proposal, A);
    await ops.accept(a, proposal);
    await ops.extend(proposal);
    await ops.reply(a, proposal);

    const delivered = await eventually(async () => {
      expect(receiver.delivered).toHaveLength(4);
      return receiver.delivered;
    }, 60_000);
    expect(receiver.requests.every((request) => request.verified)).toBe(true);
    // The first event was refused three times (500) before it went through, and the later ones
    // waited for it.
    expect(receiver.requests.slice(0, 4).map((request) => request.status)).toEqual([
      500, 500, 500, 204,
    ]);
    expect(new Set(receiver.requests.slice(0, 4).map((request) => request.id)).size).toBe(1);
    expect(delivered.map((request) => request.body.type)).toEqual(TYPES);
    expect(delivered.map((request) => request.body.data.recordId)).toEqual(Array(4).fill(proposal));
    const versions = delivered.map((request) => request.body.data.recordVersion);
    expect(versions).toEqual([...versions].sort((x, y) => x - y));
    expect(new Set(delivered.map((request) => request.id)).size).toBe(4);

    // The worker records each answer just after the receiver gave it.
    await eventually(async () => {
      const { webhookSubscriptions } = await a.query(SUBSCRIPTIONS);
      expect(webhookSubscriptions.totalCount).toBe(1);
      const deliveries = webhookSubscriptions.edges[0].node.deliveries;
      expect(deliveries.totalCount).toBe(4);
      const byEvent = Object.fromEntries(
        deliveries.edges.map(({ node }: { node: any }) => [node.eventType, node]),
      );
      expect(byEvent['proposal.assigned']).toMatchObject({
        status: 'SUCCEEDED',
        attemptCount: 4,
        lastStatusCode: 204,
      });
      for (const type of TYPES.slice(1)) {
        expect(byEvent[type]).toMatchObject({ status: 'SUCCEEDED', attemptCount: 1 });
      }
    });
    // Nothing more is sent once each was answered.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(receiver.requests).toHaveLength(7);
    const ofB = await b.query(SUBSCRIPTIONS);
    expect(ofB.webhookSubscriptions.edges[0].node.deliveries.totalCount).toBe(0);
  });

  it('keeps signing with the old secret for a day after a rotation, beside the new one', async () => {
    const a = graph.as(departmentCaller(A));
    const { webhookSubscriptions } = await a.query(SUBSCRIPTIONS);
    const subscription = webhookSubscriptions.edges[0].node;
    const old = receiver.secrets[0];
    const { rotateWebhookSecret } = await a.query(
      `mutation($input: WebhookSubscriptionStepInput!) { rotateWebhookSecret(input: $input) {
        secret subscription { previousSecretExpiresAt } } }`,
      { input: { subscriptionId: subscription.id } },
    );
    expect(rotateWebhookSecret.secret).not.toBe(old);
    const expires = new Date(rotateWebhookSecret.subscription.previousSecretExpiresAt);
    expect(expires.getTime() - Date.now()).toBeGreaterThan(23 * 3_600_000);
    const deliveryId = subscription.deliveries.edges[0].node.id;
    const before = receiver.delivered.length;
    // Only the new secret: a redelivery verifies with it...
    receiver.secrets = [rotateWebhookSecret.secret];
    await a.query(
      `mutation($input: RedeliverWebhookInput!) { redeliverWebhook(input: $input) { id status } }`,
      { input: { deliveryId } },
    );
    await eventually(async () => expect(receiver.delivered.length).toBe(before + 1), 30_000);
    // ...and its signature header carries the old secret's signature too.
    receiver.secrets = [old];
    await a.query(
      `mutation($input: RedeliverWebhookInput!) { redeliverWebhook(input: $input) { id } }`,
      { input: { deliveryId } },
    );
    await eventually(async () => expect(receiver.delivered.length).toBe(before + 2), 30_000);
  });

  it('page their deliveries by cursors that hold a place: new deliveries queued meanwhile shift nothing', async () => {
    const D = await seedDepartment(graph, 'CITY', '3207');
    const d = graph.as(departmentCaller(D));
    const { createWebhookSubscription: created } = await d.query(CREATE, {
      input: { url, eventTypes: ['proposal.assigned'] },
    });
    const id = created.subscription.id;
    // Paused: deliveries are queued (for a resume) but not sent.
    await d.query(
      `mutation($input: WebhookSubscriptionStepInput!) { pauseWebhookSubscription(input: $input) { id } }`,
      { input: { subscriptionId: id } },
    );
    const ops = proposalOperations(graph, graph);
    const assignOne = async () => ops.assign(await ops.registered(), D);
    const PAGE = `query($after: String) { webhookSubscriptions { edges { node { id
      deliveries(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor }
        edges { node { id } } } } } } }`;
    const deliveriesOf = async (after: string | null) =>
      (await d.query(PAGE, { after })).webhookSubscriptions.edges.find(
        (edge: any) => edge.node.id === id,
      ).node.deliveries;
    const queued = async (count: number) =>
      eventually(async () => expect((await deliveriesOf(null)).totalCount).toBe(count), 30_000);
    for (let i = 0; i < 5; i++) await assignOne();
    await queued(5);
    const before = new Set<string>();
    let after: string | null = null;
    const seen: string[] = [];
    for (let page = 0; ; page++) {
      const deliveries = await deliveriesOf(after);
      if (page === 0) {
        const all = await d.query(
          `{ webhookSubscriptions { edges { node { id deliveries(first: 100) { edges { node { id } } } } } } }`,
        );
        for (const edge of all.webhookSubscriptions.edges.find((e: any) => e.node.id === id).node
          .deliveries.edges)
          before.add(edge.node.id);
      }
      seen.push(...deliveries.edges.map((edge: any) => edge.node.id));
      if (!deliveries.pageInfo.hasNextPage) break;
      after = deliveries.pageInfo.endCursor;
      // Two more proposals assigned between two pages: two deliveries at the head of the list.
      await assignOne();
      await assignOne();
      await queued(5 + 2 * (page + 1));
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual([...before]);
    const old = Buffer.from('o:1').toString('base64url');
    const refused = await d.send(PAGE, { after: old });
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'after',
    });
  });

  it('pause, resume and delete only one’s own subscriptions', async () => {
    const a = graph.as(departmentCaller(A));
    const { webhookSubscriptions } = await a.query(SUBSCRIPTIONS);
    const id = webhookSubscriptions.edges[0].node.id;
    const step = (name: string) =>
      `mutation($input: WebhookSubscriptionStepInput!) { ${name}(input: $input) { id status pausedReason } }`;
    const foreign = await graph
      .as(departmentCaller(B))
      .send(step('pauseWebhookSubscription'), { input: { subscriptionId: id } });
    expect(foreign.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    const county = await graph
      .as(HAIZHOU_STAFF)
      .send(step('pauseWebhookSubscription'), { input: { subscriptionId: id } });
    expect(county.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    const paused = await a.query(step('pauseWebhookSubscription'), {
      input: { subscriptionId: id },
    });
    expect(paused.pauseWebhookSubscription).toMatchObject({ status: 'PAUSED' });
    const resumed = await a.query(step('resumeWebhookSubscription'), {
      input: { subscriptionId: id },
    });
    expect(resumed.resumeWebhookSubscription).toMatchObject({
      status: 'ACTIVE',
      pausedReason: null,
    });
    const deleted = await a.query(
      `mutation($input: WebhookSubscriptionStepInput!) { deleteWebhookSubscription(input: $input) }`,
      { input: { subscriptionId: id } },
    );
    expect(deleted.deleteWebhookSubscription).toBe(id);
    expect((await a.query(SUBSCRIPTIONS)).webhookSubscriptions.totalCount).toBe(0);
  });

  it('are heard again after the listening connection is cut (PostgreSQL restarted)', async () => {
    const C = await seedDepartment(graph, 'CITY', '3207');
    const c = graph.as(departmentCaller(C));
    const { createWebhookSubscription: created } = await c.query(CREATE, {
      input: { url, eventTypes: ['proposal.assigned'] },
    });
    receiver.secrets = [created.secret];
    const listeners = async () =>
      (
        await graph.orm.em.getConnection().execute<Array<{ pid: number }>>(
          `select pid from pg_stat_activity
           where datname = current_database() and application_name = 'cppcc-webhook-listener'`,
        )
      ).map((row) => row.pid);
    const [cut] = await listeners();
    expect(cut).toBeDefined();
    await graph.orm.em.getConnection().execute('select pg_terminate_backend(?)', [cut]);
    // Listening again on a new connection within a few seconds, not at the next minute's cron.
    await eventually(async () => {
      const now = await listeners();
      expect(now).toHaveLength(1);
      expect(now[0]).not.toBe(cut);
    }, 5_000);
    const before = receiver.delivered.length;
    const ops = proposalOperations(graph, graph);
    const proposal = await ops.registered();
    await ops.assign(proposal, C);
    await eventually(async () => {
      const delivered = receiver.delivered.slice(before);
      expect(delivered.map((request) => request.body.data.recordId)).toContain(proposal);
    }, 15_000);
  });
});
