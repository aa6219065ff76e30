import { OPINION_DAYS, PETITION_CASE_STEPS, addDays } from '@cppcc/petitions';
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

  it('links held multi-party sessions of the county that discussed the demand, each to one case, and handling departments of the county', () => {
    const sessions = new Map(deliberation.sessions.map((s) => [s.id, s]));
    const linked = demo.cases.flatMap((row) => row.session_ids);
    expect(linked.length).toBeGreaterThan(0);
    expect(new Set(linked).size).toBe(linked.length);
    for (const row of demo.cases) {
      for (const id of row.session_ids) {
        // As the service checks them: MULTI_PARTY, not cancelled, of the case's county.
        expect(sessions.get(id)).toMatchObject({ kind: 'MULTI_PARTY', status: 'HELD' });
        expect(sessions.get(id)!.division_code.slice(0, 6)).toBe(row.division_code.slice(0, 6));
      }
    }
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
