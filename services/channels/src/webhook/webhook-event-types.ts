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
