import { Entity, Filter, OptionalProps, PrimaryKey, Property } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar, jurisdictionFilter, type RecordPolicy } from '@cppcc/toolkit';

/** Who puts a proposal forward. */
export enum ProposalKind {
  /** A member alone. */
  MEMBER = 'MEMBER',
  /** A group of members (联名提案): a lead proposer and co-signers. */
  MEMBER_GROUP = 'MEMBER_GROUP',
  /** A special committee of the CPPCC. */
  SPECIAL_COMMITTEE = 'SPECIAL_COMMITTEE',
  /** A participating party, people's organisation or sector group (党派团体). */
  PARTY_GROUP = 'PARTY_GROUP',
}
registerEnumType(ProposalKind, { name: 'ProposalKind' });

/** DOMAIN.md's proposal workflow; `PROPOSAL_STEPS` says which step leads where. */
export enum ProposalStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  /** 立案: registered with a number. */
  REGISTERED = 'REGISTERED',
  /** 不立案, with one of the fixed reasons. */
  NOT_REGISTERED = 'NOT_REGISTERED',
  /** Returned to the proposer for revision. */
  RETURNED = 'RETURNED',
  /** Merged into another proposal on the same matter. */
  MERGED = 'MERGED',
  /** Assigned to a lead department (and co-handling ones), not yet accepted. */
  ASSIGNED = 'ASSIGNED',
  HANDLING = 'HANDLING',
  REPLIED = 'REPLIED',
  /** Handled again after the proposer was dissatisfied with the first reply. */
  REHANDLING = 'REHANDLING',
  EVALUATED = 'EVALUATED',
  CLOSED = 'CLOSED',
}
registerEnumType(ProposalStatus, { name: 'ProposalStatus' });

/** Why a proposal is not registered (不予立案): the fixed list the review chooses from. */
export enum NotRegisteredReason {
  /** Outside what the CPPCC and the government can act on. */
  OUTSIDE_SCOPE = 'OUTSIDE_SCOPE',
  /** States a problem with no concrete suggestion. */
  NO_CONCRETE_SUGGESTION = 'NO_CONCRETE_SUGGESTION',
  /** One person's case, or a personnel matter. */
  INDIVIDUAL_CASE = 'INDIVIDUAL_CASE',
  /** Before a court or arbitration. */
  UNDER_LITIGATION = 'UNDER_LITIGATION',
  /** Already solved, or being solved under a plan in force. */
  ALREADY_ADDRESSED = 'ALREADY_ADDRESSED',
  /** The internal affairs of a party or organisation. */
  INTERNAL_AFFAIRS = 'INTERNAL_AFFAIRS',
}
registerEnumType(NotRegisteredReason, { name: 'NotRegisteredReason' });

/** How a department's reply classes the outcome. */
export enum ReplyResultClass {
  /** Solved or adopted. */
  A = 'A',
  /** Being solved, or planned. */
  B = 'B',
  /** Limited by present conditions; explained. */
  C = 'C',
  /** Kept for reference. */
  D = 'D',
}
registerEnumType(ReplyResultClass, { name: 'ReplyResultClass' });

export enum Evaluation {
  SATISFIED = 'SATISFIED',
  BASICALLY_SATISFIED = 'BASICALLY_SATISFIED',
  DISSATISFIED = 'DISSATISFIED',
}
registerEnumType(Evaluation, { name: 'Evaluation' });

/**
 * Which proposals a caller may see: those of the CPPCC (city or county) in its jurisdiction; a
 * department, those assigned to it (lead or co-handling). Homes and the public see none here.
 */
export const PROPOSAL_POLICY: RecordPolicy = {
  public: false,
  departments: { property: 'departmentIds', column: 'department_ids' },
};

/** A proposal (提案) to a city or county CPPCC. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A proposal (提案): registered, assigned, answered and evaluated.' })
@Filter(jurisdictionFilter(PROPOSAL_POLICY))
@Entity({ tableName: 'proposal' })
export class Proposal {
  [OptionalProps]?:
    | 'version'
    | 'createdAt'
    | 'updatedAt'
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
    | 'idempotencyKey';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

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

  @Field(() => ProposalKind)
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

  @Field()
  @Property({ type: 'text' })
  title: string;

  @Field()
  @Property({ type: 'text' })
  content: string;

  @Property({ type: 'uuid[]' })
  sourceDemandIds: string[] = [];

  @Property({ type: 'uuid[]' })
  sourceSessionIds: string[] = [];

  /** The homes of its source demands. */
  @Property({ type: 'uuid[]' })
  homeIds: string[] = [];

  @Field(() => ProposalStatus)
  @Property({ type: 'text' })
  status: ProposalStatus;

  @Field({ description: 'A key proposal (重点提案), followed by the CPPCC leadership.' })
  @Property({ type: 'boolean' })
  isKey: boolean = false;

  @Field(() => NotRegisteredReason, { nullable: true })
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

  @Field(() => DateScalar, { nullable: true })
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

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  registeredAt: Date | null = null;

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
