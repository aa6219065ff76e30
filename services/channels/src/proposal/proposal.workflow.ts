import { ForbiddenError } from '@cppcc/toolkit';
import { ChannelRecordKind } from '../history/channel-event.entity';
import { isActor, type Actor, type Workflow } from '../history/take-step';
import { Proposal, ProposalStatus as S } from './proposal.entity';

/**
 * A proposal's life, as data (DOMAIN.md), with who may take each step. The service reads this
 * table and nothing else to decide whether a step is allowed; the workflow tests walk it.
 */
export const PROPOSAL_STEPS = {
  /** Filed with the proposals committee (co-signers have signed). */
  submit: { from: [S.DRAFT], to: S.SUBMITTED, by: 'STAFF' },
  /** 立案: given the next number of the year; may be flagged KEY. */
  register: { from: [S.SUBMITTED], to: S.REGISTERED, by: 'STAFF' },
  /** 不立案, with a reason from the fixed list; may be passed on as an opinion. */
  decline: { from: [S.SUBMITTED], to: S.NOT_REGISTERED, by: 'STAFF' },
  /** Returned to the proposer for revision, with the reason. */
  return: { from: [S.SUBMITTED], to: S.RETURNED, by: 'STAFF' },
  /** The proposer revises a returned proposal; it is a draft again. */
  revise: { from: [S.RETURNED], to: S.DRAFT, by: 'STAFF' },
  /** Merged into another proposal on the same matter (its proposers become co-signers there). */
  merge: { from: [S.SUBMITTED], to: S.MERGED, by: 'STAFF' },
  /** Assigned to a lead department and co-handling ones; due three months later. */
  assign: { from: [S.REGISTERED], to: S.ASSIGNED, by: 'STAFF' },
  /** The lead department accepts it. */
  accept: { from: [S.ASSIGNED], to: S.HANDLING, by: 'DEPARTMENT' },
  /** A department asks to send it back (within 10 days of assignment); it awaits reassignment. */
  sendBack: { from: [S.ASSIGNED], to: S.REGISTERED, by: 'DEPARTMENT' },
  /** The one extension of the due date (six months after assignment at most). */
  extend: { from: [S.HANDLING], to: S.HANDLING, by: 'STAFF' },
  /** The lead department's reply: text, result class A–D. */
  reply: { from: [S.HANDLING, S.REHANDLING], to: S.REPLIED, by: 'DEPARTMENT' },
  /** The proposer's evaluation, final: satisfied, basically satisfied, or dissatisfied again. */
  evaluate: { from: [S.REPLIED], to: S.EVALUATED, by: 'STAFF' },
  /** Dissatisfied with the first reply: handled once more. */
  rehandle: { from: [S.REPLIED], to: S.REHANDLING, by: 'STAFF' },
  close: { from: [S.EVALUATED], to: S.CLOSED, by: 'STAFF' },
} as const satisfies Record<string, { from: readonly S[]; to: S; by: Actor }>;

export type ProposalStep = keyof typeof PROPOSAL_STEPS;

/** What may be edited in which states (edits that do not change the state). */
export const PROPOSAL_EDITS = {
  editProposal: [S.DRAFT, S.RETURNED],
} as const satisfies Record<string, readonly S[]>;

export const PROPOSAL_WORKFLOW: Workflow<Proposal, S, ProposalStep> = {
  entity: Proposal,
  what: 'The proposal',
  typeName: 'Proposal',
  kind: ChannelRecordKind.PROPOSAL,
  steps: PROPOSAL_STEPS,
  authorize(caller, step) {
    if (!isActor(caller, PROPOSAL_STEPS[step].by)) {
      throw new ForbiddenError(
        PROPOSAL_STEPS[step].by === 'STAFF'
          ? `${step} is a step of the CPPCC office (city or county staff).`
          : `${step} is a step of the department handling the proposal.`,
      );
    }
  },
};

/** The states in which a department is working on it and the due date counts. */
export const OPEN_FOR_DEPARTMENT: readonly S[] = [S.ASSIGNED, S.HANDLING, S.REHANDLING];

/** Months from assignment to the due date, the most it may reach, days to ask to send it back. */
export const HANDLING_MONTHS = 3;
export const MAX_HANDLING_MONTHS = 6;
export const SEND_BACK_DAYS = 10;
/** A second round of handling after dissatisfaction is due a month after the evaluation. */
export const REHANDLING_MONTHS = 1;
/** Rounds of handling: the first reply and, after dissatisfaction, one more. */
export const MAX_HANDLING_ROUNDS = 2;
