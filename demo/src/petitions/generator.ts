/**
 * Demo data for the petitions service, standing on the organization, deliberation and channels
 * demos: one case of the petitions bureau (信访局) for every demand flagged a petition matter
 * (`is_petition`), registered a few days after the home received it, in the division the demand
 * concerns, by the bureau of its county (the city's where a county has none), given to one of
 * the county's departments working on the demand's policy area (any of them when none does).
 * The sessions held on it are the multi-party platform sessions (MULTI_PARTY) of the case's
 * county whose agenda discussed the demand, each recorded by the bureau a day or few after it
 * was held (a session is recorded on one case only). Each case walks the service's transition
 * table as far as it got by `today`: accepted, answered within or past the 60 days
 * (`OPINION_DAYS`), some still unanswered past them (overdue today), reviewed once for some,
 * closed. Every step is written to `petition_case_event` as the service would have, in the
 * order of time.
 *
 * Deterministic: the same inputs, seed and `today` give the same rows.
 */
import { stableId } from '@cppcc/organization';
import { SessionKind } from '@cppcc/deliberation';
import {
  BUREAU_KIND,
  OPINION_DAYS,
  PETITIONS_POLICY_AREA,
  PETITION_CASE_STEPS,
  PetitionCaseStatus as S,
  addDays,
  type PetitionCaseStep,
} from '@cppcc/petitions';
import { cityDateOf, cityDayOf, dateOf, dayOf, momentOf, HOUR } from '../calendar';
import { AREA_OF } from '../channels/context';
import type { ChannelsDemo } from '../channels/rows';
import type { DeliberationDemo } from '../deliberation/rows';
import type { OrganizationDemo } from '../organization/rows';
import { createRandom, type Random } from '../random';
import type { PetitionCaseEventRow, PetitionCaseRow, PetitionsDemo } from './rows';

export type * from './rows';

const OPINIONS = [
  '经核查，诉求基本属实，已责成属地镇政府限期整改，并向信访人书面答复。',
  '经调查核实，相关补偿已按标准足额发放，对信访人做好解释说明工作。',
  '诉求合理，已纳入年度民生实事项目，预计年内完成。',
  '经多方协商，当事各方达成一致意见，由村委会牵头落实。',
];
const REVIEW_REASONS = ['对补偿标准有异议', '认为整改不到位', '对调查结论不认可'];
const REVIEW_OPINIONS = ['经复查，维持原处理意见。', '经复查，部分支持信访人诉求，责成重新办理。'];

/** The steps each case takes, in order, as far as `today` lets it. */
function checkStep(step: PetitionCaseStep, from: S): S {
  const rule = PETITION_CASE_STEPS[step];
  if (!(rule.from as readonly S[]).includes(from)) throw new Error(`${step} from ${from}`);
  return rule.to;
}

/** How far back a case accepted and still unanswered may lie: up to a year past its due day. */
const OVERDUE_WINDOW_DAYS = 365;

interface Walk {
  registeredDay: number;
  todayDay: number;
  bureau: string;
  handlers: string[];
  event(step: string, day: number, from: S | null, byDepartment: string): void;
}

/**
 * Takes a registered case through the transition table as far as `today` lets it: accepted,
 * answered (most within the time limit, about one in eight late, and about one in five of those
 * whose due day passed within the last year not yet: overdue today), reviewed once for some
 * (asked within 30 days of the opinion, answered within 30 more), closed.
 */
function walk(
  row: PetitionCaseRow,
  stream: Random,
  { registeredDay, todayDay, bureau, handlers, event }: Walk,
): void {
  /** Takes a step on `day` when it is not after today; false when the case stops here. */
  const take = (step: PetitionCaseStep, day: number, by: string, change: () => void) => {
    if (day > todayDay) return false;
    const from = row.status;
    row.status = checkStep(step, from);
    change();
    row.version += 1;
    event(step, day, from, by);
    return true;
  };
  const acceptedDay = registeredDay + stream.int(1, 10);
  const handler = stream.pick(handlers);
  const accepted = take('accept', acceptedDay, bureau, () => {
    row.handling_department_id = handler;
    row.accepted_on = dateOf(acceptedDay);
    row.opinion_due_on = addDays(row.accepted_on, OPINION_DAYS);
  });
  if (!accepted) return;
  let handledDay = acceptedDay + (stream.chance(0.12) ? stream.int(61, 90) : stream.int(15, 58));
  const dueDay = acceptedDay + OPINION_DAYS;
  if (dueDay < todayDay && dueDay >= todayDay - OVERDUE_WINDOW_DAYS && stream.chance(0.2)) {
    handledDay = todayDay + stream.int(1, 30);
  }
  const handled = take('giveOpinion', handledDay, handler, () => {
    row.opinion = stream.pick(OPINIONS);
    row.handled_on = dateOf(handledDay);
  });
  if (!handled) return;
  // Closed once the petitioner's 30 days to ask for a review (复查) have passed without one,
  // or a few days after the review's opinion.
  let closedDay = handledDay + stream.int(31, 40);
  if (stream.chance(0.15)) {
    const askedDay = handledDay + stream.int(5, 25);
    const asked = take('requestReview', askedDay, bureau, () => {
      row.review_reason = stream.pick(REVIEW_REASONS);
      row.review_requested_on = dateOf(askedDay);
    });
    if (!asked) return;
    const reviewedDay = askedDay + stream.int(10, 30);
    const reviewed = take('review', reviewedDay, bureau, () => {
      row.review_opinion = stream.pick(REVIEW_OPINIONS);
      row.reviewed_on = dateOf(reviewedDay);
    });
    if (!reviewed) return;
    closedDay = reviewedDay + stream.int(3, 20);
  }
  take('close', closedDay, bureau, () => {
    row.closed_on = dateOf(closedDay);
  });
}

export function generatePetitionsDemo(
  organization: OrganizationDemo,
  deliberation: DeliberationDemo,
  channels: ChannelsDemo,
  options: { seed?: number; today?: string; firstNumber?: number } = {},
): PetitionsDemo {
  const seed = options.seed ?? channels.seed;
  const today = options.today ?? channels.today;
  const random = createRandom(seed).fork('petitions');
  const demo: PetitionsDemo = {
    seed,
    today,
    cases: [],
    events: [],
    // What the feeds would have brought petitions of every session and demand (the demos load
    // their rows, not the events that would have carried them).
    sessions: deliberation.sessions.map((session) => ({
      id: session.id,
      division_code: session.division_code,
      kind: session.kind,
      status: session.status,
      version: session.version,
    })),
    demands: channels.demands.map((demand) => ({
      id: demand.id,
      division_code: demand.division_code,
      is_petition: demand.is_petition,
    })),
  };
  const bureaus = new Map<string, string>();
  const departmentsOfCounty = new Map<string, typeof organization.departments>();
  for (const department of organization.departments) {
    if (
      department.kind === BUREAU_KIND &&
      department.policy_areas.includes(PETITIONS_POLICY_AREA as never)
    ) {
      bureaus.set(department.division_code, department.id);
    } else if (department.division_code.length === 6) {
      departmentsOfCounty.set(department.division_code, [
        ...(departmentsOfCounty.get(department.division_code) ?? []),
        department,
      ]);
    }
  }
  // The platform sessions held: the only ones a case records (`recordPetitionSession`).
  const platforms = new Map(
    deliberation.sessions
      .filter((session) => session.held_at && session.kind === SessionKind.MULTI_PARTY)
      .map((session) => [session.id, session]),
  );
  const sessionsOfDemand = new Map<
    string,
    Array<{ id: string; county: string; heldDay: number }>
  >();
  for (const item of deliberation.agendaItems) {
    const session = platforms.get(item.session_id);
    if (!session) continue;
    for (const demandId of channels.agendaDemandIds[item.id] ?? item.demand_ids) {
      const list = sessionsOfDemand.get(demandId) ?? [];
      if (list.some((linked) => linked.id === session.id)) continue;
      list.push({
        id: session.id,
        county: session.division_code.slice(0, 6),
        heldDay: cityDayOf(session.held_at!),
      });
      sessionsOfDemand.set(demandId, list);
    }
  }
  /** Sessions already recorded on a case: `Session.petitionCase` is one case. */
  const recorded = new Set<string>();
  const petitions = channels.demands
    .filter((demand) => demand.is_petition && /^\d{9}(\d{3})?$/.test(demand.division_code))
    .sort((a, b) => (a.received_at < b.received_at ? -1 : a.received_at > b.received_at ? 1 : 0));
  let number = options.firstNumber ?? 1;
  const todayDay = dayOf(today);
  for (const demand of petitions) {
    const stream = random.fork(demand.id);
    const county = demand.division_code.slice(0, 6);
    const bureau = bureaus.get(county) ?? bureaus.get(county.slice(0, 4));
    const inCounty = departmentsOfCounty.get(county) ?? [];
    const matching = inCounty.filter((department) =>
      department.policy_areas.includes(AREA_OF[demand.category]),
    );
    const handlers = (matching.length ? matching : inCounty).map((department) => department.id);
    const registeredDay = dayOf(cityDateOf(demand.received_at)) + stream.int(1, 7);
    if (!bureau || !handlers.length || registeredDay > todayDay) continue;
    const id = stableId('demo-petition-case', `${seed}:${demand.id}`);
    const row: PetitionCaseRow = {
      id,
      number: `XF${dateOf(registeredDay).slice(0, 4)}-${String(number++).padStart(6, '0')}`,
      subject: demand.content.length > 60 ? `${demand.content.slice(0, 59)}…` : demand.content,
      petitioners: [demand.resident_name ?? `${stream.pick(['王', '李', '张', '刘', '陈'])}某某`],
      division_code: demand.division_code,
      status: S.REGISTERED,
      registered_on: dateOf(registeredDay),
      handling_department_id: null,
      accepted_on: null,
      opinion_due_on: null,
      opinion: null,
      handled_on: null,
      review_reason: null,
      review_requested_on: null,
      review_opinion: null,
      reviewed_on: null,
      closed_on: null,
      demand_ids: [demand.id],
      session_ids: [],
      version: 1,
    };
    demo.cases.push(row);
    /** The case's history, in the order it is written; sorted by time when the case is done. */
    const history: PetitionCaseEventRow[] = [];
    const event = (
      step: string,
      day: number,
      from: S | null,
      byDepartment: string,
      detail: Record<string, unknown> = {},
      minutes = stream.int(9, 16) * HOUR,
    ) =>
      history.push({
        case_id: id,
        step,
        from_status: from,
        to_status: row.status,
        at: momentOf(day, minutes),
        by_subject: `demo:department:${byDepartment}`,
        by_department_id: byDepartment,
        detail,
      });
    event('register', registeredDay, null, bureau, { demandIds: row.demand_ids });
    walk(row, stream, { registeredDay, todayDay, bureau, handlers, event });
    // The platform sessions of its county that discussed the demand, each recorded after it was
    // held (from the next day, in the evening: after any step of that day) and not after today.
    for (const session of sessionsOfDemand.get(demand.id) ?? []) {
      if (session.county !== county || recorded.has(session.id)) continue;
      const day = Math.max(session.heldDay + stream.int(1, 3), registeredDay);
      if (day > todayDay) continue;
      recorded.add(session.id);
      row.session_ids.push(session.id);
      row.version += 1;
      event('recordSession', day, null, bureau, { sessionId: session.id }, 17 * HOUR);
    }
    // In the order of time; a recorded session leaves the case where it stood then.
    history.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    let state: string | null = null;
    for (const entry of history) {
      if (entry.step === 'recordSession') entry.from_status = entry.to_status = state as S;
      state = entry.to_status;
      demo.events.push(entry);
    }
  }
  return demo;
}

/** Rows per table, for reports. */
export function petitionsDemoRowCounts(demo: PetitionsDemo): Record<string, number> {
  return {
    petition_case: demo.cases.length,
    petition_case_event: demo.events.length,
    session_projection: demo.sessions.length,
    demand_projection: demo.demands.length,
  };
}
