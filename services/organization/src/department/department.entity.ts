import { Entity, Property } from '@mikro-orm/postgresql';
import { CacheFor, FieldsOn, describedEnum, type EnumValue } from '@cppcc/toolkit';
import { Directive, Field, ObjectType } from 'type-graphql';
import { EditableRecord, EDITABLE_RECORD_FIELDS } from '../shared/base.entity';
import { PolicyArea } from '../shared/policy-area';

export const DepartmentLevel = describedEnum(
  'DepartmentLevel',
  'Which government a department belongs to.',
  {
    CITY: 'A department of the city government (市有关部门).',
    COUNTY: 'A department of a county or district government (县区部门).',
  },
);
export type DepartmentLevel = EnumValue<typeof DepartmentLevel>;

export const DepartmentKind = describedEnum(
  'DepartmentKind',
  'What kind of body a department is.',
  {
    GOVERNMENT_DEPARTMENT: '政府组成部门, e.g. 住房和城乡建设局.',
    DIRECT_AGENCY: '政府直属机构, e.g. 信访局.',
    PUBLIC_BODY: '事业单位 or 国有企业 that handles proposals, e.g. 供电公司.',
  },
);
export type DepartmentKind = EnumValue<typeof DepartmentKind>;

/** A government department (市有关部门 / 承办单位): joins consultations, handles proposals. */
@Directive('@key(fields: "id")')
// Reports name departments as a dimension; their names may be kept as long as the figures.
@CacheFor()
@FieldsOn(
  ['department', 'public'],
  [...EDITABLE_RECORD_FIELDS, 'name', 'shortName', 'level', 'kind', 'policyAreas', 'division'],
)
@ObjectType({
  description:
    'A government department (市有关部门, as a handler of proposals 承办单位): joins consultations, handles proposals and reports.',
})
@Entity({ tableName: 'department' })
export class Department extends EditableRecord {
  @Field({ description: 'e.g. 连云港市农业农村局' })
  @Property({ type: 'text' })
  name: string;

  @Field({ description: 'A short name, e.g. 市农业农村局.' })
  @Property({ type: 'text' })
  shortName: string;

  @Field(() => DepartmentLevel, { description: 'CITY or COUNTY government.' })
  @Property({ type: 'text' })
  level: DepartmentLevel;

  /** The city or county-level division whose government the department belongs to. */
  @Property({ type: 'string', length: 12 })
  divisionCode: string;

  @Field(() => DepartmentKind, {
    description: 'A government department, a directly affiliated agency or a public body.',
  })
  @Property({ type: 'text' })
  kind: DepartmentKind;

  @Field(() => [PolicyArea], { description: 'The policy areas the department works on.' })
  @Property({ type: 'text[]' })
  policyAreas: PolicyArea[];
}
