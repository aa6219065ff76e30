import { outbox, type RaisedEvent, type TakenStep } from '@cppcc/toolkit';
import type { Demand } from '../demand/demand.entity';
import type { Proposal } from '../proposal/proposal.entity';
import type { SentimentReport } from '../sentiment-report/sentiment-report.entity';

/**
 * The domain events of the channels: which steps raise which event, and who may
 * receive it besides the CPPCC office of the record's division. Payloads carry ids and states
 * only; receivers read the rest through the graph under their own identity.
 */
export const CHANNEL_EVENT_TYPES = [
  'proposal.assigned',
  'proposal.sentBack',
  'proposal.accepted',
  'proposal.extended',
  'proposal.replied',
  'proposal.evaluated',
  'proposal.rehandling',
  'proposal.dueSoon',
  'proposal.overdue',
  'sentimentReport.forwarded',
  'sentimentReport.feedbackGiven',
  'demand.raised',
  'demand.escalated',
  'demand.answered',
] as const;

export type ChannelEventType = (typeof CHANNEL_EVENT_TYPES)[number];

/** The proposal's parties: the departments handling it and the homes its demands came from. */
function proposalEvent(
  type: ChannelEventType,
  proposal: Proposal,
  payload: Record<string, unknown> = {},
): RaisedEvent {
  return {
    type,
    departmentIds: proposal.departmentIds,
    homeIds: proposal.homeIds,
    payload: {
      leadDepartmentId: proposal.leadDepartmentId,
      departmentIds: proposal.departmentIds,
      dueOn: proposal.dueOn,
      ...payload,
    },
  };
}

export const proposalEvents = outbox<Proposal>('Proposal', (taken, proposal) => {
  switch (taken.step) {
    case 'assign':
      return [proposalEvent('proposal.assigned', proposal)];
    case 'sendBack': {
      // The step cleared the assignment: the department that sent it back still hears of it.
      const departmentId = taken.detail.departmentId as string | null;
      return [
        {
          ...proposalEvent('proposal.sentBack', proposal, { sentBackBy: departmentId }),
          departmentIds: departmentId ? [departmentId] : [],
        },
      ];
    }
    case 'accept':
      return [proposalEvent('proposal.accepted', proposal)];
    case 'extend':
      return [proposalEvent('proposal.extended', proposal)];
    case 'reply':
      return [
        proposalEvent('proposal.replied', proposal, {
          resultClass: proposal.resultClass,
          round: proposal.handlingRounds,
        }),
      ];
    case 'evaluate':
      return [proposalEvent('proposal.evaluated', proposal, { evaluation: proposal.evaluation })];
    case 'rehandle':
      return [proposalEvent('proposal.rehandling', proposal, { evaluation: proposal.evaluation })];
    default:
      return [];
  }
});

export const sentimentReportEvents = outbox<SentimentReport>('SentimentReport', (taken, report) => {
  switch (taken.step) {
    case 'forward':
      return [
        {
          type: 'sentimentReport.forwarded',
          departmentIds: report.departmentIds,
          homeIds: report.homeIds,
          payload: { departmentIds: report.departmentIds },
        },
      ];
    case 'giveFeedback': {
      const departmentId = taken.detail.departmentId as string;
      return [
        {
          type: 'sentimentReport.feedbackGiven',
          departmentIds: [departmentId],
          homeIds: report.homeIds,
          payload: { departmentId },
        },
      ];
    }
    default:
      return [];
  }
});

/** What a demand went up as, or what answered it: the ids in its step's detail, nothing else. */
function carriedBy(taken: TakenStep): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(taken.detail).filter(
      ([key]) => key === 'channel' || key === 'resultClass' || key.endsWith('Id'),
    ),
  );
}

/** The event each step of a demand raises, if any. */
const DEMAND_EVENT: Partial<Record<string, ChannelEventType>> = {
  raise: 'demand.raised',
  escalate: 'demand.escalated',
  answer: 'demand.answered',
};

/**
 * A department never sees a demand: its events go to the home and the office. `demand.raised`
 * says whether it is a petition matter (`isPetition`; its division is the event's): what
 * petitions keeps of a demand to link it to a case.
 */
export const demandEvents = outbox<Demand>('Demand', (taken, demand) => {
  const type = DEMAND_EVENT[taken.step];
  if (!type) return [];
  const payload = taken.step === 'raise' ? { isPetition: demand.isPetition } : carriedBy(taken);
  return [{ type, homeIds: [demand.homeId], payload }];
});
