/**
 * What every part of the channels demo shares while it draws: the context of one run (its random,
 * today, the organization's people and departments, the rows so far) and the way a record's steps
 * are written to `channel_event`.
 */
import { DepartmentLevel, PolicyArea } from '@cppcc/organization';
import { ChannelRecordKind, DemandCategory } from '@cppcc/channels';
import { nextState, type TransitionTable } from '@cppcc/toolkit';
import { momentOf } from '../calendar';
import type { OrganizationDemo } from '../organization/rows';
import type { Random } from '../random';
import { DEMO_SUBJECT } from '../subject';
import type {
  ChannelEventRow,
  ChannelsDemo,
  Density,
  DepartmentFeedbackRow,
  ProposalRow,
} from './rows';

/** Which policy area answers a demand's category (departments are chosen by it). */
export const AREA_OF: Record<DemandCategory, PolicyArea> = {
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

/** The CPPCC of the city a division lies in: `3207` for anything in 连云港. */
export function cityOf(divisionCode: string): string {
  return divisionCode.slice(0, 4);
}

/** One run of the channels generator: what it draws from, and the rows and indexes so far. */
export interface Context {
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

/** Appends `value` to the list of `key`, starting the list when there is none. */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Writes one step of a record to `channel_event`, as the service's step function would. */
export function event(
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

/**
 * The steps of one record, as its service's transition table has them: each taken on a day at a
 * time of day (minutes, city time) unless the day has not come yet (then the record stays where
 * it is, and the step answers false). The state a step leads to is the table's, and a step the
 * table does not allow from the record's state throws (`nextState`): the demo writes only
 * histories the service could have recorded.
 */
export function stepsOf<State extends string, Step extends string>(
  ctx: Context,
  kind: ChannelRecordKind,
  table: TransitionTable<State> & Record<Step, unknown>,
  row: { id: string; status: State },
  minutes: number,
) {
  return (
    step: Step,
    day: number,
    apply: () => Record<string, unknown> = () => ({}),
    departmentId: string | null = null,
  ): boolean => {
    if (day >= ctx.today) return false;
    const to = nextState(table, kind, row.status, step);
    const detail = apply();
    event(ctx, kind, row.id, step, row.status, to, momentOf(day, minutes), {
      detail,
      departmentId,
    });
    row.status = to;
    return true;
  };
}

/** Departments that answer a category at a level (city, or the county's), by policy area. */
export function departmentsFor(ctx: Context, category: DemandCategory, divisionCode: string) {
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
export function authorsFor(
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

/** The matter of a demand in a few words (its content up to the first comma). */
export function topicOf(content: string): string {
  const topic = content.replace(/^(居民反映|村民代表提出：|多名居民来电反映|群众希望就|关于)/, '');
  return topic
    .split(/[，。：]/)[0]
    .replace(/问题.*$/, '')
    .slice(0, 24);
}

export interface Draft {
  key: string;
  divisionCode: string;
  day: number;
  title: string;
  content: string;
  category: DemandCategory;
  authors: string[];
  sources: { source_demand_ids: string[]; source_session_ids: string[]; home_ids: string[] };
}
