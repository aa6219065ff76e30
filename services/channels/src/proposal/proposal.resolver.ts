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
  findConnection,
  isUuid,
  likeEscape,
  toPage,
  FieldsOn,
  RecordQuery,
  StepInputArg,
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
import { PROPOSAL_ORDERS } from './proposal.loader';
import { isOverdue, overdueWhere } from './proposal.overdue';
import { InboxPageArgs, updatedSince } from '../shared/inbox-args';

export const ProposalConnection = Connection(Proposal);

@FieldsOn('department', ['text', 'resultClass', 'repliedOn', 'department'])
@ObjectType({ description: "The lead department's reply." })
export class ProposalReply {
  @Field({ description: 'The reply (答复), as sent to the proposer.' })
  text: string;

  @Field(() => ReplyResultClass, {
    description: 'A solved, B being solved, C limited, D for reference.',
  })
  resultClass: ReplyResultClass;

  @Field(() => DateScalar, { description: 'The day of the reply (`YYYY-MM-DD`).' })
  repliedOn: string;

  @Field(() => DepartmentReference, { description: 'The department that replied.' })
  department: DepartmentReference;
}

@FieldsOn('department', ['result', 'comment'])
@ObjectType({ description: "The proposer's evaluation of the reply." })
export class ProposalEvaluation {
  @Field(() => Evaluation, { description: 'Satisfied, basically satisfied or dissatisfied.' })
  result: Evaluation;

  @Field(() => String, { nullable: true, description: 'The proposer’s comment, if any.' })
  comment: string | null;
}

@ArgsType()
class ProposalsArgs extends InboxPageArgs {
  @Field(() => String, {
    nullable: true,
    description: 'Proposals of this CPPCC (3207, or a county code).',
  })
  divisionCode?: string | null;

  @Field(() => Int, { nullable: true, description: 'Proposals to the session of this year only.' })
  year?: number | null;

  @Field(() => [ProposalStatus], {
    nullable: true,
    description: 'Proposals in one of these statuses only.',
  })
  status?: ProposalStatus[] | null;

  @Field(() => ProposalKind, { nullable: true, description: 'Proposals of this kind only.' })
  kind?: ProposalKind | null;

  @Field(() => Boolean, { nullable: true, description: 'Key proposals (重点提案) only, or none.' })
  isKey?: boolean | null;

  @Field(() => ID, { nullable: true, description: 'Assigned to this department (lead or co).' })
  departmentId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Overdue ones only, or none.' })
  overdue?: boolean | null;
}

@Resolver(() => Proposal)
export class ProposalResolver extends RecordQuery(Proposal, {
  name: 'proposal',
  what: 'a proposal',
  surfaces: ['city', 'county', 'department'],
  load: ({ loaders }: Context, id) => loaders.proposal.byId.load(id),
}) {
  @OnSurfaces('city', 'county', 'department')
  @Query(() => ProposalConnection, {
    description:
      'Proposals you may see (a department: those assigned to it), newest first (by creation, then id): an order that never changes, so paging sees each proposal once.',
  })
  proposals(@Args(() => ProposalsArgs) args: ProposalsArgs, @Ctx() { em }: Context) {
    const page = toPage(args, '', PROPOSAL_ORDERS.proposals);
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
    if (args.updatedAfter) where.updatedAt = { $gte: updatedSince(args.updatedAfter)! };
    return findConnection(
      em,
      Proposal,
      all.length ? { $and: [where, ...all] } : where,
      { createdAt: 'desc', id: 'desc' },
      page,
    );
  }

  @OnSurfaces('city', 'county')
  @Mutation(() => Proposal, {
    description: 'Drafts a proposal (DRAFT). Retrying with the same key and input is safe.',
  })
  draftProposal(
    @Arg('input', () => DraftProposalInput, { description: 'The new proposal.' })
    input: DraftProposalInput,
    @Ctx() { em, caller }: Context,
  ) {
    return draftProposal(em, caller, input);
  }

  @OnSurfaces('city', 'county')
  @Mutation(() => Proposal, { description: 'Edits a draft or returned proposal.' })
  editProposal(
    @StepInputArg(ProposalStepInput) input: ProposalStepInput,
    @Arg('changes', () => ProposalChanges, {
      description: 'The new title, content or co-signers; fields left out keep their value.',
    })
    changes: ProposalChanges,
    @Ctx() { em, caller }: Context,
  ) {
    return editProposal(em, caller, input.proposalId, input.expectedVersion, changes);
  }

  @OnSurfaces('city', 'county')
  @Mutation(() => Proposal, {
    description: 'Submits a draft; the demands it cites go up (ESCALATED).',
  })
  submitProposal(
    @StepInputArg(ProposalStepInput) input: ProposalStepInput,
    @Ctx() { em, caller }: Context,
  ) {
    return submitProposal(em, caller, input.proposalId, input.expectedVersion);
  }

  @OnSurfaces('city', 'county')
  @Mutation(() => Proposal, { description: '立案: registers it with the next number of its year.' })
  registerProposal(
    @StepInputArg(ProposalStepInput) input: ProposalStepInput,
    @Arg('isKey', () => Boolean, {
      defaultValue: false,
      description: 'Flags it as a key proposal (重点提案); false unless given.',
    })
    isKey: boolean,
    @Ctx() { em, caller }: Context,
  ) {
    return registerProposal(em, caller, input.proposalId, input.expectedVersion, isKey);
  }

  @OnSurfaces('city', 'county')
  @Mutation(() => Proposal, { description: '不立案: declines it for one of the fixed reasons.' })
  declineProposal(
    @StepInputArg(ProposalStepInput) input: ProposalStepInput,
    @Arg('reason', () => NotRegisteredReason, {
      description: 'Why it is not registered (不予立案): one of the fixed reasons.',
    })
    reason: NotRegisteredReason,
    @Arg('turnIntoOpinion', () => Boolean, {
      defaultValue: false,
      description:
        'Passes it on as an opinion or suggestion (意见建议) instead; false unless given.',
    })
    turnIntoOpinion: boolean,
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
    @StepInputArg(ProposalStepInput) input: ProposalStepInput,
    @Arg('reason', () => String, { description: 'What to revise, shown to the proposer.' })
    reason: string,
    @Ctx() { em, caller }: Context,
  ) {
    return returnProposal(em, caller, input.proposalId, input.expectedVersion, reason);
  }

  @OnSurfaces('city', 'county')
  @Mutation(() => Proposal, { description: 'A returned proposal becomes a draft again.' })
  reviseProposal(
    @StepInputArg(ProposalStepInput) input: ProposalStepInput,
    @Ctx() { em, caller }: Context,
  ) {
    return reviseProposal(em, caller, input.proposalId, input.expectedVersion);
  }

  @OnSurfaces('city', 'county')
  @Mutation(() => Proposal, { description: 'Merges it into another proposal on the same matter.' })
  mergeProposal(
    @StepInputArg(ProposalStepInput) input: ProposalStepInput,
    @Arg('intoProposalId', () => ID, {
      description: 'The proposal on the same matter it is merged into.',
    })
    intoProposalId: string,
    @Ctx() { em, caller }: Context,
  ) {
    return mergeProposal(em, caller, input.proposalId, input.expectedVersion, intoProposalId);
  }

  @OnSurfaces('city', 'county')
  @Mutation(() => Proposal, {
    description: 'Assigns it to a lead department and co-handling ones; due in three months.',
  })
  assignProposal(
    @StepInputArg(ProposalStepInput) input: ProposalStepInput,
    @Arg('leadDepartmentId', () => ID, {
      description:
        'The lead department (主办单位) that answers it: one of the proposal’s county or of the city (docs/domain.md, “What a record may name”).',
    })
    leadDepartmentId: string,
    @Arg('coDepartmentIds', () => [ID], {
      nullable: true,
      description:
        'Co-handling departments (会办单位), if any: each one of the proposal’s county or of the city.',
    })
    coDepartmentIds: string[] | null,
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
    @StepInputArg(ProposalStepInput) input: ProposalStepInput,
    @Ctx() { em, caller }: Context,
  ) {
    return acceptProposal(em, caller, input.proposalId, input.expectedVersion);
  }

  @OnSurfaces('department')
  @Mutation(() => Proposal, {
    description: 'The lead department asks to send it back (within 10 days of assignment).',
  })
  sendBackProposal(
    @StepInputArg(ProposalStepInput) input: ProposalStepInput,
    @Arg('reason', () => String, {
      description: 'Why the department should not handle it, e.g. outside its remit.',
    })
    reason: string,
    @Ctx() { em, caller }: Context,
  ) {
    return sendBackProposal(em, caller, input.proposalId, input.expectedVersion, reason);
  }

  @OnSurfaces('city', 'county')
  @Mutation(() => Proposal, {
    description: 'The one extension of the due date (six months at most).',
  })
  extendProposal(
    @StepInputArg(ProposalStepInput) input: ProposalStepInput,
    @Arg('dueOn', () => DateScalar, {
      description: 'The new due date (`YYYY-MM-DD`), at most six months after assignment.',
    })
    dueOn: string,
    @Arg('reason', () => String, { description: 'Why more time is needed.' }) reason: string,
    @Ctx() { em, caller }: Context,
  ) {
    return extendProposal(em, caller, input.proposalId, input.expectedVersion, dueOn, reason);
  }

  @OnSurfaces('department')
  @Mutation(() => Proposal, {
    description: "The lead department's reply; the cited demands are answered.",
  })
  replyToProposal(
    @StepInputArg(ProposalStepInput) input: ProposalStepInput,
    @Arg('text', () => String, { description: 'The reply (答复), as sent to the proposer.' })
    text: string,
    @Arg('resultClass', () => ReplyResultClass, {
      description:
        'How the reply classes the outcome: A solved, B being solved, C limited by conditions, D for reference.',
    })
    resultClass: ReplyResultClass,
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
    @StepInputArg(ProposalStepInput) input: ProposalStepInput,
    @Arg('evaluation', () => Evaluation, {
      description: 'SATISFIED, BASICALLY_SATISFIED or DISSATISFIED (满意, 基本满意, 不满意).',
    })
    evaluation: Evaluation,
    @Arg('comment', () => String, {
      nullable: true,
      description: 'The proposer’s comment, if any.',
    })
    comment: string | null,
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
    @StepInputArg(ProposalStepInput) input: ProposalStepInput,
    @Ctx() { em, caller }: Context,
  ) {
    return closeProposal(em, caller, input.proposalId, input.expectedVersion);
  }

  @FieldResolver(() => DivisionReference, { description: 'The CPPCC it was submitted to.' })
  division(@Root() proposal: Proposal) {
    return { code: proposal.divisionCode };
  }

  @FieldResolver(() => MemberReference, {
    nullable: true,
    description: 'The lead proposer (MEMBER, MEMBER_GROUP).',
  })
  leadProposer(@Root() proposal: Proposal) {
    return proposal.leadMemberId ? ref(proposal.leadMemberId) : null;
  }

  // Items nullable: a co-signer outside the caller's jurisdiction resolves to null.
  @FieldResolver(() => [MemberReference], {
    description: 'The co-signers of a joint proposal (联名提案).',
    nullable: 'items',
  })
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

  @FieldResolver(() => DepartmentReference, {
    nullable: true,
    description: 'The lead department (主办单位) once assigned.',
  })
  leadDepartment(@Root() proposal: Proposal) {
    return proposal.leadDepartmentId ? ref(proposal.leadDepartmentId) : null;
  }

  @FieldResolver(() => [DepartmentReference], {
    description: 'The co-handling departments (会办单位).',
  })
  coDepartments(@Root() proposal: Proposal) {
    return refs(proposal.coDepartmentIds);
  }

  @FieldResolver(() => Boolean, { description: 'Past its due date and not yet replied to.' })
  isOverdue(@Root() proposal: Proposal): boolean {
    return isOverdue(proposal);
  }

  @FieldResolver(() => ProposalReply, {
    nullable: true,
    description: 'The lead department’s reply, once REPLIED (the latest one after rehandling).',
  })
  reply(@Root() proposal: Proposal): ProposalReply | null {
    if (!proposal.replyText) return null;
    return {
      text: proposal.replyText,
      resultClass: proposal.resultClass!,
      repliedOn: proposal.repliedOn!,
      department: ref(proposal.repliedByDepartmentId!),
    };
  }

  @FieldResolver(() => ProposalEvaluation, {
    nullable: true,
    description: 'The proposer’s evaluation of the reply, once EVALUATED.',
  })
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
