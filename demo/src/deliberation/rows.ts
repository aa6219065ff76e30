/**
 * The deliberation demo's rows, one object per table row, keys exactly the SQL columns; what the
 * generator is given (`DeliberationDemoOptions`) and draws with.
 */
import type {
  ActionOwnerKind,
  ActionStatus,
  AttendanceRole,
  AttendanceStatus,
  AttendeeKind,
  MinutesStatus,
  SessionKind,
  SessionStatus,
} from '@cppcc/deliberation';
import type { Weighted } from '../random';

// Timestamps are ISO strings (UTC); idempotency_key and demand_ids are left to their defaults.

export interface SessionRow {
  id: string;
  home_id: string;
  division_code: string;
  title: string;
  kind: SessionKind;
  status: SessionStatus;
  scheduled_at: string;
  held_at: string | null;
  location: string;
  cancel_reason: string | null;
  coordinating_committee_id: string | null;
  involved_divisions: string[];
  department_ids: string[];
  /** 1 + the steps taken after scheduling, as the service's optimistic lock counts them. */
  version: number;
  published_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface SessionEventRow {
  session_id: string;
  step: 'schedule' | 'reschedule' | 'recordHeld' | 'cancel';
  from_status: SessionStatus | null;
  to_status: SessionStatus;
  at: string;
  by_subject: string;
  detail: Record<string, string>;
}

export interface AgendaItemRow {
  id: string;
  session_id: string;
  home_id: string;
  division_code: string;
  position: number;
  title: string;
  description: string | null;
  presenter: string | null;
  /** The demands it was raised from: the channels demo links them (`agendaDemandIds`). */
  demand_ids: string[];
}

export interface AttendanceRow {
  id: string;
  session_id: string;
  home_id: string;
  division_code: string;
  attendee_kind: AttendeeKind;
  attendee_id: string;
  role: AttendanceRole;
  status: AttendanceStatus;
}

export interface MinutesRow {
  id: string;
  session_id: string;
  home_id: string;
  division_code: string;
  summary: string;
  consensus: string[];
  disagreements: string[];
  status: MinutesStatus;
  version: number;
  approved_by: string | null;
  approved_at: string | null;
  published_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface FollowUpActionRow {
  id: string;
  minutes_id: string;
  home_id: string;
  division_code: string;
  position: number;
  description: string;
  owner_kind: ActionOwnerKind;
  owner_id: string;
  due_on: string;
  status: ActionStatus;
}

/** The demo, table by table, in the order the foreign keys need them inserted. */
export interface DeliberationDemo {
  seed: number;
  /** The day the demo stands on (`YYYY-MM-DD`, Asia/Shanghai): held before it, planned after. */
  today: string;
  sessions: SessionRow[];
  sessionEvents: SessionEventRow[];
  agendaItems: AgendaItemRow[];
  attendance: AttendanceRow[];
  minutes: MinutesRow[];
  followUpActions: FollowUpActionRow[];
  /**
   * When each home could meet, by home id: from its establishment until it stopped (a suspended
   * home; `until` is the first day it no longer met) or open (`null`). Not a table: what the
   * generator assumed, for the tests and for anyone reading the data.
   */
  lives: Record<string, { from: string; until: string | null }>;
}

export interface DeliberationDemoOptions {
  /** Any integer; defaults to the organization demo's seed. */
  seed?: number;
  /** `YYYY-MM-DD`; defaults to the real today in Asia/Shanghai. */
  today?: string;
  /**
   * How many sessions a home holds in a quarter it meets, by weight: mostly one, as rule 5
   * asks (docs/domain.md), by default. Quarters missed (the cadence report's misses) come on top.
   */
  sessionsPerQuarter?: Weighted<number>;
  /** Agenda items of a council, forum or face-to-face session (2–4 by default). */
  agendaItems?: { min: number; max: number };
  /** Called now and then while sessions are written: sessions done and all of them. */
  onProgress?: (done: number, total: number) => void;
}

/** What the generator draws from, its options with their defaults in place. */
export interface Density {
  sessionsPerQuarter: Weighted<number>;
  agendaItems: { min: number; max: number };
}

/** The tables a generator run fills, session by session. */
export type DeliberationTables = Pick<
  DeliberationDemo,
  'sessions' | 'sessionEvents' | 'agendaItems' | 'attendance' | 'minutes' | 'followUpActions'
>;
