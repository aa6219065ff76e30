import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  OnSurfaces,
  Connection,
  inputOrDeprecatedArgs,
  deprecatedArg,
  SURFACES,
  RecordQuery,
} from '@cppcc/toolkit';
import type { Context } from '../context';
import { Division } from '../division/division.entity';
import { Department } from './department.entity';
import { CreateDepartmentInput, DepartmentsArgs, UpdateDepartmentInput } from './department.inputs';
import { createDepartment, listDepartments, updateDepartment } from './department.service';

const DepartmentConnection = Connection(Department);

@Resolver(() => Department)
export class DepartmentResolver extends RecordQuery(Department, {
  name: 'department',
  what: 'a department',
  surfaces: SURFACES,
  whenNull: 'absent or not visible to you',
  load: ({ loaders }: Context, id) => loaders.department.byId.load(id),
}) {
  @OnSurfaces(...SURFACES)
  @Query(() => DepartmentConnection, { description: 'City and county departments, filtered.' })
  departments(@Args(() => DepartmentsArgs) args: DepartmentsArgs, @Ctx() { em }: Context) {
    return listDepartments(em, args);
  }

  @FieldResolver(() => Division, {
    description: 'The city or county-level unit whose government it belongs to.',
  })
  division(@Root() department: Department, @Ctx() { loaders }: Context) {
    return loaders.division.byCode.load(department.divisionCode);
  }

  @OnSurfaces('city')
  @Mutation(() => Department, {
    description:
      'Adds a city or county department. Retrying with the same `idempotencyKey` and input is safe.',
  })
  createDepartment(
    @Arg('input', () => CreateDepartmentInput, { description: 'The new department.' })
    input: CreateDepartmentInput,
    @Ctx() { em, caller }: Context,
  ) {
    return createDepartment(em, caller, input);
  }

  @OnSurfaces('city')
  @Mutation(() => Department, {
    description:
      'Changes a department. NOT_FOUND when absent; CONFLICT on a stale `expectedVersion`.',
  })
  updateDepartment(
    @Arg('input', () => UpdateDepartmentInput, {
      description: 'The department (`id`) and its changes.',
    })
    input: UpdateDepartmentInput,
    @Arg('id', () => ID, deprecatedArg('updateDepartment', 'id'))
    id: string | null,
    @Ctx() { em }: Context,
  ) {
    const { id: departmentId } = inputOrDeprecatedArgs(input, { id }, ['id']);
    return updateDepartment(em, departmentId!, input);
  }
}

export const departmentReference = {
  Department: {
    __resolveReference: (reference: { id: string }, { loaders }: Context) =>
      loaders.department.byId.load(reference.id),
  },
};
