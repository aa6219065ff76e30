import {
  DateScalar,
  jurisdictionFilter,
  type RecordPolicy,
  FieldsOn,
  describedEnum,
  type EnumValue,
} from '@cppcc/toolkit';
import { Entity, Filter, Property } from '@mikro-orm/postgresql';
import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { EditableRecord, EDITABLE_RECORD_FIELDS } from '../shared/base.entity';

export const HomeKind = describedEnum(
  'HomeKind',
  'Which of the two kinds of 协商民主之家 a home is.',
  {
    VILLAGER: '政协村民协商民主之家: a villagers’ home, in a township or village.',
    CITIZEN: '政协市民协商民主之家: a citizens’ home, in a street or community.',
  },
);
export type HomeKind = EnumValue<typeof HomeKind>;

export const HomeStatus = describedEnum('HomeStatus', 'Whether a home is running.', {
  PILOT: 'One of the first homes a committee picked to try the model (试点).',
  ACTIVE: 'Running: holds consultation activities.',
  SUSPENDED: 'Not holding activities for now; kept with its history.',
});
export type HomeStatus = EnumValue<typeof HomeStatus>;

/** Which homes a caller may see (RecordPolicy). */
export const HOME_POLICY: RecordPolicy = { public: true, homeProperty: 'id', homeColumn: 'id' };

/** A consultation home (协商民主之家) in a township, village, street or community. */
@Directive('@key(fields: "id")')
@FieldsOn(
  ['department', 'public'],
  [
    ...EDITABLE_RECORD_FIELDS,
    'name',
    'kind',
    'status',
    'establishedOn',
    'pilotCohortYear',
    'division',
    'hostCommittee',
    'compliance',
  ],
)
@FieldsOn('department', ['members', 'leader'])
@ObjectType({ description: 'A consultation home (协商民主之家), staffed by CPPCC members.' })
@Filter(jurisdictionFilter(HOME_POLICY))
@Entity({ tableName: 'home' })
export class Home extends EditableRecord {
  @Field({ description: 'e.g. 浦南镇政协村民协商民主之家' })
  @Property({ type: 'text' })
  name: string;

  @Field(() => HomeKind, { description: 'VILLAGER (村民) or CITIZEN (市民) home.' })
  @Property({ type: 'text' })
  kind: HomeKind;

  @Field(() => HomeStatus, { description: 'PILOT, ACTIVE or SUSPENDED.' })
  @Property({ type: 'text' })
  status: HomeStatus;

  /** A township- or village-level division. */
  @Property({ type: 'string', length: 12 })
  divisionCode: string;

  @Field(() => DateScalar, { description: 'The date the home was established (`YYYY-MM-DD`).' })
  @Property({ type: 'date' })
  establishedOn: string;

  @Field(() => Int, {
    nullable: true,
    description: 'The year the home was picked as a pilot (试点), if it was.',
  })
  @Property({ type: 'integer', nullable: true })
  pilotCohortYear: number | null;
}
