import { Entity, Filter, Property } from '@mikro-orm/postgresql';

import { Directive, Field, ObjectType } from 'type-graphql';
import {
  DateScalar,
  FieldsOn,
  OnSurfaces,
  IdempotentRecord,
  describedEnum,
  type EnumValue,
} from '@cppcc/toolkit';
import { petitionJurisdiction } from './petition-case.scope';

/** A case's states; `PETITION_CASE_STEPS` (petition-case.workflow.ts) says which step leads where. */
export const PetitionCaseStatus = describedEnum(
  'PetitionCaseStatus',
  'Where a petition case stands: REGISTERED → ACCEPTED (受理) → HANDLED (办理意见) → CLOSED, or HANDLED → UNDER_REVIEW → REVIEWED (复查, once) → CLOSED.',
  {
    REGISTERED: 'Registered (登记) by the petitions bureau, not yet accepted.',
    ACCEPTED:
      'Accepted (受理) and given to a handling department, which owes its opinion by `opinionDueOn`.',
    HANDLED: 'The handling department gave its opinion (办理意见).',
    UNDER_REVIEW: 'The petitioner disagreed with the opinion and asked for a review (复查).',
    REVIEWED: 'The review opinion (复查意见) was given; no further review.',
    CLOSED: 'Closed (办结): nothing more to do.',
  },
);
export type PetitionCaseStatus = EnumValue<typeof PetitionCaseStatus>;

/** The petitions bureau's case for a petition matter (信访事项). */
// On the offices' surfaces (not home: a home has no case of its own) and, field by field, on the
// departments' (every field but the petitioners' names, personal data); never public.
@Directive('@key(fields: "id")')
@OnSurfaces('city', 'county')
@FieldsOn('department', [
  'id',
  'number',
  'subject',
  'division',
  'handlingDepartment',
  'status',
  'registeredOn',
  'acceptedOn',
  'opinionDueOn',
  'handledOn',
  'opinion',
  'reviewReason',
  'reviewRequestedOn',
  'reviewedOn',
  'reviewOpinion',
  'closedOn',
  'isOverdue',
  'version',
  'demands',
  'sessions',
  'history',
])
@ObjectType({
  description:
    "The petitions bureau's (信访局) case for a petition matter (信访事项): who petitioned, what it concerns, the department handling it and its opinion, and every step. Seen by the city's CPPCC office and the city's petitions bureau (all cases), a county's office and bureau (their county's), and the department handling it (its own).",
})
@Filter(petitionJurisdiction)
@Entity({ tableName: 'petition_case' })
export class PetitionCase extends IdempotentRecord<
  | 'handlingDepartmentId'
  | 'acceptedOn'
  | 'opinionDueOn'
  | 'opinion'
  | 'handledOn'
  | 'reviewReason'
  | 'reviewRequestedOn'
  | 'reviewOpinion'
  | 'reviewedOn'
  | 'closedOn'
  | 'demandIds'
  | 'sessionIds'
> {
  @Field({ description: 'The case number the bureau gives at registration, e.g. `XF2026-000123`.' })
  @Property({ type: 'text', unique: true })
  number: string;

  @Field({ description: 'What the petition is about, in the bureau’s words (no personal data).' })
  @Property({ type: 'text' })
  subject: string;

  /** The petitioners' names: personal data, for the offices' staff only (never on department). */
  @Property({ type: 'text[]' })
  petitioners: string[];

  /** The village, community or township the matter concerns: the jurisdiction it lies under. */
  @Property({ type: 'string', length: 12 })
  divisionCode: string;

  @Field(() => PetitionCaseStatus, { description: 'Where it stands.' })
  @Property({ type: 'text' })
  status: PetitionCaseStatus;

  @Field(() => DateScalar, {
    description: 'The day it was registered (`YYYY-MM-DD`, China Standard Time).',
  })
  @Property({ type: 'date' })
  registeredOn: string;

  /** The department handling it, from acceptance on. */
  @Property({ type: 'uuid', nullable: true })
  handlingDepartmentId: string | null = null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The day it was accepted (受理), `YYYY-MM-DD`; null before.',
  })
  @Property({ type: 'date', nullable: true })
  acceptedOn: string | null = null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'The day the handling opinion is due, `YYYY-MM-DD`: 60 days after acceptance (the petitions regulation’s time limit); null before acceptance.',
  })
  @Property({ type: 'date', nullable: true })
  opinionDueOn: string | null = null;

  @Field(() => String, {
    nullable: true,
    description: 'The handling department’s opinion (办理意见); null until given.',
  })
  @Property({ type: 'text', nullable: true })
  opinion: string | null = null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The day the opinion was given, `YYYY-MM-DD`.',
  })
  @Property({ type: 'date', nullable: true })
  handledOn: string | null = null;

  @Field(() => String, {
    nullable: true,
    description: 'Why the petitioner asked for a review (复查), when they did.',
  })
  @Property({ type: 'text', nullable: true })
  reviewReason: string | null = null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The day the review was asked for, `YYYY-MM-DD`.',
  })
  @Property({ type: 'date', nullable: true })
  reviewRequestedOn: string | null = null;

  @Field(() => String, {
    nullable: true,
    description: 'The review opinion (复查意见); null unless reviewed.',
  })
  @Property({ type: 'text', nullable: true })
  reviewOpinion: string | null = null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The day the review opinion was given, `YYYY-MM-DD`.',
  })
  @Property({ type: 'date', nullable: true })
  reviewedOn: string | null = null;

  @Field(() => DateScalar, { nullable: true, description: 'The day it was closed, `YYYY-MM-DD`.' })
  @Property({ type: 'date', nullable: true })
  closedOn: string | null = null;

  /** The demands (channels) the case was registered for: petition matters raised at homes. */
  @Property({ type: 'uuid[]' })
  demandIds: string[] = [];

  /** The multi-party platform sessions (deliberation) held on the case. */
  @Property({ type: 'uuid[]' })
  sessionIds: string[] = [];
}
