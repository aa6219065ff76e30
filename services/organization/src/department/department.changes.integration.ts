import { startTestSubgraph, type TestSubgraph } from '@cppcc/toolkit/testing';
import { organizationSubgraph } from '../subgraph';
import { readFeed } from '../testing/change-feed';

let graph: TestSubgraph;
beforeAll(async () => {
  graph = await startTestSubgraph(organizationSubgraph, 'department_changes');
});
afterAll(() => graph?.stop());

const feed = (query: string, subject?: string) =>
  readFeed(graph, `/internal/department-changes?${query}`, subject);

const CREATE = `mutation($input: CreateDepartmentInput!) { createDepartment(input: $input) { id version } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateDepartmentInput!) { updateDepartment(id: $id, input: $input) { id } }`;

describe('the department change feed (a transactional outbox)', () => {
  it('records every create, rename and change of policy areas of a department, in order', async () => {
    const start = (await feed('after=0&limit=1000')).body.changes.at(-1)?.seq ?? 0;
    const city = (
      await graph.query(CREATE, {
        input: {
          name: '连云港市水利局',
          shortName: '市水利局',
          divisionCode: '3207',
          kind: 'GOVERNMENT_DEPARTMENT',
        },
      })
    ).createDepartment;
    const county = (
      await graph.query(CREATE, {
        input: {
          name: '灌南县信访局',
          shortName: '县信访局',
          divisionCode: '320724',
          kind: 'DIRECT_AGENCY',
        },
      })
    ).createDepartment;
    await graph.query(UPDATE, { id: city.id, input: { name: '连云港市水务局' } });
    // Policy areas travel too: the petitions service knows the petitions bureaus by them.
    await graph.query(UPDATE, { id: county.id, input: { policyAreas: ['PETITIONS'] } });

    const { status, body } = await feed(`after=${start}`);
    expect(status).toBe(200);
    expect(body.changes.map(({ seq: _seq, ...change }) => change)).toEqual([
      {
        departmentId: city.id,
        name: '连云港市水利局',
        shortName: '市水利局',
        level: 'CITY',
        kind: 'GOVERNMENT_DEPARTMENT',
        divisionCode: '3207',
        departmentVersion: 1,
        policyAreas: [],
      },
      {
        departmentId: county.id,
        name: '灌南县信访局',
        shortName: '县信访局',
        level: 'COUNTY',
        kind: 'DIRECT_AGENCY',
        divisionCode: '320724',
        departmentVersion: 1,
        policyAreas: [],
      },
      {
        departmentId: city.id,
        name: '连云港市水务局',
        shortName: '市水利局',
        level: 'CITY',
        kind: 'GOVERNMENT_DEPARTMENT',
        divisionCode: '3207',
        departmentVersion: 2,
        policyAreas: [],
      },
      {
        departmentId: county.id,
        name: '灌南县信访局',
        shortName: '县信访局',
        level: 'COUNTY',
        kind: 'DIRECT_AGENCY',
        divisionCode: '320724',
        departmentVersion: 2,
        policyAreas: ['PETITIONS'],
      },
    ]);
    const seqs = body.changes.map((change) => change.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));

    // Paging: a page of one, then the rest after it, is the same list.
    const first = (await feed(`after=${start}&limit=1`)).body.changes;
    const rest = (await feed(`after=${first[0].seq}&limit=3`)).body.changes;
    expect([...first, ...rest]).toEqual(body.changes);
  });

  it('records nothing for a write that fails', async () => {
    const before = (await feed('after=0&limit=1000')).body.changes.length;
    const refused = await graph.send(CREATE, {
      input: { name: '某镇办', shortName: '镇办', divisionCode: '320706001', kind: 'PUBLIC_BODY' },
    });
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await feed('after=0&limit=1000')).body.changes.length).toBe(before);
  });

  it('refuses a cursor or a page size that is not a whole number', async () => {
    expect((await feed('after=-1')).status).toBe(400);
    expect((await feed('after=0&limit=x')).status).toBe(400);
  });

  it('is for other services only', async () => {
    expect((await feed('after=0', 'test:city-staff')).status).toBe(401);
    const anonymous = await fetch(new URL('/internal/department-changes', graph.url));
    expect(anonymous.status).toBe(401);
  });
});
