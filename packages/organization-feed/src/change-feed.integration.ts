import { createServer, type Server } from 'node:http';
import pino from 'pino';
import type { AddressInfo } from 'node:net';
import { CALLER_HEADER, verifyCallerToken, createLogger } from '@cppcc/contract';
import { executeIn, openDatabase, type Orm } from '@cppcc/toolkit';
import {
  TEST_INTERNAL_AUTH_SECRET,
  createTestDatabase,
  eventually,
  type TestDatabase,
} from '@cppcc/toolkit/testing';
import { followChanges } from './change-feed';

/** A feed of three changes, served as a service would, to callers it can verify. */
let server: Server;
let feedUrl: string;
let database: TestDatabase;
let orm: Orm;
const CHANGES = [{ seq: 1 }, { seq: 2 }, { seq: 3 }];
/** Pages the feed has served, for a test to know another replica has had its turns. */
let served = 0;

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const caller = await verifyCallerToken(
      req.headers[CALLER_HEADER] as string | undefined,
      TEST_INTERNAL_AUTH_SECRET,
    );
    if (!caller) return res.writeHead(401).end();
    const after = Number(new URL(req.url ?? '', 'http://feed').searchParams.get('after'));
    served += 1;
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ changes: CHANGES.filter((change) => change.seq > after) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/internal/changes`;
  database = await createTestDatabase('change_feed');
  orm = await openDatabase({ schema: 'consumer', entities: [], migrations: [] }, database.url, {
    discovery: { warnWhenNoEntities: false },
  });
  await orm.em
    .getConnection()
    .execute('create table change_cursor (feed text primary key, position bigint not null)');
  await orm.em.getConnection().execute('create table applied (seq bigint not null)');
  await orm.em
    .getConnection()
    .execute('create table applied_by (seq bigint not null, replica text not null)');
});
afterAll(async () => {
  await orm?.close(true);
  await database?.drop();
  server?.close();
});

const appliedSeqs = async () =>
  (
    await orm.em
      .getConnection()
      .execute<Array<{ seq: string }>>('select seq from applied order by seq')
  ).map((row) => Number(row.seq));
const cursor = async () =>
  (
    await orm.em
      .getConnection()
      .execute<Array<{ position: string }>>(
        `select position from change_cursor where feed = 'test'`,
      )
  )[0]?.position;

describe('following a change feed', () => {
  it('applies a page and moves the cursor together, or neither; and never twice', async () => {
    let attempts = 0;
    const start = () =>
      followChanges<{ seq: number }>(
        orm,
        createLogger('test', 'silent'),
        {
          name: 'test',
          url: feedUrl,
          consumer: 'test',
          internalAuthSecret: TEST_INTERNAL_AUTH_SECRET,
          apply: async (tx, changes) => {
            attempts += 1;
            for (const change of changes)
              await executeIn(tx, 'insert into applied (seq) values (?)', [change.seq]);
            if (attempts === 1) throw new Error('the first attempt fails half-way');
          },
        },
        50,
      );
    const follower = start();
    await eventually(async () => expect(attempts).toBeGreaterThanOrEqual(2));
    await eventually(async () => expect(await appliedSeqs()).toEqual([1, 2, 3]));
    expect(await cursor()).toBe('3');
    await follower.stop();

    // A restart resumes after the cursor: nothing is applied again.
    const restarted = start();
    await restarted.catchUp();
    await restarted.stop();
    expect(await appliedSeqs()).toEqual([1, 2, 3]);
  });
});

describe('several replicas following one feed', () => {
  it('applies a page once: a replica skips its turn while another one applies', async () => {
    // Two processes of one service over one database.
    const second = await openDatabase(
      { schema: 'consumer', entities: [], migrations: [] },
      database.url,
      { discovery: { warnWhenNoEntities: false } },
    );
    let entered!: () => void;
    const firstApplyEntered = new Promise<void>((resolve) => (entered = resolve));
    let release!: () => void;
    const firstApplyReleased = new Promise<void>((resolve) => (release = resolve));
    let applies = 0;
    const replica = (replicaOrm: Orm, name: string) =>
      followChanges<{ seq: number }>(
        replicaOrm,
        createLogger('test', 'silent'),
        {
          name: 'replicas',
          url: feedUrl,
          consumer: 'test',
          internalAuthSecret: TEST_INTERNAL_AUTH_SECRET,
          apply: async (tx, changes) => {
            applies += 1;
            // The first page applied by either replica is held until the other has tried.
            if (applies === 1) {
              entered();
              await firstApplyReleased;
            }
            for (const change of changes)
              await executeIn(tx, 'insert into applied_by (seq, replica) values (?, ?)', [
                change.seq,
                name,
              ]);
          },
        },
        20,
      );
    const followers = [replica(orm, 'one'), replica(second, 'two')];
    try {
      await firstApplyEntered;
      // The other replica reads the same page several times while the first holds the cursor.
      const servedBefore = served;
      await eventually(async () => expect(served).toBeGreaterThanOrEqual(servedBefore + 3));
      expect(applies).toBe(1);
      release();
      await eventually(async () =>
        expect(
          await orm.em
            .getConnection()
            .execute(`select position from change_cursor where feed = 'replicas'`),
        ).toEqual([{ position: '3' }]),
      );
      // Both replicas keep following; neither applies the page again.
      const servedAfter = served;
      await eventually(async () => expect(served).toBeGreaterThanOrEqual(servedAfter + 4));
      const rows = await orm.em
        .getConnection()
        .execute<Array<{ seq: string }>>('select seq from applied_by order by seq');
      expect(rows.map((row) => Number(row.seq))).toEqual([1, 2, 3]);
    } finally {
      release();
      await Promise.all(followers.map((follower) => follower.stop()));
      await second.close(true);
    }
  });
});

describe('a feed that is unavailable for a while', () => {
  it('warns once, not at every turn, and says when it is back', async () => {
    const lines: Array<{ level: number; msg: string }> = [];
    const logger = pino(
      { level: 'info' },
      { write: (line: string) => lines.push(JSON.parse(line) as { level: number; msg: string }) },
    );
    let down = true;
    let asked = 0;
    const flaky = createServer((_req, res) => {
      asked += 1;
      if (down) return res.writeHead(503).end();
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"changes":[]}');
    });
    await new Promise<void>((resolve) => flaky.listen(0, '127.0.0.1', resolve));
    const follower = followChanges<{ seq: number }>(
      orm,
      logger,
      {
        name: 'flaky',
        url: `http://127.0.0.1:${(flaky.address() as AddressInfo).port}/internal/changes`,
        consumer: 'test',
        internalAuthSecret: TEST_INTERNAL_AUTH_SECRET,
        apply: async () => undefined,
      },
      20,
    );
    try {
      await eventually(async () => expect(asked).toBeGreaterThanOrEqual(10));
      down = false;
      await eventually(async () =>
        expect(lines.map((line) => line.msg)).toContain('change feed available again'),
      );
      // pino's levels: 40 warn, 30 info.
      expect(lines.filter((line) => line.level >= 40).map((line) => line.msg)).toEqual([
        'change feed unavailable; retrying',
      ]);
    } finally {
      await follower.stop();
      flaky.close();
    }
  });
});
