import { generateOrganizationDemo } from '../organization/generator';
import { generateDeliberationDemo } from '../deliberation/generator';
import {
  ChannelRecordKind,
  DEMAND_STEPS,
  DemandStatus,
  PLENARY_STEPS,
  PROPOSAL_STEPS,
  ProposalStatus,
  SENTIMENT_REPORT_STEPS,
} from '@cppcc/channels';
import { generateChannelsDemo, withAgendaDemands, type ChannelsDemo } from './generator';

const TODAY = '2026-11-27';
const organization = generateOrganizationDemo({ seed: 11, scale: 0.4 });
const deliberation = generateDeliberationDemo(organization, { seed: 11, today: TODAY });
const demo = generateChannelsDemo(organization, deliberation, { seed: 11 });

/** Every record of the demo with the steps written for it, in order of time. */
function histories(data: ChannelsDemo) {
  const steps = new Map<string, ChannelsDemo['channelEvents']>();
  for (const event of [...data.channelEvents].sort((a, b) => a.at.localeCompare(b.at))) {
    steps.set(event.record_id, [...(steps.get(event.record_id) ?? []), event]);
  }
  return steps;
}

describe('the channels demo', () => {
  it('is the same for the same inputs and seed', () => {
    const again = generateChannelsDemo(organization, deliberation, { seed: 11 });
    expect(JSON.stringify(again)).toBe(JSON.stringify(demo));
  });

  it('has every record in the state its last step left it in, each step starting where the last one ended', () => {
    const steps = histories(demo);
    const records = [
      ...demo.demands,
      ...demo.proposals,
      ...demo.sentimentReports,
      ...demo.speeches,
      ...demo.specialReports,
    ];
    for (const record of records) {
      const chain = steps.get(record.id)!;
      expect(chain[0].from_status).toBeNull();
      chain
        .slice(1)
        .forEach((step, index) => expect(step.from_status).toBe(chain[index].to_status));
      expect(chain.at(-1)!.to_status).toBe(record.status);
      expect(chain.every((step) => step.at.slice(0, 10) <= TODAY)).toBe(true);
    }
    for (const demand of demo.demands) {
      const chain = steps.get(demand.id)!;
      expect(chain[0].step).toBe('raise');
      const first = (step: string) => chain.find((event) => event.step === step)?.at ?? null;
      expect(demand.resolved_at_home_at).toBe(first('resolveAtHome'));
      expect(demand.escalated_at).toBe(first('escalate'));
    }
  });

  it('takes only the steps its service’s transition table allows, from the state it is in', () => {
    // What each kind of record is created by (not a step of its table), and its table.
    const TABLES: Record<
      ChannelRecordKind,
      { created: string; steps: Record<string, { from: readonly string[]; to: string }> }
    > = {
      [ChannelRecordKind.DEMAND]: { created: 'raise', steps: DEMAND_STEPS },
      [ChannelRecordKind.PROPOSAL]: { created: 'draft', steps: PROPOSAL_STEPS },
      [ChannelRecordKind.SENTIMENT_REPORT]: { created: 'draft', steps: SENTIMENT_REPORT_STEPS },
      [ChannelRecordKind.SPEECH]: { created: 'submit', steps: PLENARY_STEPS },
      [ChannelRecordKind.SPECIAL_REPORT]: { created: 'submit', steps: PLENARY_STEPS },
    };
    const taken = new Map<string, number>();
    const wrong: string[] = [];
    for (const event of demo.channelEvents) {
      const { created, steps } = TABLES[event.record_kind];
      const what = `${event.record_kind} ${event.record_id} ${event.step}`;
      if (event.from_status === null) {
        if (event.step !== created) wrong.push(`${what}: created by another step`);
      } else if (event.step === 'takeIn') {
        // A merged proposal is taken in by the one it merges into: a note, its state unchanged.
        if (event.to_status !== event.from_status) wrong.push(`${what}: changed the state`);
      } else {
        const rule = steps[event.step];
        if (!rule?.from.includes(event.from_status) || rule.to !== event.to_status)
          wrong.push(`${what}: ${event.from_status} → ${event.to_status}`);
        const key = `${event.record_kind}:${event.step}`;
        taken.set(key, (taken.get(key) ?? 0) + 1);
      }
    }
    expect(wrong).toEqual([]);
    // Every step of the proposals' table is walked somewhere in the demo.
    for (const step of Object.keys(PROPOSAL_STEPS).filter((step) => step !== 'sendBack')) {
      expect({ step, taken: (taken.get(`PROPOSAL:${step}`) ?? 0) > 0 }).toEqual({
        step,
        taken: true,
      });
    }
  });

  it('links each demand discussed at a session to its agenda item, both ways', () => {
    const linked = withAgendaDemands(deliberation, demo);
    const items = new Map(linked.agendaItems.map((item) => [item.id, item]));
    const onAgenda = demo.demands.filter((demand) => demand.agenda_item_id);
    expect(onAgenda.length).toBeGreaterThan(100);
    for (const demand of onAgenda) {
      const item = items.get(demand.agenda_item_id!)!;
      expect(item.demand_ids).toContain(demand.id);
      expect(item.session_id).toBe(demand.session_id);
      expect(item.home_id).toBe(demand.home_id);
    }
  });

  it('carries some demands up, and every escalated or answered demand is cited by what it went up as', () => {
    const cited = new Set(
      [
        ...demo.proposals,
        ...demo.sentimentReports,
        ...demo.speeches,
        ...demo.specialReports,
      ].flatMap((record) => record.source_demand_ids),
    );
    const up = demo.demands.filter((demand) =>
      ([DemandStatus.ESCALATED, DemandStatus.ANSWERED] as DemandStatus[]).includes(demand.status),
    );
    expect(up.length).toBeGreaterThan(20);
    for (const demand of up) expect(cited.has(demand.id)).toBe(true);
    expect(demo.demands.some((demand) => demand.status === DemandStatus.RESOLVED_AT_HOME)).toBe(
      true,
    );
  });

  it('has proposals at every stage, numbered in order per CPPCC and year, as the database checks require', () => {
    const statuses = new Set(demo.proposals.map((proposal) => proposal.status));
    for (const status of [
      ProposalStatus.NOT_REGISTERED,
      ProposalStatus.MERGED,
      ProposalStatus.HANDLING,
      ProposalStatus.CLOSED,
    ]) {
      expect(statuses).toContain(status);
    }
    expect(demo.proposals.some((proposal) => proposal.handling_rounds === 2)).toBe(true);
    expect(demo.proposals.some((proposal) => proposal.extended)).toBe(true);
    const numbers = new Map<string, number[]>();
    for (const proposal of demo.proposals) {
      expect(proposal.status === ProposalStatus.NOT_REGISTERED).toBe(
        proposal.not_registered_reason !== null,
      );
      expect(proposal.status === ProposalStatus.MERGED).toBe(proposal.merged_into_id !== null);
      expect(proposal.lead_department_id !== null).toBe(
        (
          [
            ProposalStatus.ASSIGNED,
            ProposalStatus.HANDLING,
            ProposalStatus.REPLIED,
            ProposalStatus.REHANDLING,
            ProposalStatus.EVALUATED,
            ProposalStatus.CLOSED,
          ] as ProposalStatus[]
        ).includes(proposal.status),
      );
      if (proposal.number !== null) {
        const key = `${proposal.division_code}:${proposal.year}`;
        numbers.set(key, [...(numbers.get(key) ?? []), proposal.number]);
      }
    }
    for (const [key, list] of numbers) {
      expect(list.sort((a, b) => a - b)).toEqual(list.map((_, index) => index + 1));
      const [division_code, year] = key.split(':');
      expect(demo.proposalNumbers).toContainEqual({
        division_code,
        year: Number(year),
        last_number: list.length,
      });
    }
  });
});
