import type { OutboxFeed } from '@cppcc/toolkit';
import type { ParticipantChange } from '@cppcc/organization-feed';

/**
 * `GET /internal/participant-changes`: the feed deliberation and channels follow to know which
 * participants exist and where they live, so that a record cannot name a participant of another
 * county, without calling this service on a request. Ids and division codes only.
 */
export const PARTICIPANT_CHANGES: OutboxFeed<ParticipantChange> = {
  path: '/internal/participant-changes',
  table: 'participant_change',
  columns: ['participant_id', 'division_code'],
  toChange: (row) => ({
    seq: Number(row.seq),
    participantId: String(row.participant_id),
    divisionCode: String(row.division_code),
  }),
};
