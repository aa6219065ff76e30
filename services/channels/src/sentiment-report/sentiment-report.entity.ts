import { Entity, Filter, OptionalProps, PrimaryKey, Property } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar, jurisdictionFilter, type RecordPolicy } from '@cppcc/toolkit';

/** DOMAIN.md's sentiment-report workflow; `SENTIMENT_REPORT_STEPS` says which step leads where. */
export enum SentimentReportStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  NOT_ADOPTED = 'NOT_ADOPTED',
  ADOPTED = 'ADOPTED',
  /** Edited by the office for issue (编发). */
  EDITED = 'EDITED',
  ISSUED = 'ISSUED',
  /** A leader gave an instruction (批示) on it. */
  INSTRUCTED = 'INSTRUCTED',
  FORWARDED = 'FORWARDED',
  /** Departments gave their feedback. */
  FEEDBACK = 'FEEDBACK',
  CLOSED = 'CLOSED',
}
registerEnumType(SentimentReportStatus, { name: 'SentimentReportStatus' });

/** Where an adopted report is sent. */
export enum IssuedTo {
  CITY_PARTY_COMMITTEE = 'CITY_PARTY_COMMITTEE',
  CITY_GOVERNMENT = 'CITY_GOVERNMENT',
  PROVINCE_CPPCC = 'PROVINCE_CPPCC',
  NATIONAL_CPPCC = 'NATIONAL_CPPCC',
}
registerEnumType(IssuedTo, { name: 'IssuedTo' });

export enum InstructionLevel {
  CITY = 'CITY',
  PROVINCE = 'PROVINCE',
  NATIONAL = 'NATIONAL',
}
registerEnumType(InstructionLevel, { name: 'InstructionLevel' });

/** Reports of the CPPCC in the caller's jurisdiction; a department, those forwarded to it. */
export const SENTIMENT_REPORT_POLICY: RecordPolicy = {
  public: false,
  departments: { property: 'departmentIds', column: 'department_ids' },
};

/** A sentiment report (社情民意信息) sent up to the party committee and government. */
@Directive('@key(fields: "id")')
@ObjectType({
  description: 'A sentiment report (社情民意信息) sent up to the party committee and government.',
})
@Filter(jurisdictionFilter(SENTIMENT_REPORT_POLICY))
@Entity({ tableName: 'sentiment_report' })
export class SentimentReport {
  [OptionalProps]?:
    | 'version'
    | 'createdAt'
    | 'updatedAt'
    | 'sourceDemandIds'
    | 'sourceSessionIds'
    | 'homeIds'
    | 'notAdoptedReason'
    | 'issuedTo'
    | 'departmentIds'
    | 'submittedAt'
    | 'issuedAt'
    | 'closedAt'
    | 'idempotencyKey';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** The CPPCC it is submitted to: the city's or a county's. */
  @Property({ type: 'string', length: 12 })
  divisionCode: string;

  @Field()
  @Property({ type: 'text' })
  title: string;

  @Field()
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

  @Field(() => SentimentReportStatus)
  @Property({ type: 'text' })
  status: SentimentReportStatus;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  notAdoptedReason: string | null = null;

  @Field(() => [IssuedTo])
  @Property({ type: 'text[]' })
  issuedTo: IssuedTo[] = [];

  /** The departments it was forwarded to: who may see it (SENTIMENT_REPORT_POLICY). */
  @Property({ type: 'uuid[]' })
  departmentIds: string[] = [];

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  issuedAt: Date | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  closedAt: Date | null = null;

  @Property({ type: 'text', nullable: true, unique: true, hidden: true })
  idempotencyKey: string | null = null;

  @Field(() => Int, { description: 'Raised by every change; pass it as `expectedVersion`.' })
  @Property({ type: 'integer', version: true })
  version: number = 1;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

/** 批示: a leader's instruction on an issued report. */
@ObjectType({ description: "A leader's instruction (批示) on an issued report." })
@Entity({ tableName: 'leader_instruction' })
export class LeaderInstruction {
  [OptionalProps]?: 'createdAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  reportId: string;

  @Property({ type: 'string', length: 12 })
  divisionCode: string;

  @Field({ description: 'Who gave it, by office, e.g. 市委书记.' })
  @Property({ type: 'text' })
  leader: string;

  @Field(() => InstructionLevel)
  @Property({ type: 'text' })
  level: InstructionLevel;

  @Field()
  @Property({ type: 'text' })
  text: string;

  @Field(() => DateScalar)
  @Property({ type: 'date' })
  givenOn: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}

/** A department's feedback on a report forwarded to it; shown to the authors. */
@ObjectType({ description: "A department's feedback on a report forwarded to it." })
@Entity({ tableName: 'department_feedback' })
export class DepartmentFeedback {
  [OptionalProps]?: 'createdAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  reportId: string;

  @Property({ type: 'string', length: 12 })
  divisionCode: string;

  @Property({ type: 'uuid' })
  departmentId: string;

  @Field()
  @Property({ type: 'text' })
  text: string;

  @Field(() => DateScalar)
  @Property({ type: 'date' })
  givenOn: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
