import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import {
  findConnection,
  NotFoundError,
  requireText,
  toPage,
  type Caller,
  likeEscape,
  checkVersion,
  createOnce,
  inTransaction,
  idempotencyOf,
} from '@cppcc/toolkit';
import { DivisionLevel } from '../division/division.kind';
import { requireDivision } from '../division/division.service';
import { Department, DepartmentLevel } from './department.entity';
import type {
  CreateDepartmentInput,
  DepartmentsArgs,
  UpdateDepartmentInput,
} from './department.inputs';

export async function listDepartments(em: EntityManager, args: DepartmentsArgs) {
  const page = toPage(args);
  const where: FilterQuery<Department> & Record<string, unknown> = {};
  if (args.level) where.level = args.level;
  if (args.divisionCode) where.divisionCode = args.divisionCode;
  if (args.policyArea) where.policyAreas = { $contains: [args.policyArea] };
  if (args.nameContains) where.name = { $like: `%${likeEscape(args.nameContains)}%` };
  return findConnection(
    em,
    Department,
    where,
    { divisionCode: 'asc', name: 'asc', id: 'asc' },
    page,
  );
}

export async function createDepartment(
  em: EntityManager,
  caller: Caller,
  input: CreateDepartmentInput,
) {
  const name = requireText(input.name, 'input.name', 100);
  const shortName = requireText(input.shortName, 'input.shortName', 50);
  const division = await requireDivision(em, caller, input.divisionCode, 'input.divisionCode', [
    DivisionLevel.CITY,
    DivisionLevel.COUNTY,
  ]);
  const idempotency = idempotencyOf(caller, input);
  return createOnce(em, Department, idempotency, async (tx, columns) => {
    const department = tx.create(Department, {
      name,
      shortName,
      divisionCode: division.code,
      level: division.level === DivisionLevel.CITY ? DepartmentLevel.CITY : DepartmentLevel.COUNTY,
      kind: input.kind,
      policyAreas: [...new Set(input.policyAreas)],
      ...columns,
    });
    await tx.flush();
    return department;
  });
}

export async function updateDepartment(
  em: EntityManager,
  id: string,
  input: UpdateDepartmentInput,
) {
  return inTransaction(em, 'Department', async (tx) => {
    const department = await tx.findOne(Department, { id });
    if (!department) throw new NotFoundError('Department', { field: 'input.id' });
    checkVersion('Department', department, input.expectedVersion);
    if (input.name != null) department.name = requireText(input.name, 'input.name', 100);
    if (input.shortName != null)
      department.shortName = requireText(input.shortName, 'input.shortName', 50);
    if (input.kind != null) department.kind = input.kind;
    if (input.policyAreas != null) department.policyAreas = [...new Set(input.policyAreas)];
    await tx.flush();
    return department;
  });
}
