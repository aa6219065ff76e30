import { FieldsOn, describedEnum, type EnumValue } from '@cppcc/toolkit';
import { Entity, PrimaryKey, Property } from '@mikro-orm/postgresql';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { PolicyArea } from '../shared/policy-area';

export const CommitteeKind = describedEnum(
  'CommitteeKind',
  'A CPPCC committee, or a special committee of the city CPPCC.',
  {
    CPPCC: '政协委员会: the CPPCC committee of the city or of a county-level unit.',
    SPECIAL:
      '专门委员会: a special committee of the city CPPCC (e.g. 提案委, 农业农村委); it coordinates matters that involve city departments or cross county lines.',
  },
);
export type CommitteeKind = EnumValue<typeof CommitteeKind>;

/**
 * A CPPCC committee (政协) of the city or of a county-level unit, or one of the city CPPCC's
 * special committees (专门委员会), which coordinate city departments when a matter involves them
 * or crosses county lines.
 */
@Directive('@key(fields: "id")')
@FieldsOn(['department', 'public'], ['id', 'kind', 'name', 'policyAreas', 'division', 'parent'])
@ObjectType({
  description: 'A CPPCC committee (政协) or a special committee (专门委员会) of the city CPPCC.',
})
@Entity({ tableName: 'committee' })
export class Committee {
  @Field(() => ID, { description: 'The UUID of the committee.' })
  @PrimaryKey({ type: 'uuid' })
  id: string;

  @Field(() => CommitteeKind, { description: 'CPPCC (政协) or SPECIAL (专门委员会).' })
  @Property({ type: 'text' })
  kind: CommitteeKind;

  @Field({ description: 'The full name, e.g. 政协连云港市委员会 or 农业农村委员会.' })
  @Property({ type: 'text' })
  name: string;

  @Property({ type: 'string', length: 12 })
  divisionCode: string;

  @Property({ type: 'uuid', nullable: true })
  parentId: string | null;

  @Field(() => [PolicyArea], {
    description: 'For a special committee: the policy areas it coordinates.',
  })
  @Property({ type: 'text[]' })
  policyAreas: PolicyArea[];
}
