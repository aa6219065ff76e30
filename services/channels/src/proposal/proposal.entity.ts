import { Entity, Filter, Property } from '@mikro-orm/postgresql';

import { Directive, Field, Int, ObjectType } from 'type-graphql';
import {
  DateScalar,
  jurisdictionFilter,
  type RecordPolicy,
  FieldsOn,
  IdempotentRecord,
  describedEnum,
  type EnumValue,
} from '@cppcc/toolkit';

/** Who puts a proposal forward. */
export const ProposalKind = describedEnum('ProposalKind', 'Who puts a proposal forward.', {
  MEMBER: 'A member alone (委员提案).',
  MEMBER_GROUP: 'A group of members (联名提案): a lead proposer and co-signers.',
  SPECIAL_COMMITTEE: 'A special committee of the CPPCC (专委会提案).',
  PARTY_GROUP: 'A participating party, people’s organisation or sector group (党派团体提案).',
});
export type ProposalKind = EnumValue<typeof ProposalKind>;

/** A proposal's states; `PROPOSAL_STEPS` (proposal.workflow.ts) says which step leads where. */
export const ProposalStatus = describedEnum(
  'ProposalStatus',
  'Where a proposal (提案) stands: DRAFT → SUBMITTED → REGISTERED (立案) | NOT_REGISTERED | RETURNED | MERGED; REGISTERED → ASSIGNED → HANDLING → REPLIED → EVALUATED (→ REHANDLING → REPLIED when dissatisfied) → CLOSED.',
  {
    DRAFT: 'Being written; editable.',
    SUBMITTED: 'Submitted, with its co-signers; waiting for review.',
    REGISTERED: '立案: registered with a number; waiting to be assigned.',
    NOT_REGISTERED: '不立案: not registered, for one of the fixed reasons (`notRegisteredReason`).',
    RETURNED: 'Returned to the proposer for revision (`returnReason`).',
    MERGED: 'Merged into another proposal on the same matter (`mergedInto`).',
    ASSIGNED:
      'Assigned to a lead department (主办单位) and co-handling ones (会办单位), not yet accepted; the lead may send it back within 10 days.',
    HANDLING: 'Accepted by the lead department; being handled until `dueOn`.',
    REPLIED: 'The lead department replied (`reply`); waiting for the evaluation.',
    REHANDLING: 'Handled again after the proposer was dissatisfied with the first reply.',
    EVALUATED: 'The proposer evaluated the reply (`evaluation`).',
    CLOSED: 'Done.',
  },
);
export type ProposalStatus = EnumValue<typeof ProposalStatus>;

/** Why a proposal is not registered (不予立案): the fixed list the review chooses from. */
export const NotRegisteredReason = describedEnum(
  'NotRegisteredReason',
  'Why a proposal is not registered (不予立案): the fixed list the review chooses from.',
  {
    OUTSIDE_SCOPE: 'Outside what the CPPCC and the government can act on.',
    NO_CONCRETE_SUGGESTION: 'States a problem with no concrete suggestion.',
    INDIVIDUAL_CASE: 'One person’s case, or a personnel matter.',
    UNDER_LITIGATION: 'Before a court or arbitration.',
    ALREADY_ADDRESSED: 'Already solved, or being solved under a plan in force.',
    INTERNAL_AFFAIRS: 'The internal affairs of a party or organisation.',
  },
);
export type NotRegisteredReason = EnumValue<typeof NotRegisteredReason>;

/** How a department's reply classes the outcome. */
export const ReplyResultClass = describedEnum(
  'ReplyResultClass',
  'How a department’s reply (答复) classes the outcome of a proposal.',
  {
    A: 'A 类: solved or adopted (已解决或采纳).',
    B: 'B 类: being solved, or planned (正在解决或列入计划).',
    C: 'C 类: limited by present conditions, explained (因条件限制暂不能解决).',
    D: 'D 类: kept for reference (留作参考).',
  },
);
export type ReplyResultClass = EnumValue<typeof ReplyResultClass>;

/** The proposer's evaluation of a reply. */
export const Evaluation = describedEnum(
  'Evaluation',
  'The proposer’s evaluation of a department’s reply.',
  {
    SATISFIED: '满意: satisfied.',
    BASICALLY_SATISFIED: '基本满意: basically satisfied.',
    DISSATISFIED:
      '不满意: dissatisfied; after a first reply the proposal is handled again (REHANDLING).',
  },
);
export type Evaluation = EnumValue<typeof Evaluation>;

/**
 * Which proposals a caller may see: those of the CPPCC (city or county) in its jurisdiction; a
 * department, those assigned to it (lead or co-handling); a home, those that came from its
 * residents' demands once submitted. The public sees none.
 */
export const PROPOSAL_POLICY: RecordPolicy = {
  public: false,
  departments: { property: 'departmentIds', column: 'department_ids' },
  homes: { property: 'homeIds', column: 'home_ids', exceptStatus: 'DRAFT' },
};

/** A proposal (提案) to a city or county CPPCC. */
@Directive('@key(fields: "id")')
@FieldsOn('department', [
  'id',
  'updatedAt',
  'year',
  'number',
  'kind',
  'groupName',
  'title',
  'content',
  'status',
  'isKey',
  'notRegisteredReason',
  'turnedIntoOpinion',
  'returnReason',
  'assignedOn',
  'dueOn',
  'extended',
  'handlingRounds',
  'submittedAt',
  'registeredAt',
  'closedAt',
  'version',
  'division',
  'leadProposer',
  'coSigners',
  'committee',
  'mergedInto',
  'leadDepartment',
  'coDepartments',
  'isOverdue',
  'reply',
  'evaluation',
  'sources',
  'history',
])
@ObjectType({ description: 'A proposal (提案): registered, assigned, answered and evaluated.' })
@Filter(jurisdictionFilter(PROPOSAL_POLICY))
@Entity({ tableName: 'proposal' })
export class Proposal extends IdempotentRecord<
  | 'number'
  | 'leadMemberId'
  | 'committeeId'
  | 'groupName'
  | 'coSignerIds'
  | 'sourceDemandIds'
  | 'sourceSessionIds'
  | 'homeIds'
  | 'isKey'
  | 'notRegisteredReason'
  | 'turnedIntoOpinion'
  | 'returnReason'
  | 'mergedIntoId'
  | 'leadDepartmentId'
  | 'coDepartmentIds'
  | 'departmentIds'
  | 'assignedOn'
  | 'dueOn'
  | 'extended'
  | 'replyText'
  | 'resultClass'
  | 'repliedOn'
  | 'repliedByDepartmentId'
  | 'handlingRounds'
  | 'evaluation'
  | 'evaluationComment'
  | 'submittedAt'
  | 'registeredAt'
  | 'closedAt'
> {
  /** The CPPCC it is submitted to: the city's (3207) or a county's. */
  @Property({ type: 'string', length: 12 })
  divisionCode: string;

  @Field(() => Int, { description: 'The year of the session it is submitted to.' })
  @Property({ type: 'integer' })
  year: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Its number once registered, unique per CPPCC and year.',
  })
  @Property({ type: 'integer', nullable: true })
  number: number | null = null;

  @Field(() => ProposalKind, { description: 'Who puts it forward.' })
  @Property({ type: 'text' })
  kind: ProposalKind;

  @Property({ type: 'uuid', nullable: true })
  leadMemberId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  committeeId: string | null = null;

  @Field(() => String, {
    nullable: true,
    description: 'The party or group that proposes (PARTY_GROUP), e.g. 民盟连云港市委.',
  })
  @Property({ type: 'text', nullable: true })
  groupName: string | null = null;

  @Property({ type: 'uuid[]' })
  coSignerIds: string[] = [];

  @Field({ description: 'The title (案由), e.g. 关于加快农村公路提档升级的建议.' })
  @Property({ type: 'text' })
  title: string;

  @Field({ description: 'The full text: the situation, the problem, the suggestions.' })
  @Property({ type: 'text' })
  content: string;

  @Property({ type: 'uuid[]' })
  sourceDemandIds: string[] = [];

  @Property({ type: 'uuid[]' })
  sourceSessionIds: string[] = [];

  /** The homes of its source demands. */
  @Property({ type: 'uuid[]' })
  homeIds: string[] = [];

  @Field(() => ProposalStatus, { description: 'Where it stands in its workflow.' })
  @Property({ type: 'text' })
  status: ProposalStatus;

  @Field({ description: 'A key proposal (重点提案), followed by the CPPCC leadership.' })
  @Property({ type: 'boolean' })
  isKey: boolean = false;

  @Field(() => NotRegisteredReason, {
    nullable: true,
    description: 'Why it was not registered (only when NOT_REGISTERED).',
  })
  @Property({ type: 'text', nullable: true })
  notRegisteredReason: NotRegisteredReason | null = null;

  @Field({ description: 'Not registered, but passed on as an opinion (转为意见建议).' })
  @Property({ type: 'boolean' })
  turnedIntoOpinion: boolean = false;

  @Field(() => String, { nullable: true, description: 'Why it was returned for revision.' })
  @Property({ type: 'text', nullable: true })
  returnReason: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  mergedIntoId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  leadDepartmentId: string | null = null;

  @Property({ type: 'uuid[]' })
  coDepartmentIds: string[] = [];

  /** Lead and co-handling departments together: who may see it (PROPOSAL_POLICY). */
  @Property({ type: 'uuid[]' })
  departmentIds: string[] = [];

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The day it was assigned (`YYYY-MM-DD`, China Standard Time).',
  })
  @Property({ type: 'date', nullable: true })
  assignedOn: string | null = null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Three months after assignment; one extension, six months at most in all.',
  })
  @Property({ type: 'date', nullable: true })
  dueOn: string | null = null;

  @Field({ description: 'Whether the one extension was granted.' })
  @Property({ type: 'boolean' })
  extended: boolean = false;

  @Property({ type: 'text', nullable: true })
  replyText: string | null = null;

  @Property({ type: 'text', nullable: true })
  resultClass: ReplyResultClass | null = null;

  @Property({ type: 'date', nullable: true })
  repliedOn: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  repliedByDepartmentId: string | null = null;

  @Field(() => Int, { description: 'How many times it has been replied to (2 after rehandling).' })
  @Property({ type: 'integer' })
  handlingRounds: number = 0;

  @Property({ type: 'text', nullable: true })
  evaluation: Evaluation | null = null;

  @Property({ type: 'text', nullable: true })
  evaluationComment: string | null = null;

  @Field(() => Date, { nullable: true, description: 'When it was submitted, ISO 8601 (UTC).' })
  @Property({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null = null;

  @Field(() => Date, {
    nullable: true,
    description: 'When it was registered (立案), ISO 8601 (UTC).',
  })
  @Property({ type: 'timestamptz', nullable: true })
  registeredAt: Date | null = null;

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
