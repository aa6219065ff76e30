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
import { ChannelRecordKind } from '@cppcc/channels';
import { HomeRole, stableId } from '@cppcc/organization';
import { dayOf } from '../calendar';
import type { DeliberationDemo } from '../deliberation/rows';
import type { OrganizationDemo } from '../organization/rows';
import { createRandom, type Weighted } from '../random';
import { carryUp } from './carry-up';
import { pushTo, type Context } from './context';
import { agendaDemand, openDemands, outsideDemands, type CarriedUp } from './demands';
import { ownProposals } from './proposals';
import type { ChannelsDemo, ChannelsDemoOptions } from './rows';

export type * from './rows';

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
    sessions: deliberation.sessions.map((session) => ({
      id: session.id,
      division_code: session.division_code,
      home_id: session.home_id,
      status: session.status,
      version: session.version,
    })),
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
        { held_at: session.held_at, kind: session.kind },
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
    session_projection: demo.sessions.length,
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
