import { DELIBERATION_EVENT_TYPES } from '@cppcc/toolkit';
import { CHANNEL_EVENT_TYPES } from '../event/channel-events';

/**
 * What a webhook subscription may name in `eventTypes`: channels' own events and deliberation's,
 * which channels follows from deliberation's feed.
 */
export const WEBHOOK_EVENT_TYPES: readonly string[] = [
  ...CHANNEL_EVENT_TYPES,
  ...DELIBERATION_EVENT_TYPES,
];

/**
 * The event types a department's subscription can receive: those raised with the departments
 * concerned (a proposal's handling departments, a report's forwarded ones, a session's invited
 * ones, an action's owner). A demand's events go to the home and the CPPCC office only, and so do
 * published minutes and a session just scheduled (its invited departments hear
 * `session.departmentInvited`): a department's subscription naming one of those is refused rather
 * than left to wait for nothing. Kept beside the events' outboxes (channel-events.ts,
 * deliberation-events.ts): a type added there that departments receive is added here.
 */
export const DEPARTMENT_EVENT_TYPES: readonly string[] = [
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
  'session.held',
  'session.cancelled',
  'session.departmentInvited',
  'minutes.actionAssigned',
];
