import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { PageArgs, CreateInput, ChangeInput } from '@cppcc/toolkit';
import { PolicyArea } from '../shared/policy-area';
import { DepartmentKind, DepartmentLevel } from './department.entity';

@ArgsType()
export class DepartmentsArgs extends PageArgs {
  @Field(() => DepartmentLevel, { nullable: true, description: 'City or county departments only.' })
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

@InputType({ description: 'A new department (承办单位).' })
export class CreateDepartmentInput extends CreateInput {
  @Field({ description: 'The full name, e.g. 连云港市农业农村局.' })
  name: string;

  @Field({ description: 'The short name, e.g. 市农业农村局.' })
  shortName: string;

  @Field({
    description:
      'The city (4 digits) or county-level unit (6 digits) whose government it belongs to.',
  })
  divisionCode: string;

  @Field(() => DepartmentKind, { description: 'What kind of body it is.' })
  kind: DepartmentKind;

  @Field(() => [PolicyArea], {
    defaultValue: [],
    description: 'The policy areas it works on; none unless given.',
  })
  policyAreas: PolicyArea[];
}

@InputType({ description: 'Changes to a department; fields left out keep their value.' })
export class UpdateDepartmentInput extends ChangeInput {
  @Field(() => ID, {
    nullable: true,
    description:
      'The department to change. Required, unless given as the deprecated `id` argument beside `input`.',
  })
  id?: string | null;

  @Field(() => String, { nullable: true, description: 'The new full name.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'The new short name.' })
  shortName?: string | null;

  @Field(() => DepartmentKind, { nullable: true, description: 'The new kind.' })
  kind?: DepartmentKind | null;

  @Field(() => [PolicyArea], {
    nullable: true,
    description: 'The policy areas, replacing the current list.',
  })
  policyAreas?: PolicyArea[] | null;
}
