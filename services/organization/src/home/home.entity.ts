import { DateScalar, jurisdictionFilter, type RecordPolicy, FieldsOn } from '@cppcc/toolkit';
import { Entity, Filter, Property } from '@mikro-orm/postgresql';
import { Directive, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { EditableRecord, EDITABLE_RECORD_FIELDS } from '../shared/base.entity';

export enum HomeKind {
  /** 政协村民协商民主之家: in a township or village */
  VILLAGER = 'VILLAGER',
  /** 政协市民协商民主之家: in a street or community */
  CITIZEN = 'CITIZEN',
}
registerEnumType(HomeKind, {
  name: 'HomeKind',
  description: 'Which of the two kinds of 协商民主之家 a home is.',
  valuesConfig: {
    VILLAGER: { description: '政协村民协商民主之家: a villagers’ home, in a township or village.' },
    CITIZEN: { description: '政协市民协商民主之家: a citizens’ home, in a street or community.' },
  },
});

export enum HomeStatus {
  /** One of the first homes a committee picked to try the model (试点). */
  PILOT = 'PILOT',
  ACTIVE = 'ACTIVE',
  /** Not holding activities for now; kept with its history. */
  SUSPENDED = 'SUSPENDED',
}
registerEnumType(HomeStatus, {
  name: 'HomeStatus',
  description: 'Whether a home is running.',
  valuesConfig: {
    PILOT: { description: 'One of the first homes a committee picked to try the model (试点).' },
    ACTIVE: { description: 'Running: holds consultation activities.' },
    SUSPENDED: { description: 'Not holding activities for now; kept with its history.' },
  },
});

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
