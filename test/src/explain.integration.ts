import 'reflect-metadata';
import { MAIN_QUERIES, explainMainQueries, loadDemoIfEmpty, migrateAll } from '@cppcc/scripts';
import { createLogger } from '@cppcc/toolkit';
import { createTestDatabase, type TestDatabase } from '@cppcc/toolkit/testing';

// `npm run explain` is the plan check on the city preset; this keeps its query list working.
const TODAY = '2026-11-27';
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase('explain');
  const logger = createLogger('explain-test', 'silent');
  await migrateAll(database.url, logger);
  await loadDemoIfEmpty(
    database.url,
    { seed: 7, preset: 'small', scale: 0.1, today: TODAY },
    logger,
  );
}, 120_000);
afterAll(async () => {
  await database?.drop();
});

describe('the main queries npm run explain checks', () => {
  it('each run on the small preset and name the tables they read', async () => {
    const { results, params } = await explainMainQueries(database.url, {
      today: TODAY,
      largeTable: Number.MAX_SAFE_INTEGER,
    });
    expect(results.map((result) => result.name)).toEqual(MAIN_QUERIES.map((query) => query.name));
    for (const result of results) expect(result.scans.length).toBeGreaterThan(0);
    expect(new Set(results.map((result) => result.schema))).toEqual(
      new Set(['organization', 'deliberation', 'channels']),
    );
    expect(params.countyCodes.length).toBe(7);
  });

  it('reports a large table read sequentially', async () => {
    const { results } = await explainMainQueries(database.url, {
      today: TODAY,
      largeTable: 0,
      queries: MAIN_QUERIES.filter((query) => query.name.startsWith('homes of a county')),
    });
    // 72 homes: PostgreSQL reads them all, which a threshold of 0 calls a sequential scan.
    expect(results[0].seqScans.map((scan) => scan.table)).toEqual(['home']);
  });
});
