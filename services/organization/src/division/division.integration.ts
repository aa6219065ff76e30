import { countQueries, startTestSubgraph, type TestSubgraph } from '@cppcc/toolkit/testing';
import { organizationSubgraph } from '../subgraph';

let graph: TestSubgraph;
beforeAll(async () => {
  graph = await startTestSubgraph(organizationSubgraph, 'division');
});
afterAll(() => graph?.stop());

describe('the real hierarchy of 连云港市', () => {
  it('has the city, 7 county-level units, 109 township-level and 1,782 village-level units', async () => {
    const data = await graph.query(`{
      city: divisions(level: CITY) { totalCount edges { node { code name } } }
      counties: divisions(level: COUNTY) { totalCount }
      townships: divisions(level: TOWNSHIP) { totalCount }
      villages: divisions(level: VILLAGE) { totalCount }
    }`);
    expect(data.city.edges.map((edge: any) => edge.node)).toEqual([
      { code: '3207', name: '连云港市' },
    ]);
    expect([data.counties.totalCount, data.townships.totalCount, data.villages.totalCount]).toEqual(
      [7, 109, 1782],
    );
  });

  it('lists the 7 county-level units under the city, with their kinds', async () => {
    const data = await graph.query(
      `{ divisions(parentCode: "3207") { totalCount edges { node { code name kind } } } }`,
    );
    expect(data.divisions.totalCount).toBe(7);
    const byCode = Object.fromEntries(
      data.divisions.edges.map(({ node }: any) => [node.code, node]),
    );
    expect(byCode['320706']).toEqual({ code: '320706', name: '海州区', kind: 'DISTRICT' });
    expect(byCode['320722'].kind).toBe('COUNTY');
    expect(byCode['320771']).toMatchObject({
      name: '连云港经济技术开发区',
      kind: 'DEVELOPMENT_ZONE',
    });
  });

  it('answers 海州区 with its 25 township-level children and its 251 villages and communities', async () => {
    const data = await graph.query(`{
      division(code: "320706") { name level parent { code } children(first: 100) { totalCount edges { node { code level } } } }
      villages: divisions(codePrefix: "320706", level: VILLAGE) { totalCount }
    }`);
    expect(data.division.name).toBe('海州区');
    expect(data.division.level).toBe('COUNTY');
    expect(data.division.parent.code).toBe('3207');
    expect(data.division.children.totalCount).toBe(25);
    expect(data.division.children.edges).toHaveLength(25);
    expect(
      data.division.children.edges.every(
        ({ node }: any) => node.code.startsWith('320706') && node.level === 'TOWNSHIP',
      ),
    ).toBe(true);
    expect(data.villages.totalCount).toBe(251);
  });

  it('gives a village its ancestors from the city down', async () => {
    const first = await graph.query(
      `{ divisions(codePrefix: "320706", level: VILLAGE, first: 1) { edges { node { code ancestors { code level } } } } }`,
    );
    const village = first.divisions.edges[0].node;
    expect(village.ancestors.map((a: any) => a.level)).toEqual(['CITY', 'COUNTY', 'TOWNSHIP']);
    expect(village.ancestors.map((a: any) => a.code)).toEqual([
      village.code.slice(0, 4),
      village.code.slice(0, 6),
      village.code.slice(0, 9),
    ]);
  });

  it('pages through children with cursors and refuses a page size over 100', async () => {
    const page1 = await graph.query(
      `{ division(code: "320706") { children(first: 10) { pageInfo { hasNextPage endCursor } edges { node { code } } } } }`,
    );
    const { endCursor } = page1.division.children.pageInfo;
    const page2 = await graph.query(
      `query($after: String) { division(code: "320706") { children(first: 10, after: $after) { edges { node { code } } } } }`,
      { after: endCursor },
    );
    const codes1 = page1.division.children.edges.map((edge: any) => edge.node.code);
    const codes2 = page2.division.children.edges.map((edge: any) => edge.node.code);
    expect(codes1).toHaveLength(10);
    expect(codes2).toHaveLength(10);
    expect(codes2[0] > codes1[9]).toBe(true);

    const tooMany = await graph.send(`{ divisions(first: 101) { totalCount } }`);
    expect(tooMany.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'first',
    });
  });

  it('resolves the children of every county in a fixed number of SQL statements', async () => {
    const counter = countQueries(graph.orm);
    const run = async (first: number) => {
      counter.reset();
      const data = await graph.query(
        `query($first: Int) {
        division(code: "3207") { children(first: $first) { edges { node { name parent { name } children(first: 5) { totalCount edges { node { name ancestors { code } } } } } } } }
      }`,
        { first },
      );
      return { count: counter.count, counties: data.division.children.edges.length };
    };
    const small = await run(2);
    const all = await run(7);
    counter.stop();
    expect(small.counties).toBe(2);
    expect(all.counties).toBe(7);
    expect(all.count).toBe(small.count);
    expect(all.count).toBeLessThanOrEqual(8);
  });
});
