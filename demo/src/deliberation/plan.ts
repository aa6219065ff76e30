/**
 * When each home meets: its life (from its establishment until today, or until it stopped), the
 * sessions of each quarter (most quarters one, some none, some two), their kinds and what became
 * of them, and the few a year that cross county lines.
 */
import { HomeKind, HomeRole, HomeStatus, DepartmentLevel, stableId } from '@cppcc/organization';
import { SessionKind, SessionStatus } from '@cppcc/deliberation';
import { dateOf, dayOf, quarterDays, quarterOf, weekdayOf } from '../calendar';
import type { OrganizationDemo } from '../organization/rows';
import type { Random, Weighted } from '../random';
import { VENUES } from './content';
import type { Density } from './rows';

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
export const COUNTY_DEPARTMENTS_INVITED: Record<SessionKind, readonly number[]> = {
  [SessionKind.FORUM]: [0, 0, 1],
  [SessionKind.COUNCIL]: [1, 1, 1, 2],
  [SessionKind.FACE_TO_FACE]: [1, 2],
  [SessionKind.MULTI_PARTY]: [1, 2],
  [SessionKind.BRIEFING]: [1],
};

/** Sessions in a quarter a home meets: mostly one, as rule 5 asks (docs/domain.md); more when work needs it. */
export const SESSIONS_IN_A_QUARTER: Weighted<number> = [
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
export const EPIDEMIC_QUARTERS: ReadonlySet<string> = new Set(['2020Q1', '2022Q2', '2022Q4']);

export type Department = OrganizationDemo['departments'][number];
export type Participant = OrganizationDemo['participants'][number];
export type HomeRow = OrganizationDemo['homes'][number];

export interface HomeContext {
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
export interface Plan {
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

export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Each home with its members, the participants of its area and its county's departments. */
export function describeHomes(
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
export function planHome(
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
  const now = quarterOf(todayDay);
  const endDay = home.until ?? quarterDays(now.year, now.quarter).last + 1;
  if (endDay <= firstDay) return plans;
  let { year, quarter } = quarterOf(firstDay);
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
export type Counties = Map<string, { name: string; neighbours: string[] }>;

export function countiesOf(organization: OrganizationDemo): Counties {
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
 * A few held councils and forums a year become matters that cross county lines (rule 3
 * of docs/domain.md): about six a year in each city at scale 1, at least one a year at any scale.
 */
export function chooseCrossCounty(
  plans: Plan[],
  random: Random,
  scale: number,
  counties: Counties,
): void {
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
