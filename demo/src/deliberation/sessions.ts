/**
 * Turns each planned session into rows: the session and its steps (as the service's
 * `SESSION_STEPS` has them), who is invited, its agenda; then its attendance and, when held, its
 * minutes and follow-up actions.
 */
import {
  DepartmentLevel,
  HomeKind,
  PolicyArea,
  SPECIAL_COMMITTEES,
  stableId,
} from '@cppcc/organization';
import { SESSION_STEPS, SessionKind, SessionStatus } from '@cppcc/deliberation';
import { nextState } from '@cppcc/toolkit';
import { HOUR, momentOf, quarterOf } from '../calendar';
import type { Random } from '../random';
import { DEMO_SUBJECT } from '../subject';
import { writeAttendance } from './attendance';
import {
  BRIEFING_STEPS,
  CANCEL_REASONS,
  CROSS_COUNTY_MATTERS,
  EPIDEMIC_CANCEL_REASON,
  FOLLOW_UP_REPORT,
  LOCAL_PRESENTERS,
  PETITION_MATTERS,
  PETITION_STEPS,
  POLICIES,
  type Topic,
} from './content';
import { writeMinutes } from './minutes';
import { TOPICS } from './topics';
import {
  COUNTY_DEPARTMENTS_INVITED,
  EPIDEMIC_QUARTERS,
  type Counties,
  type Department,
  type Plan,
} from './plan';
import {
  type AgendaItemRow,
  type DeliberationTables,
  type Density,
  type SessionEventRow,
  type SessionRow,
} from './rows';

/** The special committee that coordinates a matter: the first whose areas include one of its own. */
export function committeeFor(areas: readonly PolicyArea[]): string {
  const committee =
    SPECIAL_COMMITTEES.find((candidate) => candidate.policyAreas.includes(areas[0])) ??
    SPECIAL_COMMITTEES.find((candidate) =>
      candidate.policyAreas.some((area) => areas.includes(area)),
    ) ??
    SPECIAL_COMMITTEES[0];
  return committee.name;
}

/** Departments working on any of the areas, or any of them when none does. */
export function departmentsFor(
  departments: readonly Department[],
  areas: readonly PolicyArea[],
): Department[] {
  const matching = departments.filter((department) =>
    department.policy_areas.some((area) => areas.includes(area)),
  );
  return matching.length ? matching : [...departments];
}

/** Turns plans into rows: the session, its steps, agenda, attendance, minutes and actions. */
export class DemoWriter {
  readonly tables: DeliberationTables = {
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
    readonly todayDay: number,
    /** City departments by city code. */
    private readonly cityDepartments: Map<string, Department[]>,
    private readonly countyDepartments: Map<string, Department[]>,
    readonly counties: Counties,
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
      const { year, quarter } = quarterOf(plan.day);
      session.cancel_reason =
        EPIDEMIC_QUARTERS.has(`${year}Q${quarter}`) && random.chance(0.7)
          ? EPIDEMIC_CANCEL_REASON
          : random.pick(CANCEL_REASONS);
    }
    this.writeSteps(session, plan, random);
    this.tables.sessions.push(session);

    const items = this.writeAgenda(session, plan, topic, departments, random);
    if (plan.status === SessionStatus.CANCELLED) return;
    const present = writeAttendance(this.tables, session, plan, departments, random);
    if (plan.status === SessionStatus.HELD) {
      writeMinutes(
        this,
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
    // Scheduling creates it PLANNED; every later step leads where the service's table says.
    let status: SessionStatus | null = null;
    const event = (
      step: SessionEventRow['step'],
      at: string,
      detail: Record<string, string> = {},
    ) => {
      const from = status;
      const to =
        from === null ? SessionStatus.PLANNED : nextState(SESSION_STEPS, 'The session', from, step);
      events.push({
        session_id: session.id,
        step,
        from_status: from,
        to_status: to,
        at,
        by_subject: DEMO_SUBJECT,
        detail,
      });
      status = to;
    };
    const earliest = plan.home.from;
    const latest = this.todayDay - 1;
    // Moved once in a while: first set a few days earlier than it took place.
    const moved =
      plan.status !== SessionStatus.CANCELLED && random.chance(0.06) ? random.int(2, 10) : 0;
    const originalDay = plan.day - moved;
    const rescheduled = moved > 0 && originalDay - 2 >= earliest && originalDay - 1 <= latest;
    const firstDay = rescheduled ? originalDay : plan.day;
    const scheduledOn = Math.max(earliest, Math.min(firstDay - random.int(5, 20), latest));
    event('schedule', momentOf(scheduledOn, random.int(540, 1050)));
    if (rescheduled) {
      const movedOn = Math.max(scheduledOn + 1, originalDay - random.int(1, 3));
      event('reschedule', momentOf(movedOn, 17 * HOUR), {
        from: momentOf(originalDay, plan.time),
        to: momentOf(plan.day, plan.time),
      });
    }
    if (plan.status === SessionStatus.HELD) {
      event('recordHeld', momentOf(plan.day, plan.time + random.int(120, 180)));
    } else if (plan.status === SessionStatus.CANCELLED) {
      // Called off a day or more ahead, after it was scheduled (18:00: after any scheduling time).
      const cancelledOn = Math.max(scheduledOn, plan.day - random.int(1, 4));
      event('cancel', momentOf(cancelledOn, 18 * HOUR), {
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
}
