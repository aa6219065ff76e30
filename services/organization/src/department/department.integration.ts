import { startTestSubgraph, type TestSubgraph } from '@cppcc/toolkit/testing';
import { organizationSubgraph } from '../subgraph';

let graph: TestSubgraph;
beforeAll(async () => {
  graph = await startTestSubgraph(organizationSubgraph, 'department');
});
afterAll(() => graph?.stop());

const CREATE = `mutation($input: CreateDepartmentInput!) { createDepartment(input: $input) { id name level kind policyAreas division { name } } }`;

describe('a government department', () => {
  it('takes its level from its division: the city or a county-level unit', async () => {
    const city = await graph.query(CREATE, {
      input: {
        name: '连云港市农业农村局',
        shortName: '市农业农村局',
        divisionCode: '3207',
        kind: 'GOVERNMENT_DEPARTMENT',
        policyAreas: ['AGRICULTURE'],
      },
    });
    const county = await graph.query(CREATE, {
      input: {
        name: '灌南县住房和城乡建设局',
        shortName: '县住建局',
        divisionCode: '320724',
        kind: 'GOVERNMENT_DEPARTMENT',
        policyAreas: ['LAND_AND_HOUSING', 'INFRASTRUCTURE'],
      },
    });
    expect(city.createDepartment).toMatchObject({ level: 'CITY', division: { name: '连云港市' } });
    expect(county.createDepartment).toMatchObject({
      level: 'COUNTY',
      division: { name: '灌南县' },
    });
  });

  it('is refused on a township and with an empty short name', async () => {
    const valid: Record<string, unknown> = {
      name: '某局',
      shortName: '某局',
      divisionCode: '3207',
      kind: 'DIRECT_AGENCY',
      policyAreas: [],
    };
    for (const [change, field] of [
      [{ divisionCode: '320724100' }, 'input.divisionCode'],
      [{ shortName: ' ' }, 'input.shortName'],
    ] as const) {
      const response = await graph.send(CREATE, { input: { ...valid, ...change } });
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });

  it('is found by the policy area it works on', async () => {
    const data = await graph.query(
      `{ departments(policyArea: AGRICULTURE) { totalCount edges { node { name } } } }`,
    );
    expect(data.departments.edges.map((edge: any) => edge.node.name)).toEqual([
      '连云港市农业农村局',
    ]);
  });
});

describe('the committees', () => {
  it('are the city CPPCC, its 8 special committees and the CPPCC of each of the 7 county-level units', async () => {
    const data = await graph.query(
      `{ committees { kind name policyAreas division { code } parent { name } } }`,
    );
    const cppcc = data.committees.filter((c: any) => c.kind === 'CPPCC');
    const special = data.committees.filter((c: any) => c.kind === 'SPECIAL');
    expect(cppcc).toHaveLength(8);
    expect(cppcc.map((c: any) => c.name)).toContain('政协连云港市委员会');
    expect(cppcc.map((c: any) => c.name)).toContain('政协连云港市赣榆区委员会');
    expect(special).toHaveLength(8);
    expect(
      special.every(
        (c: any) => c.parent.name === '政协连云港市委员会' && c.division.code === '3207',
      ),
    ).toBe(true);
    expect(special.find((c: any) => c.name === '农业农村委员会').policyAreas).toEqual([
      'AGRICULTURE',
    ]);
  });

  it('seat members for a term, and refuse a seat on a committee that does not exist', async () => {
    const { committees } = await graph.query(`{ committees(kind: CPPCC) { id name } }`);
    const haizhou = committees.find((c: any) => c.name === '政协连云港市海州区委员会');
    const created = await graph.query(
      `mutation($input: CreateMemberInput!) { createMember(input: $input) { id committees { termStart termEnd committee { name } } } }`,
      {
        input: {
          name: '周文华',
          gender: 'FEMALE',
          divisionCode: '320706001',
          committees: [{ committeeId: haizhou.id, termStart: '2022-01-01' }],
        },
      },
    );
    expect(created.createMember.committees).toEqual([
      { termStart: '2022-01-01', termEnd: null, committee: { name: '政协连云港市海州区委员会' } },
    ]);
    const members = await graph.query(
      `query($id: ID!) { committee(id: $id) { members { totalCount edges { node { id } } } } }`,
      { id: haizhou.id },
    );
    expect(members.committee.members.edges.map((edge: any) => edge.node.id)).toEqual([
      created.createMember.id,
    ]);

    const refused = await graph.send(
      `mutation($input: CreateMemberInput!) { createMember(input: $input) { id } }`,
      {
        input: {
          name: '钱伟',
          gender: 'MALE',
          divisionCode: '320706',
          committees: [
            { committeeId: '00000000-0000-4000-8000-000000000000', termStart: '2022-01-01' },
          ],
        },
      },
    );
    expect(refused.errors?.[0]).toMatchObject({
      message: 'There is no such committee.',
      extensions: { code: 'BAD_USER_INPUT', field: 'input.committees.0.committeeId' },
    });
  });
});
