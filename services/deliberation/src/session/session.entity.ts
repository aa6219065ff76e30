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

/** The forms a consultation activity (协商议事活动) takes. */
export const SessionKind = describedEnum(
  'SessionKind',
  'The form a consultation activity (协商议事活动) takes.',
  {
    FORUM: '座谈会: a forum.',
    COUNCIL: '协商议事会: a consultation council.',
    FACE_TO_FACE: '面对面协商: residents and departments face to face.',
    MULTI_PARTY:
      '多方协商平台 on a petition matter (信访事项): residents, interested parties, members and departments meet.',
    BRIEFING: '宣传政策: a policy briefing that explains policy and answers doubts.',
  },
);
export type SessionKind = EnumValue<typeof SessionKind>;

export const SessionStatus = describedEnum(
  'SessionStatus',
  'Where a session stands: PLANNED → HELD, or PLANNED → CANCELLED.',
  {
    PLANNED: 'Scheduled, not yet held; may be rescheduled or cancelled.',
    HELD: 'Took place (`heldAt` says when); counts towards the cadence.',
    CANCELLED: 'Called off (`cancelReason` says why).',
  },
);
export type SessionStatus = EnumValue<typeof SessionStatus>;

/** Which sessions a caller may see (RecordPolicy). */
export const SESSION_POLICY: RecordPolicy = {
  public: true,
  publicOnlyWhenSet: { property: 'publishedAt', column: 'published_at' },
  homeProperty: 'homeId',
  homeColumn: 'home_id',
  // A department sees the sessions it is invited to.
  departments: { property: 'departmentIds', column: 'department_ids' },
};

/** A consultation activity of a home. */
@Directive('@key(fields: "id")')
@FieldsOn(
  ['department', 'public'],
  [
    'id',
    'title',
    'kind',
    'status',
    'scheduledAt',
    'heldAt',
    'location',
    'cancelReason',
    'version',
    'publishedAt',
    'coordinatingCommittee',
    'departments',
    'involvedDivisions',
    'minutes',
    'attendanceCounts',
    'home',
  ],
)
@FieldsOn('department', ['agenda', 'history'])
@ObjectType({ description: 'A consultation activity (协商议事活动) held by a home.' })
@Filter(jurisdictionFilter(SESSION_POLICY))
@Entity({ tableName: 'session' })
export class Session extends IdempotentRecord<
  | 'heldAt'
  | 'location'
  | 'cancelReason'
  | 'coordinatingCommitteeId'
  | 'involvedDivisions'
  | 'departmentIds'
  | 'publishedAt'
> {
  @Property({ type: 'uuid' })
  homeId: string;

  /** The home's division when the session was recorded: the jurisdiction it lies under. */
  @Property({ type: 'string', length: 12 })
  divisionCode: string;

  @Field({ description: 'The title, e.g. 关于村道修缮的协商议事会.' })
  @Property({ type: 'text' })
  title: string;

  @Field(() => SessionKind, { description: 'Its form: forum, council, face to face …' })
  @Property({ type: 'text' })
  kind: SessionKind;

  @Field(() => SessionStatus, { description: 'PLANNED, HELD or CANCELLED.' })
  @Property({ type: 'text' })
  status: SessionStatus;

  @Field(() => Date, {
    description:
      'When it is (or was) scheduled to start, ISO 8601 (UTC); China Standard Time is UTC+8.',
  })
  @Property({ type: 'timestamptz' })
  scheduledAt: Date;

  @Field(() => Date, {
    nullable: true,
    description: 'When it took place, ISO 8601 (UTC); null unless HELD.',
  })
  @Property({ type: 'timestamptz', nullable: true })
  heldAt: Date | null = null;

  @Field(() => String, {
    nullable: true,
    description: 'Where it takes place, e.g. 村委会二楼会议室.',
  })
  @Property({ type: 'text', nullable: true })
  location: string | null = null;

  @Field(() => String, {
    nullable: true,
    description: 'Why it was called off (only when CANCELLED).',
  })
  @Property({ type: 'text', nullable: true })
  cancelReason: string | null = null;

  /** The city special committee that coordinates it (rule 3, docs/domain.md). */
  @Property({ type: 'uuid', nullable: true })
  coordinatingCommitteeId: string | null = null;

  /** Divisions the matter concerns besides the home's own. */
  @Property({ type: 'text[]' })
  involvedDivisions: string[] = [];

  /** Departments invited to take part. */
  @Property({ type: 'uuid[]' })
  departmentIds: string[] = [];

  @Field(() => Date, {
    nullable: true,
    description: 'When its minutes were published (the public sees it from then).',
  })
  @Property({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null = null;
}
