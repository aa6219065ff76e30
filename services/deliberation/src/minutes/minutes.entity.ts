import { Entity, Filter, OptionalProps, PrimaryKey, Property } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import {
  DateScalar,
  HiddenOn,
  jurisdictionFilter,
  type RecordPolicy,
  FieldsOn,
  VersionedRecord,
  describedEnum,
  type EnumValue,
} from '@cppcc/toolkit';

export const MinutesStatus = describedEnum(
  'MinutesStatus',
  'Where minutes stand: DRAFT → APPROVED → PUBLISHED.',
  {
    DRAFT: 'Being written; editable with `expectedVersion`.',
    APPROVED: 'Approved by the home’s leader or county staff; no longer edited.',
    PUBLISHED: 'Summary and consensus visible on the public surface.',
  },
);
export type MinutesStatus = EnumValue<typeof MinutesStatus>;

export const ActionOwnerKind = describedEnum('ActionOwnerKind', 'Who owns a follow-up action.', {
  MEMBER: 'A CPPCC member (委员); `member` names them.',
  DEPARTMENT: 'A department (承办单位); `department` names it.',
});
export type ActionOwnerKind = EnumValue<typeof ActionOwnerKind>;

export const ActionStatus = describedEnum('ActionStatus', 'Where a follow-up action stands.', {
  OPEN: 'Still to be done.',
  DONE: 'Done.',
  DROPPED: 'Given up, no longer followed.',
});
export type ActionStatus = EnumValue<typeof ActionStatus>;

/** Minutes lie under their session's home; the public sees published ones. */
export const MINUTES_POLICY: RecordPolicy = {
  public: true,
  publicOnlyWhenSet: { property: 'publishedAt', column: 'published_at' },
  homeProperty: 'homeId',
  homeColumn: 'home_id',
};

/** The record of a held session (纪要): what was said, agreed and left open, and what follows. */
@Directive('@key(fields: "id")')
@FieldsOn(
  ['department', 'public'],
  ['id', 'summary', 'consensus', 'status', 'version', 'approvedAt', 'publishedAt'],
)
@FieldsOn('department', ['disagreements', 'actions'])
@ObjectType({ description: 'The minutes (纪要) of a held session.' })
@Filter(jurisdictionFilter(MINUTES_POLICY))
@Entity({ tableName: 'minutes' })
export class Minutes extends VersionedRecord<'approvedBy' | 'approvedAt' | 'publishedAt'> {
  @Property({ type: 'uuid', unique: true })
  sessionId: string;

  @Property({ type: 'uuid' })
  homeId: string;

  @Property({ type: 'string', length: 12 })
  divisionCode: string;

  @Field({ description: 'What the session discussed.' })
  @Property({ type: 'text' })
  summary: string;

  @Field(() => [String], { description: 'Points of consensus (共识).' })
  @Property({ type: 'text[]' })
  consensus: string[];

  @HiddenOn('public')
  @Field(() => [String], { description: 'Disagreements that remain.' })
  @Property({ type: 'text[]' })
  disagreements: string[];

  @Field(() => MinutesStatus, { description: 'DRAFT, APPROVED or PUBLISHED.' })
  @Property({ type: 'text' })
  status: MinutesStatus;

  /** Who approved them (the caller's id). */
  @Property({ type: 'text', nullable: true })
  approvedBy: string | null = null;

  @Field(() => Date, { nullable: true, description: 'When they were approved, ISO 8601 (UTC).' })
  @Property({ type: 'timestamptz', nullable: true })
  approvedAt: Date | null = null;

  @Field(() => Date, {
    nullable: true,
    description: 'When they were published, ISO 8601 (UTC); null until PUBLISHED.',
  })
  @Property({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null = null;
}

/** Something the session agreed someone will do, by a date. */
@FieldsOn('department', [
  'id',
  'description',
  'ownerKind',
  'dueOn',
  'status',
  'member',
  'department',
])
@ObjectType({ description: 'A follow-up action agreed in the minutes: who, what, by when.' })
@Entity({ tableName: 'follow_up_action' })
export class FollowUpAction {
  [OptionalProps]?: 'status';

  @Field(() => ID, { description: 'The UUID of the record.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  minutesId: string;

  @Property({ type: 'uuid' })
  homeId: string;

  @Property({ type: 'string', length: 12 })
  divisionCode: string;

  @Property({ type: 'integer' })
  position: number;

  @Field({ description: 'What is to be done, e.g. 联系交通局实地查看村道.' })
  @Property({ type: 'text' })
  description: string;

  @Field(() => ActionOwnerKind, { description: 'MEMBER or DEPARTMENT.' })
  @Property({ type: 'text' })
  ownerKind: ActionOwnerKind;

  @Property({ type: 'uuid' })
  ownerId: string;

  @Field(() => DateScalar, { description: 'Due by this day (`YYYY-MM-DD`, China Standard Time).' })
  @Property({ type: 'date' })
  dueOn: string;

  @Field(() => ActionStatus, { description: 'OPEN, DONE or DROPPED.' })
  @Property({ type: 'text' })
  status: ActionStatus = ActionStatus.OPEN;
}
