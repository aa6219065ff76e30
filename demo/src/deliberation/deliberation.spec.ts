import { DepartmentLevel, HomeStatus, SPECIAL_COMMITTEES, stableId } from '@cppcc/organization';
import { generateOrganizationDemo, type OrganizationDemo } from '../organization/generator';
import { AttendanceStatus } from '@cppcc/deliberation';
import { ActionStatus, MinutesStatus } from '@cppcc/deliberation';
import { SessionKind, SessionStatus } from '@cppcc/deliberation';
import { SESSION_STEPS } from '@cppcc/deliberation';
import {
  deliberationDemoRowCounts,
  generateDeliberationDemo,
  todayInShanghai,
  type DeliberationDemo,
} from './generator';
import { cityDateOf } from '../calendar';

const TODAY = '2026-11-27';
let organization: OrganizationDemo;
let demo: DeliberationDemo;
beforeAll(() => {
  organization = generateOrganizationDemo({ seed: 7, scale: 0.1 });
  demo = generateDeliberationDemo(organization, { today: TODAY });
});

const cityDate = cityDateOf;
const quarterOf = (date: string) =>
  `${date.slice(0, 4)}Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;

describe('the deliberation demo', () => {
  it('is the same for the same organization, seed and day, and differs for another seed', () => {
    const again = generateDeliberationDemo(generateOrganizationDemo({ seed: 7, scale: 0.1 }), {
      today: TODAY,
    });
    expect(JSON.stringify(again)).toBe(JSON.stringify(demo));
    const other = generateDeliberationDemo(organization, { seed: 8, today: TODAY });
    expect(other.sessions.map((s) => s.id)).not.toEqual(demo.sessions.map((s) => s.id));
  });

  it('keeps the sessions of past quarters when generated on a later day', () => {
    const later = generateDeliberationDemo(organization, { today: '2027-02-10' });
    const ids = new Set(later.sessions.map((session) => session.id));
    const past = demo.sessions.filter((session) => session.scheduled_at < '2026-09-30');
    expect(past.length).toBeGreaterThan(100);
    expect(past.filter((session) => !ids.has(session.id))).toEqual([]);
  });

  it('defaults to the day it is in 连云港', () => {
    expect(todayInShanghai(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01-01');
    expect(generateDeliberationDemo(organization).today).toBe(todayInShanghai());
  });

  it('fills every table', () => {
    for (const [table, count] of Object.entries(deliberationDemoRowCounts(demo)))
      expect({ table, filled: count > 0 }).toEqual({ table, filled: true });
  });

  it('holds sessions before today, inside the home’s open life, and plans only in today’s quarter', () => {
    const homes = new Map(organization.homes.map((home) => [home.id, home]));
    for (const session of demo.sessions) {
      const home = homes.get(session.home_id)!;
      const life = demo.lives[session.home_id];
      const day = cityDate(session.scheduled_at);
      expect(session.division_code).toBe(home.division_code);
      expect(life.from).toBe(home.established_on);
      expect(day > home.established_on).toBe(true);
      if (life.until) expect(day < life.until).toBe(true);
      if (session.status === SessionStatus.HELD) {
        expect(session.held_at).toBe(session.scheduled_at);
        expect(cityDate(session.held_at!) < TODAY).toBe(true);
      } else if (session.status === SessionStatus.PLANNED) {
        expect(day > TODAY).toBe(true);
        expect(quarterOf(day)).toBe(quarterOf(TODAY));
      } else {
        expect(day < TODAY).toBe(true);
      }
    }
    for (const home of organization.homes.filter((h) => h.status === HomeStatus.SUSPENDED))
      expect(demo.lives[home.id].until).not.toBeNull();
  });

  it('has every kind of session, a few called off with a reason, and some quarters with two', () => {
    const kinds = new Set(demo.sessions.map((session) => session.kind));
    expect([...kinds].sort()).toEqual(Object.values(SessionKind).sort());
    const cancelled = demo.sessions.filter((s) => s.status === SessionStatus.CANCELLED);
    expect(cancelled.length).toBeGreaterThan(0);
    expect(cancelled.length / demo.sessions.length).toBeLessThan(0.1);
    const perQuarter = new Map<string, number>();
    for (const session of demo.sessions.filter((s) => s.status === SessionStatus.HELD)) {
      const key = `${session.home_id}:${quarterOf(cityDate(session.held_at!))}`;
      perQuarter.set(key, (perQuarter.get(key) ?? 0) + 1);
    }
    expect([...perQuarter.values()].some((count) => count >= 2)).toBe(true);
  });

  it('leaves about one home-quarter in eight without a held session, so the cadence report has homes to name', () => {
    const held = new Set(
      demo.sessions
        .filter((s) => s.status === SessionStatus.HELD)
        .map((s) => `${s.home_id}:${quarterOf(cityDate(s.held_at!))}`),
    );
    let quarters = 0;
    let missed = 0;
    for (const home of organization.homes.filter((h) => h.status !== HomeStatus.SUSPENDED)) {
      // The quarters after the one it was set up in, up to the last complete one.
      let year = Number(home.established_on.slice(0, 4));
      let quarter = Math.floor((Number(home.established_on.slice(5, 7)) - 1) / 3) + 2;
      for (;;) {
        if (quarter === 5) [year, quarter] = [year + 1, 1];
        const label = `${year}Q${quarter}`;
        if (label >= quarterOf(TODAY)) break;
        quarters += 1;
        if (!held.has(`${home.id}:${label}`)) missed += 1;
        quarter += 1;
      }
    }
    expect(missed).toBeGreaterThanOrEqual(1);
    expect(missed / quarters).toBeGreaterThan(0.06);
    expect(missed / quarters).toBeLessThan(0.2);
  });

  it('has a city special committee coordinate every session that crosses a county line or brings in city departments (rule 3)', () => {
    const cityDepartments = new Set(
      organization.departments.filter((d) => d.level === DepartmentLevel.CITY).map((d) => d.id),
    );
    const committees = new Set(
      SPECIAL_COMMITTEES.map((committee) => stableId('committee', `3207:${committee.name}`)),
    );
    const needing = demo.sessions.filter(
      (session) =>
        session.involved_divisions.some(
          (code) => code.length < 6 || code.slice(0, 6) !== session.division_code.slice(0, 6),
        ) || session.department_ids.some((id) => cityDepartments.has(id)),
    );
    expect(needing.filter((session) => session.involved_divisions.length).length).toBeGreaterThan(
      0,
    );
    for (const session of needing)
      expect(committees.has(session.coordinating_committee_id ?? '')).toBe(true);
    // …and a few each year, not one in a while.
    const years = new Set(
      needing.filter((s) => s.involved_divisions.length).map((s) => s.scheduled_at.slice(0, 4)),
    );
    expect(years.size).toBeGreaterThanOrEqual(6);
  });

  it('writes minutes only for held sessions, and a session is published exactly when its minutes are', () => {
    const sessions = new Map(demo.sessions.map((session) => [session.id, session]));
    const minutesOf = new Map(demo.minutes.map((minutes) => [minutes.session_id, minutes]));
    for (const minutes of demo.minutes) {
      const session = sessions.get(minutes.session_id)!;
      expect(session.status).toBe(SessionStatus.HELD);
      expect(minutes.created_at > session.held_at!).toBe(true);
      expect(minutes.home_id).toBe(session.home_id);
      expect(minutes.division_code).toBe(session.division_code);
      expect(minutes.summary.trim().length).toBeGreaterThan(0);
      expect(minutes.approved_at !== null).toBe(minutes.status !== MinutesStatus.DRAFT);
      expect(minutes.published_at !== null).toBe(minutes.status === MinutesStatus.PUBLISHED);
      if (minutes.published_at) expect(cityDate(minutes.published_at) < TODAY).toBe(true);
    }
    for (const session of demo.sessions) {
      const minutes = minutesOf.get(session.id);
      expect(session.published_at).toBe(
        minutes?.status === MinutesStatus.PUBLISHED ? minutes.published_at : null,
      );
    }
    const statuses = new Set(demo.minutes.map((minutes) => minutes.status));
    expect([...statuses].sort()).toEqual(Object.values(MinutesStatus).sort());
  });

  it('drafts recent minutes more often than old ones, and has done most old actions', () => {
    const draftShare = (rows: DeliberationDemo['minutes']) =>
      rows.filter((m) => m.status === MinutesStatus.DRAFT).length / rows.length;
    const recent = demo.minutes.filter((m) => m.created_at >= '2026-09-01');
    const old = demo.minutes.filter((m) => m.created_at < '2025-01-01');
    expect(draftShare(recent)).toBeGreaterThan(draftShare(old));
    const oldActions = demo.followUpActions.filter((a) => a.due_on < '2025-01-01');
    const done = oldActions.filter((a) => a.status === ActionStatus.DONE).length;
    expect(done / oldActions.length).toBeGreaterThan(0.7);
  });

  it('satisfies the checks and keys of the database', () => {
    const unique = (values: string[]) => expect(new Set(values).size).toBe(values.length);
    unique(demo.sessions.map((s) => s.id));
    unique(demo.agendaItems.map((a) => a.id));
    unique(demo.agendaItems.map((a) => `${a.session_id}:${a.position}`));
    unique(demo.attendance.map((a) => a.id));
    unique(demo.attendance.map((a) => `${a.session_id}:${a.attendee_kind}:${a.attendee_id}`));
    unique(demo.minutes.map((m) => m.session_id));
    unique(demo.followUpActions.map((a) => `${a.minutes_id}:${a.position}`));
    for (const session of demo.sessions) {
      expect(session.division_code).toMatch(/^[0-9]{9}([0-9]{3})?$/);
      expect(session.title.trim().length).toBeGreaterThan(0);
      expect(session.title.length).toBeLessThanOrEqual(100);
      expect(session.status === SessionStatus.HELD).toBe(session.held_at !== null);
      expect(session.status === SessionStatus.CANCELLED).toBe(session.cancel_reason !== null);
    }
    const minutesIds = new Set(demo.minutes.map((minutes) => minutes.id));
    for (const action of demo.followUpActions) {
      expect(minutesIds.has(action.minutes_id)).toBe(true);
      expect(action.description.trim().length).toBeGreaterThan(0);
      expect(action.due_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    for (const item of demo.agendaItems) expect(item.title.trim().length).toBeGreaterThan(0);
  });

  it('records each session’s steps as the workflow allows them, ending in its status', () => {
    const events = new Map<string, DeliberationDemo['sessionEvents']>();
    for (const event of demo.sessionEvents)
      events.set(event.session_id, [...(events.get(event.session_id) ?? []), event]);
    for (const session of demo.sessions) {
      const steps = events.get(session.id)!;
      expect(steps[0]).toMatchObject({ step: 'schedule', from_status: null, to_status: 'PLANNED' });
      let status: SessionStatus = SessionStatus.PLANNED;
      for (const event of steps.slice(1)) {
        const rule = SESSION_STEPS[event.step as keyof typeof SESSION_STEPS];
        expect((rule.from as readonly SessionStatus[]).includes(status)).toBe(true);
        expect(event.from_status).toBe(status);
        status = rule.to;
        expect(event.to_status).toBe(status);
      }
      expect(status).toBe(session.status);
      expect(steps.map((e) => e.at)).toEqual(steps.map((e) => e.at).sort());
      expect(cityDate(steps[steps.length - 1].at) < TODAY).toBe(true);
      expect(session.version).toBe(steps.length);
      if (session.status === SessionStatus.CANCELLED)
        expect(steps[steps.length - 1].detail).toEqual({ reason: session.cancel_reason });
    }
  });

  it('seats the home’s members with the leader in the chair, and its people and departments', () => {
    const leaders = new Map(
      organization.homeMemberships
        .filter((membership) => membership.role === 'LEADER')
        .map((membership) => [membership.home_id, membership.member_id]),
    );
    const held = demo.sessions.filter((s) => s.status === SessionStatus.HELD);
    const bySession = new Map<string, DeliberationDemo['attendance']>();
    for (const row of demo.attendance)
      bySession.set(row.session_id, [...(bySession.get(row.session_id) ?? []), row]);
    for (const session of held.slice(0, 200)) {
      const rows = bySession.get(session.id)!;
      const chair = rows.filter((row) => row.role === 'CHAIR');
      expect(chair).toHaveLength(1);
      expect(chair[0].status).toBe(AttendanceStatus.PRESENT);
      if (leaders.has(session.home_id))
        expect(chair[0].attendee_id).toBe(leaders.get(session.home_id));
      expect(
        rows
          .filter((row) => row.attendee_kind === 'DEPARTMENT')
          .map((row) => row.attendee_id)
          .sort(),
      ).toEqual([...session.department_ids].sort());
    }
    const statuses = new Set(demo.attendance.map((row) => row.status));
    expect([...statuses].sort()).toEqual(Object.values(AttendanceStatus).sort());
  });
});
