import { Entity, Filter, Property } from '@mikro-orm/postgresql';
import { Directive, Field, ObjectType } from 'type-graphql';
import { EditableRecord, EDITABLE_RECORD_FIELDS } from '../shared/base.entity';
import {
  jurisdictionFilter,
  type RecordPolicy,
  FieldsOn,
  describedEnum,
  type EnumValue,
} from '@cppcc/toolkit';

/** Who a non-member taking part in consultations is (参加协商的人员). */
export const ParticipantKind = describedEnum(
  'ParticipantKind',
  'Who a non-member taking part in consultations is (参加协商的人员).',
  {
    VILLAGER_REPRESENTATIVE: '村民代表: a villagers’ representative.',
    RESIDENT_REPRESENTATIVE: '居民代表: a residents’ representative.',
    RETIRED_CADRE: '离退休老同志: a retired cadre.',
    PARTY_MEMBER_REPRESENTATIVE: '党员代表: a party members’ representative.',
    PERSON_WITH_DEMAND: '有诉求的群众代表: a resident who brings a demand.',
    EXPERT: '专家学者: an expert or scholar.',
    LEGAL_PROFESSIONAL: '法律方面专业人员: a lawyer or other legal professional.',
  },
);
export type ParticipantKind = EnumValue<typeof ParticipantKind>;

/** Which participants a caller may see (RecordPolicy). */
export const PARTICIPANT_POLICY: RecordPolicy = { public: false };

/** A non-member who takes part in a home's consultations. */
@Directive('@key(fields: "id")')
@FieldsOn('department', [...EDITABLE_RECORD_FIELDS, 'kind', 'organisation', 'division'])
@ObjectType({
  description:
    'A non-member who takes part in consultations (群众代表 etc.): resident representatives, retired cadres, experts, lawyers …',
})
@Filter(jurisdictionFilter(PARTICIPANT_POLICY))
@Entity({ tableName: 'participant' })
export class Participant extends EditableRecord {
  @Field({ description: 'The full name.' })
  @Property({ type: 'text' })
  name: string;

  @Field(() => ParticipantKind, { description: 'Who they are, e.g. 村民代表 or 专家学者.' })
  @Property({ type: 'text' })
  kind: ParticipantKind;

  /** Where the participant lives or works. */
  @Property({ type: 'string', length: 12 })
  divisionCode: string;

  @Field(() => String, {
    nullable: true,
    description: 'Where they work or which body they speak for.',
  })
  @Property({ type: 'text', nullable: true })
  organisation: string | null;

  /** Personal data. */
  @Property({ type: 'text', nullable: true })
  phone: string | null;

  /** Personal data: the resident ID number (身份证号). */
  @Property({ type: 'text', nullable: true })
  idNumber: string | null;
}
