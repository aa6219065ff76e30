import { OPINION_DAYS, PETITION_CASE_STEPS, addDays } from '@cppcc/petitions';
import { cityDateOf } from '../calendar';
import { generateChannelsDemo, withAgendaDemands } from '../channels/generator';
import { generateDeliberationDemo } from '../deliberation/generator';
import { generateOrganizationDemo } from '../organization/generator';
import { generatePetitionsDemo } from './generator';

const organization = generateOrganizationDemo({ seed: 7, scale: 0.1 });
const sessions = generateDeliberationDemo(organization);
const channels = generateChannelsDemo(organization, sessions);
const deliberation = withAgendaDemands(sessions, channels);
const demo = generatePetitionsDemo(organization, deliberation, channels);

describe('the petitions demo', () => {
  it('opens one case per petition demand, in its division, numbered once each', () => {
    const petitionDemands = new Map(
      channels.demands.filter((demand) => demand.is_petition).map((demand) => [demand.id, demand]),
    );
    expect(demo.cases.length).toBeGreaterThan(10);
    for (const row of demo.cases) {
      const demand = petitionDemands.get(row.demand_ids[0]);
      expect(demand?.division_code).toBe(row.division_code);
    }
    expect(new Set(demo.cases.map((row) => row.number)).size).toBe(demo.cases.length);
    expect(new Set(demo.cases.map((row) => row.demand_ids[0])).size).toBe(demo.cases.length);
  });

  it("walks the service's transition table: every case's history replays to its state", () => {
    for (const row of demo.cases) {
      const steps = demo.events.filter((event) => event.case_id === row.id);
      let state: string | null = null;
      // In the order of time.
      expect(steps.map((event) => event.at)).toEqual(steps.map((event) => event.at).sort());
      for (const event of steps) {
        expect(event.from_status).toBe(state);
        if (event.step in PETITION_CASE_STEPS) {
          const rule = PETITION_CASE_STEPS[event.step as keyof typeof PETITION_CASE_STEPS];
          expect((rule.from as readonly string[]).includes(state!)).toBe(true);
          expect(event.to_status).toBe(rule.to);
        }
        state = event.to_status;
      }
      expect(state).toBe(row.status);
      expect(row.version).toBe(steps.length);
      if (row.accepted_on) expect(row.opinion_due_on).toBe(addDays(row.accepted_on, OPINION_DAYS));
    }
    const states = new Set(demo.cases.map((row) => row.status));
    expect([...states].sort()).toEqual(expect.arrayContaining(['ACCEPTED', 'CLOSED', 'HANDLED']));
  });

  it("links its county's multi-party platform sessions that discussed the demand, each recorded after it was held, on one case", () => {
    const sessionsById = new Map(deliberation.sessions.map((s) => [s.id, s]));
    const linked = demo.cases.flatMap((row) => row.session_ids);
    expect(linked.length).toBeGreaterThan(20);
    expect(new Set(linked).size).toBe(linked.length);
    for (const row of demo.cases) {
      for (const id of row.session_ids) {
        const session = sessionsById.get(id)!;
        const recorded = demo.events.find(
          (event) =>
            event.case_id === row.id &&
            event.step === 'recordSession' &&
            event.detail.sessionId === id,
        )!;
        expect([id, session.kind, session.division_code.slice(0, 6)]).toEqual([
          id,
          'MULTI_PARTY',
          row.division_code.slice(0, 6),
        ]);
        expect(session.held_at).not.toBeNull();
        expect(cityDateOf(recorded.at) > cityDateOf(session.held_at!)).toBe(true);
        expect(recorded.at <= `${demo.today}T24`).toBe(true);
      }
    }
  });

  it('has cases past the 60 days without an opinion: overdue today', () => {
    const overdue = demo.cases.filter(
      (row) => row.opinion_due_on && !row.handled_on && row.opinion_due_on < demo.today,
    );
    expect(overdue.length).toBeGreaterThanOrEqual(2);
    for (const row of overdue) {
      expect(row.status).toBe('ACCEPTED');
      expect(row.opinion_due_on).toBe(addDays(row.accepted_on!, OPINION_DAYS));
    }
  });

  it('gives each case a handling department of its county or the city', () => {
    const departments = new Map(organization.departments.map((d) => [d.id, d]));
    for (const row of demo.cases.filter((row) => row.handling_department_id)) {
      expect(
        row.division_code.startsWith(departments.get(row.handling_department_id!)!.division_code),
      ).toBe(true);
    }
  });

  it('gives petitions every session and demand as their feeds would have', () => {
    expect(demo.sessions).toHaveLength(deliberation.sessions.length);
    expect(demo.demands).toHaveLength(channels.demands.length);
    const demands = new Map(demo.demands.map((demand) => [demand.id, demand]));
    for (const row of demo.cases) {
      expect(demands.get(row.demand_ids[0])).toMatchObject({ is_petition: true });
    }
  });

  it('is the same for the same seed', () => {
    expect(generatePetitionsDemo(organization, deliberation, channels)).toEqual(demo);
  });
});
