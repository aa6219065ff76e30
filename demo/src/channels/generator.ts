/**
 * Demo data for the channels service, standing on the organization and deliberation demos: the
 * demands residents raised at the homes (most of them discussed at a session and resolved at the
 * home, some carried up), and where the carried-up ones went — proposals to the county's or the
 * city's CPPCC, sentiment reports, plenary speeches, special reports — with the departments'
 * replies and the proposers' evaluations, each as far as it got by `today`. Members also propose
 * on their own, so a CPPCC's year holds proposals that no home's demand started.
 *
 * - A demand raised at a home is linked to the agenda item it was discussed under (the
 *   deliberation demo's agenda items gain its id, see `agendaDemandIds`), so lineage queries
 *   return real chains from a home's session to a department's answer.
 * - Every record's steps are dated and written to `channel_event` as the services would have
 *   written them; a record stands in the state of its last step before today.
 * - Proposals at every stage: not registered (with a reason from the fixed list), returned,
 *   merged, registered and numbered in order of registration per CPPCC and year, assigned to a
 *   department whose policy areas match, overdue, extended, replied (A–D), rehandled after a
 *   dissatisfied evaluation, closed.
 *
 * Deterministic: the same inputs, seed and `today` give the same rows.
 */
import {
  DepartmentLevel,
  HomeRole,
  PolicyArea,
  SPECIAL_COMMITTEES,
  stableId,
} from '@cppcc/organization';
import type { DeliberationDemo } from '../deliberation/generator';
import type { OrganizationDemo } from '../organization/generator';
import { createRandom, type Random, type Weighted } from '../random';
import { DemandCategory, DemandRaiser, DemandStatus } from '@cppcc/channels';
import { ChannelRecordKind } from '@cppcc/channels';
import { PlenaryStatus } from '@cppcc/channels';
import {
  Evaluation,
  ProposalKind,
  ProposalStatus,
  type NotRegisteredReason,
  type ReplyResultClass,
} from '@cppcc/channels';
import { IssuedTo, SentimentReportStatus, type InstructionLevel } from '@cppcc/channels';
import {
  CLOSING_NOTES,
  DECLINE_REASONS,
  DEMAND_PHRASES,
  EVALUATION_COMMENTS,
  FEEDBACK,
  INSTRUCTIONS,
  LEADERS,
  NOT_REGISTERED_REASONS,
  OPEN_MATTERS,
  OUTCOMES,
  PARTY_GROUPS,
  PROPOSAL_TOPICS,
  REJECT_REASONS,
  REPLY_PHRASES,
  RESIDENT_GIVEN,
  RESIDENT_SURNAMES,
  RESOLUTIONS,
  categoryOf,
} from './content';

// ─── Rows: keys exactly the SQL columns; version and timestamps not set take their defaults ─────

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

type Density = Required<Omit<ChannelsDemoOptions, 'seed' | 'today' | 'onProgress'>> & {
  /** Whether `demandsPerAgendaItem` was given: the default draws nothing for it. */
  drawsDemandCount: boolean;
};

// ─── Days ───────────────────────────────────────────────────────────────────────────────────────

const DAY_MS = 86_400_000;
const CST_MS = 8 * 3_600_000;

function dayOf(date: string): number {
  return Math.round(Date.parse(`${date.slice(0, 10)}T00:00:00Z`) / DAY_MS);
}
function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
/** The instant of a day at a time of day (hours, city time), as ISO UTC. */
function momentOf(day: number, hour: number): string {
  return new Date(day * DAY_MS + hour * 3_600_000 - CST_MS).toISOString();
}
/** The city day of an ISO instant. */
function cityDayOf(instant: string): number {
  return Math.floor((Date.parse(instant) + CST_MS) / DAY_MS);
}
function addMonthsDay(day: number, months: number): number {
  const date = new Date(day * DAY_MS);
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const last = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), last));
  return Math.round(target.getTime() / DAY_MS);
}

const DEMO_SUBJECT = 'demo';

/** Which policy area answers a demand's category (departments are chosen by it). */
const AREA_OF: Record<DemandCategory, PolicyArea> = {
  [DemandCategory.INFRASTRUCTURE]: PolicyArea.INFRASTRUCTURE,
  [DemandCategory.LAND_AND_HOUSING]: PolicyArea.LAND_AND_HOUSING,
  [DemandCategory.SOCIAL_SECURITY]: PolicyArea.SOCIAL_SECURITY,
  [DemandCategory.EDUCATION]: PolicyArea.EDUCATION,
  [DemandCategory.HEALTH]: PolicyArea.HEALTH,
  [DemandCategory.ENVIRONMENT]: PolicyArea.ENVIRONMENT,
  [DemandCategory.AGRICULTURE]: PolicyArea.AGRICULTURE,
  [DemandCategory.PUBLIC_SAFETY]: PolicyArea.PUBLIC_SAFETY,
  [DemandCategory.EMPLOYMENT]: PolicyArea.EMPLOYMENT,
  [DemandCategory.OTHER]: PolicyArea.ECONOMY,
};

/** The share of agenda items raised from a resident's demand, and of those, the share carried up. */
const AGENDA_FROM_DEMAND = 0.6;
const CARRIED_UP = 0.15;
/** Members' own proposals a year, per county CPPCC and for the city's. */
const OWN_PROPOSALS = { county: 8, city: 24 } as const;
const CHANNEL_WEIGHTS: Weighted<ChannelRecordKind> = [
  [ChannelRecordKind.PROPOSAL, 50],
  [ChannelRecordKind.SENTIMENT_REPORT, 35],
  [ChannelRecordKind.SPEECH, 7],
  [ChannelRecordKind.SPECIAL_REPORT, 8],
];

/** The CPPCC of the city a division lies in: `3207` for anything in 连云港. */
function cityOf(divisionCode: string): string {
  return divisionCode.slice(0, 4);
}

interface Context {
  random: Random;
  today: number;
  idOf: (table: string, key: string) => string;
  demo: ChannelsDemo;
  organization: OrganizationDemo;
  /** Members serving each home, leader first. */
  homeMembers: Map<string, string[]>;
  membersOfCounty: Map<string, string[]>;
  departments: OrganizationDemo['departments'];
  participantsNear: (divisionCode: string) => string[];
  /** The next registration number of a CPPCC's year. */
  numbers: Map<string, number>;
  density: Density;
  /** The steps written so far of each record (what `channelEvents` holds, by record id). */
  eventsOf: Map<string, ChannelEventRow[]>;
  /** The proposals so far of each CPPCC's year (`division:year`), in the order they were made. */
  proposalsOf: Map<string, ProposalRow[]>;
  /** The feedback so far of each sentiment report. */
  feedbackOf: Map<string, DepartmentFeedbackRow[]>;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function event(
  ctx: Context,
  kind: ChannelRecordKind,
  id: string,
  step: string,
  from: string | null,
  to: string,
  at: string,
  extra: { departmentId?: string | null; detail?: Record<string, unknown> } = {},
): void {
  const row: ChannelEventRow = {
    record_kind: kind,
    record_id: id,
    step,
    from_status: from,
    to_status: to,
    at,
    by_subject: DEMO_SUBJECT,
    by_department_id: extra.departmentId ?? null,
    detail: extra.detail ?? {},
  };
  ctx.demo.channelEvents.push(row);
  // Only proposals are looked up by record (a merge asks the state of the one it merges into).
  if (kind === ChannelRecordKind.PROPOSAL) pushTo(ctx.eventsOf, id, row);
}

export function generateChannelsDemo(
  organization: OrganizationDemo,
  deliberation: DeliberationDemo,
  options: ChannelsDemoOptions = {},
): ChannelsDemo {
  const seed = options.seed ?? deliberation.seed;
  const todayDate = options.today ?? deliberation.today;
  const random = createRandom(seed).fork('channels');
  const demo: ChannelsDemo = {
    seed,
    today: todayDate,
    demands: [],
    proposals: [],
    proposalNumbers: [],
    sentimentReports: [],
    leaderInstructions: [],
    departmentFeedback: [],
    speeches: [],
    specialReports: [],
    channelEvents: [],
    agendaDemandIds: {},
  };
  const homeMembers = new Map<string, string[]>();
  for (const membership of [...organization.homeMemberships].sort((a, b) =>
    a.role === HomeRole.LEADER ? -1 : b.role === HomeRole.LEADER ? 1 : 0,
  )) {
    if (membership.until) continue;
    pushTo(homeMembers, membership.home_id, membership.member_id);
  }
  const membersOfCounty = new Map<string, string[]>();
  for (const member of organization.members) {
    pushTo(membersOfCounty, member.division_code.slice(0, 6), member.id);
  }
  const participantsByTownship = new Map<string, string[]>();
  for (const participant of organization.participants) {
    pushTo(participantsByTownship, participant.division_code.slice(0, 9), participant.id);
  }
  const ctx: Context = {
    random,
    today: dayOf(todayDate),
    idOf: (table, key) => stableId(`demo-${table}`, `${seed}:${key}`),
    demo,
    organization,
    homeMembers,
    membersOfCounty,
    departments: organization.departments,
    participantsNear: (code) => participantsByTownship.get(code.slice(0, 9)) ?? [],
    numbers: new Map(),
    density: {
      agendaFromDemand: options.agendaFromDemand ?? AGENDA_FROM_DEMAND,
      demandsPerAgendaItem: options.demandsPerAgendaItem ?? [[1, 1]],
      drawsDemandCount: options.demandsPerAgendaItem !== undefined,
      outsideDemandsPerQuarter: options.outsideDemandsPerQuarter ?? 0,
      carriedUp: options.carriedUp ?? CARRIED_UP,
      channels: options.channels ?? CHANNEL_WEIGHTS,
      ownProposals: options.ownProposals ?? OWN_PROPOSALS,
    },
    eventsOf: new Map(),
    proposalsOf: new Map(),
    feedbackOf: new Map(),
  };

  const homes = new Map(organization.homes.map((home) => [home.id, home]));
  const sessions = new Map(deliberation.sessions.map((session) => [session.id, session]));
  const carriedUp: CarriedUp[] = [];
  const items = deliberation.agendaItems;
  items.forEach((item, n) => {
    if (options.onProgress && (n % 5000 === 4999 || n === items.length - 1))
      options.onProgress(n + 1, items.length);
    const session = sessions.get(item.session_id);
    const home = homes.get(item.home_id);
    if (!session?.held_at || !home) return;
    const stream = random.fork(`agenda:${item.id}`);
    if (!stream.chance(ctx.density.agendaFromDemand)) return;
    // The first demand draws from the item's stream as it always did; further ones from their own.
    const count = ctx.density.drawsDemandCount
      ? stream.fork('count').weighted(ctx.density.demandsPerAgendaItem)
      : 1;
    const ids: string[] = [];
    for (let k = 0; k < count; k++) {
      const demand = agendaDemand(
        ctx,
        k === 0 ? stream : stream.fork(`demand:${k}`),
        item,
        session.held_at,
        home.division_code,
        k === 0 ? item.id : `${item.id}:${k}`,
      );
      ids.push(demand.row.id);
      if (demand.carriedUp) carriedUp.push(demand.carriedUp);
    }
    demo.agendaDemandIds[item.id] = ids;
  });
  if (ctx.density.outsideDemandsPerQuarter > 0) {
    for (const home of organization.homes) {
      const life = deliberation.lives[home.id];
      if (!life) continue;
      outsideDemands(ctx, random.fork(`outside:${home.id}`), home, life);
    }
  }
  for (const home of organization.homes) {
    if (home.status === 'SUSPENDED') continue;
    openDemands(ctx, random.fork(`open:${home.id}`), home.id, home.division_code);
  }
  // In order of the day they go up, so registration numbers follow the calendar.
  carriedUp.sort((a, b) => a.day - b.day || a.demand.id.localeCompare(b.demand.id));
  for (const up of carriedUp) carryUp(ctx, up);
  ownProposals(ctx, organization);
  demo.proposalNumbers = [...ctx.numbers.entries()].map(([key, last]) => {
    const [division_code, year] = key.split(':');
    return { division_code, year: Number(year), last_number: last };
  });
  markMilestones(demo);
  return demo;
}

/** A demand carried up from a session, and the day it goes. */
interface CarriedUp {
  demand: DemandRow;
  sessionId: string;
  day: number;
  stream: Random;
}

function resident(stream: Random) {
  return {
    name: `${stream.pick(RESIDENT_SURNAMES)}${stream.pick(RESIDENT_GIVEN)}${stream.chance(0.5) ? stream.pick(RESIDENT_GIVEN) : ''}`,
    phone: `1${stream.pick(['38', '39', '51', '52', '57', '58', '87', '88'])}${stream.digits(8)}`,
  };
}

/** Who raised it: a participant of the area (half the time, when there is one) or a resident. */
function raiser(ctx: Context, stream: Random, divisionCode: string) {
  const participants = ctx.participantsNear(divisionCode);
  if (participants.length && stream.chance(0.5)) {
    return {
      raised_by_kind: DemandRaiser.PARTICIPANT,
      participant_id: stream.pick(participants),
      resident_name: null,
      resident_contact: null,
    };
  }
  const person = resident(stream);
  return {
    raised_by_kind: DemandRaiser.RESIDENT,
    participant_id: null,
    resident_name: person.name,
    resident_contact: person.phone,
  };
}

/** The demand an agenda item was raised from, and what became of it by today. */
function agendaDemand(
  ctx: Context,
  stream: Random,
  item: DeliberationDemo['agendaItems'][number],
  heldAt: string,
  divisionCode: string,
  key: string,
): { row: DemandRow; carriedUp?: CarriedUp } {
  const heldDay = cityDayOf(heldAt);
  const receivedDay = heldDay - stream.int(5, 40);
  const category = categoryOf(item.title);
  const row: DemandRow = {
    id: ctx.idOf('demand', key),
    home_id: item.home_id,
    division_code: divisionCode,
    category,
    content: stream.pick(DEMAND_PHRASES).replace('{}', item.title),
    is_petition: stream.chance(0.05),
    status: DemandStatus.RECEIVED,
    received_at: momentOf(receivedDay, stream.int(8, 17)),
    ...raiser(ctx, stream, divisionCode),
    agenda_item_id: null,
    session_id: null,
    resolution: null,
  };
  ctx.demo.demands.push(row);
  const step = (
    name: string,
    to: DemandStatus,
    day: number,
    detail: Record<string, unknown> = {},
  ) => {
    event(ctx, ChannelRecordKind.DEMAND, row.id, name, row.status, to, momentOf(day, 16), {
      detail,
    });
    row.status = to;
  };
  event(
    ctx,
    ChannelRecordKind.DEMAND,
    row.id,
    'raise',
    null,
    DemandStatus.RECEIVED,
    row.received_at,
  );
  row.agenda_item_id = item.id;
  row.session_id = item.session_id;
  step('putOnAgenda', DemandStatus.ON_AGENDA, receivedDay + 2, {
    sessionId: item.session_id,
    agendaItemId: item.id,
  });
  const upDay = heldDay + stream.int(3, 30);
  if (stream.chance(ctx.density.carriedUp) && upDay < ctx.today) {
    return { row, carriedUp: { demand: row, sessionId: item.session_id, day: upDay, stream } };
  }
  const resolvedDay = heldDay + stream.int(1, 45);
  // Recent sessions leave some demands still on the agenda.
  if (resolvedDay >= ctx.today || stream.chance(0.05)) return { row };
  row.resolution = stream.pick(RESOLUTIONS);
  step('resolveAtHome', DemandStatus.RESOLVED_AT_HOME, resolvedDay);
  const closedDay = resolvedDay + stream.int(3, 30);
  if (closedDay < ctx.today && stream.chance(0.7)) {
    step('close', DemandStatus.CLOSED, closedDay, { note: stream.pick(CLOSING_NOTES) });
  }
  return { row };
}

/**
 * Demands a home took in outside its sessions, quarter by quarter of its life: settled at the
 * home within weeks (most closed later), the last weeks' still waiting.
 */
function outsideDemands(
  ctx: Context,
  stream: Random,
  home: OrganizationDemo['homes'][number],
  life: { from: string; until: string | null },
): void {
  const mean = ctx.density.outsideDemandsPerQuarter;
  const first = dayOf(life.from);
  const end = Math.min(life.until ? dayOf(life.until) : ctx.today, ctx.today);
  let n = 0;
  for (let start = first; start < end; start += 91) {
    const count = stream.int(0, Math.round(2 * mean));
    for (let k = 0; k < count; k++, n++) {
      const day = stream.int(start, Math.min(start + 90, end - 1));
      const matter = stream.pick(OPEN_MATTERS);
      const row: DemandRow = {
        id: ctx.idOf('demand-outside', `${home.id}:${n}`),
        home_id: home.id,
        division_code: home.division_code,
        category: categoryOf(matter),
        content: stream.pick(DEMAND_PHRASES).replace('{}', matter),
        is_petition: stream.chance(0.03),
        status: DemandStatus.RECEIVED,
        received_at: momentOf(day, stream.int(8, 17)),
        ...raiser(ctx, stream, home.division_code),
        agenda_item_id: null,
        session_id: null,
        resolution: null,
      };
      ctx.demo.demands.push(row);
      const kind = ChannelRecordKind.DEMAND;
      event(ctx, kind, row.id, 'raise', null, row.status, row.received_at);
      const resolved = day + stream.int(3, 30);
      if (resolved >= ctx.today) continue;
      row.resolution = stream.pick(RESOLUTIONS);
      event(
        ctx,
        kind,
        row.id,
        'resolveAtHome',
        row.status,
        DemandStatus.RESOLVED_AT_HOME,
        momentOf(resolved, 16),
      );
      row.status = DemandStatus.RESOLVED_AT_HOME;
      const closed = resolved + stream.int(3, 30);
      if (closed >= ctx.today || !stream.chance(0.7)) continue;
      event(ctx, kind, row.id, 'close', row.status, DemandStatus.CLOSED, momentOf(closed, 16), {
        detail: { note: stream.pick(CLOSING_NOTES) },
      });
      row.status = DemandStatus.CLOSED;
    }
  }
}

/** Demands of the last weeks that no session has taken up yet. */
function openDemands(ctx: Context, stream: Random, homeId: string, divisionCode: string): void {
  const count = stream.int(0, 3);
  for (let n = 0; n < count; n++) {
    const day = ctx.today - stream.int(1, 60);
    const matter = stream.pick(OPEN_MATTERS);
    const row: DemandRow = {
      id: ctx.idOf('demand-open', `${homeId}:${n}`),
      home_id: homeId,
      division_code: divisionCode,
      category: categoryOf(matter),
      content: stream.pick(DEMAND_PHRASES).replace('{}', matter),
      is_petition: stream.chance(0.05),
      status: DemandStatus.RECEIVED,
      received_at: momentOf(day, stream.int(8, 17)),
      ...raiser(ctx, stream, divisionCode),
      agenda_item_id: null,
      session_id: null,
      resolution: null,
    };
    ctx.demo.demands.push(row);
    event(ctx, ChannelRecordKind.DEMAND, row.id, 'raise', null, row.status, row.received_at);
  }
}

/** Departments that answer a category at a level (city, or the county's), by policy area. */
function departmentsFor(ctx: Context, category: DemandCategory, divisionCode: string) {
  const county = divisionCode.length >= 6 ? divisionCode.slice(0, 6) : null;
  const atLevel = ctx.departments.filter((department) =>
    county ? department.division_code === county : department.level === DepartmentLevel.CITY,
  );
  const pool = atLevel.length
    ? atLevel
    : ctx.departments.filter((department) => department.level === DepartmentLevel.CITY);
  const matching = pool.filter((department) => department.policy_areas.includes(AREA_OF[category]));
  return { matching: matching.length ? matching : pool, all: pool };
}

/** The members who write for a home: its own, or the county's when it has none. */
function authorsFor(
  ctx: Context,
  stream: Random,
  homeId: string | null,
  county: string,
  count: number,
) {
  const own = homeId ? (ctx.homeMembers.get(homeId) ?? []) : [];
  const pool = own.length ? own : (ctx.membersOfCounty.get(county) ?? []);
  return stream.sample(pool, count);
}

/** A demand goes up by one channel, chosen by weight; the demand follows its record's fate. */
function carryUp(ctx: Context, up: CarriedUp): void {
  const channel = up.stream.weighted<ChannelRecordKind>(ctx.density.channels);
  const county = up.demand.division_code.slice(0, 6);
  const city = cityOf(county);
  const sources = {
    source_demand_ids: [up.demand.id],
    source_session_ids: [up.sessionId],
    home_ids: [up.demand.home_id],
  };
  const matter = up.demand.content;
  const escalate = (kind: ChannelRecordKind, id: string) => {
    event(
      ctx,
      ChannelRecordKind.DEMAND,
      up.demand.id,
      'escalate',
      up.demand.status,
      DemandStatus.ESCALATED,
      momentOf(up.day, 17),
      {
        detail: { channel: kind, id },
      },
    );
    up.demand.status = DemandStatus.ESCALATED;
  };
  const answer = (kind: ChannelRecordKind, id: string, day: number | null) => {
    if (day === null || day >= ctx.today) return;
    event(
      ctx,
      ChannelRecordKind.DEMAND,
      up.demand.id,
      'answer',
      up.demand.status,
      DemandStatus.ANSWERED,
      momentOf(day, 17),
      {
        detail: { channel: kind, id },
      },
    );
    up.demand.status = DemandStatus.ANSWERED;
    const closed = day + up.stream.int(5, 40);
    if (closed < ctx.today && up.stream.chance(0.6)) {
      event(
        ctx,
        ChannelRecordKind.DEMAND,
        up.demand.id,
        'close',
        DemandStatus.ANSWERED,
        DemandStatus.CLOSED,
        momentOf(closed, 17),
        {
          detail: { note: up.stream.pick(CLOSING_NOTES) },
        },
      );
      up.demand.status = DemandStatus.CLOSED;
    }
  };
  const title = `关于${topicOf(matter)}的`;
  switch (channel) {
    case ChannelRecordKind.PROPOSAL: {
      const divisionCode = up.stream.chance(0.7) ? county : city;
      const proposal = proposalFrom(ctx, up.stream, {
        key: up.demand.id,
        divisionCode,
        day: up.day,
        title: `${title}建议`,
        content: `${matter}建议有关部门深入调研，统筹资金，分步解决。`,
        category: up.demand.category,
        authors: authorsFor(ctx, up.stream, up.demand.home_id, county, 4),
        sources,
      });
      escalate(channel, proposal.id);
      answer(channel, proposal.id, proposal.replied_on ? dayOf(proposal.replied_on) : null);
      return;
    }
    case ChannelRecordKind.SENTIMENT_REPORT: {
      const { row: report, firstFeedback } = sentimentReportFrom(ctx, up.stream, {
        key: up.demand.id,
        divisionCode: up.stream.chance(0.6) ? county : city,
        day: up.day,
        title: `${title}情况反映`,
        content: `${matter}相关情况较为普遍，群众关注度高，建议予以重视。`,
        category: up.demand.category,
        authors: authorsFor(ctx, up.stream, up.demand.home_id, county, up.stream.int(1, 2)),
        sources,
      });
      escalate(channel, report.id);
      answer(channel, report.id, firstFeedback);
      return;
    }
    case ChannelRecordKind.SPEECH:
    case ChannelRecordKind.SPECIAL_REPORT: {
      const item = plenaryFrom(ctx, up.stream, channel, {
        key: up.demand.id,
        divisionCode: city,
        day: up.day,
        title: `${title}${channel === ChannelRecordKind.SPEECH ? '大会发言' : '专题报告'}`,
        content: `围绕${topicOf(matter)}，调研发现问题并提出对策建议。`,
        authors: authorsFor(ctx, up.stream, up.demand.home_id, county, up.stream.int(1, 3)),
        sources,
      });
      escalate(channel, item.id);
    }
  }
}

/** The matter of a demand in a few words (its content up to the first comma). */
function topicOf(content: string): string {
  const topic = content.replace(/^(居民反映|村民代表提出：|多名居民来电反映|群众希望就|关于)/, '');
  return topic
    .split(/[，。：]/)[0]
    .replace(/问题.*$/, '')
    .slice(0, 24);
}

interface Draft {
  key: string;
  divisionCode: string;
  day: number;
  title: string;
  content: string;
  category: DemandCategory;
  authors: string[];
  sources: { source_demand_ids: string[]; source_session_ids: string[]; home_ids: string[] };
}

/** A proposal and its steps up to today: review, assignment, handling, reply, evaluation. */
function proposalFrom(ctx: Context, stream: Random, draft: Draft): ProposalRow {
  const id = ctx.idOf('proposal', draft.key);
  const kind = draft.authors.length
    ? stream.weighted<ProposalKind>([
        [ProposalKind.MEMBER, 60],
        [ProposalKind.MEMBER_GROUP, 25],
        [ProposalKind.SPECIAL_COMMITTEE, draft.divisionCode.length === 4 ? 10 : 0],
        [ProposalKind.PARTY_GROUP, 5],
      ])
    : ProposalKind.SPECIAL_COMMITTEE;
  const [lead, ...others] = draft.authors;
  const special = stream.pick(SPECIAL_COMMITTEES);
  const row: ProposalRow = {
    id,
    division_code: draft.divisionCode,
    year: Number(dateOf(draft.day).slice(0, 4)),
    number: null,
    kind,
    lead_member_id:
      kind === ProposalKind.MEMBER || kind === ProposalKind.MEMBER_GROUP ? lead : null,
    committee_id:
      kind === ProposalKind.SPECIAL_COMMITTEE
        ? stableId('committee', `${cityOf(draft.divisionCode)}:${special.name}`)
        : null,
    group_name: kind === ProposalKind.PARTY_GROUP ? stream.pick(PARTY_GROUPS) : null,
    co_signer_ids: kind === ProposalKind.MEMBER_GROUP && others.length ? others : [],
    title: draft.title,
    content: draft.content,
    ...draft.sources,
    status: ProposalStatus.DRAFT,
    is_key: false,
    not_registered_reason: null,
    turned_into_opinion: false,
    return_reason: null,
    merged_into_id: null,
    lead_department_id: null,
    co_department_ids: [],
    department_ids: [],
    assigned_on: null,
    due_on: null,
    extended: false,
    reply_text: null,
    result_class: null,
    replied_on: null,
    replied_by_department_id: null,
    handling_rounds: 0,
    evaluation: null,
    evaluation_comment: null,
    submitted_at: null,
    registered_at: null,
    closed_at: null,
    created_at: momentOf(draft.day - stream.int(1, 5), 10),
  };
  if (row.kind === ProposalKind.MEMBER_GROUP && !row.co_signer_ids.length)
    row.kind = ProposalKind.MEMBER;
  ctx.demo.proposals.push(row);
  pushTo(ctx.proposalsOf, `${row.division_code}:${row.year}`, row);
  const k = ChannelRecordKind.PROPOSAL;
  event(ctx, k, id, 'draft', null, ProposalStatus.DRAFT, row.created_at);
  /** Takes a step on a day, unless the day has not come: then the proposal stays where it is. */
  const step = (
    name: string,
    to: ProposalStatus,
    day: number,
    apply: () => Record<string, unknown> = () => ({}),
    departmentId: string | null = null,
  ): boolean => {
    if (day >= ctx.today) return false;
    const detail = apply();
    event(ctx, k, id, name, row.status, to, momentOf(day, 15), { detail, departmentId });
    row.status = to;
    return true;
  };
  let day = draft.day;
  if (
    !step(
      'submit',
      ProposalStatus.SUBMITTED,
      day,
      () => ((row.submitted_at = momentOf(day, 15)), {}),
    )
  )
    return row;
  day += stream.int(7, 20);
  const review = stream.weighted<'register' | 'decline' | 'return' | 'merge'>([
    ['register', 83],
    ['decline', 10],
    ['return', 4],
    ['merge', 3],
  ]);
  if (review === 'merge') {
    // Into a proposal of the same CPPCC and year registered before it, on which it adds nothing new.
    const into = ctx.proposalsOf
      .get(`${row.division_code}:${row.year}`)!
      .find((other) => other.registered_at !== null && dayOf(other.registered_at) <= day);
    if (
      into &&
      step(
        'merge',
        ProposalStatus.MERGED,
        day,
        () => ((row.merged_into_id = into.id), { intoProposalId: into.id }),
      )
    ) {
      const proposers = [row.lead_member_id, ...row.co_signer_ids].filter(
        (m): m is string => m !== null,
      );
      into.co_signer_ids = [...new Set([...into.co_signer_ids, ...proposers])].filter(
        (m) => m !== into.lead_member_id,
      );
      into.source_demand_ids = [...new Set([...into.source_demand_ids, ...row.source_demand_ids])];
      into.source_session_ids = [
        ...new Set([...into.source_session_ids, ...row.source_session_ids]),
      ];
      into.home_ids = [...new Set([...into.home_ids, ...row.home_ids])];
      // The state the other proposal was in on that day (it has moved on since).
      const at = momentOf(day, 15);
      const then = ctx.eventsOf
        .get(into.id)!
        .filter((step) => step.at <= at)
        .reduce((last, step) => (step.at >= last.at ? step : last)).to_status;
      event(ctx, k, into.id, 'takeIn', then, then, at, { detail: { proposalId: row.id } });
      return row;
    }
  }
  if (review === 'decline') {
    step('decline', ProposalStatus.NOT_REGISTERED, day, () => {
      row.not_registered_reason = stream.weighted(NOT_REGISTERED_REASONS);
      row.turned_into_opinion = stream.chance(0.6);
      return { reason: row.not_registered_reason, turnedIntoOpinion: row.turned_into_opinion };
    });
    return row;
  }
  if (review === 'return') {
    if (
      !step(
        'return',
        ProposalStatus.RETURNED,
        day,
        () => (
          (row.return_reason = '建议部分不够具体，请补充完善后再提交。'),
          { reason: row.return_reason }
        ),
      )
    )
      return row;
    day += stream.int(5, 15);
    if (!step('revise', ProposalStatus.DRAFT, day)) return row;
    day += stream.int(2, 10);
    if (!step('submit', ProposalStatus.SUBMITTED, day)) return row;
    day += stream.int(5, 15);
  }
  const registered = step('register', ProposalStatus.REGISTERED, day, () => {
    const key = `${row.division_code}:${row.year}`;
    row.number = (ctx.numbers.get(key) ?? 0) + 1;
    ctx.numbers.set(key, row.number);
    row.is_key = stream.chance(0.08);
    row.registered_at = momentOf(day, 15);
    return { number: row.number, isKey: row.is_key };
  });
  if (!registered) return row;
  const { matching, all } = departmentsFor(ctx, draft.category, row.division_code);
  const leadDepartment = stream.pick(matching);
  const co = stream.sample(
    all.filter((d) => d.id !== leadDepartment.id),
    stream.weighted([
      [0, 5],
      [1, 4],
      [2, 1],
    ]),
  );
  day += stream.int(3, 10);
  const assignedDay = day;
  const assign = () => {
    row.lead_department_id = leadDepartment.id;
    row.co_department_ids = co.map((d) => d.id);
    row.department_ids = [leadDepartment.id, ...row.co_department_ids];
    row.assigned_on = dateOf(assignedDay);
    row.due_on = dateOf(addMonthsDay(assignedDay, 3));
    return {
      leadDepartmentId: leadDepartment.id,
      coDepartmentIds: row.co_department_ids,
      dueOn: row.due_on,
    };
  };
  if (!step('assign', ProposalStatus.ASSIGNED, day, assign)) return row;
  day += stream.int(1, 6);
  if (!step('accept', ProposalStatus.HANDLING, day, () => ({}), leadDepartment.id)) return row;
  // Most replies come within the three months; some departments are slow (extended, or overdue).
  const slow = stream.chance(0.15);
  if (slow && stream.chance(0.5)) {
    const extendDay = addMonthsDay(assignedDay, 3) - stream.int(3, 10);
    step('extend', ProposalStatus.HANDLING, extendDay, () => {
      const from = row.due_on;
      row.due_on = dateOf(addMonthsDay(assignedDay, 5));
      row.extended = true;
      return { from, to: row.due_on, reason: '涉及跨部门协调，需延期办理。' };
    });
  }
  day = slow ? assignedDay + stream.int(95, 200) : assignedDay + stream.int(25, 88);
  const reply = (round: number) =>
    step(
      'reply',
      ProposalStatus.REPLIED,
      day,
      () => {
        const resultClass = stream.weighted<ReplyResultClass>([
          ['A' as ReplyResultClass, 45],
          ['B' as ReplyResultClass, 35],
          ['C' as ReplyResultClass, 15],
          ['D' as ReplyResultClass, 5],
        ]);
        row.result_class = resultClass;
        row.reply_text = stream
          .pick(REPLY_PHRASES[resultClass])
          .replace('{}', topicOf(draft.content));
        row.replied_on = dateOf(day);
        row.replied_by_department_id = leadDepartment.id;
        row.handling_rounds = round;
        row.evaluation = null;
        row.evaluation_comment = null;
        return { resultClass, round };
      },
      leadDepartment.id,
    );
  if (!reply(1)) return row;
  day += stream.int(7, 30);
  const evaluation = stream.weighted<Evaluation>([
    [Evaluation.SATISFIED, 70],
    [Evaluation.BASICALLY_SATISFIED, 22],
    [Evaluation.DISSATISFIED, 8],
  ]);
  const evaluate = (name: 'evaluate' | 'rehandle', result: Evaluation, to: ProposalStatus) =>
    step(name, to, day, () => {
      row.evaluation = result;
      row.evaluation_comment = stream.pick(EVALUATION_COMMENTS[result]);
      if (name === 'rehandle') row.due_on = dateOf(addMonthsDay(day, 1));
      return { evaluation: result };
    });
  if (evaluation === Evaluation.DISSATISFIED) {
    if (!evaluate('rehandle', evaluation, ProposalStatus.REHANDLING)) return row;
    day += stream.int(10, 28);
    if (!reply(2)) return row;
    day += stream.int(7, 20);
    if (
      !evaluate(
        'evaluate',
        stream.chance(0.8) ? Evaluation.BASICALLY_SATISFIED : Evaluation.DISSATISFIED,
        ProposalStatus.EVALUATED,
      )
    )
      return row;
  } else if (!evaluate('evaluate', evaluation, ProposalStatus.EVALUATED)) {
    return row;
  }
  day += stream.int(5, 20);
  step('close', ProposalStatus.CLOSED, day, () => ((row.closed_at = momentOf(day, 15)), {}));
  return row;
}

/** A sentiment report and its steps up to today; `firstFeedback` is the day a department answered. */
function sentimentReportFrom(
  ctx: Context,
  stream: Random,
  draft: Draft,
): { row: SentimentReportRow; firstFeedback: number | null } {
  const id = ctx.idOf('sentiment-report', draft.key);
  const row: SentimentReportRow = {
    id,
    division_code: draft.divisionCode,
    title: draft.title,
    content: draft.content,
    author_member_ids: draft.authors.length
      ? draft.authors
      : (ctx.membersOfCounty.get(draft.divisionCode.slice(0, 6)) ?? []).slice(0, 1),
    ...draft.sources,
    status: SentimentReportStatus.DRAFT,
    not_adopted_reason: null,
    issued_to: [],
    department_ids: [],
    submitted_at: null,
    issued_at: null,
    closed_at: null,
    created_at: momentOf(draft.day - stream.int(1, 3), 10),
  };
  ctx.demo.sentimentReports.push(row);
  let firstFeedback: number | null = null;
  const k = ChannelRecordKind.SENTIMENT_REPORT;
  event(ctx, k, id, 'draft', null, row.status, row.created_at);
  const step = (
    name: string,
    to: SentimentReportStatus,
    day: number,
    apply: () => Record<string, unknown> = () => ({}),
    departmentId: string | null = null,
  ) => {
    if (day >= ctx.today) return false;
    const detail = apply();
    event(ctx, k, id, name, row.status, to, momentOf(day, 15), { detail, departmentId });
    row.status = to;
    return true;
  };
  let day = draft.day;
  if (
    !step(
      'submit',
      SentimentReportStatus.SUBMITTED,
      day,
      () => ((row.submitted_at = momentOf(day, 15)), {}),
    )
  )
    return { row, firstFeedback };
  day += stream.int(2, 8);
  if (stream.chance(0.25)) {
    step(
      'reject',
      SentimentReportStatus.NOT_ADOPTED,
      day,
      () => (
        (row.not_adopted_reason = stream.pick(REJECT_REASONS)),
        { reason: row.not_adopted_reason }
      ),
    );
    return { row, firstFeedback };
  }
  if (!step('adopt', SentimentReportStatus.ADOPTED, day)) return { row, firstFeedback };
  day += stream.int(1, 5);
  if (!step('edit', SentimentReportStatus.EDITED, day, () => ({ before: { title: row.title } })))
    return { row, firstFeedback };
  day += stream.int(1, 7);
  const issued = step('issue', SentimentReportStatus.ISSUED, day, () => {
    row.issued_to = stream.chance(0.1)
      ? [IssuedTo.CITY_PARTY_COMMITTEE, IssuedTo.CITY_GOVERNMENT, IssuedTo.PROVINCE_CPPCC]
      : [IssuedTo.CITY_PARTY_COMMITTEE, IssuedTo.CITY_GOVERNMENT];
    row.issued_at = momentOf(day, 15);
    return { issuedTo: row.issued_to };
  });
  if (!issued) return { row, firstFeedback };
  if (stream.chance(0.3)) {
    day += stream.int(3, 15);
    const [leader, level] = stream.weighted(LEADERS);
    const text = stream.pick(INSTRUCTIONS);
    const given = day;
    const instructed = step('recordInstruction', SentimentReportStatus.INSTRUCTED, day, () => {
      ctx.demo.leaderInstructions.push({
        id: ctx.idOf('leader-instruction', id),
        report_id: id,
        division_code: row.division_code,
        leader,
        level: level as InstructionLevel,
        text,
        given_on: dateOf(given),
      });
      return { leader, level, givenOn: dateOf(given) };
    });
    if (!instructed) return { row, firstFeedback };
  }
  if (stream.chance(0.4)) {
    day += stream.int(5, 20);
    step(
      'close',
      SentimentReportStatus.CLOSED,
      day,
      () => ((row.closed_at = momentOf(day, 15)), {}),
    );
    return { row, firstFeedback };
  }
  day += stream.int(2, 7);
  const { matching, all } = departmentsFor(ctx, draft.category, row.division_code);
  const departments = [stream.pick(matching), ...stream.sample(all, stream.int(0, 1))].filter(
    (department, index, list) => list.findIndex((other) => other.id === department.id) === index,
  );
  if (
    !step(
      'forward',
      SentimentReportStatus.FORWARDED,
      day,
      () => (
        (row.department_ids = departments.map((d) => d.id)),
        { departmentIds: row.department_ids }
      ),
    )
  )
    return { row, firstFeedback };
  // Departments answer in their own time: their feedback is taken in order of the day it came.
  const answers = departments
    .map((department) => ({ department, given: day + stream.int(10, 45) }))
    .sort((a, b) => a.given - b.given);
  for (const { department, given } of answers) {
    const gave = step(
      'giveFeedback',
      SentimentReportStatus.FEEDBACK,
      given,
      () => {
        const feedback: DepartmentFeedbackRow = {
          id: ctx.idOf('department-feedback', `${id}:${department.id}`),
          report_id: id,
          division_code: row.division_code,
          department_id: department.id,
          text: stream.pick(FEEDBACK),
          given_on: dateOf(given),
        };
        ctx.demo.departmentFeedback.push(feedback);
        pushTo(ctx.feedbackOf, id, feedback);
        return { departmentId: department.id };
      },
      department.id,
    );
    if (gave && (firstFeedback === null || given < firstFeedback)) firstFeedback = given;
  }
  if (row.status === SentimentReportStatus.FEEDBACK) {
    const last = Math.max(...ctx.feedbackOf.get(id)!.map((f) => dayOf(f.given_on)));
    const closed = last + stream.int(5, 20);
    step(
      'close',
      SentimentReportStatus.CLOSED,
      closed,
      () => ((row.closed_at = momentOf(closed, 15)), {}),
    );
  }
  return { row, firstFeedback };
}

/** A plenary speech or special report to its city's CPPCC, delivered at the next plenary session. */
function plenaryFrom(
  ctx: Context,
  stream: Random,
  channel: ChannelRecordKind.SPEECH | ChannelRecordKind.SPECIAL_REPORT,
  draft: Omit<Draft, 'category'>,
): PlenaryRow {
  const table = channel === ChannelRecordKind.SPEECH ? 'speech' : 'special-report';
  const committee = draft.authors.length
    ? null
    : stableId('committee', `${draft.divisionCode}:${stream.pick(SPECIAL_COMMITTEES).name}`);
  const row: PlenaryRow = {
    id: ctx.idOf(table, draft.key),
    division_code: draft.divisionCode,
    title: draft.title,
    content: draft.content,
    author_member_ids: draft.authors,
    committee_id: committee,
    ...draft.sources,
    status: PlenaryStatus.SUBMITTED,
    decline_reason: null,
    outcome: null,
    delivered_on: null,
    created_at: momentOf(draft.day, 15),
  };
  (channel === ChannelRecordKind.SPEECH ? ctx.demo.speeches : ctx.demo.specialReports).push(row);
  event(ctx, channel, row.id, 'submit', null, row.status, row.created_at);
  const step = (
    name: string,
    to: PlenaryStatus,
    day: number,
    apply: () => Record<string, unknown> = () => ({}),
  ) => {
    if (day >= ctx.today) return false;
    const detail = apply();
    event(ctx, channel, row.id, name, row.status, to, momentOf(day, 15), { detail });
    row.status = to;
    return true;
  };
  const day = draft.day + stream.int(10, 30);
  if (stream.chance(0.25)) {
    step(
      'decline',
      PlenaryStatus.DECLINED,
      day,
      () => ((row.decline_reason = stream.pick(DECLINE_REASONS)), { reason: row.decline_reason }),
    );
    return row;
  }
  if (!step('accept', PlenaryStatus.ACCEPTED, day)) return row;
  // The city CPPCC's plenary session sits in January.
  const year = Number(dateOf(day).slice(0, 4)) + 1;
  const delivered = dayOf(`${year}-01-${String(stream.int(8, 20)).padStart(2, '0')}`);
  step('deliver', PlenaryStatus.DELIVERED, delivered, () => {
    row.delivered_on = dateOf(delivered);
    row.outcome = stream.pick(OUTCOMES);
    return { deliveredOn: row.delivered_on };
  });
  return row;
}

/** Members' own proposals: each county CPPCC's and the city's, every year since the homes began. */
function ownProposals(ctx: Context, organization: OrganizationDemo): void {
  const counties = [
    ...new Set(organization.homes.map((home) => home.division_code.slice(0, 6))),
  ].sort();
  // Each city's CPPCC, then the CPPCCs of its counties that have homes.
  const cppccs = [...new Set(counties.map(cityOf))].flatMap((city) => [
    city,
    ...counties.filter((county) => cityOf(county) === city),
  ]);
  const first = organization.homes.reduce(
    (min, home) => Math.min(min, Number(home.established_on.slice(0, 4))),
    Infinity,
  );
  const lastYear = Number(dateOf(ctx.today).slice(0, 4));
  const own = ctx.density.ownProposals;
  for (let year = first; year <= lastYear; year++) {
    for (const divisionCode of cppccs) {
      const stream = ctx.random.fork(`own:${divisionCode}:${year}`);
      const isCity = divisionCode.length === 4;
      const count = isCity ? own.city : own.county;
      const county = isCity
        ? stream.pick(counties.filter((c) => cityOf(c) === divisionCode))
        : divisionCode;
      for (let n = 0; n < count; n++) {
        // Proposals are submitted around the CPPCC's plenary session, early in the year.
        const day = dayOf(`${year}-01-01`) + stream.int(5, 60);
        if (day >= ctx.today) continue;
        const topic = stream.pick(PROPOSAL_TOPICS);
        const category = categoryOf(topic);
        proposalFrom(ctx, stream, {
          key: `own:${divisionCode}:${year}:${n}`,
          divisionCode,
          day,
          title: `关于${topic}的建议`,
          content: `${topic}是群众关心的问题。建议：一是加强统筹规划；二是加大资金投入；三是完善考核机制。`,
          category,
          authors: stream.sample(ctx.membersOfCounty.get(county) ?? [], stream.int(1, 4)),
          sources: { source_demand_ids: [], source_session_ids: [], home_ids: [] },
        });
      }
    }
  }
}

/**
 * Each demand's milestones, from its steps: when it was resolved at the home and when it first
 * went up, as the service records them beside the steps.
 */
function markMilestones(demo: ChannelsDemo): void {
  const resolved = new Map<string, string>();
  const escalated = new Map<string, string>();
  for (const event of demo.channelEvents) {
    if (event.record_kind !== ChannelRecordKind.DEMAND) continue;
    const seen =
      event.step === 'resolveAtHome' ? resolved : event.step === 'escalate' ? escalated : null;
    const earlier = seen?.get(event.record_id);
    if (seen && (!earlier || event.at < earlier)) seen.set(event.record_id, event.at);
  }
  for (const demand of demo.demands) {
    demand.resolved_at_home_at = resolved.get(demand.id) ?? null;
    demand.escalated_at = escalated.get(demand.id) ?? null;
  }
}

/** Rows per table, for logs and tests. */
export function channelsDemoRowCounts(demo: ChannelsDemo): Record<string, number> {
  return {
    demand: demo.demands.length,
    proposal: demo.proposals.length,
    sentiment_report: demo.sentimentReports.length,
    leader_instruction: demo.leaderInstructions.length,
    department_feedback: demo.departmentFeedback.length,
    speech: demo.speeches.length,
    special_report: demo.specialReports.length,
    channel_event: demo.channelEvents.length,
  };
}

/**
 * The deliberation demo with each agenda item naming the demands it was raised from (the other
 * half of the link a demand keeps in `agenda_item_id`): load this one, not the original.
 */
export function withAgendaDemands(
  deliberation: DeliberationDemo,
  channels: ChannelsDemo,
): DeliberationDemo {
  return {
    ...deliberation,
    agendaItems: deliberation.agendaItems.map((item) => ({
      ...item,
      demand_ids: channels.agendaDemandIds[item.id] ?? [],
    })),
  };
}
