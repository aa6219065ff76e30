import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { executeIn, scopeSql, type Caller } from '@cppcc/toolkit';
import type { Period } from '@cppcc/reporting';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { DEMAND_POLICY, DemandStatus } from '../demand/demand.entity';
import { Evaluation, PROPOSAL_POLICY } from '../proposal/proposal.entity';
import { proposalFilterSql } from '../proposal/proposal.loader';
import {
  SENTIMENT_REPORT_POLICY,
  type SentimentReportStatus,
} from '../sentiment-report/sentiment-report.entity';
import { SENTIMENT_REPORT_STEPS } from '../sentiment-report/sentiment-report.workflow';

/** A division's channels over a period, in the cross-county view. */
@ObjectType({
  description:
    'What went up through the channels in a division over a period, within your jurisdiction (records outside it are not counted). Demands count by the village or community they concern; sentiment reports and proposals by the CPPCC they were submitted to, which lies in a division when its code starts with the division’s: a county counts its own CPPCC’s, the city (3207) its own and every county’s, a township none. Each figure follows the records that entered the period (demands received, reports submitted, proposals registered in it) to where they stand now.',
})
export class ChannelStats {
  @Field(() => Int, { description: 'Demands received in the period.' })
  demandsReceived: number;

  @Field(() => Int, {
    description:
      'Of those, still waiting now: RECEIVED, ON_AGENDA, or ESCALATED without an answer yet.',
  })
  openDemands: number;

  @Field(() => Int, { description: 'Of those, resolved at the home (at some step of their life).' })
  resolvedAtHome: number;

  @Field(() => Int, {
    description:
      'Of those, escalated: sent up as a proposal, sentiment report, speech or special report (whether answered since or not).',
  })
  escalated: number;

  @Field(() => Int, {
    description:
      'Sentiment reports submitted in the period that were adopted (采用), whatever their stage now.',
  })
  sentimentReportsAdopted: number;

  @Field(() => Int, { description: 'Proposals registered (立案) in the period.' })
  proposalsRegistered: number;

  @Field(() => Int, { description: 'Of those, replied to by their lead department.' })
  proposalsReplied: number;

  @Field(() => Int, {
    description:
      'Of those, overdue today: a department is handling them (assigned, handling, rehandling) past their due date — `Proposal.isOverdue`.',
  })
  proposalsOverdue: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Of those replied, the average days from assignment to the (latest) reply, to one decimal; null when none was replied.',
  })
  averageDaysToReply: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Of those evaluated by their proposers, the share SATISFIED or BASICALLY_SATISFIED, to three decimals; null when none was evaluated.',
  })
  satisfactionRate: number | null;
}

/** Demands still waiting for something: to be taken up at the home, or an answer from above. */
const OPEN_DEMAND_STATES = [DemandStatus.RECEIVED, DemandStatus.ON_AGENDA, DemandStatus.ESCALATED];

/**
 * The states an adopted report may be in: every state the workflow table reaches from ADOPTED
 * (edited, issued, instructed, forwarded, feedback, closed), read from the table, not listed.
 */
function statesFrom(start: SentimentReportStatus): SentimentReportStatus[] {
  const reached = new Set([start]);
  for (let grew = true; grew;) {
    grew = false;
    for (const step of Object.values(SENTIMENT_REPORT_STEPS)) {
      const from = step.from as readonly SentimentReportStatus[];
      if (from.some((state) => reached.has(state)) && !reached.has(step.to)) {
        reached.add(step.to);
        grew = true;
      }
    }
  }
  return [...reached];
}
const ADOPTED_STATES = statesFrom(SENTIMENT_REPORT_STEPS.adopt.to);

const DIVISION_CODE = /^\d{4}(\d{2}(\d{3}(\d{3})?)?)?$/;

interface StatsRow {
  code: string;
  received: number;
  open: number;
  resolved_at_home: number;
  escalated: number;
  adopted: number;
  registered: number;
  replied: number;
  overdue: number;
  average_days: number | null;
  satisfied: number;
  evaluated: number;
}

/**
 * The channel figures of many divisions over one period, in one statement: a group per kind of
 * record (demands, sentiment reports, proposals). Each kind is first counted per full division
 * code over the period (one pass over the period's rows, index-only through the covering indexes
 * of Migration20261127110000), then those few hundred groups are summed per division code prefix:
 * matching every row against every prefix with LIKE was most of the statement's time. The average
 * days to reply is summed and counted there and divided at the end, so it stays exact. Whether a
 * demand was resolved at home or escalated is kept on it when the step is taken (its milestones,
 * beside its steps), since a closed demand may have come either way.
 */
async function channelStatsOf(
  em: EntityManager,
  caller: Caller,
  period: Period,
  codes: string[],
): Promise<Map<string, ChannelStats>> {
  const demandScope = scopeSql(caller, DEMAND_POLICY, 'd');
  const reportScope = scopeSql(caller, SENTIMENT_REPORT_POLICY, 's');
  const proposalScope = scopeSql(caller, PROPOSAL_POLICY, 'r');
  const overdue = proposalFilterSql({ status: [], overdue: true });
  const rows = await executeIn<StatsRow[]>(
    em,
    `with prefix(code) as (select unnest(array[?]::text[])),
     demand_codes as (
       select d.division_code, count(*) as received,
              count(*) filter (where d.status in (?)) as open,
              count(*) filter (where d.resolved_at_home_at is not null) as resolved_at_home,
              count(*) filter (where d.escalated_at is not null) as escalated
       from demand d
       where d.received_at >= ? and d.received_at < ? ${demandScope.sql}
       group by d.division_code
     ),
     demands as (
       select p.code, sum(c.received)::int as received, sum(c.open)::int as open,
              sum(c.resolved_at_home)::int as resolved_at_home, sum(c.escalated)::int as escalated
       from prefix p
       join demand_codes c on c.division_code like p.code || '%'
       group by p.code
     ),
     report_codes as (
       select s.division_code, count(*) filter (where s.status in (?)) as adopted
       from sentiment_report s
       where s.submitted_at >= ? and s.submitted_at < ? ${reportScope.sql}
       group by s.division_code
     ),
     reports as (
       select p.code, sum(c.adopted)::int as adopted
       from prefix p
       join report_codes c on c.division_code like p.code || '%'
       group by p.code
     ),
     proposal_codes as (
       select r.division_code, count(*) as registered,
              count(*) filter (where r.replied_on is not null) as replied,
              count(*) filter (where true ${overdue.sql}) as overdue,
              sum(r.replied_on - r.assigned_on)
                filter (where r.replied_on is not null and r.assigned_on is not null) as days,
              count(*) filter (where r.replied_on is not null and r.assigned_on is not null) as timed,
              count(*) filter (where r.evaluation in (?)) as satisfied,
              count(*) filter (where r.evaluation is not null) as evaluated
       from proposal r
       where r.registered_at >= ? and r.registered_at < ? ${proposalScope.sql}
       group by r.division_code
     ),
     proposals as (
       select p.code, sum(c.registered)::int as registered, sum(c.replied)::int as replied,
              sum(c.overdue)::int as overdue,
              -- avg() of the days is this exact numeric quotient, rounded the same way.
              round(sum(c.days) / nullif(sum(c.timed), 0), 1)::float8 as average_days,
              sum(c.satisfied)::int as satisfied, sum(c.evaluated)::int as evaluated
       from prefix p
       join proposal_codes c on c.division_code like p.code || '%'
       group by p.code
     )
     select p.code,
            coalesce(d.received, 0) as received, coalesce(d.open, 0) as open,
            coalesce(d.resolved_at_home, 0) as resolved_at_home,
            coalesce(d.escalated, 0) as escalated,
            coalesce(s.adopted, 0) as adopted,
            coalesce(r.registered, 0) as registered, coalesce(r.replied, 0) as replied,
            coalesce(r.overdue, 0) as overdue, r.average_days,
            coalesce(r.satisfied, 0) as satisfied, coalesce(r.evaluated, 0) as evaluated
     from prefix p
     left join demands d on d.code = p.code
     left join reports s on s.code = p.code
     left join proposals r on r.code = p.code`,
    [
      codes,
      OPEN_DEMAND_STATES,
      period.from,
      period.to,
      ...demandScope.params,
      ADOPTED_STATES,
      period.from,
      period.to,
      ...reportScope.params,
      ...overdue.params,
      [Evaluation.SATISFIED, Evaluation.BASICALLY_SATISFIED],
      period.from,
      period.to,
      ...proposalScope.params,
    ],
  );
  return new Map(
    rows.map((row) => [
      row.code,
      {
        demandsReceived: row.received,
        openDemands: row.open,
        resolvedAtHome: row.resolved_at_home,
        escalated: row.escalated,
        sentimentReportsAdopted: row.adopted,
        proposalsRegistered: row.registered,
        proposalsReplied: row.replied,
        proposalsOverdue: row.overdue,
        averageDaysToReply: row.average_days,
        satisfactionRate: row.evaluated
          ? Math.round((row.satisfied / row.evaluated) * 1000) / 1000
          : null,
      },
    ]),
  );
}

/** One loader per period asked: each answers every division of a page in one statement. */
export function createChannelStatsLoaders(em: EntityManager, caller: Caller) {
  const byPeriod = new Map<string, DataLoader<string, ChannelStats | null>>();
  return {
    ofDivision(period: Period) {
      let loader = byPeriod.get(period.key);
      if (!loader) {
        loader = new DataLoader<string, ChannelStats | null>(async (codes) => {
          const valid = [...new Set(codes.filter((code) => DIVISION_CODE.test(code)))];
          const stats = valid.length
            ? await channelStatsOf(em, caller, period, valid)
            : new Map<string, ChannelStats>();
          return codes.map((code) => stats.get(code) ?? null);
        });
        byPeriod.set(period.key, loader);
      }
      return loader;
    },
  };
}
