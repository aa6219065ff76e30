import {
  ACTORS,
  ForbiddenError,
  InvalidTransitionError,
  todayInCity,
  type Caller,
  defineWorkflow,
} from '@cppcc/toolkit';
import { ChannelRecordKind } from '../history/channel-event.entity';
import { channelHistory } from '../history/channel-event';
import { addDays } from '../shared/dates';
import { Proposal, ProposalStatus as S } from './proposal.entity';
import { proposalEvents } from '../event/channel-events';

/** Months from assignment to the due date, the most it may reach, days to ask to send it back. */
export const HANDLING_MONTHS = 3;
export const MAX_HANDLING_MONTHS = 6;
export const SEND_BACK_DAYS = 10;
/** A second round of handling after dissatisfaction is due a month after the evaluation. */
export const REHANDLING_MONTHS = 1;
/** Rounds of handling: the first reply and, after dissatisfaction, one more. */
export const MAX_HANDLING_ROUNDS = 2;

/** Only the lead department accepts, replies or asks to send a proposal back. */
function leadDepartmentOnly(proposal: Proposal, caller: Caller): void {
  if (proposal.leadDepartmentId !== caller.departmentId) {
    throw new ForbiddenError(
      'Only the lead department does this; co-handling departments send their opinions to it.',
    );
  }
}

/** Sent back within 10 days of assignment, by the lead department. */
function sendBackInTime(proposal: Proposal, caller: Caller): void {
  leadDepartmentOnly(proposal, caller);
  if (todayInCity() > addDays(proposal.assignedOn!, SEND_BACK_DAYS)) {
    throw new InvalidTransitionError(
      'The proposal',
      proposal.status,
      'sendBack',
      `more than ${SEND_BACK_DAYS} days since it was assigned on ${proposal.assignedOn}`,
    );
  }
}

/** The due date is extended once. */
function notExtendedYet(proposal: Proposal): void {
  if (proposal.extended) {
    throw new InvalidTransitionError(
      'The proposal',
      proposal.status,
      'extend',
      'it was extended once already',
    );
  }
}

/**
 * A proposal's life, as data (docs/domain.md), with who may take each step and what else it needs.
 * The engine reads this table and nothing else to decide whether a step is allowed; the
 * workflow tests walk it.
 */
export const PROPOSAL_STEPS = {
  /** Filed with the proposals committee (co-signers have signed). */
  submit: { from: [S.DRAFT], to: S.SUBMITTED, actor: ACTORS.OFFICE },
  /** 立案: given the next number of the year; may be flagged KEY. */
  register: { from: [S.SUBMITTED], to: S.REGISTERED, actor: ACTORS.OFFICE },
  /** 不立案, with a reason from the fixed list; may be passed on as an opinion. */
  decline: { from: [S.SUBMITTED], to: S.NOT_REGISTERED, actor: ACTORS.OFFICE },
  /** Returned to the proposer for revision, with the reason. */
  return: { from: [S.SUBMITTED], to: S.RETURNED, actor: ACTORS.OFFICE },
  /** The proposer revises a returned proposal; it is a draft again. */
  revise: { from: [S.RETURNED], to: S.DRAFT, actor: ACTORS.OFFICE },
  /** Merged into another proposal on the same matter (its proposers become co-signers there). */
  merge: { from: [S.SUBMITTED], to: S.MERGED, actor: ACTORS.OFFICE },
  /** Assigned to a lead department and co-handling ones; due three months later. */
  assign: { from: [S.REGISTERED], to: S.ASSIGNED, actor: ACTORS.OFFICE },
  /** The lead department accepts it. */
  accept: {
    from: [S.ASSIGNED],
    to: S.HANDLING,
    actor: ACTORS.DEPARTMENT,
    guard: leadDepartmentOnly,
  },
  /** The lead department asks to send it back (within 10 days of assignment); it awaits reassignment. */
  sendBack: {
    from: [S.ASSIGNED],
    to: S.REGISTERED,
    actor: ACTORS.DEPARTMENT,
    guard: sendBackInTime,
  },
  /** The one extension of the due date (six months after assignment at most). */
  extend: { from: [S.HANDLING], to: S.HANDLING, actor: ACTORS.OFFICE, guard: notExtendedYet },
  /** The lead department's reply: text, result class A–D. */
  reply: {
    from: [S.HANDLING, S.REHANDLING],
    to: S.REPLIED,
    actor: ACTORS.DEPARTMENT,
    guard: leadDepartmentOnly,
  },
  /** The proposer's evaluation, final: satisfied, basically satisfied, or dissatisfied again. */
  evaluate: { from: [S.REPLIED], to: S.EVALUATED, actor: ACTORS.OFFICE },
  /** Dissatisfied with the first reply: handled once more. */
  rehandle: { from: [S.REPLIED], to: S.REHANDLING, actor: ACTORS.OFFICE },
  close: { from: [S.EVALUATED], to: S.CLOSED, actor: ACTORS.OFFICE },
} as const;

export type ProposalStep = keyof typeof PROPOSAL_STEPS;

/** What may be edited in which states (edits that do not change the state). */
export const PROPOSAL_EDITS = {
  editProposal: [S.DRAFT, S.RETURNED],
} as const satisfies Record<string, readonly S[]>;

export const PROPOSAL_WORKFLOW = defineWorkflow({
  entity: Proposal,
  what: 'the proposal',
  idField: 'proposalId',
  states: S,
  steps: PROPOSAL_STEPS,
  history: channelHistory(ChannelRecordKind.PROPOSAL),
  afterStep: proposalEvents,
});

/** The states in which a department is working on it and the due date counts. */
export const OPEN_FOR_DEPARTMENT: readonly S[] = [S.ASSIGNED, S.HANDLING, S.REHANDLING];
