/**
 * The organization demo's rows, one object per table row, keys exactly the SQL columns (version,
 * created_at, updated_at and idempotency_key are left out so the column defaults apply); what the
 * generator is given (`OrganizationDemoOptions`).
 */
import type {
  CommitteeRow,
  DepartmentKind,
  DepartmentLevel,
  DivisionLevel,
  Gender,
  HomeKind,
  HomeRole,
  HomeStatus,
  ParticipantKind,
  PolicyArea,
} from '@cppcc/organization';

export interface DepartmentRow {
  id: string;
  name: string;
  short_name: string;
  level: DepartmentLevel;
  kind: DepartmentKind;
  division_code: string;
  policy_areas: PolicyArea[];
}

export interface MemberRow {
  id: string;
  name: string;
  gender: Gender;
  sector: string | null;
  party: string | null;
  expertise: string | null;
  division_code: string;
  phone: string | null;
}

export interface CommitteeMembershipRow {
  id: string;
  committee_id: string;
  member_id: string;
  term_start: string;
  term_end: string | null;
}

export interface HomeRow {
  id: string;
  name: string;
  kind: HomeKind;
  status: HomeStatus;
  division_code: string;
  established_on: string;
  pilot_cohort_year: number | null;
}

export interface HomeMembershipRow {
  id: string;
  home_id: string;
  member_id: string;
  role: HomeRole;
  since: string;
  until: string | null;
}

export interface ParticipantRow {
  id: string;
  name: string;
  kind: ParticipantKind;
  division_code: string;
  organisation: string | null;
  phone: string | null;
  id_number: string | null;
}

/** A division the reference data lacks (another city of the province), as the demo loads it. */
export interface DivisionRow {
  code: string;
  name: string;
  level: DivisionLevel;
  kind: string;
  parent_code: string | null;
}

/** A county-level unit of the demo's region, for the services that write about it. */
export interface DemoCounty {
  code: string;
  name: string;
}

/** The demo, table by table, in the order the foreign keys need them inserted. */
export interface OrganizationDemo {
  seed: number;
  scale: number;
  region: DemoRegion;
  /** The cities of the region, and every county-level unit, in code order (homes or not). */
  cities: DemoCounty[];
  counties: DemoCounty[];
  /**
   * Divisions and committees beyond the reference data (连云港, loaded by the migration): the
   * other cities of the province, loaded with the demo. Empty for 连云港.
   */
  divisions: DivisionRow[];
  committees: CommitteeRow[];
  departments: DepartmentRow[];
  members: MemberRow[];
  committeeMemberships: CommitteeMembershipRow[];
  homes: HomeRow[];
  homeMemberships: HomeMembershipRow[];
  participants: ParticipantRow[];
}

/**
 * Where the demo's homes are: 连云港市 (`3207`, the reference data) or every city of 江苏省 (`32`,
 * from `data/divisions.32.json`, whose other cities the demo loads itself).
 */
export type DemoRegion = '3207' | '32';

export interface OrganizationDemoOptions {
  /** Any integer; the same seed gives the same data. */
  seed?: number;
  /** `3207` by default. */
  region?: DemoRegion;
  /**
   * The year of the pilots (rule 4 of docs/domain.md: 3–4 per county in the first year; the demo
   * sets them up in that year's last months); the rollout follows in the two years after. 2019 by default, the year of the opinion; a preset that wants
   * ten years of history starts earlier.
   */
  pilotYear?: number;
  /**
   * The share of a home's seats filled by a member already serving elsewhere in the county (0.25
   * by default): lower gives more members for the same homes.
   */
  reuseShare?: number;
  /**
   * 1 ≈ the real city (a few hundred homes); 0.1 a few dozen homes for tests. Scales the share of
   * townships and villages that get a home in the rollout and the members without a home; the
   * 2019 pilots stay 3–4 per county-level unit whatever the scale, as rule 4 requires (docs/domain.md).
   */
  scale?: number;
}

/** The day of the Lianyungang CPPCC opinion that started the homes (2019-08-16). */
export const DEFAULT_DEMO_SEED = 20190816;
