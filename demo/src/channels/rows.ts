/**
 * The channels demo's rows, table by table: keys exactly the SQL columns; version and timestamps
 * not set take their defaults. What the generator is given (`ChannelsDemoOptions`) and draws with.
 */
import type {
  ChannelRecordKind,
  DemandCategory,
  DemandRaiser,
  DemandStatus,
  Evaluation,
  InstructionLevel,
  IssuedTo,
  NotRegisteredReason,
  PlenaryStatus,
  ProposalKind,
  ProposalStatus,
  ReplyResultClass,
  SentimentReportStatus,
} from '@cppcc/channels';
import type { Weighted } from '../random';

export interface DemandRow {
  id: string;
  home_id: string;
  division_code: string;
  category: DemandCategory;
  content: string;
  is_petition: boolean;
  status: DemandStatus;
  received_at: string;
  raised_by_kind: DemandRaiser;
  participant_id: string | null;
  resident_name: string | null;
  resident_contact: string | null;
  agenda_item_id: string | null;
  session_id: string | null;
  resolution: string | null;
  /** When it was first resolved at the home, and first escalated (from its steps). */
  resolved_at_home_at?: string | null;
  escalated_at?: string | null;
}

export interface ProposalRow {
  id: string;
  division_code: string;
  year: number;
  number: number | null;
  kind: ProposalKind;
  lead_member_id: string | null;
  committee_id: string | null;
  group_name: string | null;
  co_signer_ids: string[];
  title: string;
  content: string;
  source_demand_ids: string[];
  source_session_ids: string[];
  home_ids: string[];
  status: ProposalStatus;
  is_key: boolean;
  not_registered_reason: NotRegisteredReason | null;
  turned_into_opinion: boolean;
  return_reason: string | null;
  merged_into_id: string | null;
  lead_department_id: string | null;
  co_department_ids: string[];
  department_ids: string[];
  assigned_on: string | null;
  due_on: string | null;
  extended: boolean;
  reply_text: string | null;
  result_class: ReplyResultClass | null;
  replied_on: string | null;
  replied_by_department_id: string | null;
  handling_rounds: number;
  evaluation: Evaluation | null;
  evaluation_comment: string | null;
  submitted_at: string | null;
  registered_at: string | null;
  closed_at: string | null;
  created_at: string;
}

export interface SentimentReportRow {
  id: string;
  division_code: string;
  title: string;
  content: string;
  author_member_ids: string[];
  source_demand_ids: string[];
  source_session_ids: string[];
  home_ids: string[];
  status: SentimentReportStatus;
  not_adopted_reason: string | null;
  issued_to: IssuedTo[];
  department_ids: string[];
  submitted_at: string | null;
  issued_at: string | null;
  closed_at: string | null;
  created_at: string;
}

export interface LeaderInstructionRow {
  id: string;
  report_id: string;
  division_code: string;
  leader: string;
  level: InstructionLevel;
  text: string;
  given_on: string;
}

export interface DepartmentFeedbackRow {
  id: string;
  report_id: string;
  division_code: string;
  department_id: string;
  text: string;
  given_on: string;
}

export interface PlenaryRow {
  id: string;
  division_code: string;
  title: string;
  content: string;
  author_member_ids: string[];
  committee_id: string | null;
  source_demand_ids: string[];
  source_session_ids: string[];
  home_ids: string[];
  status: PlenaryStatus;
  decline_reason: string | null;
  outcome: string | null;
  delivered_on: string | null;
  created_at: string;
}

export interface ChannelEventRow {
  record_kind: ChannelRecordKind;
  record_id: string;
  step: string;
  from_status: string | null;
  to_status: string;
  at: string;
  by_subject: string;
  by_department_id: string | null;
  detail: Record<string, unknown>;
}

export interface ProposalNumberRow {
  division_code: string;
  year: number;
  last_number: number;
}

/** A session as deliberation's feed would have brought it to channels (`session_projection`). */
export interface SessionProjectionRow {
  id: string;
  division_code: string;
  home_id: string;
  status: string;
  version: number;
}

export interface ChannelsDemo {
  seed: number;
  today: string;
  demands: DemandRow[];
  proposals: ProposalRow[];
  proposalNumbers: ProposalNumberRow[];
  sentimentReports: SentimentReportRow[];
  leaderInstructions: LeaderInstructionRow[];
  departmentFeedback: DepartmentFeedbackRow[];
  speeches: PlenaryRow[];
  specialReports: PlenaryRow[];
  channelEvents: ChannelEventRow[];
  /**
   * The deliberation demo's sessions as channels knows them (the demos load rows, not the events
   * that would have carried them): what agendas and cited sessions are checked against.
   */
  sessions: SessionProjectionRow[];
  /**
   * The demands each agenda item of the deliberation demo was raised from (agenda item id →
   * demand ids): `agenda_item.demand_ids` of the deliberation demo, set before it is loaded.
   */
  agendaDemandIds: Record<string, string[]>;
}

export interface ChannelsDemoOptions {
  seed?: number;
  /** `YYYY-MM-DD`; the deliberation demo's day by default. */
  today?: string;
  /** The share of held agenda items raised from residents' demands (0.6 by default). */
  agendaFromDemand?: number;
  /** How many demands such an item was raised from, by weight (one by default). */
  demandsPerAgendaItem?: Weighted<number>;
  /**
   * Demands a home takes in outside its sessions per quarter, on average (none by default besides
   * the last weeks' few open ones): most are settled at the home without a session.
   */
  outsideDemandsPerQuarter?: number;
  /** The share of a session's demands carried up (0.15 by default). */
  carriedUp?: number;
  /** Which way a carried-up demand goes, by weight (proposal 50, report 35, speech 7, special 8). */
  channels?: Weighted<ChannelRecordKind>;
  /** Members' own proposals a year, per county CPPCC and per city CPPCC (8 and 24 by default). */
  ownProposals?: { county: number; city: number };
  /** Called now and then while demands are drawn: agenda items done and all of them. */
  onProgress?: (done: number, total: number) => void;
}

export type Density = Required<Omit<ChannelsDemoOptions, 'seed' | 'today' | 'onProgress'>> & {
  /** Whether `demandsPerAgendaItem` was given: the default draws nothing for it. */
  drawsDemandCount: boolean;
};
