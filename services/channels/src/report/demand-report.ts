import type { EntityManager } from '@mikro-orm/postgresql';
import {
  CacheAsParent,
  scopeSql,
  type Caller,
  describedEnum,
  type EnumValue,
  conditionsSql,
} from '@cppcc/toolkit';
import {
  cityQuarterSql,
  cityYearSql,
  countyCodeSql,
  reportRows,
  reportSql,
  reportWindowSql,
  townshipCodeSql,
  type DimensionColumns,
  PeriodFilter,
  placesOf,
  reportPageType,
  runReport,
  PlaceAndPeriodRow,
} from '@cppcc/reporting';
import { Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import { DEMAND_POLICY, DemandCategory, DemandStatus } from '../demand/demand.entity';
import { DEMAND_STEPS } from '../demand/demand.workflow';
import { ChannelRecordKind } from '../history/channel-event.entity';
import { DivisionReference } from '../shared/references';

/** What a demand report can group by. */
export const DemandDimension = describedEnum(
  'DemandDimension',
  'A dimension a demand report groups by.',
  {
    COUNTY: 'The county-level unit of the village or community it concerns.',
    TOWNSHIP: 'The township (镇/乡/街道) of the village or community it concerns.',
    CATEGORY: 'What it is about.',
    STATUS: 'Where it stands now.',
    CHANNEL: 'What it first went up as (NONE when it has not gone up).',
    QUARTER: 'The year and quarter it was received (China Standard Time).',
    YEAR: 'The year it was received (China Standard Time).',
  },
);
export type DemandDimension = EnumValue<typeof DemandDimension>;

/** What a demand went up as: the first channel that cited it, or none. */
export const DemandChannel = describedEnum(
  'DemandChannel',
  'What a demand went up as: the channel of the first proposal, sentiment report, speech or special report that cited it when submitted (its own escalation step says which), or NONE.',
  {
    NONE: 'Not gone up: still at the home, or settled there.',
    PROPOSAL: 'A proposal (提案).',
    SENTIMENT_REPORT: 'A sentiment report (社情民意信息).',
    SPEECH: 'A plenary speech (大会发言).',
    SPECIAL_REPORT: 'A special report (专题报告).',
  },
);
export type DemandChannel = EnumValue<typeof DemandChannel>;

const DIMENSIONS: DimensionColumns<DemandDimension> = {
  COUNTY: ['county_code'],
  TOWNSHIP: ['township_code'],
  CATEGORY: ['category'],
  STATUS: ['status'],
  CHANNEL: ['channel'],
  QUARTER: ['year', 'quarter'],
  YEAR: ['year'],
};

@InputType({
  description:
    'Which demands a report counts; every part optional. The period is when they were received: a `year` (and `quarter`), or days `from` … `to` (both included, China Standard Time).',
})
export class DemandReportFilter extends PeriodFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Only demands concerning this division and below (e.g. a township’s code).',
  })
  divisionCode?: string | null;

  @Field(() => [DemandCategory], {
    nullable: true,
    description: 'Only demands of these categories.',
  })
  category?: DemandCategory[] | null;

  @Field(() => [DemandStatus], { nullable: true, description: 'Only demands in these statuses.' })
  status?: DemandStatus[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Only petition matters (信访), or none.' })
  isPetition?: boolean | null;
}

@CacheAsParent()
@ObjectType({
  description:
    'One group of demands: the values of the dimensions grouped by (null for those not grouped by) and its figures.',
})
export class DemandReportRow extends PlaceAndPeriodRow(DivisionReference, 'received') {
  @Field(() => DemandCategory, { nullable: true, description: 'CATEGORY: the category.' })
  category: DemandCategory | null;

  @Field(() => DemandStatus, { nullable: true, description: 'STATUS: where they stand.' })
  status: DemandStatus | null;

  @Field(() => DemandChannel, { nullable: true, description: 'CHANNEL: what they went up as.' })
  channel: DemandChannel | null;

  @Field(() => Int, { description: 'Demands received.' })
  count: number;

  @Field(() => Int, { description: 'Of those, still waiting: RECEIVED, ON_AGENDA, or ESCALATED.' })
  open: number;

  @Field(() => Int, { description: 'Of those, resolved at the home (at some step of their life).' })
  resolvedAtHome: number;

  @Field(() => Int, { description: 'Of those, escalated (gone up through any channel).' })
  escalated: number;

  @Field(() => Int, { description: 'Of those, petition matters (信访事项).' })
  petitions: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Of those settled (resolved at the home, or answered from above), the average days from receipt to the first of those steps, to one decimal.',
  })
  averageDaysToResolve: number | null;
}

export const DemandReport = reportPageType(
  'DemandReport',
  DemandReportRow,
  'A demand report: its groups, at most `first` of them.',
);
export type DemandReport = InstanceType<typeof DemandReport>;

interface Row {
  county_code?: string | null;
  township_code?: string | null;
  category?: DemandCategory | null;
  status?: DemandStatus | null;
  channel?: DemandChannel | null;
  year?: number | null;
  quarter?: number | null;
  count: number;
  open: number;
  resolved_at_home: number;
  escalated: number;
  petitions: number;
  average_days: number | null;
  total_groups: number;
}

export interface DemandReportArgs {
  groupBy: DemandDimension[];
  filter?: DemandReportFilter | null;
  first?: number | null;
}

const OPEN_STATES = [DemandStatus.RECEIVED, DemandStatus.ON_AGENDA, DemandStatus.ESCALATED];

/**
 * Demands received, grouped by the chosen dimensions, in one statement within the caller's
 * jurisdiction. Whether a demand was resolved at home, escalated (and as what) or answered is
 * read from its own steps (`channel_event`): a closed demand may have come either way, and the
 * record it went up as may lie outside the caller's jurisdiction (a county's demand in a city
 * proposal), which the demand's own step names without showing it.
 */
export async function demandReport(
  em: EntityManager,
  caller: Caller,
  args: DemandReportArgs,
): Promise<DemandReport> {
  const first = reportRows(args.first);
  const filter = args.filter ?? {};
  const scope = scopeSql(caller, DEMAND_POLICY, 'd');
  const window = reportWindowSql(filter, 'd.received_at', 'd.division_code');
  const conditions = conditionsSql([
    ['d.category in (?)', filter.category],
    ['d.status in (?)', filter.status],
    ['d.is_petition = ?', filter.isPetition],
  ]);
  // The steps that matter, in one pass over the table and a hash join: on the city preset
  // (500,000 demands, 2 million steps) an index lookup per demand took 14 s for all years, this
  // 3.5 s, and 0.8 s for a year, whose demands' steps all come after its first day.
  const since = window.period ? 'and e.at >= ?' : '';
  const statement = reportSql({
    facts: {
      sql: `with demands as (
              select d.id, d.division_code, d.category, d.status, d.received_at, d.is_petition
              from demand d
              where true ${window.sql} ${conditions.sql} ${scope.sql}
            ),
            steps as (
              select e.record_id,
                     bool_or(e.to_status = ?) as resolved_at_home,
                     bool_or(e.to_status = ?) as escalated,
                     min(e.at) filter (where e.to_status in (?, ?)) as settled_at,
                     (array_agg(e.detail ->> 'channel' order by e.id)
                        filter (where e.to_status = ?))[1] as channel
              from channel_event e
              where e.record_kind = ? and e.to_status in (?, ?, ?) ${since}
              group by e.record_id
            )
            select ${countyCodeSql('d.division_code')} as county_code,
                   ${townshipCodeSql('d.division_code')} as township_code,
                   d.category, d.status,
                   case when s.escalated
                        then (case s.channel when 'Speech' then ? when 'SpecialReport' then ?
                              else s.channel end)
                        else ? end as channel,
                   ${cityYearSql('d.received_at')} as year,
                   ${cityQuarterSql('d.received_at')} as quarter,
                   d.is_petition, d.received_at,
                   coalesce(s.resolved_at_home, false) as resolved_at_home,
                   coalesce(s.escalated, false) as escalated, s.settled_at
            from demands d left join steps s on s.record_id = d.id`,
      params: [
        ...window.params,
        ...conditions.params,
        ...scope.params,
        DEMAND_STEPS.resolveAtHome.to,
        DEMAND_STEPS.escalate.to,
        DEMAND_STEPS.resolveAtHome.to,
        DEMAND_STEPS.answer.to,
        DEMAND_STEPS.escalate.to,
        ChannelRecordKind.DEMAND,
        DEMAND_STEPS.resolveAtHome.to,
        DEMAND_STEPS.escalate.to,
        DEMAND_STEPS.answer.to,
        ...(window.period ? [window.period.from] : []),
        // Speeches and special reports once named their channel by type name.
        DemandChannel.SPEECH,
        DemandChannel.SPECIAL_REPORT,
        DemandChannel.NONE,
      ],
    },
    dimensions: DIMENSIONS,
    figures: `count(*)::int as count,
              (count(*) filter (where f.status in (?)))::int as open,
              (count(*) filter (where f.resolved_at_home))::int as resolved_at_home,
              (count(*) filter (where f.escalated))::int as escalated,
              (count(*) filter (where f.is_petition))::int as petitions,
              round((avg(extract(epoch from f.settled_at - f.received_at))
                     filter (where f.settled_at is not null) / 86400)::numeric, 1)::float8
                as average_days`,
    figureParams: [OPEN_STATES],
    groupBy: args.groupBy,
    first,
  });
  return runReport(em, statement, (row: Row) => ({
    ...placesOf(row),
    category: row.category ?? null,
    status: row.status ?? null,
    channel: row.channel ?? null,
    year: row.year ?? null,
    quarter: row.quarter ?? null,
    count: row.count,
    open: row.open,
    resolvedAtHome: row.resolved_at_home,
    escalated: row.escalated,
    petitions: row.petitions,
    averageDaysToResolve: row.average_days,
  }));
}
