import { Entity, Filter, Property } from '@mikro-orm/postgresql';

import { Directive, Field, ObjectType } from 'type-graphql';
import {
  jurisdictionFilter,
  type RecordPolicy,
  FieldsOn,
  IdempotentRecord,
  describedEnum,
  type EnumValue,
} from '@cppcc/toolkit';

export const DemandCategory = describedEnum('DemandCategory', 'What a demand (诉求) is about.', {
  INFRASTRUCTURE: 'Roads, water, power, public works (基础设施).',
  LAND_AND_HOUSING: 'Land, housing, relocation (土地住房).',
  SOCIAL_SECURITY: 'Pensions, insurance, assistance (社会保障).',
  EDUCATION: 'Schools and education (教育).',
  HEALTH: 'Health care (医疗卫生).',
  ENVIRONMENT: 'Environment and sanitation (生态环境).',
  AGRICULTURE: 'Farming and rural affairs (农业农村).',
  PUBLIC_SAFETY: 'Safety and public order (公共安全).',
  EMPLOYMENT: 'Jobs and wages (就业).',
  OTHER: 'Anything else.',
});
export type DemandCategory = EnumValue<typeof DemandCategory>;

/** A demand's states; `DEMAND_STEPS` (demand.workflow.ts) says which step leads where. */
export const DemandStatus = describedEnum(
  'DemandStatus',
  'Where a demand stands: RECEIVED → ON_AGENDA → RESOLVED_AT_HOME | ESCALATED → ANSWERED → CLOSED.',
  {
    RECEIVED: 'Recorded at the home, not yet taken up.',
    ON_AGENDA: 'Put on an agenda item (议题) of a session.',
    RESOLVED_AT_HOME: 'Settled at the home; `resolution` says how.',
    ESCALATED:
      'Gone up as a proposal, sentiment report, plenary speech or special report; `escalations` lists them.',
    ANSWERED: 'A department answered what it went up as.',
    CLOSED: 'The resident was told; nothing more to do.',
  },
);
export type DemandStatus = EnumValue<typeof DemandStatus>;

/** Who raised a demand: a registered participant of the home, or a resident who came once. */
export const DemandRaiser = describedEnum('DemandRaiser', 'Who raised a demand.', {
  PARTICIPANT: 'A registered participant of the home; `participant` names them.',
  RESIDENT:
    'A resident who came once; `residentName` and `residentContact` hold their details (personal data).',
});
export type DemandRaiser = EnumValue<typeof DemandRaiser>;

/** Which demands a caller may see (RecordPolicy). */
export const DEMAND_POLICY: RecordPolicy = {
  public: false,
  homeProperty: 'homeId',
  homeColumn: 'home_id',
};

/** What residents ask for (诉求), raised at or through a home. */
@Directive('@key(fields: "id")')
@FieldsOn('department', [
  'id',
  'category',
  'content',
  'isPetition',
  'status',
  'receivedAt',
  'raisedByKind',
  'resolution',
  'resolvedAtHomeAt',
  'escalatedAt',
  'version',
  'home',
  'participant',
  'session',
  'agendaItem',
  'escalations',
  'history',
])
@ObjectType({ description: 'A demand (诉求) residents raised at or through a home.' })
@Filter(jurisdictionFilter(DEMAND_POLICY))
@Entity({ tableName: 'demand' })
export class Demand extends IdempotentRecord<
  | 'isPetition'
  | 'raisedByKind'
  | 'participantId'
  | 'residentName'
  | 'residentContact'
  | 'agendaItemId'
  | 'sessionId'
  | 'resolution'
  | 'resolvedAtHomeAt'
  | 'escalatedAt'
> {
  @Property({ type: 'uuid' })
  homeId: string;

  /** The village or community the demand concerns: the jurisdiction it lies under. */
  @Property({ type: 'string', length: 12 })
  divisionCode: string;

  @Field(() => DemandCategory, { description: 'What it is about.' })
  @Property({ type: 'text' })
  category: DemandCategory;

  @Field({ description: 'What the resident asks for, in their words.' })
  @Property({ type: 'text' })
  content: string;

  @Field({ description: 'A formal petition matter (信访事项).' })
  @Property({ type: 'boolean' })
  isPetition: boolean = false;

  @Field(() => DemandStatus, { description: 'Where it stands.' })
  @Property({ type: 'text' })
  status: DemandStatus;

  @Field(() => Date, { description: 'When the home received it, ISO 8601 (UTC).' })
  @Property({ type: 'timestamptz' })
  receivedAt: Date;

  @Field(() => DemandRaiser, { description: 'A registered participant, or a resident.' })
  @Property({ type: 'text' })
  raisedByKind: DemandRaiser = DemandRaiser.RESIDENT;

  /** The participant who raised it, when a registered one did. */
  @Property({ type: 'uuid', nullable: true })
  participantId: string | null = null;

  /** A resident's name and contact: personal data, masked unless the caller's role needs it. */
  @Property({ type: 'text', nullable: true })
  residentName: string | null = null;

  @Property({ type: 'text', nullable: true })
  residentContact: string | null = null;

  /** The agenda item (deliberation) the demand was put on, and its session. */
  @Property({ type: 'uuid', nullable: true })
  agendaItemId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  sessionId: string | null = null;

  @Field(() => String, {
    nullable: true,
    description: 'How it was resolved at the home, or how the resident was told the answer.',
  })
  @Property({ type: 'text', nullable: true })
  resolution: string | null = null;

  @Field(() => Date, { nullable: true, description: 'When it was resolved at the home.' })
  @Property({ type: 'timestamptz', nullable: true })
  resolvedAtHomeAt: Date | null = null;

  @Field(() => Date, {
    nullable: true,
    description: 'When it first went up (as a proposal, report, speech or special report).',
  })
  @Property({ type: 'timestamptz', nullable: true })
  escalatedAt: Date | null = null;
}
