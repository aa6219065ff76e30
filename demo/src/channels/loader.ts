import type { MikroORM } from '@mikro-orm/postgresql';
import {
  bulkLoad,
  copyTables,
  hasRows,
  type BulkLoadSession,
  type BulkProgress,
  type BulkTable,
} from '@cppcc/devkit';
import type { ChannelsDemo } from './generator';

const RECORD_COLUMNS = ['source_demand_ids', 'source_session_ids', 'home_ids'];
const PLENARY_COLUMNS = [
  'id',
  'division_code',
  'title',
  'content',
  'author_member_ids',
  'committee_id',
  ...RECORD_COLUMNS,
  'status',
  'decline_reason',
  'outcome',
  'delivered_on',
  'created_at',
];

/** The tables the demo fills, in foreign-key order, with the columns the demo sets. */
const TABLES: ReadonlyArray<BulkTable<ChannelsDemo>> = [
  // The sessions demands and records name, as deliberation's feed would have brought them.
  {
    table: 'session_projection',
    rows: (demo) => demo.sessions,
    columns: ['id', 'division_code', 'home_id', 'status', 'version'],
  },
  {
    table: 'demand',
    rows: (demo) => demo.demands,
    columns: [
      'id',
      'home_id',
      'division_code',
      'category',
      'content',
      'is_petition',
      'status',
      'received_at',
      'raised_by_kind',
      'participant_id',
      'resident_name',
      'resident_contact',
      'agenda_item_id',
      'session_id',
      'resolution',
      'resolved_at_home_at',
      'escalated_at',
    ],
  },
  {
    table: 'proposal',
    // A merged proposal names the one it joined: those go first.
    rows: (demo) => [
      ...demo.proposals.filter((proposal) => !proposal.merged_into_id),
      ...demo.proposals.filter((proposal) => proposal.merged_into_id),
    ],
    columns: [
      'id',
      'division_code',
      'year',
      'number',
      'kind',
      'lead_member_id',
      'committee_id',
      'group_name',
      'co_signer_ids',
      'title',
      'content',
      ...RECORD_COLUMNS,
      'status',
      'is_key',
      'not_registered_reason',
      'turned_into_opinion',
      'return_reason',
      'merged_into_id',
      'lead_department_id',
      'co_department_ids',
      'department_ids',
      'assigned_on',
      'due_on',
      'extended',
      'reply_text',
      'result_class',
      'replied_on',
      'replied_by_department_id',
      'handling_rounds',
      'evaluation',
      'evaluation_comment',
      'submitted_at',
      'registered_at',
      'closed_at',
      'created_at',
    ],
  },
  {
    table: 'proposal_number',
    rows: (demo) => demo.proposalNumbers,
    columns: ['division_code', 'year', 'last_number'],
  },
  {
    table: 'sentiment_report',
    rows: (demo) => demo.sentimentReports,
    columns: [
      'id',
      'division_code',
      'title',
      'content',
      'author_member_ids',
      ...RECORD_COLUMNS,
      'status',
      'not_adopted_reason',
      'issued_to',
      'department_ids',
      'submitted_at',
      'issued_at',
      'closed_at',
      'created_at',
    ],
  },
  {
    table: 'leader_instruction',
    rows: (demo) => demo.leaderInstructions,
    columns: ['id', 'report_id', 'division_code', 'leader', 'level', 'text', 'given_on'],
  },
  {
    table: 'department_feedback',
    rows: (demo) => demo.departmentFeedback,
    columns: ['id', 'report_id', 'division_code', 'department_id', 'text', 'given_on'],
  },
  { table: 'speech', rows: (demo) => demo.speeches, columns: PLENARY_COLUMNS },
  { table: 'special_report', rows: (demo) => demo.specialReports, columns: PLENARY_COLUMNS },
  {
    table: 'channel_event',
    // In order of time, so ids follow the order the steps were taken in.
    // Code-unit order of ISO instants is time order, and far quicker than localeCompare.
    rows: (demo) =>
      [...demo.channelEvents].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)),
    columns: [
      'record_kind',
      'record_id',
      'step',
      'from_status',
      'to_status',
      'at',
      'by_subject',
      'by_department_id',
      'detail',
    ],
  },
];

/** True when channels already has demands: a demo (or real data) is there. */
export function isChannelsDemoLoaded(orm: MikroORM): Promise<boolean> {
  return hasRows(orm, 'demand');
}

/**
 * Loads the channels demo in one transaction (see `bulkLoad`); refuses when channels already has
 * demands. The records name homes, sessions, members and departments by id only: load the
 * organization and deliberation demos they were generated from.
 */
export function loadChannelsDemo(
  orm: MikroORM,
  demo: ChannelsDemo,
  onProgress?: BulkProgress,
): Promise<Record<string, number>> {
  return bulkLoad(orm, demo, TABLES, CHANNELS_DEMO_GUARD, onProgress);
}

/** What a channels demo load refuses: channels that already have demands. */
export const CHANNELS_DEMO_GUARD = {
  table: 'demand',
  refusal: 'Channels already has demands: the demo loads into empty channels only.',
};

/** Copies a part of the demo (a city's, for the province) into an open bulk load. */
export function copyChannelsDemo(
  session: BulkLoadSession,
  demo: ChannelsDemo,
): Promise<Record<string, number>> {
  return copyTables(session, demo, TABLES);
}
