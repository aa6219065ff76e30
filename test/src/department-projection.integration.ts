import { eventually } from '@cppcc/toolkit/testing';
import { restartDeliberation } from './support/restart';
import { data, startStack, tokenFor, type Stack } from './support/stack';

/**
 * Deliberation knows departments from the organization's change feed, without calling it on a
 * request: a renamed or moved department reaches its projection, and a restart loses nothing.
 */
let stack: Stack;
let city: string;
beforeAll(async () => {
  stack = await startStack('department_projection');
  city = await tokenFor({ level: 'CITY', division: '3207', roles: ['STAFF'] });
});
afterAll(() => stack?.stop());

const projection = async (departmentId: string) =>
  (
    await stack.subgraphs.deliberation.orm.em
      .getConnection()
      .execute<Array<{ name: string; level: string; division_code: string; kind: string }>>(
        'select name, level, division_code, kind from department_projection where id = ?',
        [departmentId],
      )
  )[0];

const createDepartment = async (name: string, divisionCode: string) =>
  (
    await data(
      stack,
      'city',
      city,
      `mutation($input: CreateDepartmentInput!) { createDepartment(input: $input) { id } }`,
      {
        input: { name, shortName: name.slice(-4), divisionCode, kind: 'GOVERNMENT_DEPARTMENT' },
      },
    )
  ).createDepartment as { id: string };

const renameDepartment = (id: string, name: string) =>
  data(
    stack,
    'city',
    city,
    `mutation($id: ID!, $name: String!) { updateDepartment(id: $id, input: { name: $name }) { id } }`,
    { id, name },
  );

it('follows a department from its creation through a rename and a move to the city', async () => {
  const department = await createDepartment('海州区住房和城乡建设局', '320706');
  await eventually(async () =>
    expect(await projection(department.id)).toEqual({
      name: '海州区住房和城乡建设局',
      level: 'COUNTY',
      division_code: '320706',
      kind: 'GOVERNMENT_DEPARTMENT',
    }),
  );

  await renameDepartment(department.id, '海州区住房和城乡建设局（更名）');
  await eventually(async () =>
    expect((await projection(department.id)).name).toBe('海州区住房和城乡建设局（更名）'),
  );

  // No mutation moves a department between governments; a restructuring done in the database
  // still passes through the outbox's trigger.
  await stack.subgraphs.organization.orm.em
    .getConnection()
    .execute(`update department set division_code = '3207', level = 'CITY' where id = ?`, [
      department.id,
    ]);
  await eventually(async () =>
    expect(await projection(department.id)).toMatchObject({
      level: 'CITY',
      division_code: '3207',
    }),
  );
});

it('loses no change whose transaction commits after a later recorded one', async () => {
  const [x, y] = [
    await createDepartment('海州区民政局', '320706'),
    await createDepartment('灌南县民政局', '320724'),
  ];
  await eventually(async () => {
    expect(await projection(x.id)).toBeDefined();
    expect(await projection(y.id)).toBeDefined();
  });

  const knex = stack.subgraphs.organization.orm.em.getConnection().getKnex();
  const a = await knex.transaction();
  await a.raw('update department set name = ? where id = ?', ['海州区民政局（更名）', x.id]);
  const b = await knex.transaction();
  await b.raw('update department set name = ? where id = ?', ['灌南县民政局（更名）', y.id]);
  await b.commit();
  // The follower has read past B's change while A's, recorded before it, is not committed.
  await eventually(async () => expect((await projection(y.id)).name).toBe('灌南县民政局（更名）'));
  await a.commit();

  await eventually(async () => expect((await projection(x.id)).name).toBe('海州区民政局（更名）'));
});

it('catches up after a restart with every change made while it was down', async () => {
  const department = await createDepartment('连云港市数据局', '3207');
  await eventually(async () => expect(await projection(department.id)).toBeDefined());
  await stack.subgraphs.deliberation.stop();

  await renameDepartment(department.id, '连云港市大数据管理局');
  const created = await createDepartment('灌南县水利局', '320724');

  await restartDeliberation(stack);
  await eventually(async () => {
    expect((await projection(department.id))?.name).toBe('连云港市大数据管理局');
    expect(await projection(created.id)).toMatchObject({
      level: 'COUNTY',
      division_code: '320724',
    });
  });
});
