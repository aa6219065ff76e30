import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { PageArgs } from '@cppcc/toolkit';
import { PolicyArea } from '../shared/policy-area';
import { DepartmentKind, DepartmentLevel } from './department.entity';

@ArgsType()
export class DepartmentsArgs extends PageArgs {
  @Field(() => DepartmentLevel, { nullable: true })
  level?: DepartmentLevel | null;

  @Field(() => String, {
    nullable: true,
    description: 'Departments of this city or county-level government.',
  })
  divisionCode?: string | null;

  @Field(() => PolicyArea, {
    nullable: true,
    description: 'Departments working on this policy area.',
  })
  policyArea?: PolicyArea | null;

  @Field(() => String, {
    nullable: true,
    description: 'Departments whose name contains this text.',
  })
  nameContains?: string | null;
}

@InputType()
export class CreateDepartmentInput {
  @Field({ description: 'The full name, e.g. 连云港市农业农村局.' })
  name: string;

  @Field({ description: 'The short name, e.g. 市农业农村局.' })
  shortName: string;

  @Field({
    description:
      'The city (4 digits) or county-level unit (6 digits) whose government it belongs to.',
  })
  divisionCode: string;

  @Field(() => DepartmentKind)
  kind: DepartmentKind;

  @Field(() => [PolicyArea], { defaultValue: [] })
  policyAreas: PolicyArea[];

  @Field(() => String, {
    nullable: true,
    description: 'The same key twice gives the same department, created once.',
  })
  idempotencyKey?: string | null;
}

@InputType()
export class UpdateDepartmentInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  shortName?: string | null;

  @Field(() => DepartmentKind, { nullable: true })
  kind?: DepartmentKind | null;

  @Field(() => [PolicyArea], { nullable: true })
  policyAreas?: PolicyArea[] | null;

  @Field(() => Int, { nullable: true })
  expectedVersion?: number | null;
}
