import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '@cppcc/toolkit/testing';
import { createLogger, migrate, openDatabase } from '@cppcc/toolkit';
import { channelsSubgraph } from '../subgraph';
import { queueLoopsRunning } from './queue-loops';
import { DEFAULT_WEBHOOK_OPTIONS, startWebhookWorker } from './webhook.worker';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase('webhook_stop');
  const orm = await openDatabase(channelsSubgraph.database, database.url);
  await migrate(orm);
  await orm.close();
});
afterAll(() => database.drop());

// pg's pool, once closed, never serves the requests still waiting for a connection: a queue loop
// whose poll waited then never ended, pg-boss kept looking at it every second, and once a test
// file's environment was gone that look failed the next file's run.
test('a stop returns once every loop of its queue has ended, also loops whose poll waited for a connection', async () => {
  const worker = startWebhookWorker(
    database.url,
    'channels',
    createLogger('channels', process.env.LOG_LEVEL ?? 'silent'),
    { ...DEFAULT_WEBHOOK_OPTIONS, pollingIntervalSeconds: 0.5 },
  );
  await worker.ready;
  expect(queueLoopsRunning()).toBe(DEFAULT_WEBHOOK_OPTIONS.concurrency + 3);
  // The queue's table locked: two polls hold the queue's two connections, the other loops'
  // polls wait for one, and the stop closes the pool under them.
  const lock = new pg.Client({ connectionString: database.url });
  await lock.connect();
  await lock.query('begin');
  await lock.query('lock table channels_jobs.job in access exclusive mode');
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const stopped = worker.stop();
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  await lock.query('commit');
  await lock.end();
  await stopped;
  expect(queueLoopsRunning()).toBe(0);
});
