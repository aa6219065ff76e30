/**
 * Proposals to the county's or the city's CPPCC, from a demand carried up or a member's own, each
 * walked through the service's transition table (`PROPOSAL_STEPS`) as far as it got by today:
 * review (registered and numbered, declined, returned and revised, merged), assignment, handling,
 * the reply (A–D), the proposer's evaluation, a second round after dissatisfaction, closing.
 */
import {
  ChannelRecordKind,
  Evaluation,
  HANDLING_MONTHS,
  PROPOSAL_STEPS,
  REHANDLING_MONTHS,
  ProposalKind,
  ProposalStatus,
  type ProposalStep,
  type ReplyResultClass,
} from '@cppcc/channels';
import { SPECIAL_COMMITTEES, stableId } from '@cppcc/organization';
import { addMonths, cityDayOf, dateOf, dayOf, HOUR, momentOf, yearOf } from '../calendar';
import type { OrganizationDemo } from '../organization/rows';
import type { Random } from '../random';
import {
  EVALUATION_COMMENTS,
  NOT_REGISTERED_REASONS,
  PARTY_GROUPS,
  PROPOSAL_TOPICS,
  REPLY_PHRASES,
  categoryOf,
} from './content';
import {
  cityOf,
  departmentsFor,
  event,
  pushTo,
  stepsOf,
  topicOf,
  type Context,
  type Draft,
} from './context';
import type { ProposalRow } from './rows';

/** A proposal and its steps up to today: review, assignment, handling, reply, evaluation. */
export function proposalFrom(ctx: Context, stream: Random, draft: Draft): ProposalRow {
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
    year: yearOf(draft.day),
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
    created_at: momentOf(draft.day - stream.int(1, 5), 10 * HOUR),
  };
  if (row.kind === ProposalKind.MEMBER_GROUP && !row.co_signer_ids.length)
    row.kind = ProposalKind.MEMBER;
  ctx.demo.proposals.push(row);
  pushTo(ctx.proposalsOf, `${row.division_code}:${row.year}`, row);
  const k = ChannelRecordKind.PROPOSAL;
  event(ctx, k, id, 'draft', null, ProposalStatus.DRAFT, row.created_at);
  const step = stepsOf<ProposalStatus, ProposalStep>(ctx, k, PROPOSAL_STEPS, row, 15 * HOUR);
  let day = draft.day;
  if (!step('submit', day, () => ((row.submitted_at = momentOf(day, 15 * HOUR)), {}))) return row;
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
      .find((other) => other.registered_at !== null && cityDayOf(other.registered_at) <= day);
    if (
      into &&
      step('merge', day, () => ((row.merged_into_id = into.id), { intoProposalId: into.id }))
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
      const at = momentOf(day, 15 * HOUR);
      const then = ctx.eventsOf
        .get(into.id)!
        .filter((step) => step.at <= at)
        .reduce((last, step) => (step.at >= last.at ? step : last)).to_status;
      event(ctx, k, into.id, 'takeIn', then, then, at, { detail: { proposalId: row.id } });
      return row;
    }
  }
  if (review === 'decline') {
    step('decline', day, () => {
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
        day,
        () => (
          (row.return_reason = '建议部分不够具体，请补充完善后再提交。'),
          { reason: row.return_reason }
        ),
      )
    )
      return row;
    day += stream.int(5, 15);
    if (!step('revise', day)) return row;
    day += stream.int(2, 10);
    if (!step('submit', day)) return row;
    day += stream.int(5, 15);
  }
  const registered = step('register', day, () => {
    const key = `${row.division_code}:${row.year}`;
    row.number = (ctx.numbers.get(key) ?? 0) + 1;
    ctx.numbers.set(key, row.number);
    row.is_key = stream.chance(0.08);
    row.registered_at = momentOf(day, 15 * HOUR);
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
    row.due_on = dateOf(addMonths(assignedDay, HANDLING_MONTHS));
    return {
      leadDepartmentId: leadDepartment.id,
      coDepartmentIds: row.co_department_ids,
      dueOn: row.due_on,
    };
  };
  if (!step('assign', day, assign)) return row;
  day += stream.int(1, 6);
  if (!step('accept', day, () => ({}), leadDepartment.id)) return row;
  // Most replies come within the three months; some departments are slow (extended, or overdue).
  const slow = stream.chance(0.15);
  if (slow && stream.chance(0.5)) {
    const extendDay = addMonths(assignedDay, HANDLING_MONTHS) - stream.int(3, 10);
    step('extend', extendDay, () => {
      const from = row.due_on;
      row.due_on = dateOf(addMonths(assignedDay, 5));
      row.extended = true;
      return { from, to: row.due_on, reason: '涉及跨部门协调，需延期办理。' };
    });
  }
  day = slow ? assignedDay + stream.int(95, 200) : assignedDay + stream.int(25, 88);
  const reply = (round: number) =>
    step(
      'reply',
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
  const evaluate = (name: 'evaluate' | 'rehandle', result: Evaluation) =>
    step(name, day, () => {
      row.evaluation = result;
      row.evaluation_comment = stream.pick(EVALUATION_COMMENTS[result]);
      if (name === 'rehandle') row.due_on = dateOf(addMonths(day, REHANDLING_MONTHS));
      return { evaluation: result };
    });
  if (evaluation === Evaluation.DISSATISFIED) {
    if (!evaluate('rehandle', evaluation)) return row;
    day += stream.int(10, 28);
    if (!reply(2)) return row;
    day += stream.int(7, 20);
    if (
      !evaluate(
        'evaluate',
        stream.chance(0.8) ? Evaluation.BASICALLY_SATISFIED : Evaluation.DISSATISFIED,
      )
    )
      return row;
  } else if (!evaluate('evaluate', evaluation)) {
    return row;
  }
  day += stream.int(5, 20);
  step('close', day, () => ((row.closed_at = momentOf(day, 15 * HOUR)), {}));
  return row;
}

/** Members' own proposals: each county CPPCC's and the city's, every year since the homes began. */
export function ownProposals(ctx: Context, organization: OrganizationDemo): void {
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
  const lastYear = yearOf(ctx.today);
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
