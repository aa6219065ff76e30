import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { OnSurfaces, Connection } from '@cppcc/toolkit';
import type { Context } from '../context';
import { Division } from '../division/division.entity';
import { Department } from './department.entity';
import { CreateDepartmentInput, DepartmentsArgs, UpdateDepartmentInput } from './department.inputs';
import { createDepartment, listDepartments, updateDepartment } from './department.service';

const DepartmentConnection = Connection(Department);

@Resolver(() => Department)
export class DepartmentResolver {
  @Query(() => Department, { nullable: true })
  department(@Arg('id', () => ID) id: string, @Ctx() { loaders }: Context) {
    return loaders.department.byId.load(id);
  }

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
  @Mutation(() => Department)
  createDepartment(
    @Arg('input', () => CreateDepartmentInput) input: CreateDepartmentInput,
    @Ctx() { em, caller }: Context,
  ) {
    return createDepartment(em, caller, input);
  }

  @OnSurfaces('city')
  @Mutation(() => Department)
  updateDepartment(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateDepartmentInput) input: UpdateDepartmentInput,
    @Ctx() { em }: Context,
  ) {
    return updateDepartment(em, id, input);
  }
}

export const departmentReference = {
  Department: {
    __resolveReference: (reference: { id: string }, { loaders }: Context) =>
      loaders.department.byId.load(reference.id),
  },
};
