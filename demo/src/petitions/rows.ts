/**
 * The petitions demo's rows, table by table: keys exactly the SQL columns; version and timestamps
 * not set take their defaults.
 */
import type { PetitionCaseStatus } from '@cppcc/petitions';

export interface PetitionCaseRow {
  id: string;
  number: string;
  subject: string;
  petitioners: string[];
  division_code: string;
  status: PetitionCaseStatus;
  registered_on: string;
  handling_department_id: string | null;
  accepted_on: string | null;
  opinion_due_on: string | null;
  opinion: string | null;
  handled_on: string | null;
  review_reason: string | null;
  review_requested_on: string | null;
  review_opinion: string | null;
  reviewed_on: string | null;
  closed_on: string | null;
  demand_ids: string[];
  session_ids: string[];
  /** 1 + the steps taken after registration, as the service's optimistic lock counts them. */
  version: number;
}

export interface PetitionCaseEventRow {
  case_id: string;
  step: string;
  from_status: string | null;
  to_status: string;
  at: string;
  by_subject: string;
  by_department_id: string | null;
  detail: Record<string, unknown>;
}

/** A session as petitions keeps it from deliberation's events (`session_projection`). */
export interface SessionProjectionRow {
  id: string;
  division_code: string;
  kind: string;
  status: string;
  version: number;
}

/** A demand as petitions keeps it from channels' events (`demand_projection`). */
export interface DemandProjectionRow {
  id: string;
  division_code: string;
  is_petition: boolean;
}

export interface PetitionsDemo {
  seed: number;
  today: string;
  cases: PetitionCaseRow[];
  events: PetitionCaseEventRow[];
  sessions: SessionProjectionRow[];
  demands: DemandProjectionRow[];
}
