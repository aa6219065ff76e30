import {
  Receiver,
  TEST_INTERNAL_AUTH_SECRET,
  createTestDatabase,
  eventually,
  subgraphClient,
  type TestDatabase,
} from '@cppcc/toolkit/testing';
import { createLogger, startSubgraph, type Caller, type StartedSubgraph } from '@cppcc/toolkit';
import PgBoss from 'pg-boss';
import { createChannelsSubgraph } from '../subgraph';
import { departmentCaller, seedDepartment } from '../testing/fixtures';
import { proposalOperations } from '../testing/proposal-operations';
import { DEFAULT_WEBHOOK_OPTIONS } from './webhook.worker';

const subgraph = createChannelsSubgraph({
  ...DEFAULT_WEBHOOK_OPTIONS,
  allowLoopback: true,
  retryBaseMs: 300,
  maxDelayMs: 1_000,
  attemptTimeoutMs: 2_000,
  pollingIntervalSeconds: 0.5,
});

const CITY_STAFF: Caller = {
  subject: 'test:city',
  level: 'CITY',
  division: '3207',
  roles: ['STAFF'],
  surface: 'city',
};

let database: TestDatabase;
let receiver: Receiver;
let running: StartedSubgraph | undefined;

/** The channels process, as `npm start` runs it, on the test's database. */
function startProcess() {
  return startSubgraph(subgraph, {
    databaseUrl: database.url,
    internalAuthSecret: TEST_INTERNAL_AUTH_SECRET,
    port: 0,
    host: '127.0.0.1',
    logger: createLogger('channels', process.env.LOG_LEVEL ?? 'silent'),
    organizationUrl: 'http://127.0.0.1:9/graphql',
    deliberationUrl: 'http://127.0.0.1:9/graphql',
  });
}

beforeAll(async () => {
  database = await createTestDatabase('webhook_restart');
  receiver = new Receiver();
});
// Each test starts its own process: the one a test leaves running stops before the next starts
// (else its queue's workers outlive the file).
afterEach(async () => {
  await running?.stop();
  running = undefined;
});
afterAll(async () => {
  await receiver?.stop();
  await database?.drop();
});

it('a restart of the channels process mid-way loses no delivery and sends none twice', async () => {
  running = await startProcess();
  const office = subgraphClient(running.url, CITY_STAFF);
  const LEAD = await seedDepartment(running, 'CITY', '3207');
  const lead = subgraphClient(running.url, departmentCaller(LEAD));
  const url = await receiver.start();
  const { createWebhookSubscription: created } = await lead.query(
    `mutation($input: CreateWebhookSubscriptionInput!) {
       createWebhookSubscription(input: $input) { secret } }`,
    { input: { url, eventTypes: ['proposal.assigned', 'proposal.accepted', 'proposal.replied'] } },
  );
  receiver.secrets = [created.secret];
  const ops = proposalOperations(office, running);
  const proposal = await ops.registered();
  await ops.assign(proposal, LEAD);
  await ops.accept(lead, proposal);
  await ops.reply(lead, proposal);
  // The receiver refused the first attempt: the process stops with every event still to send.
  await eventually(async () => expect(receiver.requests.length).toBeGreaterThanOrEqual(1), 30_000);
  await running.stop();
  running = undefined;
  const beforeRestart = receiver.requests.length;

  running = await startProcess();
  const delivered = await eventually(async () => {
    expect(receiver.delivered).toHaveLength(3);
    return receiver.delivered;
  }, 60_000);
  expect(receiver.requests.length).toBeGreaterThan(beforeRestart);
  expect(delivered.map((request) => request.body.type)).toEqual([
    'proposal.assigned',
    'proposal.accepted',
    'proposal.replied',
  ]);
  expect(new Set(delivered.map((request) => request.id)).size).toBe(3);
  expect(receiver.requests.every((request) => request.verified)).toBe(true);
});

it('an upgrade over the previous version’s queue keeps every delivery and drops its copies', async () => {
  const upgraded = new Receiver();
  try {
    running = await startProcess();
    const LEAD = await seedDepartment(running, 'CITY', '3207');
    const lead = subgraphClient(running.url, departmentCaller(LEAD));
    const { createWebhookSubscription: created } = await lead.query(
      `mutation($input: CreateWebhookSubscriptionInput!) {
         createWebhookSubscription(input: $input) { secret subscription { id } } }`,
      { input: { url: await upgraded.start(), eventTypes: ['proposal.assigned'] } },
    );
    upgraded.secrets = [created.secret];
    const office = subgraphClient(running.url, CITY_STAFF);
    const ops = proposalOperations(office, running);
    const proposal = await ops.registered();
    await ops.assign(proposal, LEAD);
    await eventually(
      async () => expect(upgraded.requests.length).toBeGreaterThanOrEqual(1),
      30_000,
    );
    await running.stop();
    running = undefined;

    // What the previous version left: its queue, with a copy of the lane per dispatch.
    const boss = new PgBoss({ connectionString: database.url, schema: 'channels_jobs', max: 1 });
    await boss.start();
    await boss.createQueue('webhook-deliver', { name: 'webhook-deliver', policy: 'standard' });
    for (let copy = 0; copy < 5; copy++) {
      await boss.send('webhook-deliver', {
        subscriptionId: created.subscription.id,
        recordId: proposal,
      });
    }
    running = await startProcess();
    await eventually(async () => expect(upgraded.delivered).toHaveLength(1), 60_000);
    expect(upgraded.delivered[0].body).toMatchObject({ type: 'proposal.assigned' });
    expect(await boss.getQueueSize('webhook-deliver')).toBe(0);
    await boss.stop({ graceful: false, wait: true });
  } finally {
    await upgraded.stop();
  }
});
