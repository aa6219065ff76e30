/**
 * The event types deliberation raises, as a contract between services: deliberation writes them
 * to its outbox and serves them on its event feed; channels, which delivers webhooks, accepts
 * them in a subscription's `eventTypes` without importing deliberation.
 */
export const DELIBERATION_EVENT_TYPES = [
  /**
   * A session's life (scheduled, held, cancelled): the home and the CPPCC office of its division
   * receive it, and, once held or cancelled, the departments invited to it. Its payload (`kind`,
   * `status`) is what petitions keeps of a session (its multi-party platform sessions).
   */
  'session.scheduled',
  'session.held',
  'session.cancelled',
  /** A session was scheduled with departments invited: each of them receives it. */
  'session.departmentInvited',
  /** Minutes drafted or edited give a department a follow-up action: that department receives it. */
  'minutes.actionAssigned',
  /** Minutes were published: the home and the CPPCC office of its division receive it. */
  'minutes.published',
] as const;

export type DeliberationEventType = (typeof DELIBERATION_EVENT_TYPES)[number];
