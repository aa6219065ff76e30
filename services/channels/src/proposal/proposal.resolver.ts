import {
  Arg,
  Args,
  ArgsType,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { FilterQuery } from '@mikro-orm/postgresql';
import {
  Connection,
  DateScalar,
  OnSurfaces,
  PageArgs,
  findConnection,
  isUuid,
  likeEscape,
  toPage,
  todayInCity,
} from '@cppcc/toolkit';
import type { Context } from '../context';
import { ChannelEvent } from '../history/channel-event.entity';
import { Sources, sourcesOf } from '../lineage/escalation';
import {
  CommitteeReference,
  DepartmentReference,
  DivisionReference,
  MemberReference,
  ref,
  refs,
} from '../shared/references';
import {
  Evaluation,
  NotRegisteredReason,
  Proposal,
  ProposalKind,
  ProposalStatus,
  ReplyResultClass,
} from './proposal.entity';
import { DraftProposalInput, ProposalChanges, ProposalStepInput } from './proposal.inputs';
import {
  acceptProposal,
  assignProposal,
  closeProposal,
  declineProposal,
  draftProposal,
  editProposal,
  evaluateProposal,
  extendProposal,
  mergeProposal,
  registerProposal,
  replyToProposal,
  returnProposal,
  reviseProposal,
  sendBackProposal,
  submitProposal,
} from './proposal.service';
import { OPEN_FOR_DEPARTMENT } from './proposal.workflow';

export const ProposalConnection = Connection(Proposal);

@ObjectType({ description: "The lead department's reply." })
export class ProposalReply {
  @Field()
  text: string;

  @Field(() => ReplyResultClass)
  resultClass: ReplyResultClass;

  @Field(() => DateScalar)
  repliedOn: string;

  @Field(() => DepartmentReference)
  department: DepartmentReference;
}

@ObjectType({ description: "The proposer's evaluation of the reply." })
export class ProposalEvaluation {
  @Field(() => Evaluation)
  result: Evaluation;

  @Field(() => String, { nullable: true })
  comment: string | null;
}

@ArgsType()
class ProposalsArgs extends PageArgs {
  @Field(() => String, {
    nullable: true,
    description: 'Proposals of this CPPCC (3207, or a county code).',
  })
  divisionCode?: string | null;

  @Field(() => Int, { nullable: true })
  year?: number | null;

  @Field(() => [ProposalStatus], { nullable: true })
  status?: ProposalStatus[] | null;

  @Field(() => ProposalKind, { nullable: true })
  kind?: ProposalKind | null;

  @Field(() => Boolean, { nullable: true, description: 'Key proposals (重点提案) only, or none.' })
  isKey?: boolean | null;

  @Field(() => ID, { nullable: true, description: 'Assigned to this department (lead or co).' })
  departmentId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Overdue ones only, or none.' })
  overdue?: boolean | null;
}

/** The ORM condition of "overdue" (true) or "not overdue" (false) today. */
export function overdueWhere(overdue: boolean): FilterQuery<Proposal> {
  const today = todayInCity();
  return overdue
    ? { status: { $in: [...OPEN_FOR_DEPARTMENT] }, dueOn: { $lt: today } }
    : { $or: [{ status: { $nin: [...OPEN_FOR_DEPARTMENT] } }, { dueOn: { $gte: today } }] };
}

@Resolver(() => Proposal)
export class ProposalResolver {
  @OnSurfaces('city', 'county', 'department')
  @Query(() => Proposal, {
    nullable: true,
    description: 'A proposal by id; null when absent or outside your jurisdiction.',
  })
  proposal(@Arg('id', () => ID) id: string, @Ctx() { loaders }: Context) {
    return isUuid(id) ? loaders.proposal.byId.load(id) : null;
  }

  @OnSurfaces('city', 'county', 'department')
  @Query(() => ProposalConnection, {
    description: 'Proposals you may see (a department: those assigned to it), latest first.',
  })
  proposals(@Args(() => ProposalsArgs) args: ProposalsArgs, @Ctx() { em }: Context) {
    const page = toPage(args);
    const where: FilterQuery<Proposal> & Record<string, unknown> = {};
    const all: Array<FilterQuery<Proposal>> = [];
    if (args.divisionCode) where.divisionCode = { $like: `${likeEscape(args.divisionCode)}%` };
    if (args.year) where.year = args.year;
    if (args.status?.length) where.status = { $in: args.status };
    if (args.kind) where.kind = args.kind;
    if (args.isKey != null) where.isKey = args.isKey;
    if (args.departmentId) {
      where.departmentIds = isUuid(args.departmentId)
        ? { $contains: [args.departmentId] }
        : { $in: [] };
    }
    if (args.overdue != null) all.push(overdueWhere(args.overdue));
    return findConnection(
      em,
      Proposal,
      all.length ? { $and: [where, ...all] } : where,
      { year: 'desc', number: 'asc', createdAt: 'desc', id: 'asc' },
      page,
    );
  }

  @OnSurfaces('city', 'county')
  @Mutation(() => Proposal, {
    description: 'Drafts a proposal (DRAFT). Retrying with the same key is safe.',
  })
  draftProposal(
    @Arg('input', () => DraftProposalInput) input: DraftProposalInput,
    @Ctx() { em, caller }: Context,
  ) {
    return draftProposal(em, caller, input);
  }

  @OnSurfaces('city', 'county')
  @Mutation(() => Proposal, { description: 'Edits a draft or returned proposal.' })
  editProposal(
    @Arg('input', () => ProposalStepInput) input: ProposalStepInput,
    @Arg('changes', () => ProposalChanges) changes: ProposalChanges,
    @Ctx() { em, caller }: Context,
  ) {
    return editProposal(em, caller, input.proposalId, input.expectedVersion, changes);
  }

  @OnSurfaces('city', 'county')
  @Mutation(() => Proposal, {
    description: 'Submits a draft; the demands it cites go up (ESCALATED).',
  })
  submitProposal(
    @Arg('input', () => ProposalStepInput) input: ProposalStepInput,
    @Ctx() { em, caller }: Context,
  ) {
    return submitProposal(em, caller, input.proposalId, input.expectedVersion);
  }

  @OnSurfaces('city', 'county')
  @Mutation(() => Proposal, { description: '立案: registers it with the next number of its year.' })
  registerProposal(
    @Arg('input', () => ProposalStepInput) input: ProposalStepInput,
    @Arg('isKey', () => Boolean, { defaultValue: false }) isKey: boolean,
    @Ctx() { em, caller }: Context,
  ) {
    return registerProposal(em, caller, input.proposalId, input.expectedVersion, isKey);
  }

  @OnSurfaces('city', 'county')
  @Mutation(() => Proposal, { description: '不立案: declines it for one of the fixed reasons.' })
  declineProposal(
    @Arg('input', () => ProposalStepInput) input: ProposalStepInput,
    @Arg('reason', () => NotRegisteredReason) reason: NotRegisteredReason,
    @Arg('turnIntoOpinion', () => Boolean, { defaultValue: false }) turnIntoOpinion: boolean,
    @Ctx() { em, caller }: Context,
  ) {
    return declineProposal(
      em,
      caller,
      input.proposalId,
      input.expectedVersion,
      reason,
      turnIntoOpinion,
    );
  }

  @OnSurfaces('city', 'county')
  @Mutation(() => Proposal, { description: 'Returns it to the proposer for revision.' })
  returnProposal(
    @Arg('input', () => ProposalStepInput) input: ProposalStepInput,
    @Arg('reason', () => String) reason: string,
    @Ctx() { em, caller }: Context,
  ) {
    return returnProposal(em, caller, input.proposalId, input.expectedVersion, reason);
  }

  @OnSurfaces('city', 'county')
  @Mutation(() => Proposal, { description: 'A returned proposal becomes a draft again.' })
  reviseProposal(
    @Arg('input', () => ProposalStepInput) input: ProposalStepInput,
    @Ctx() { em, caller }: Context,
  ) {
    return reviseProposal(em, caller, input.proposalId, input.expectedVersion);
  }

  @OnSurfaces('city', 'county')
  @Mutation(() => Proposal, { description: 'Merges it into another proposal on the same matter.' })
  mergeProposal(
    @Arg('input', () => ProposalStepInput) input: ProposalStepInput,
    @Arg('intoProposalId', () => ID) intoProposalId: string,
    @Ctx() { em, caller }: Context,
  ) {
    return mergeProposal(em, caller, input.proposalId, input.expectedVersion, intoProposalId);
  }

  @OnSurfaces('city', 'county')
  @Mutation(() => Proposal, {
    description: 'Assigns it to a lead department and co-handling ones; due in three months.',
  })
  assignProposal(
    @Arg('input', () => ProposalStepInput) input: ProposalStepInput,
    @Arg('leadDepartmentId', () => ID) leadDepartmentId: string,
    @Arg('coDepartmentIds', () => [ID], { nullable: true }) coDepartmentIds: string[] | null,
    @Ctx() { em, caller }: Context,
  ) {
    return assignProposal(
      em,
      caller,
      input.proposalId,
      input.expectedVersion,
      leadDepartmentId,
      coDepartmentIds,
    );
  }

  @OnSurfaces('department')
  @Mutation(() => Proposal, { description: 'The lead department accepts the proposal.' })
  acceptProposal(
    @Arg('input', () => ProposalStepInput) input: ProposalStepInput,
    @Ctx() { em, caller }: Context,
  ) {
    return acceptProposal(em, caller, input.proposalId, input.expectedVersion);
  }

  @OnSurfaces('department')
  @Mutation(() => Proposal, {
    description: 'The lead department asks to send it back (within 10 days of assignment).',
  })
  sendBackProposal(
    @Arg('input', () => ProposalStepInput) input: ProposalStepInput,
    @Arg('reason', () => String) reason: string,
    @Ctx() { em, caller }: Context,
  ) {
    return sendBackProposal(em, caller, input.proposalId, input.expectedVersion, reason);
  }

  @OnSurfaces('city', 'county')
  @Mutation(() => Proposal, {
    description: 'The one extension of the due date (six months at most).',
  })
  extendProposal(
    @Arg('input', () => ProposalStepInput) input: ProposalStepInput,
    @Arg('dueOn', () => DateScalar) dueOn: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() { em, caller }: Context,
  ) {
    return extendProposal(em, caller, input.proposalId, input.expectedVersion, dueOn, reason);
  }

  @OnSurfaces('department')
  @Mutation(() => Proposal, {
    description: "The lead department's reply; the cited demands are answered.",
  })
  replyToProposal(
    @Arg('input', () => ProposalStepInput) input: ProposalStepInput,
    @Arg('text', () => String) text: string,
    @Arg('resultClass', () => ReplyResultClass) resultClass: ReplyResultClass,
    @Ctx() { em, caller }: Context,
  ) {
    return replyToProposal(em, caller, input.proposalId, input.expectedVersion, text, resultClass);
  }

  @OnSurfaces('city', 'county')
  @Mutation(() => Proposal, {
    description:
      "Records the proposer's evaluation; dissatisfied with a first reply, it is handled again.",
  })
  evaluateProposal(
    @Arg('input', () => ProposalStepInput) input: ProposalStepInput,
    @Arg('evaluation', () => Evaluation) evaluation: Evaluation,
    @Arg('comment', () => String, { nullable: true }) comment: string | null,
    @Ctx() { em, caller }: Context,
  ) {
    return evaluateProposal(
      em,
      caller,
      input.proposalId,
      input.expectedVersion,
      evaluation,
      comment,
    );
  }

  @OnSurfaces('city', 'county')
  @Mutation(() => Proposal, { description: 'Closes an evaluated proposal.' })
  closeProposal(
    @Arg('input', () => ProposalStepInput) input: ProposalStepInput,
    @Ctx() { em, caller }: Context,
  ) {
    return closeProposal(em, caller, input.proposalId, input.expectedVersion);
  }

  @FieldResolver(() => DivisionReference, { description: 'The CPPCC it was submitted to.' })
  division(@Root() proposal: Proposal) {
    return { code: proposal.divisionCode };
  }

  @FieldResolver(() => MemberReference, { nullable: true })
  leadProposer(@Root() proposal: Proposal) {
    return proposal.leadMemberId ? ref(proposal.leadMemberId) : null;
  }

  // Items nullable: a co-signer outside the caller's jurisdiction resolves to null (issue 11).
  @FieldResolver(() => [MemberReference], { nullable: 'items' })
  coSigners(@Root() proposal: Proposal) {
    return refs(proposal.coSignerIds);
  }

  @FieldResolver(() => CommitteeReference, {
    nullable: true,
    description: 'The proposing committee.',
  })
  committee(@Root() proposal: Proposal) {
    return proposal.committeeId ? ref(proposal.committeeId) : null;
  }

  @FieldResolver(() => Proposal, {
    nullable: true,
    description: 'The proposal it was merged into.',
  })
  mergedInto(@Root() proposal: Proposal, @Ctx() { loaders }: Context) {
    return proposal.mergedIntoId ? loaders.proposal.byId.load(proposal.mergedIntoId) : null;
  }

  @FieldResolver(() => DepartmentReference, { nullable: true })
  leadDepartment(@Root() proposal: Proposal) {
    return proposal.leadDepartmentId ? ref(proposal.leadDepartmentId) : null;
  }

  @FieldResolver(() => [DepartmentReference])
  coDepartments(@Root() proposal: Proposal) {
    return refs(proposal.coDepartmentIds);
  }

  @FieldResolver(() => Boolean, { description: 'Past its due date and not yet replied to.' })
  isOverdue(@Root() proposal: Proposal): boolean {
    return (
      OPEN_FOR_DEPARTMENT.includes(proposal.status) &&
      proposal.dueOn !== null &&
      proposal.dueOn < todayInCity()
    );
  }

  @FieldResolver(() => ProposalReply, { nullable: true })
  reply(@Root() proposal: Proposal): ProposalReply | null {
    if (!proposal.replyText) return null;
    return {
      text: proposal.replyText,
      resultClass: proposal.resultClass!,
      repliedOn: proposal.repliedOn!,
      department: ref(proposal.repliedByDepartmentId!),
    };
  }

  @FieldResolver(() => ProposalEvaluation, { nullable: true })
  evaluation(@Root() proposal: Proposal): ProposalEvaluation | null {
    return proposal.evaluation
      ? { result: proposal.evaluation, comment: proposal.evaluationComment }
      : null;
  }

  @FieldResolver(() => Sources, { description: 'The demands, sessions and homes it came from.' })
  sources(@Root() proposal: Proposal): Sources {
    return sourcesOf(proposal);
  }

  @FieldResolver(() => [ChannelEvent], { description: 'Every step, dated and attributed.' })
  history(@Root() proposal: Proposal, @Ctx() { loaders }: Context) {
    return loaders.history.load(proposal.id);
  }
}

export const proposalReference = {
  Proposal: {
    __resolveReference: (reference: { id: string }, { loaders }: Context) =>
      loaders.proposal.byId.load(reference.id),
  },
};
