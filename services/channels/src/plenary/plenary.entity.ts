import { Entity, Filter, Property } from '@mikro-orm/postgresql';

import { Directive, Field, ObjectType } from 'type-graphql';
import {
  DateScalar,
  jurisdictionFilter,
  type RecordPolicy,
  FieldsOn,
  IdempotentRecord,
  describedEnum,
  type EnumValue,
} from '@cppcc/toolkit';

/** SUBMITTED → ACCEPTED (chosen for the plenary, or for the report) | DECLINED → DELIVERED. */
export const PlenaryStatus = describedEnum(
  'PlenaryStatus',
  'Where a plenary speech or special report stands: SUBMITTED → ACCEPTED | DECLINED; ACCEPTED → DELIVERED.',
  {
    SUBMITTED: 'Submitted to the CPPCC, waiting to be chosen.',
    ACCEPTED: 'Chosen for the plenary session, or for the report.',
    DECLINED: 'Not chosen; `declineReason` says why.',
    DELIVERED: 'Delivered (`deliveredOn`), with its `outcome` when known.',
  },
);
export type PlenaryStatus = EnumValue<typeof PlenaryStatus>;

/**
 * Speeches and special reports of the CPPCC in the caller's jurisdiction; a home, those that came
 * from its residents' demands.
 */
export const PLENARY_POLICY: RecordPolicy = {
  public: false,
  homes: { property: 'homeIds', column: 'home_ids' },
};

/**
 * What a plenary speech (大会发言) and a special report (专题报告) both are: a text by members or
 * a special committee, citing demands and sessions, chosen or not, delivered with an outcome.
 * Each has its own table; the columns are the same.
 */
@ObjectType()
export abstract class PlenaryItem extends IdempotentRecord<
  | 'authorMemberIds'
  | 'committeeId'
  | 'sourceDemandIds'
  | 'sourceSessionIds'
  | 'homeIds'
  | 'declineReason'
  | 'outcome'
  | 'deliveredOn'
> {
  /** The CPPCC it goes to: the city's or a county's. */
  @Property({ type: 'string', length: 12 })
  divisionCode: string;

  @Field({ description: 'The title.' })
  @Property({ type: 'text' })
  title: string;

  @Field({ description: 'The full text.' })
  @Property({ type: 'text' })
  content: string;

  @Property({ type: 'uuid[]' })
  authorMemberIds: string[] = [];

  @Property({ type: 'uuid', nullable: true })
  committeeId: string | null = null;

  @Property({ type: 'uuid[]' })
  sourceDemandIds: string[] = [];

  @Property({ type: 'uuid[]' })
  sourceSessionIds: string[] = [];

  @Property({ type: 'uuid[]' })
  homeIds: string[] = [];

  @Field(() => PlenaryStatus, { description: 'SUBMITTED, ACCEPTED, DECLINED or DELIVERED.' })
  @Property({ type: 'text' })
  status: PlenaryStatus;

  @Field(() => String, { nullable: true, description: 'Why it was declined (only when DECLINED).' })
  @Property({ type: 'text', nullable: true })
  declineReason: string | null = null;

  @Field(() => String, {
    nullable: true,
    description: 'What came of it: a leader’s response, a decision, a policy changed.',
  })
  @Property({ type: 'text', nullable: true })
  outcome: string | null = null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The day it was delivered (`YYYY-MM-DD`); null until DELIVERED.',
  })
  @Property({ type: 'date', nullable: true })
  deliveredOn: string | null = null;
}

/** What a department reads of a speech or a special report: all of it. */
const PLENARY_DEPARTMENT_FIELDS = [
  'id',
  'title',
  'content',
  'status',
  'declineReason',
  'outcome',
  'deliveredOn',
  'version',
  'division',
  'authors',
  'committee',
  'sources',
  'history',
];

@Directive('@key(fields: "id")')
@FieldsOn('department', PLENARY_DEPARTMENT_FIELDS)
@ObjectType({ description: 'A plenary speech (大会发言).' })
@Filter(jurisdictionFilter(PLENARY_POLICY))
@Entity({ tableName: 'speech' })
export class Speech extends PlenaryItem {}

@Directive('@key(fields: "id")')
@FieldsOn('department', PLENARY_DEPARTMENT_FIELDS)
@ObjectType({ description: 'A special report (专题报告) to the party committee and government.' })
@Filter(jurisdictionFilter(PLENARY_POLICY))
@Entity({ tableName: 'special_report' })
export class SpecialReport extends PlenaryItem {}
