/**
 * Demo data for the deliberation service: the consultation sessions the organization demo's homes
 * held from their establishment until today, with agendas, attendance, minutes and follow-up
 * actions, and the history of each session's steps.
 *
 * - Every pilot or active home meets in most quarters since it was established (the seed's rule
 *   5); about one home-quarter in eight has no held session (none scheduled, or only a cancelled
 *   one), so the cadence report has homes to name; some quarters have two sessions.
 * - A suspended home meets from its establishment until the day it stopped, which the demo draws
 *   (the organization keeps no date for it); a quarter of them stopped before they ever met.
 * - Today's quarter holds what happened before today and PLANNED sessions after it; nothing is
 *   planned for a later quarter.
 * - A few sessions a year cross county lines or bring in city departments: a city special
 *   committee coordinates each of them (the seed's rule 3), without exception.
 *
 * Deterministic: the same organization demo, seed and `today` give the same rows. Each session
 * draws from its own stream named by its home and quarter, so a session of 2021 is the same
 * whatever day the demo is generated on; only what depends on its age (minutes and actions not
 * yet done) moves with `today`.
 */
import {
  DepartmentLevel,
  HomeKind,
  HomeRole,
  HomeStatus,
  ParticipantKind,
  PolicyArea,
  SPECIAL_COMMITTEES,
  stableId,
} from '@cppcc/organization';
import type { OrganizationDemo } from '../organization/generator';
import { createRandom, type Random, type Weighted } from '../random';
import { AttendanceRole, AttendanceStatus, AttendeeKind } from '@cppcc/deliberation';
import { ActionOwnerKind, ActionStatus, MinutesStatus } from '@cppcc/deliberation';
import { SessionKind, SessionStatus } from '@cppcc/deliberation';
import {
  BRIEFING_STEPS,
  CANCEL_REASONS,
  CROSS_COUNTY_MATTERS,
  EPIDEMIC_CANCEL_REASON,
  FOLLOW_UP_REPORT,
  KIND_LABELS,
  LOCAL_PRESENTERS,
  OUTCOMES,
  PETITION_MATTERS,
  PETITION_STEPS,
  POLICIES,
  TOPICS,
  VENUES,
  type Topic,
} from './content';

// ─── Rows: one object per table row, keys exactly the SQL columns ───────────────────────────────
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
   * How many sessions a home holds in a quarter it meets, by weight: mostly one, as the seed
   * asks (rule 5), by default. Quarters missed (the cadence report's misses) come on top.
   */
  sessionsPerQuarter?: Weighted<number>;
  /** Agenda items of a council, forum or face-to-face session (2–4 by default). */
  agendaItems?: { min: number; max: number };
  /** Called now and then while sessions are written: sessions done and all of them. */
  onProgress?: (done: number, total: number) => void;
}

/** What the generator draws from, its options with their defaults in place. */
interface Density {
  sessionsPerQuarter: Weighted<number>;
  agendaItems: { min: number; max: number };
}

/** Who the demo's steps are recorded as (`session_event.by_subject`, `minutes.approved_by`). */
export const DEMO_SUBJECT = 'demo';

// ─── Reference ──────────────────────────────────────────────────────────────────────────────────

/**
 * The county-level units of 连云港 and the ones each borders, for matters that cross a line.
 * Another city's units (the province preset) border the other units of their city.
 */
const COUNTIES: Record<string, { name: string; neighbours: string[] }> = {
  '320703': { name: '连云区', neighbours: ['320706', '320707', '320771'] },
  '320706': { name: '海州区', neighbours: ['320703', '320707', '320722', '320723', '320771'] },
  '320707': { name: '赣榆区', neighbours: ['320703', '320706', '320722'] },
  '320722': { name: '东海县', neighbours: ['320706', '320707', '320723', '320771'] },
  '320723': { name: '灌云县', neighbours: ['320703', '320706', '320722', '320724'] },
  '320724': { name: '灌南县', neighbours: ['320723'] },
  '320771': { name: '经济技术开发区', neighbours: ['320703', '320706', '320722'] },
};

const KIND_WEIGHTS: Weighted<SessionKind> = [
  [SessionKind.COUNCIL, 36],
  [SessionKind.FORUM, 28],
  [SessionKind.FACE_TO_FACE, 16],
  [SessionKind.BRIEFING, 13],
  [SessionKind.MULTI_PARTY, 7],
];

/** How many of its county's departments each kind of session invites (a petition adds 信访局). */
const COUNTY_DEPARTMENTS_INVITED: Record<SessionKind, readonly number[]> = {
  [SessionKind.FORUM]: [0, 0, 1],
  [SessionKind.COUNCIL]: [1, 1, 1, 2],
  [SessionKind.FACE_TO_FACE]: [1, 2],
  [SessionKind.MULTI_PARTY]: [1, 2],
  [SessionKind.BRIEFING]: [1],
};

/** Sessions in a quarter a home meets: mostly one, as the seed asks; more when work needs it. */
const SESSIONS_IN_A_QUARTER: Weighted<number> = [
  [1, 86],
  [2, 13],
  [3, 1],
];

/**
 * How often a home lets a quarter pass without a held session: most homes seldom, some often.
 * The mean is about 12%.
 */
const MISS_RATES: Weighted<number> = [
  [0.06, 70],
  [0.15, 22],
  [0.35, 8],
];
/** Quarters the epidemic rules emptied of gatherings in many places. */
const EPIDEMIC_QUARTERS: ReadonlySet<string> = new Set(['2020Q1', '2022Q2', '2022Q4']);

const PARTICIPANT_ROLES: Record<ParticipantKind, AttendanceRole> = {
  [ParticipantKind.VILLAGER_REPRESENTATIVE]: AttendanceRole.RESIDENT_REPRESENTATIVE,
  [ParticipantKind.RESIDENT_REPRESENTATIVE]: AttendanceRole.RESIDENT_REPRESENTATIVE,
  [ParticipantKind.RETIRED_CADRE]: AttendanceRole.RETIRED_CADRE,
  [ParticipantKind.PARTY_MEMBER_REPRESENTATIVE]: AttendanceRole.PARTY_MEMBER_REPRESENTATIVE,
  [ParticipantKind.PERSON_WITH_DEMAND]: AttendanceRole.PERSON_WITH_DEMAND,
  [ParticipantKind.EXPERT]: AttendanceRole.EXPERT,
  [ParticipantKind.LEGAL_PROFESSIONAL]: AttendanceRole.LAWYER,
};

// ─── Days and moments ───────────────────────────────────────────────────────────────────────────
// Days are counted from 1970-01-01 in the city's calendar; China Standard Time is UTC+8 all year.

const DAY_MS = 86_400_000;
const CST_MS = 8 * 3_600_000;

function dayOf(date: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`${date} is not a YYYY-MM-DD date`);
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The instant of a day at a time of day (minutes after midnight, city time), as ISO UTC. */
function momentOf(day: number, minutes: number): string {
  return new Date(day * DAY_MS + minutes * 60_000 - CST_MS).toISOString();
}

/** 0 for Sunday … 6 for Saturday. */
function weekdayOf(day: number): number {
  return (day + 4) % 7; // 1970-01-01 was a Thursday
}

function quarterOfDay(day: number): { year: number; quarter: number } {
  const date = new Date(day * DAY_MS);
  return { year: date.getUTCFullYear(), quarter: Math.floor(date.getUTCMonth() / 3) + 1 };
}

/** First and last day of a quarter. */
function quarterDays(year: number, quarter: number): { first: number; last: number } {
  const first = Math.round(Date.UTC(year, (quarter - 1) * 3, 1) / DAY_MS);
  const next = Math.round(Date.UTC(year, quarter * 3, 1) / DAY_MS);
  return { first, last: next - 1 };
}

/** 2024-05-16 → 2024年5月16日 */
function chineseDate(day: number): string {
  const date = new Date(day * DAY_MS);
  return `${date.getUTCFullYear()}年${date.getUTCMonth() + 1}月${date.getUTCDate()}日`;
}

const CHINESE_NUMBERS = ['零', '一', '两', '三', '四', '五', '六', '七', '八', '九', '十'];

/** The real today in the city, `YYYY-MM-DD`. */
export function todayInShanghai(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

// ─── What the generator knows of each home ──────────────────────────────────────────────────────

type Department = OrganizationDemo['departments'][number];
type Participant = OrganizationDemo['participants'][number];
type HomeRow = OrganizationDemo['homes'][number];

interface HomeContext {
  row: HomeRow;
  countyCode: string;
  placeName: string;
  venues: readonly string[];
  /** The leader first, when the home has one. */
  members: Array<{ id: string; leader: boolean }>;
  participants: Participant[];
  departments: Department[];
  /** First day it may meet, and the first day it no longer does (suspended) or null. */
  from: number;
  until: number | null;
}

/** A session as planned before its content is drawn. */
interface Plan {
  id: string;
  home: HomeContext;
  day: number;
  time: number;
  status: SessionStatus;
  kind: SessionKind;
  crossCounty: boolean;
}

/** '浦南镇李庄村政协村民协商民主之家' → '浦南镇李庄村' and the venues of a village. */
function placeOf(home: HomeRow): { placeName: string; venues: readonly string[] } {
  const placeName = home.name.replace(/政协(村民|市民)协商民主之家$/, '');
  const venues = placeName.endsWith('村')
    ? VENUES.village
    : placeName.endsWith('社区')
      ? VENUES.community
      : placeName.endsWith('街道')
        ? VENUES.street
        : /[镇乡]$/.test(placeName)
          ? VENUES.town
          : VENUES.other;
  return { placeName, venues };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

// ─── The generator ──────────────────────────────────────────────────────────────────────────────

/** Generates the sessions of the organization demo's homes; see the module comment. */
export function generateDeliberationDemo(
  organization: OrganizationDemo,
  options: DeliberationDemoOptions = {},
): DeliberationDemo {
  const seed = options.seed ?? organization.seed;
  if (!Number.isInteger(seed)) throw new Error(`seed must be an integer, not ${seed}`);
  const today = options.today ?? todayInShanghai();
  const todayDay = dayOf(today);
  const root = createRandom(seed);
  const density: Density = {
    sessionsPerQuarter: options.sessionsPerQuarter ?? SESSIONS_IN_A_QUARTER,
    agendaItems: options.agendaItems ?? { min: 2, max: 4 },
  };

  const homes = describeHomes(organization, root.fork('lives'), todayDay);
  const plans: Plan[] = [];
  for (const home of homes)
    plans.push(...planHome(home, root.fork(`home:${home.row.id}`), seed, todayDay, density));
  const counties = countiesOf(organization);
  chooseCrossCounty(plans, root.fork('cross-county'), organization.scale, counties);

  const writer = new DemoWriter(
    todayDay,
    groupBy(
      organization.departments.filter((department) => department.level === DepartmentLevel.CITY),
      (department) => department.division_code,
    ),
    new Map(homes.map((home) => [home.countyCode, home.departments])),
    counties,
    density,
  );
  plans.forEach((plan, n) => {
    writer.write(plan, root.fork(`session:${plan.id}`));
    if (options.onProgress && (n % 1000 === 999 || n === plans.length - 1))
      options.onProgress(n + 1, plans.length);
  });

  return {
    seed,
    today,
    ...writer.tables,
    lives: Object.fromEntries(
      homes.map((home) => [
        home.row.id,
        { from: dateOf(home.from), until: home.until === null ? null : dateOf(home.until) },
      ]),
    ),
  };
}

/** The row counts per table, keyed by table name (as the loader reports them). */
export function deliberationDemoRowCounts(demo: DeliberationDemo): Record<string, number> {
  return {
    session: demo.sessions.length,
    session_event: demo.sessionEvents.length,
    agenda_item: demo.agendaItems.length,
    attendance: demo.attendance.length,
    minutes: demo.minutes.length,
    follow_up_action: demo.followUpActions.length,
  };
}

/** Each home with its members, the participants of its area and its county's departments. */
function describeHomes(
  organization: OrganizationDemo,
  random: Random,
  todayDay: number,
): HomeContext[] {
  const memberships = groupBy(organization.homeMemberships, (membership) => membership.home_id);
  const countyDepartments = groupBy(
    organization.departments.filter((department) => department.level === DepartmentLevel.COUNTY),
    (department) => department.division_code,
  );
  // Participants by township: a home's area is its own division and, for a township, its villages.
  const participantsByTownship = groupBy(organization.participants, (participant) =>
    participant.division_code.slice(0, 9),
  );
  return organization.homes.map((row) => {
    const from = dayOf(row.established_on);
    let until: number | null = null;
    if (row.status === HomeStatus.SUSPENDED) {
      // It met for a while and stopped (at least four months before today), or never got going.
      // Drawn from the home's own stream and not from today, so the past stays put.
      const drawn = random.fork(row.id);
      until = drawn.chance(0.25)
        ? from
        : Math.max(from, Math.min(from + drawn.int(200, 1400), todayDay - 120));
    }
    const members = (memberships.get(row.id) ?? [])
      .map((membership) => ({
        id: membership.member_id,
        leader: membership.role === HomeRole.LEADER,
      }))
      .sort((a, b) => Number(b.leader) - Number(a.leader));
    const participants = (participantsByTownship.get(row.division_code.slice(0, 9)) ?? []).filter(
      (participant) => participant.division_code.startsWith(row.division_code),
    );
    const countyCode = row.division_code.slice(0, 6);
    return {
      row,
      countyCode,
      ...placeOf(row),
      members,
      participants,
      departments: countyDepartments.get(countyCode) ?? [],
      from,
      until,
    };
  });
}

/**
 * The sessions of one home, quarter by quarter from its establishment to today's quarter: dates,
 * kinds and what became of them (held, cancelled, still planned).
 */
function planHome(
  home: HomeContext,
  random: Random,
  seed: number,
  todayDay: number,
  density: Density,
): Plan[] {
  const plans: Plan[] = [];
  const missRate = random.weighted(MISS_RATES);
  // The first session comes a few days after the home is set up.
  const firstDay = home.from + 3;
  const now = quarterOfDay(todayDay);
  const endDay = home.until ?? quarterDays(now.year, now.quarter).last + 1;
  if (endDay <= firstDay) return plans;
  let { year, quarter } = quarterOfDay(firstDay);
  for (;;) {
    const bounds = quarterDays(year, quarter);
    if (bounds.first >= endDay) break;
    const label = `${year}Q${quarter}`;
    const q = random.fork(label);
    const first = Math.max(bounds.first, firstDay);
    const last = Math.min(bounds.last, endDay - 1);
    const newHome = first > bounds.first;
    const dates: Array<{ day: number; cancelled: boolean }> = [];
    const missed =
      (newHome && last - first < 20 && q.chance(0.5)) ||
      q.chance(missRate + (EPIDEMIC_QUARTERS.has(label) ? 0.15 : 0));
    if (missed) {
      // Some homes that miss a quarter had scheduled a session and called it off.
      if (q.chance(0.2)) dates.push({ day: q.int(first, last), cancelled: true });
    } else {
      const count = q.weighted(density.sessionsPerQuarter);
      for (let i = 0; i < count; i++) dates.push({ day: q.int(first, last), cancelled: false });
      // Now and then one was called off and held again later in the quarter.
      if (q.chance(0.02)) dates.push({ day: q.int(first, last), cancelled: true });
    }
    dates.sort((a, b) => a.day - b.day || Number(b.cancelled) - Number(a.cancelled));
    dates.forEach(({ day: drawn, cancelled }, index) => {
      const day = onAWeekday(drawn, first, last);
      // A call-off still to come is not known yet; what lies ahead is planned, from tomorrow on.
      if (cancelled && day >= todayDay) return;
      const status =
        day >= todayDay
          ? SessionStatus.PLANNED
          : cancelled
            ? SessionStatus.CANCELLED
            : SessionStatus.HELD;
      const planned = status === SessionStatus.PLANNED ? Math.max(day, todayDay + 1) : day;
      if (planned > last) return;
      const citizen = home.row.kind === HomeKind.CITIZEN;
      plans.push({
        id: stableId('demo-session', `${seed}:${home.row.id}:${label}:${index}`),
        home,
        day: planned,
        time: q.pick(citizen ? [540, 570, 870, 900, 1140, 1170] : [540, 570, 870, 900]),
        status,
        kind: q.weighted(KIND_WEIGHTS),
        crossCounty: false,
      });
    });
    if (quarter === 4) {
      year += 1;
      quarter = 1;
    } else quarter += 1;
  }
  return plans;
}

/** Sundays move to the Friday before (or the Monday after), inside the allowed days. */
function onAWeekday(day: number, first: number, last: number): number {
  if (weekdayOf(day) !== 0) return day;
  if (day - 2 >= first) return day - 2;
  if (day + 1 <= last) return day + 1;
  return day;
}

/** The county-level units of the demo's region: their names and the units each borders. */
type Counties = Map<string, { name: string; neighbours: string[] }>;

function countiesOf(organization: OrganizationDemo): Counties {
  const counties: Counties = new Map();
  for (const county of organization.counties) {
    const sameCity = organization.counties
      .filter(
        (other) => other.code !== county.code && other.code.startsWith(county.code.slice(0, 4)),
      )
      .map((other) => other.code);
    counties.set(county.code, {
      name: county.name,
      neighbours: COUNTIES[county.code]?.neighbours ?? sameCity,
    });
  }
  return counties;
}

/**
 * A few held councils and forums a year become matters that cross county lines (the seed's
 * rule 3): about six a year in each city at scale 1, at least one a year at any scale.
 */
function chooseCrossCounty(plans: Plan[], random: Random, scale: number, counties: Counties): void {
  const candidates = plans.filter(
    (plan) =>
      plan.status === SessionStatus.HELD &&
      (plan.kind === SessionKind.COUNCIL || plan.kind === SessionKind.FORUM) &&
      (counties.get(plan.home.countyCode)?.neighbours.length ?? 0) > 0,
  );
  const perYear = Math.max(1, Math.round(6 * scale));
  const key = (plan: Plan) => {
    // 连云港 keeps the streams it always drew from; other cities get their own.
    const city = plan.home.countyCode.slice(0, 4);
    const year = dateOf(plan.day).slice(0, 4);
    return city === '3207' ? year : `${city}:${year}`;
  };
  for (const [stream, ofYear] of groupBy(candidates, key)) {
    for (const plan of random.fork(stream).sample(ofYear, perYear)) {
      plan.crossCounty = true;
      plan.kind = SessionKind.COUNCIL;
    }
  }
}

/** The special committee that coordinates a matter: the first whose areas include one of its own. */
function committeeFor(areas: readonly PolicyArea[]): string {
  const committee =
    SPECIAL_COMMITTEES.find((candidate) => candidate.policyAreas.includes(areas[0])) ??
    SPECIAL_COMMITTEES.find((candidate) =>
      candidate.policyAreas.some((area) => areas.includes(area)),
    ) ??
    SPECIAL_COMMITTEES[0];
  return committee.name;
}

/** Departments working on any of the areas, or any of them when none does. */
function departmentsFor(
  departments: readonly Department[],
  areas: readonly PolicyArea[],
): Department[] {
  const matching = departments.filter((department) =>
    department.policy_areas.some((area) => areas.includes(area)),
  );
  return matching.length ? matching : [...departments];
}

/**
 * How minutes name a department: 区住房城乡建设局 and 市民政局 are clear at home; another
 * county's needs its full name (赣榆区水利局).
 */
function nameIn(countyCode: string): (department: Department) => string {
  return (department) =>
    department.level === DepartmentLevel.COUNTY && department.division_code !== countyCode
      ? department.name
      : department.short_name;
}

/** Turns plans into rows: the session, its steps, agenda, attendance, minutes and actions. */
class DemoWriter {
  readonly tables: Pick<
    DeliberationDemo,
    'sessions' | 'sessionEvents' | 'agendaItems' | 'attendance' | 'minutes' | 'followUpActions'
  > = {
    sessions: [],
    sessionEvents: [],
    agendaItems: [],
    attendance: [],
    minutes: [],
    followUpActions: [],
  };
  /** The last topic each home talked about, so consecutive sessions differ. */
  private readonly lastTopic = new Map<string, string>();
  /** Homes that have held a session, and so have results to report on. */
  private readonly hasHeld = new Set<string>();

  constructor(
    private readonly todayDay: number,
    /** City departments by city code. */
    private readonly cityDepartments: Map<string, Department[]>,
    private readonly countyDepartments: Map<string, Department[]>,
    private readonly counties: Counties,
    private readonly density: Density,
  ) {}

  write(plan: Plan, random: Random): void {
    const { home } = plan;
    const citizen = home.row.kind === HomeKind.CITIZEN;
    const topic = this.topicFor(plan, random);
    this.lastTopic.set(home.row.id, topic.short);

    // Who is invited: the county's departments of the matter; city ones bring a committee.
    const county = departmentsFor(home.departments, topic.areas);
    const invited: Department[] = [];
    const countyCount = random.pick(COUNTY_DEPARTMENTS_INVITED[plan.kind]);
    invited.push(...random.sample(county, countyCount));
    if (plan.kind === SessionKind.MULTI_PARTY) {
      const petitions = home.departments.find((d) => d.policy_areas.includes(PolicyArea.PETITIONS));
      if (petitions && !invited.includes(petitions)) invited.push(petitions);
    }
    let otherCounty: string | null = null;
    let committee: string | null = null;
    const withCity =
      plan.crossCounty || (plan.kind !== SessionKind.BRIEFING && random.chance(0.025));
    const cityCode = home.countyCode.slice(0, 4);
    if (withCity) {
      const cityDepartments = this.cityDepartments.get(cityCode) ?? [];
      invited.push(
        ...random.sample(departmentsFor(cityDepartments, topic.areas), random.int(1, 2)),
      );
      committee = committeeFor(topic.areas);
    }
    if (plan.crossCounty) {
      otherCounty = random.pick(this.counties.get(home.countyCode)!.neighbours);
      const theirs = departmentsFor(this.countyDepartments.get(otherCounty) ?? [], topic.areas);
      if (theirs.length) invited.push(random.pick(theirs));
    }
    const departments = [...new Set(invited)];

    const session: SessionRow = {
      id: plan.id,
      home_id: home.row.id,
      division_code: home.row.division_code,
      title: this.titleOf(plan, topic, citizen, random),
      kind: plan.kind,
      status: plan.status,
      scheduled_at: momentOf(plan.day, plan.time),
      held_at: plan.status === SessionStatus.HELD ? momentOf(plan.day, plan.time) : null,
      location: `${home.placeName}${random.pick(home.venues)}`,
      cancel_reason: null,
      coordinating_committee_id: committee
        ? stableId('committee', `${cityCode}:${committee}`)
        : null,
      involved_divisions: otherCounty ? [otherCounty] : [],
      department_ids: departments.map((department) => department.id),
      version: 1,
      published_at: null,
      created_at: '',
      updated_at: '',
    };
    if (plan.status === SessionStatus.CANCELLED) {
      const { year, quarter } = quarterOfDay(plan.day);
      session.cancel_reason =
        EPIDEMIC_QUARTERS.has(`${year}Q${quarter}`) && random.chance(0.7)
          ? EPIDEMIC_CANCEL_REASON
          : random.pick(CANCEL_REASONS);
    }
    this.writeSteps(session, plan, random);
    this.tables.sessions.push(session);

    const items = this.writeAgenda(session, plan, topic, departments, random);
    if (plan.status === SessionStatus.CANCELLED) return;
    const present = this.writeAttendance(session, plan, departments, random);
    if (plan.status === SessionStatus.HELD) {
      this.writeMinutes(
        session,
        plan,
        topic,
        items,
        present,
        departments,
        committee,
        otherCounty,
        random,
      );
      this.hasHeld.add(home.row.id);
    }
  }

  private topicFor(plan: Plan, random: Random): Topic {
    const kind = plan.home.row.kind;
    const pool = (
      plan.crossCounty
        ? CROSS_COUNTY_MATTERS
        : plan.kind === SessionKind.MULTI_PARTY
          ? PETITION_MATTERS
          : plan.kind === SessionKind.BRIEFING
            ? POLICIES
            : TOPICS
    ).filter((topic) => topic.homes.includes(kind));
    const topic = random.pick(pool);
    return topic.short === this.lastTopic.get(plan.home.row.id) ? random.pick(pool) : topic;
  }

  private titleOf(plan: Plan, topic: Topic, citizen: boolean, random: Random): string {
    const short = topic.short;
    if (plan.crossCounty) return `${short}跨县区协商会`;
    switch (plan.kind) {
      case SessionKind.FORUM:
        return random.pick([`${short}座谈会`, `“${short}”专题座谈会`]);
      case SessionKind.COUNCIL:
        return random.pick([
          `${short}协商议事会`,
          `关于${short}的协商议事会`,
          `“有事好商量”${short}协商议事会`,
        ]);
      case SessionKind.FACE_TO_FACE:
        return random.pick([`${short}面对面协商`, `“${short}”委员群众面对面`]);
      case SessionKind.MULTI_PARTY:
        return `${short}信访事项多方协商`;
      case SessionKind.BRIEFING:
        return random.pick([`${short}宣讲会`, `${short}${citizen ? '进社区' : '进村入户'}宣讲`]);
    }
  }

  /** The session's history: scheduled some days ahead, perhaps moved, then held or called off. */
  private writeSteps(session: SessionRow, plan: Plan, random: Random): void {
    const events: SessionEventRow[] = [];
    const event = (
      step: SessionEventRow['step'],
      from: SessionStatus | null,
      to: SessionStatus,
      at: string,
      detail: Record<string, string> = {},
    ) =>
      events.push({
        session_id: session.id,
        step,
        from_status: from,
        to_status: to,
        at,
        by_subject: DEMO_SUBJECT,
        detail,
      });
    const earliest = plan.home.from;
    const latest = this.todayDay - 1;
    // Moved once in a while: first set a few days earlier than it took place.
    const moved =
      plan.status !== SessionStatus.CANCELLED && random.chance(0.06) ? random.int(2, 10) : 0;
    const originalDay = plan.day - moved;
    const rescheduled = moved > 0 && originalDay - 2 >= earliest && originalDay - 1 <= latest;
    const firstDay = rescheduled ? originalDay : plan.day;
    const scheduledOn = Math.max(earliest, Math.min(firstDay - random.int(5, 20), latest));
    event('schedule', null, SessionStatus.PLANNED, momentOf(scheduledOn, random.int(540, 1050)));
    if (rescheduled) {
      const movedOn = Math.max(scheduledOn + 1, originalDay - random.int(1, 3));
      event('reschedule', SessionStatus.PLANNED, SessionStatus.PLANNED, momentOf(movedOn, 1020), {
        from: momentOf(originalDay, plan.time),
        to: momentOf(plan.day, plan.time),
      });
    }
    if (plan.status === SessionStatus.HELD) {
      event(
        'recordHeld',
        SessionStatus.PLANNED,
        SessionStatus.HELD,
        momentOf(plan.day, plan.time + random.int(120, 180)),
      );
    } else if (plan.status === SessionStatus.CANCELLED) {
      // Called off a day or more ahead, after it was scheduled (18:00: after any scheduling time).
      const cancelledOn = Math.max(scheduledOn, plan.day - random.int(1, 4));
      event('cancel', SessionStatus.PLANNED, SessionStatus.CANCELLED, momentOf(cancelledOn, 1080), {
        reason: session.cancel_reason!,
      });
    }
    session.version = events.length;
    session.created_at = events[0].at;
    session.updated_at = events[events.length - 1].at;
    this.tables.sessionEvents.push(...events);
  }

  /** 2–4 items: the matter itself, with what usually goes with a session of its kind. */
  private writeAgenda(
    session: SessionRow,
    plan: Plan,
    topic: Topic,
    departments: Department[],
    random: Random,
  ): AgendaItemRow[] {
    const { home } = plan;
    const kind = home.row.kind;
    const local = () => random.pick(LOCAL_PRESENTERS[kind]);
    const department = (of: Department[]) =>
      of.length ? `${random.pick(of).short_name}负责同志` : local();
    const countyDepartments = departments.filter((d) => d.division_code === home.countyCode);
    const describe = (text: string) => text.replaceAll('{place}', home.placeName);
    const items: Array<Pick<AgendaItemRow, 'title' | 'description' | 'presenter'>> = [];
    const main = {
      title: random.pick(topic.titles),
      description: describe(topic.description),
    };
    switch (plan.kind) {
      case SessionKind.MULTI_PARTY:
        items.push({ ...main, title: `信访人陈述诉求：${main.title}`, presenter: '信访人代表' });
        items.push({ ...PETITION_STEPS[0], presenter: department(countyDepartments) });
        if (random.chance(0.6)) items.push({ ...PETITION_STEPS[1], presenter: '法律工作者' });
        items.push({ ...PETITION_STEPS[2], presenter: '之家负责人' });
        break;
      case SessionKind.BRIEFING:
        items.push({ ...main, presenter: department(departments) });
        items.push(
          ...random
            .sample(BRIEFING_STEPS, random.int(1, 2))
            .map((step) => ({ ...step, presenter: local() })),
        );
        break;
      default: {
        if (this.hasHeld.has(home.row.id) && random.chance(0.3))
          items.push({ ...FOLLOW_UP_REPORT, presenter: '之家负责人' });
        items.push({
          ...main,
          presenter: plan.crossCounty
            ? department(departments.filter((d) => d.level === DepartmentLevel.CITY))
            : random.chance(0.4)
              ? department(departments)
              : local(),
        });
        const others = TOPICS.filter(
          (other) => other.short !== topic.short && other.homes.includes(kind),
        );
        const { min, max } = this.density.agendaItems;
        const more = Math.max(0, random.int(min, max) - items.length);
        for (const other of random.sample(others, more)) {
          items.push({
            title: random.pick(other.titles),
            description: describe(other.description),
            presenter: local(),
          });
        }
      }
    }
    const rows = items.map((item, index) => ({
      id: stableId('demo-agenda-item', `${session.id}:${index + 1}`),
      session_id: session.id,
      home_id: session.home_id,
      division_code: session.division_code,
      position: index + 1,
      ...item,
      demand_ids: [] as string[],
    }));
    this.tables.agendaItems.push(...rows);
    return rows;
  }

  /** The home's members (its leader in the chair), people of its area, and the departments. */
  private writeAttendance(
    session: SessionRow,
    plan: Plan,
    departments: Department[],
    random: Random,
  ): { members: number; residents: number; experts: number; memberIds: string[] } {
    const held = plan.status === SessionStatus.HELD;
    const statusOf = (present: number, excused: number): AttendanceStatus => {
      if (!held) return AttendanceStatus.INVITED;
      const roll = random.next();
      return roll < present
        ? AttendanceStatus.PRESENT
        : roll < present + excused
          ? AttendanceStatus.EXCUSED
          : AttendanceStatus.ABSENT;
    };
    const rows: AttendanceRow[] = [];
    const add = (kind: AttendeeKind, id: string, role: AttendanceRole, status: AttendanceStatus) =>
      rows.push({
        id: stableId('demo-attendance', `${session.id}:${kind}:${id}`),
        session_id: session.id,
        home_id: session.home_id,
        division_code: session.division_code,
        attendee_kind: kind,
        attendee_id: id,
        role,
        status,
      });
    const tally = { members: 0, residents: 0, experts: 0, memberIds: [] as string[] };
    plan.home.members.forEach((member, index) => {
      // The leader chairs; a home without one has its first member in the chair.
      const chair = index === 0;
      const status = chair && held ? AttendanceStatus.PRESENT : statusOf(0.86, 0.09);
      add(
        AttendeeKind.MEMBER,
        member.id,
        chair ? AttendanceRole.CHAIR : AttendanceRole.MEMBER,
        status,
      );
      if (status === AttendanceStatus.PRESENT) {
        tally.members += 1;
        tally.memberIds.push(member.id);
      }
    });
    // A petition session seats the people with the demand and a lawyer first.
    const pool = plan.home.participants;
    const first =
      plan.kind === SessionKind.MULTI_PARTY
        ? pool.filter(
            (p) =>
              p.kind === ParticipantKind.PERSON_WITH_DEMAND ||
              p.kind === ParticipantKind.LEGAL_PROFESSIONAL,
          )
        : [];
    const chosen = [
      ...new Set([
        ...random.sample(first, 3),
        ...random.sample(pool, random.int(3, plan.kind === SessionKind.BRIEFING ? 10 : 7)),
      ]),
    ];
    for (const participant of chosen) {
      const status = statusOf(0.9, 0.04);
      add(AttendeeKind.PARTICIPANT, participant.id, PARTICIPANT_ROLES[participant.kind], status);
      if (status !== AttendanceStatus.PRESENT) continue;
      if (
        participant.kind === ParticipantKind.EXPERT ||
        participant.kind === ParticipantKind.LEGAL_PROFESSIONAL
      )
        tally.experts += 1;
      else tally.residents += 1;
    }
    for (const department of departments) {
      add(AttendeeKind.DEPARTMENT, department.id, AttendanceRole.DEPARTMENT, statusOf(0.93, 0.07));
    }
    this.tables.attendance.push(...rows);
    return tally;
  }

  /**
   * The minutes of a held session, as far as they got by today: recent ones are often drafts or
   * not written yet; old ones mostly published. Published minutes make the session public.
   */
  private writeMinutes(
    session: SessionRow,
    plan: Plan,
    topic: Topic,
    items: AgendaItemRow[],
    present: { members: number; residents: number; experts: number; memberIds: string[] },
    departments: Department[],
    committee: string | null,
    otherCounty: string | null,
    random: Random,
  ): void {
    const age = this.todayDay - plan.day;
    const createdOn = plan.day + random.int(1, 4);
    if (createdOn >= this.todayDay) return;
    if (random.chance(age <= 30 ? 0.2 : 0.01)) return; // never written up, or not yet
    let status = random.weighted<MinutesStatus>(
      age > 180
        ? [
            [MinutesStatus.PUBLISHED, 88],
            [MinutesStatus.APPROVED, 8],
            [MinutesStatus.DRAFT, 4],
          ]
        : age > 30
          ? [
              [MinutesStatus.PUBLISHED, 70],
              [MinutesStatus.APPROVED, 18],
              [MinutesStatus.DRAFT, 12],
            ]
          : [
              [MinutesStatus.PUBLISHED, 20],
              [MinutesStatus.APPROVED, 30],
              [MinutesStatus.DRAFT, 50],
            ],
    );
    const approvedOn = createdOn + random.int(1, 6);
    const publishedOn = approvedOn + random.int(0, 3);
    // Nothing happens on or after today: steps that would are still to come.
    if (status === MinutesStatus.PUBLISHED && publishedOn >= this.todayDay)
      status = MinutesStatus.APPROVED;
    if (status === MinutesStatus.APPROVED && approvedOn >= this.todayDay)
      status = MinutesStatus.DRAFT;
    const edits = random.chance(0.2) ? 1 : 0;
    const createdAt = momentOf(createdOn, random.int(900, 1050));
    const approvedAt =
      status === MinutesStatus.DRAFT ? null : momentOf(approvedOn, random.int(540, 690));
    const publishedAt =
      status === MinutesStatus.PUBLISHED ? momentOf(publishedOn, random.int(840, 1020)) : null;

    const consensus = random.sample(
      topic.consensus,
      random.int(1, Math.min(3, topic.consensus.length)),
    );
    const disagreements =
      topic.disagreements.length && random.chance(0.45)
        ? random.sample(topic.disagreements, 1)
        : [];
    const minutes: MinutesRow = {
      id: stableId('demo-minutes', session.id),
      session_id: session.id,
      home_id: session.home_id,
      division_code: session.division_code,
      summary: this.summaryOf(
        plan,
        topic,
        items,
        present,
        departments,
        committee,
        otherCounty,
        consensus.length,
        disagreements.length,
        random,
      ),
      consensus,
      disagreements,
      status,
      version: 1 + edits + (approvedAt ? 1 : 0) + (publishedAt ? 1 : 0),
      approved_by: approvedAt ? DEMO_SUBJECT : null,
      approved_at: approvedAt,
      published_at: publishedAt,
      created_at: createdAt,
      updated_at: publishedAt ?? approvedAt ?? createdAt,
    };
    this.tables.minutes.push(minutes);
    session.published_at = publishedAt;

    // What was agreed to be done, by whom and by when; older actions are mostly done.
    const count = plan.kind === SessionKind.BRIEFING ? random.int(0, 1) : random.int(1, 3);
    const memberIds = present.memberIds.length
      ? present.memberIds
      : plan.home.members.map((m) => m.id);
    random.sample(topic.actions, count).forEach((description, position) => {
      const byDepartment = departments.length > 0 && (memberIds.length === 0 || random.chance(0.5));
      if (!byDepartment && memberIds.length === 0) return;
      const dueDay = plan.day + random.int(30, 90);
      const overdueBy = this.todayDay - dueDay;
      const actionStatus = random.weighted<ActionStatus>(
        overdueBy > 60
          ? [
              [ActionStatus.DONE, 85],
              [ActionStatus.DROPPED, 7],
              [ActionStatus.OPEN, 8],
            ]
          : overdueBy > 0
            ? [
                [ActionStatus.DONE, 55],
                [ActionStatus.OPEN, 40],
                [ActionStatus.DROPPED, 5],
              ]
            : [
                [ActionStatus.OPEN, 75],
                [ActionStatus.DONE, 25],
              ],
      );
      this.tables.followUpActions.push({
        id: stableId('demo-follow-up-action', `${minutes.id}:${position}`),
        minutes_id: minutes.id,
        home_id: session.home_id,
        division_code: session.division_code,
        position,
        description,
        owner_kind: byDepartment ? ActionOwnerKind.DEPARTMENT : ActionOwnerKind.MEMBER,
        owner_id: byDepartment ? random.pick(departments).id : random.pick(memberIds),
        due_on: dateOf(dueDay),
        status: actionStatus,
      });
    });
  }

  /** A paragraph as minutes open: when, who met about what, who came, how it ended. No names. */
  private summaryOf(
    plan: Plan,
    topic: Topic,
    items: AgendaItemRow[],
    present: { members: number; residents: number; experts: number },
    departments: Department[],
    committee: string | null,
    otherCounty: string | null,
    consensus: number,
    disagreements: number,
    random: Random,
  ): string {
    const citizen = plan.home.row.kind === HomeKind.CITIZEN;
    const label = plan.crossCounty ? '跨县区协商会' : KIND_LABELS[plan.kind];
    const topics = items.length > 1 ? `等${CHINESE_NUMBERS[items.length]}项议题` : '';
    const people = [
      present.members ? `政协委员${present.members}名` : '',
      present.residents ? `${citizen ? '居民' : '村民'}代表${present.residents}名` : '',
      present.experts ? `专家和法律工作者${present.experts}名` : '',
    ].filter(Boolean);
    const parts = [
      `${chineseDate(plan.day)}，${plan.home.row.name}召开${label}，围绕“${topic.short}”${topics}开展协商。`,
      people.length ? `${people.join('、')}参加。` : '',
      departments.length
        ? `${departments.map(nameIn(plan.home.countyCode)).join('、')}有关负责同志到会听取意见、回应关切。`
        : '',
      committee
        ? `市政协${committee}牵头协调${otherCounty ? `，${this.counties.get(otherCounty)?.name ?? ''}有关方面参加` : ''}。`
        : '',
      disagreements
        ? `${random.pick(OUTCOMES.split)}。`
        : `${random.pick(OUTCOMES.agreed)}，形成共识${consensus}条。`,
    ];
    return parts.join('');
  }
}
