import { startTestSubgraph, type TestSubgraph } from '@cppcc/toolkit/testing';
import { organizationSubgraph } from '../subgraph';
import { readFeed } from '../testing/change-feed';

let graph: TestSubgraph;
beforeAll(async () => {
  graph = await startTestSubgraph(organizationSubgraph, 'division_changes');
});
afterAll(() => graph?.stop());

const feed = (query: string, subject?: string) =>
  readFeed(graph, `/internal/division-changes?${query}`, subject ?? 'service:petitions');
const sql = (query: string, values: unknown[] = []) =>
  graph.orm.em.getConnection().execute(query, values);

/** Every change the feed serves, page after page. */
async function everything() {
  const changes: Array<Record<string, any>> = [];
  for (;;) {
    const page = (await feed(`after=${changes.at(-1)?.seq ?? 0}&limit=1000`)).body.changes;
    if (!page.length) return changes;
    changes.push(...page);
  }
}

describe('the division change feed (a transactional outbox)', () => {
  it('serves every division of the reference data once, parents before children', async () => {
    const changes = await everything();
    const [{ n }] = await sql('select count(*)::int as n from division');
    expect(changes.length).toBe(n);
    expect(changes[0]).toMatchObject({ code: '3207', level: 'CITY', parentCode: null });
    const seen = new Set<string>();
    for (const change of changes) {
      if (change.parentCode)
        expect([change.code, seen.has(change.parentCode)]).toEqual([change.code, true]);
      seen.add(change.code);
    }
    expect(changes.find((change) => change.code === '320706001001')).toMatchObject({
      level: 'VILLAGE',
      parentCode: '320706001',
      removed: false,
    });
  });

  it('records a division added, moved or removed by decree, in order', async () => {
    const start = (await everything()).at(-1)!.seq;
    await sql(
      `insert into division (code, name, level, kind, parent_code)
       values ('320706001901', '新设社区', 'VILLAGE', 'RESIDENTS_COMMITTEE', '320706001')`,
    );
    await sql(`update division set parent_code = '320706006' where code = '320706001901'`);
    // A rename is no change of what the feed carries.
    await sql(`update division set name = '新设社区（更名）' where code = '320706001901'`);
    await sql(`delete from division where code = '320706001901'`);
    const { status, body } = await feed(`after=${start}`);
    expect(status).toBe(200);
    expect(body.changes.map(({ seq: _seq, ...change }) => change)).toEqual([
      { code: '320706001901', level: 'VILLAGE', parentCode: '320706001', removed: false },
      { code: '320706001901', level: 'VILLAGE', parentCode: '320706006', removed: false },
      { code: '320706001901', level: 'VILLAGE', parentCode: '320706006', removed: true },
    ]);
  });

  it('is for other services only', async () => {
    expect((await feed('after=0', 'test:city-staff')).status).toBe(401);
    const anonymous = await fetch(new URL('/internal/division-changes', graph.url));
    expect(anonymous.status).toBe(401);
  });
});
