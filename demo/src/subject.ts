/**
 * Who the demo's steps are recorded as: `channel_event.by_subject`, `session_event.by_subject`,
 * `minutes.approved_by`. Not a caller any token names, so the demo's history is told apart from
 * what people did through the API.
 */
export const DEMO_SUBJECT = 'demo';
