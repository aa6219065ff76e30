import { Entity, Filter, OptionalProps, PrimaryKey, Property } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import {
  DateScalar,
  jurisdictionFilter,
  type RecordPolicy,
  FieldsOn,
  IdempotentRecord,
  describedEnum,
  type EnumValue,
} from '@cppcc/toolkit';

/**
 * A sentiment report's states; `SENTIMENT_REPORT_STEPS` (sentiment-report.workflow.ts) says which
 * step leads where.
 */
export const SentimentReportStatus = describedEnum(
  'SentimentReportStatus',
  'Where a sentiment report (社情民意信息) stands: DRAFT → SUBMITTED → NOT_ADOPTED (the end) | ADOPTED → EDITED → ISSUED → (INSTRUCTED) → FORWARDED → FEEDBACK → CLOSED.',
  {
    DRAFT: 'Being written by its authors.',
    SUBMITTED: 'Submitted to the CPPCC office; waiting to be adopted or not.',
    NOT_ADOPTED: 'Not adopted (`notAdoptedReason`); the end.',
    ADOPTED: 'Adopted (采用) by the office.',
    EDITED: 'Edited by the office for issue (编发).',
    ISSUED: 'Sent to the party committee, government or above (`issuedTo`).',
    INSTRUCTED: 'A leader gave an instruction (批示) on it (`instructions`).',
    FORWARDED: 'Forwarded to departments (`forwardedTo`) for their feedback.',
    FEEDBACK: 'Departments gave their feedback (`feedback`).',
    CLOSED: 'Closed; the feedback is shown to the authors.',
  },
);
export type SentimentReportStatus = EnumValue<typeof SentimentReportStatus>;

/** Where an adopted report is sent. */
export const IssuedTo = describedEnum('IssuedTo', 'Where an adopted sentiment report is sent.', {
  CITY_PARTY_COMMITTEE: 'The city party committee (市委).',
  CITY_GOVERNMENT: 'The city government (市政府).',
  PROVINCE_CPPCC: 'The provincial CPPCC (省政协).',
  NATIONAL_CPPCC: 'The national CPPCC (全国政协).',
});
export type IssuedTo = EnumValue<typeof IssuedTo>;

export const InstructionLevel = describedEnum(
  'InstructionLevel',
  'The level of the leader who gave an instruction (批示).',
  {
    CITY: 'A city leader (市领导).',
    PROVINCE: 'A provincial leader (省领导).',
    NATIONAL: 'A national leader (中央领导).',
  },
);
export type InstructionLevel = EnumValue<typeof InstructionLevel>;

/**
 * Reports of the CPPCC in the caller's jurisdiction; a department, those forwarded to it; a home,
 * those that came from its residents' demands once submitted.
 */
export const SENTIMENT_REPORT_POLICY: RecordPolicy = {
  public: false,
  departments: { property: 'departmentIds', column: 'department_ids' },
  homes: { property: 'homeIds', column: 'home_ids', exceptStatus: 'DRAFT' },
};

/** A sentiment report (社情民意信息) sent up to the party committee and government. */
@Directive('@key(fields: "id")')
@FieldsOn('department', [
  'id',
  'updatedAt',
  'title',
  'content',
  'status',
  'notAdoptedReason',
  'issuedTo',
  'submittedAt',
  'issuedAt',
  'closedAt',
  'version',
  'division',
  'authors',
  'instructions',
  'forwardedTo',
  'feedback',
  'sources',
  'history',
])
@ObjectType({
  description: 'A sentiment report (社情民意信息) sent up to the party committee and government.',
})
@Filter(jurisdictionFilter(SENTIMENT_REPORT_POLICY))
@Entity({ tableName: 'sentiment_report' })
export class SentimentReport extends IdempotentRecord<
  | 'sourceDemandIds'
  | 'sourceSessionIds'
  | 'homeIds'
  | 'notAdoptedReason'
  | 'issuedTo'
  | 'departmentIds'
  | 'submittedAt'
  | 'issuedAt'
  | 'closedAt'
> {
  /** The CPPCC it is submitted to: the city's or a county's. */
  @Property({ type: 'string', length: 12 })
  divisionCode: string;

  @Field({ description: 'The title.' })
  @Property({ type: 'text' })
  title: string;

  @Field({ description: 'The full text.' })
  @Property({ type: 'text' })
  content: string;

  @Property({ type: 'uuid[]' })
  authorMemberIds: string[];

  @Property({ type: 'uuid[]' })
  sourceDemandIds: string[] = [];

  @Property({ type: 'uuid[]' })
  sourceSessionIds: string[] = [];

  @Property({ type: 'uuid[]' })
  homeIds: string[] = [];

  @Field(() => SentimentReportStatus, { description: 'Where it stands in its workflow.' })
  @Property({ type: 'text' })
  status: SentimentReportStatus;

  @Field(() => String, { nullable: true, description: 'Why it was not adopted (NOT_ADOPTED).' })
  @Property({ type: 'text', nullable: true })
  notAdoptedReason: string | null = null;

  @Field(() => [IssuedTo], { description: 'Where it was sent once ISSUED; empty before.' })
  @Property({ type: 'text[]' })
  issuedTo: IssuedTo[] = [];

  /** The departments it was forwarded to: who may see it (SENTIMENT_REPORT_POLICY). */
  @Property({ type: 'uuid[]' })
  departmentIds: string[] = [];

  @Field(() => Date, { nullable: true, description: 'When it was submitted, ISO 8601 (UTC).' })
  @Property({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null = null;

  @Field(() => Date, { nullable: true, description: 'When it was issued, ISO 8601 (UTC).' })
  @Property({ type: 'timestamptz', nullable: true })
  issuedAt: Date | null = null;

  @Field(() => Date, { nullable: true, description: 'When it was closed, ISO 8601 (UTC).' })
  @Property({ type: 'timestamptz', nullable: true })
  closedAt: Date | null = null;

  @Property({ type: 'timestamptz', length: 3, defaultRaw: 'now()' })
  override createdAt: Date = new Date();

  @Field(() => Date, {
    description:
      'When it last changed (any step or edit), ISO 8601 (UTC), to the millisecond: what `updatedAfter` compares.',
  })
  @Property({ type: 'timestamptz', length: 3, defaultRaw: 'now()', onUpdate: () => new Date() })
  override updatedAt: Date = new Date();
}

/** 批示: a leader's instruction on an issued report. */
@FieldsOn('department', ['id', 'leader', 'level', 'text', 'givenOn'])
@ObjectType({ description: "A leader's instruction (批示) on an issued report." })
@Entity({ tableName: 'leader_instruction' })
export class LeaderInstruction {
  [OptionalProps]?: 'createdAt';

  @Field(() => ID, { description: 'The UUID of the record.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  reportId: string;

  @Property({ type: 'string', length: 12 })
  divisionCode: string;

  @Field({ description: 'Who gave it, by office, e.g. 市委书记.' })
  @Property({ type: 'text' })
  leader: string;

  @Field(() => InstructionLevel, { description: 'City, province or national leader.' })
  @Property({ type: 'text' })
  level: InstructionLevel;

  @Field({ description: 'The text, as given.' })
  @Property({ type: 'text' })
  text: string;

  @Field(() => DateScalar, { description: 'The day it was given (`YYYY-MM-DD`).' })
  @Property({ type: 'date' })
  givenOn: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}

/** A department's feedback on a report forwarded to it; shown to the authors. */
@FieldsOn('department', ['id', 'text', 'givenOn', 'department'])
@ObjectType({ description: "A department's feedback on a report forwarded to it." })
@Entity({ tableName: 'department_feedback' })
export class DepartmentFeedback {
  [OptionalProps]?: 'createdAt';

  @Field(() => ID, { description: 'The UUID of the record.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  reportId: string;

  @Property({ type: 'string', length: 12 })
  divisionCode: string;

  @Property({ type: 'uuid' })
  departmentId: string;

  @Field({ description: 'The text, as given.' })
  @Property({ type: 'text' })
  text: string;

  @Field(() => DateScalar, { description: 'The day it was given (`YYYY-MM-DD`).' })
  @Property({ type: 'date' })
  givenOn: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
