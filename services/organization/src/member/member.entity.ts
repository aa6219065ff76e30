import { Entity, Filter, Property } from '@mikro-orm/postgresql';
import { Directive, Field, ObjectType, registerEnumType } from 'type-graphql';
import { EditableRecord } from '../shared/base.entity';
import { JURISDICTION_FILTER } from '@cppcc/toolkit';

export enum Gender {
  FEMALE = 'FEMALE',
  MALE = 'MALE',
}
registerEnumType(Gender, { name: 'Gender' });

/** A CPPCC member (委员) of the city committee or of a county-level committee. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A CPPCC member (委员).' })
@Filter(JURISDICTION_FILTER)
@Entity({ tableName: 'member' })
export class Member extends EditableRecord {
  @Field()
  @Property({ type: 'text' })
  name: string;

  @Field(() => Gender)
  @Property({ type: 'text' })
  gender: Gender;

  @Field(() => String, {
    nullable: true,
    description: 'The sector (界别) the member sits for, e.g. 农业界.',
  })
  @Property({ type: 'text', nullable: true })
  sector: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Party affiliation (政治面貌), e.g. 中共党员, 民盟盟员, 无党派.',
  })
  @Property({ type: 'text', nullable: true })
  party: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'What the member knows well, e.g. 农业技术, 法律.',
  })
  @Property({ type: 'text', nullable: true })
  expertise: string | null;

  /** The division the member lives in; their jurisdiction. */
  @Property({ type: 'string', length: 12 })
  divisionCode: string;

  /** Personal data: masked unless the caller's role needs it. */
  @Property({ type: 'text', nullable: true })
  phone: string | null;
}
