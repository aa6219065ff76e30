import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import {
  BadUserInputError,
  InvalidTransitionError,
  NotFoundError,
  checkVersion,
  executeIn,
  inTransaction,
  isUuid,
  recordStep,
  requireActor,
  requireDate,
  requireYear,
  requireText,
  idempotencyOf,
  takeStep,
  todayInCity,
  type Caller,
  type StepChange,
  type StepChoice,
  createThroughWorkflow,
} from '@cppcc/toolkit';
import { referencesAt, requireReferences } from '@cppcc/organization-feed';
import { carryToSourceDemands, requireSources } from '../demand/demand.service';
import { addMonths } from '../shared/dates';
import { requireCommitteeDivision, requireId, requireIds } from '../shared/validation';
import {
  Evaluation,
  NotRegisteredReason,
  Proposal,
  ProposalKind,
  ProposalStatus,
  type ReplyResultClass,
} from './proposal.entity';
import type { DraftProposalInput, ProposalChanges } from './proposal.inputs';
import {
  HANDLING_MONTHS,
  MAX_HANDLING_MONTHS,
  MAX_HANDLING_ROUNDS,
  PROPOSAL_EDITS,
  REHANDLING_MONTHS,
  PROPOSAL_WORKFLOW,
  type ProposalStep,
} from './proposal.workflow';

/** Who proposes, as the kind requires: a member (and co-signers), a committee or a group. */
function proposers(input: DraftProposalInput) {
  const coSignerIds = requireIds(input.coSignerIds, 'input.coSignerIds');
  const none = { leadMemberId: null, committeeId: null, groupName: null };
  switch (input.kind) {
    case ProposalKind.MEMBER:
    case ProposalKind.MEMBER_GROUP: {
      if (!input.leadMemberId) {
        throw new BadUserInputError(
          'A member proposal names its lead proposer.',
          'input.leadMemberId',
        );
      }
      const leadMemberId = requireId(input.leadMemberId, 'input.leadMemberId');
      const others = coSignerIds.filter((id) => id !== leadMemberId);
      if (input.kind === ProposalKind.MEMBER && others.length) {
        throw new BadUserInputError(
          'A proposal of one member has no co-signers (MEMBER_GROUP has).',
          'input.coSignerIds',
        );
      }
      if (input.kind === ProposalKind.MEMBER_GROUP && !others.length) {
        throw new BadUserInputError(
          'A proposal of a group of members needs co-signers.',
          'input.coSignerIds',
        );
      }
      return { ...none, leadMemberId, coSignerIds: others };
    }
    case ProposalKind.SPECIAL_COMMITTEE:
      if (!input.committeeId) {
        throw new BadUserInputError('Name the proposing special committee.', 'input.committeeId');
      }
      return {
        ...none,
        committeeId: requireId(input.committeeId, 'input.committeeId'),
        coSignerIds,
      };
    case ProposalKind.PARTY_GROUP:
      return {
        ...none,
        groupName: requireText(input.groupName, 'input.groupName', 100),
        coSignerIds,
      };
  }
}

/** Drafts a proposal (DRAFT); the demands it cites must be visible to the caller and open. */
export async function draftProposal(
  em: EntityManager,
  caller: Caller,
  input: DraftProposalInput,
): Promise<Proposal> {
  requireActor(PROPOSAL_WORKFLOW, 'submit', caller);
  const divisionCode = requireCommitteeDivision(
    caller,
    input.divisionCode ?? caller.division,
    'input.divisionCode',
  );
  const year = requireYear(input.year ?? Number(todayInCity().slice(0, 4)), 'input.year');
  const who = proposers(input);
  await requireReferences(em, divisionCode, [
    ...(who.leadMemberId
      ? [{ kind: 'member' as const, id: who.leadMemberId, field: 'input.leadMemberId' }]
      : []),
    ...referencesAt('member', input.coSignerIds, 'input.coSignerIds'),
  ]);
  const title = requireText(input.title, 'input.title', 200);
  const content = requireText(input.content, 'input.content', 20_000);
  const sources = await requireSources(
    em,
    divisionCode,
    input.sourceDemandIds,
    input.sourceSessionIds,
  );
  const idempotency = idempotencyOf(caller, input);
  return createThroughWorkflow(em, caller, PROPOSAL_WORKFLOW, idempotency, {
    step: 'draft',
    data: () => ({
      divisionCode,
      year,
      kind: input.kind,
      ...who,
      title,
      content,
      ...sources,
      status: ProposalStatus.DRAFT,
    }),
  });
}

/** Takes one step of a proposal's life (PROPOSAL_STEPS decides), with its changes. */
function step(
  em: EntityManager,
  caller: Caller,
  proposalId: string,
  expectedVersion: number | null | undefined,
  name: ProposalStep | StepChoice<Proposal, ProposalStep>,
  change: StepChange<Proposal>,
): Promise<Proposal> {
  return takeStep(em, caller, PROPOSAL_WORKFLOW, proposalId, expectedVersion, name, change);
}

/** Edits a draft or returned proposal against its version. */
export function editProposal(
  em: EntityManager,
  caller: Caller,
  proposalId: string,
  expectedVersion: number | null | undefined,
  changes: ProposalChanges,
): Promise<Proposal> {
  requireActor(PROPOSAL_WORKFLOW, 'revise', caller);
  const title = changes.title == null ? null : requireText(changes.title, 'changes.title', 200);
  const content =
    changes.content == null ? null : requireText(changes.content, 'changes.content', 20_000);
  const coSignerIds =
    changes.coSignerIds == null ? null : requireIds(changes.coSignerIds, 'changes.coSignerIds');
  return inTransaction(em, 'Proposal', async (tx) => {
    // Locked like a step's record: an edit and a step sent at once never interleave.
    const proposal = isUuid(proposalId)
      ? await tx.findOne(Proposal, { id: proposalId }, { lockMode: LockMode.PESSIMISTIC_WRITE })
      : null;
    if (!proposal) throw new NotFoundError('Proposal', { field: 'input.proposalId' });
    checkVersion('Proposal', proposal, expectedVersion);
    if (!(PROPOSAL_EDITS.editProposal as readonly ProposalStatus[]).includes(proposal.status)) {
      throw new InvalidTransitionError('The proposal', proposal.status, 'editProposal');
    }
    if (title) proposal.title = title;
    if (content) proposal.content = content;
    if (coSignerIds) {
      await requireReferences(
        tx,
        proposal.divisionCode,
        referencesAt('member', changes.coSignerIds, 'changes.coSignerIds'),
      );
      const others = coSignerIds.filter((id) => id !== proposal.leadMemberId);
      if (proposal.kind === ProposalKind.MEMBER_GROUP && !others.length) {
        throw new BadUserInputError(
          'A proposal of a group of members needs co-signers.',
          'changes.coSignerIds',
        );
      }
      if (proposal.kind === ProposalKind.MEMBER && others.length) {
        throw new BadUserInputError(
          'A proposal of one member has no co-signers.',
          'changes.coSignerIds',
        );
      }
      proposal.coSignerIds = others;
    }
    recordStep(tx, caller, PROPOSAL_WORKFLOW, proposal, 'edit', proposal.status, {
      fields: Object.keys(changes).filter(
        (field) => changes[field as keyof ProposalChanges] != null,
      ),
    });
    await tx.flush();
    return proposal;
  });
}

/** Submitted: the demands it cites have gone up (ESCALATED). */
export function submitProposal(
  em: EntityManager,
  caller: Caller,
  id: string,
  version?: number | null,
) {
  return step(em, caller, id, version, 'submit', async (proposal, tx) => {
    proposal.submittedAt = new Date();
    await carryToSourceDemands(tx, caller, proposal.sourceDemandIds, 'escalate', {
      channel: 'PROPOSAL',
      proposalId: proposal.id,
    });
    return {};
  });
}

/** 立案: the next number of its CPPCC's year, taken under the counter's row lock. */
export function registerProposal(
  em: EntityManager,
  caller: Caller,
  id: string,
  version: number | null | undefined,
  isKey: boolean,
) {
  return step(em, caller, id, version, 'register', async (proposal, tx) => {
    const [{ last_number }] = await executeIn<Array<{ last_number: number }>>(
      tx,
      `insert into proposal_number (division_code, year, last_number) values (?, ?, 1)
       on conflict (division_code, year) do update set last_number = proposal_number.last_number + 1
       returning last_number`,
      [proposal.divisionCode, proposal.year],
    );
    proposal.number = last_number;
    proposal.isKey = isKey;
    proposal.registeredAt = new Date();
    return { number: last_number, isKey };
  });
}

export function declineProposal(
  em: EntityManager,
  caller: Caller,
  id: string,
  version: number | null | undefined,
  reason: NotRegisteredReason,
  turnedIntoOpinion: boolean,
) {
  return step(em, caller, id, version, 'decline', (proposal) => {
    proposal.notRegisteredReason = reason;
    proposal.turnedIntoOpinion = turnedIntoOpinion;
    return { reason, turnedIntoOpinion };
  });
}

export function returnProposal(
  em: EntityManager,
  caller: Caller,
  id: string,
  version: number | null | undefined,
  reason: string,
) {
  const text = requireText(reason, 'reason', 1_000);
  return step(em, caller, id, version, 'return', (proposal) => {
    proposal.returnReason = text;
    return { reason: text };
  });
}

/** A returned proposal becomes a draft again, to be edited and submitted anew. */
export function reviseProposal(
  em: EntityManager,
  caller: Caller,
  id: string,
  version?: number | null,
) {
  return step(em, caller, id, version, 'revise', () => ({}));
}

/**
 * Merged into another proposal of the same CPPCC and year on the same matter: the other carries
 * its proposers (as co-signers) and its sources from now on.
 */
export function mergeProposal(
  em: EntityManager,
  caller: Caller,
  id: string,
  version: number | null | undefined,
  intoId: string,
) {
  requireId(intoId, 'intoProposalId');
  if (intoId === id)
    throw new BadUserInputError('A proposal cannot merge into itself.', 'intoProposalId');
  return step(em, caller, id, version, 'merge', async (proposal, tx) => {
    const into = await tx.findOne(Proposal, { id: intoId });
    if (!into) throw new BadUserInputError('There is no such proposal.', 'intoProposalId');
    if (into.divisionCode !== proposal.divisionCode || into.year !== proposal.year) {
      throw new BadUserInputError(
        'Proposals merge within the same CPPCC and year.',
        'intoProposalId',
      );
    }
    if (into.status !== ProposalStatus.SUBMITTED && into.status !== ProposalStatus.REGISTERED) {
      throw new BadUserInputError(
        `The proposal to merge into is ${into.status}: only a submitted or registered one takes others in.`,
        'intoProposalId',
      );
    }
    const union = (a: string[], b: (string | null)[]) => [
      ...new Set([...a, ...b.filter((value): value is string => value !== null)]),
    ];
    into.coSignerIds = union(into.coSignerIds, [
      proposal.leadMemberId,
      ...proposal.coSignerIds,
    ]).filter((member) => member !== into.leadMemberId);
    into.sourceDemandIds = union(into.sourceDemandIds, proposal.sourceDemandIds);
    into.sourceSessionIds = union(into.sourceSessionIds, proposal.sourceSessionIds);
    into.homeIds = union(into.homeIds, proposal.homeIds);
    proposal.mergedIntoId = into.id;
    recordStep(tx, caller, PROPOSAL_WORKFLOW, into, 'takeIn', into.status, {
      proposalId: proposal.id,
    });
    return { intoProposalId: into.id };
  });
}

/** Assigned to a lead department and co-handling ones, due three months after today. */
export function assignProposal(
  em: EntityManager,
  caller: Caller,
  id: string,
  version: number | null | undefined,
  leadDepartmentId: string,
  coDepartmentIds: string[] | null | undefined,
) {
  requireId(leadDepartmentId, 'leadDepartmentId');
  const co = requireIds(coDepartmentIds, 'coDepartmentIds');
  if (co.includes(leadDepartmentId)) {
    throw new BadUserInputError(
      'The lead department is not also a co-handling one.',
      'coDepartmentIds',
    );
  }
  return step(em, caller, id, version, 'assign', async (proposal, tx) => {
    await requireReferences(tx, proposal.divisionCode, [
      { kind: 'department', id: leadDepartmentId, field: 'leadDepartmentId' },
      ...referencesAt('department', coDepartmentIds, 'coDepartmentIds'),
    ]);
    const today = todayInCity();
    proposal.leadDepartmentId = leadDepartmentId;
    proposal.coDepartmentIds = co;
    proposal.departmentIds = [leadDepartmentId, ...co];
    proposal.assignedOn = today;
    proposal.dueOn = addMonths(today, HANDLING_MONTHS);
    proposal.extended = false;
    return { leadDepartmentId, coDepartmentIds: co, dueOn: proposal.dueOn };
  });
}

export function acceptProposal(
  em: EntityManager,
  caller: Caller,
  id: string,
  version?: number | null,
) {
  return step(em, caller, id, version, 'accept', () => ({}));
}

/** The lead department asks to send it back within 10 days of assignment; it awaits reassignment. */
export function sendBackProposal(
  em: EntityManager,
  caller: Caller,
  id: string,
  version: number | null | undefined,
  reason: string,
) {
  const text = requireText(reason, 'reason', 1_000);
  return step(em, caller, id, version, 'sendBack', (proposal) => {
    const detail = { reason: text, departmentId: proposal.leadDepartmentId };
    proposal.leadDepartmentId = null;
    proposal.coDepartmentIds = [];
    proposal.departmentIds = [];
    proposal.assignedOn = null;
    proposal.dueOn = null;
    return detail;
  });
}

/** The one extension: a later due date, six months after assignment at most. */
export function extendProposal(
  em: EntityManager,
  caller: Caller,
  id: string,
  version: number | null | undefined,
  dueOn: string,
  reason: string,
) {
  const date = requireDate(dueOn, 'dueOn');
  const text = requireText(reason, 'reason', 1_000);
  return step(em, caller, id, version, 'extend', (proposal) => {
    const latest = addMonths(proposal.assignedOn!, MAX_HANDLING_MONTHS);
    if (date <= proposal.dueOn! || date > latest) {
      throw new BadUserInputError(
        `dueOn must be after ${proposal.dueOn} and at most ${latest} (six months after assignment).`,
        'dueOn',
      );
    }
    const detail = { from: proposal.dueOn, to: date, reason: text };
    proposal.dueOn = date;
    proposal.extended = true;
    return detail;
  });
}

/** The lead department's reply; the demands it carried up are answered. */
export function replyToProposal(
  em: EntityManager,
  caller: Caller,
  id: string,
  version: number | null | undefined,
  text: string,
  resultClass: ReplyResultClass,
) {
  const reply = requireText(text, 'text', 20_000);
  return step(em, caller, id, version, 'reply', async (proposal, tx) => {
    proposal.replyText = reply;
    proposal.resultClass = resultClass;
    proposal.repliedOn = todayInCity();
    proposal.repliedByDepartmentId = caller.departmentId!;
    proposal.handlingRounds += 1;
    proposal.evaluation = null;
    proposal.evaluationComment = null;
    await carryToSourceDemands(tx, caller, proposal.sourceDemandIds, 'answer', {
      channel: 'PROPOSAL',
      proposalId: proposal.id,
      resultClass,
    });
    return { resultClass, round: proposal.handlingRounds };
  });
}

/**
 * The proposer's evaluation of the reply. Dissatisfied with the first reply: handled once more
 * (REHANDLING, due a month later); otherwise, or after the second reply, it is final.
 */
export function evaluateProposal(
  em: EntityManager,
  caller: Caller,
  id: string,
  version: number | null | undefined,
  evaluation: Evaluation,
  comment: string | null | undefined,
) {
  const text = comment == null ? null : requireText(comment, 'comment', 2_000);
  if (evaluation === Evaluation.DISSATISFIED && !text) {
    throw new BadUserInputError('Say what the reply left unanswered.', 'comment');
  }
  const stepOf = (proposal: Proposal): ProposalStep =>
    evaluation === Evaluation.DISSATISFIED && proposal.handlingRounds < MAX_HANDLING_ROUNDS
      ? 'rehandle'
      : 'evaluate';
  const choice = { among: ['evaluate', 'rehandle'] as const, pick: stepOf };
  return step(em, caller, id, version, choice, (proposal) => {
    proposal.evaluation = evaluation;
    proposal.evaluationComment = text;
    if (stepOf(proposal) === 'rehandle') {
      proposal.dueOn = addMonths(todayInCity(), REHANDLING_MONTHS);
    }
    return { evaluation };
  });
}

export function closeProposal(
  em: EntityManager,
  caller: Caller,
  id: string,
  version?: number | null,
) {
  return step(em, caller, id, version, 'close', (proposal) => {
    proposal.closedAt = new Date();
    return {};
  });
}
