/**
 * Demo data for the petitions service, standing on the organization, deliberation and channels
 * demos: one case of the petitions bureau (信访局) for every demand flagged a petition matter
 * (`is_petition`), registered a few days after the home received it, in the division the demand
 * concerns, by the bureau of its county (the city's where a county has none), given to one of
 * the county's departments working on the demand's policy area (any of them when none does), with the sessions whose agenda discussed the demand as the
 * sessions held on it (those of them that are multi-party platform sessions of its county, each
 * on one case). Each case walks the service's transition table as far as it got by
 * `today`: accepted, answered within or past the 60 days (`OPINION_DAYS`), reviewed once for
 * some, closed. Every step is written to `petition_case_event` as the service would have.
 *
 * Deterministic: the same inputs, seed and `today` give the same rows.
 */
import { SessionKind } from '@cppcc/deliberation';
import { stableId } from '@cppcc/organization';
import {
  BUREAU_KIND,
  OPINION_DAYS,
  PETITIONS_POLICY_AREA,
  PETITION_CASE_STEPS,
  PetitionCaseStatus as S,
  addDays,
  type PetitionCaseStep,
} from '@cppcc/petitions';
import { cityDateOf, dateOf, dayOf, momentOf, HOUR } from '../calendar';
import { AREA_OF } from '../channels/context';
import type { ChannelsDemo } from '../channels/rows';
import type { DeliberationDemo } from '../deliberation/rows';
import type { OrganizationDemo } from '../organization/rows';
import { createRandom } from '../random';
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
  // The sessions a case may record, as the service checks them: multi-party platform sessions
  // (MULTI_PARTY) held, of the demand's county (below), each on one case only.
  const platform = new Map(
    deliberation.sessions
      .filter((session) => session.held_at && session.kind === SessionKind.MULTI_PARTY)
      .map((session) => [session.id, session.division_code]),
  );
  const linkedSessions = new Set<string>();
  const sessionsOfDemand = new Map<string, string[]>();
  for (const item of deliberation.agendaItems) {
    for (const demandId of channels.agendaDemandIds[item.id] ?? item.demand_ids) {
      if (!platform.has(item.session_id)) continue;
      const list = sessionsOfDemand.get(demandId) ?? [];
      if (!list.includes(item.session_id)) list.push(item.session_id);
      sessionsOfDemand.set(demandId, list);
    }
  }
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
    const event = (
      step: string,
      day: number,
      from: S | null,
      byDepartment: string,
      detail: Record<string, unknown> = {},
    ) =>
      demo.events.push({
        case_id: id,
        step,
        from_status: from,
        to_status: row.status,
        at: momentOf(day, stream.int(9, 16) * HOUR),
        by_subject: `demo:department:${byDepartment}`,
        by_department_id: byDepartment,
        detail,
      } satisfies PetitionCaseEventRow);
    event('register', registeredDay, null, bureau, { demandIds: row.demand_ids });
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
    if (
      !take('accept', acceptedDay, bureau, () => {
        row.handling_department_id = handler;
        row.accepted_on = dateOf(acceptedDay);
        row.opinion_due_on = addDays(row.accepted_on, OPINION_DAYS);
      })
    )
      continue;
    for (const sessionId of sessionsOfDemand.get(demand.id) ?? []) {
      if (platform.get(sessionId)?.slice(0, 6) !== county || linkedSessions.has(sessionId))
        continue;
      linkedSessions.add(sessionId);
      row.session_ids.push(sessionId);
      row.version += 1;
      event('recordSession', Math.min(todayDay, acceptedDay + 1), row.status, bureau, {
        sessionId,
      });
    }
    // Most opinions come within the time limit; about one in eight comes late.
    const handledDay =
      acceptedDay + (stream.chance(0.12) ? stream.int(61, 90) : stream.int(15, 58));
    if (
      !take('giveOpinion', handledDay, handler, () => {
        row.opinion = stream.pick(OPINIONS);
        row.handled_on = dateOf(handledDay);
      })
    )
      continue;
    let lastDay = handledDay;
    if (stream.chance(0.15)) {
      const askedDay = handledDay + stream.int(5, 25);
      if (
        !take('requestReview', askedDay, bureau, () => {
          row.review_reason = stream.pick(REVIEW_REASONS);
          row.review_requested_on = dateOf(askedDay);
        })
      )
        continue;
      const reviewedDay = askedDay + stream.int(10, 30);
      if (
        !take('review', reviewedDay, bureau, () => {
          row.review_opinion = stream.pick(REVIEW_OPINIONS);
          row.reviewed_on = dateOf(reviewedDay);
        })
      )
        continue;
      lastDay = reviewedDay;
    }
    const closedDay = lastDay + stream.int(3, 20);
    take('close', closedDay, bureau, () => {
      row.closed_on = dateOf(closedDay);
    });
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
