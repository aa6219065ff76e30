import type { EntityManager } from '@mikro-orm/postgresql';
import {
  CacheAsParent,
  FieldsOn,
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
  rate,
  reportRows,
  reportSql,
  reportWindowSql,
  type DimensionColumns,
  PeriodFilter,
  reportPageType,
  runReport,
  PeriodRow,
} from '@cppcc/reporting';
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import {
  Evaluation,
  PROPOSAL_POLICY,
  ProposalKind,
  ProposalStatus,
  ReplyResultClass,
} from '../proposal/proposal.entity';
import { overdueCondition, overdueParams } from '../proposal/proposal.overdue';
import { DepartmentReference, DivisionReference } from '../shared/references';

/** What a proposal report can group by. */
export const ProposalDimension = describedEnum(
  'ProposalDimension',
  'A dimension a proposal report groups by.',
  {
    COUNTY: 'The county whose CPPCC it went to (null for the city CPPCC’s own).',
    YEAR: 'The year it was submitted (China Standard Time).',
    QUARTER: 'The year and quarter it was submitted (China Standard Time).',
    STATUS: 'Where it stands now.',
    DEPARTMENT: 'Its lead department (主办单位); null until assigned.',
    KIND: 'Who put it forward.',
    RESULT_CLASS: 'The result class of its reply (A–D); null until replied.',
    DUE_MONTH:
      'The month its reply is (or was) due, `YYYY-MM` (China Standard Time); null until assigned. With DEPARTMENT, the `overdue` figure is the overdue proposals by department and the month they fell due.',
  },
);
export type ProposalDimension = EnumValue<typeof ProposalDimension>;

/** Each dimension's columns of the facts: a fixed map, so no input reaches the SQL text. */
const DIMENSIONS: DimensionColumns<ProposalDimension> = {
  COUNTY: ['county_code'],
  YEAR: ['year'],
  QUARTER: ['year', 'quarter'],
  STATUS: ['status'],
  DEPARTMENT: ['department_id'],
  KIND: ['kind'],
  RESULT_CLASS: ['result_class'],
  DUE_MONTH: ['due_month'],
};

@InputType({
  description:
    'Which proposals a report counts; every part optional. The period is when they were submitted: a `year` (and `quarter`), or days `from` … `to` (both included, China Standard Time).',
})
export class ProposalReportFilter extends PeriodFilter {
  @Field(() => String, {
    nullable: true,
    description:
      'Only proposals to CPPCCs in this division: `3207` all (the city’s and every county’s), `320706` 海州区’s.',
  })
  divisionCode?: string | null;

  @Field(() => [ProposalStatus], {
    nullable: true,
    description: 'Only proposals in these statuses.',
  })
  status?: ProposalStatus[] | null;

  @Field(() => [ProposalKind], { nullable: true, description: 'Only proposals of these kinds.' })
  kind?: ProposalKind[] | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Only proposals this department handles (lead or co-handling).',
  })
  departmentId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only key proposals (重点提案), or none.' })
  isKey?: boolean | null;
}

/** One group of a proposal report: its dimension values and its figures. */
@CacheAsParent()
@FieldsOn('department', [
  'county',
  'dueMonth',
  'year',
  'quarter',
  'status',
  'department',
  'kind',
  'resultClass',
  'count',
  'registered',
  'keyProposals',
  'replied',
  'overdue',
  'averageDaysToReply',
  'evaluated',
  'satisfactionRate',
])
@ObjectType({
  description:
    'One group of proposals: the values of the dimensions grouped by (null for those not grouped by, or when the proposals have none, e.g. no department before assignment) and its figures.',
})
export class ProposalReportRow extends PeriodRow('submitted') {
  @Field(() => DivisionReference, {
    nullable: true,
    description: 'COUNTY: the county whose CPPCC the proposals went to; null for the city CPPCC’s.',
  })
  county: DivisionReference | null;

  @Field(() => ProposalStatus, { nullable: true, description: 'STATUS: where they stand.' })
  status: ProposalStatus | null;

  @Field(() => DepartmentReference, { nullable: true, description: 'DEPARTMENT: the lead one.' })
  department: DepartmentReference | null;

  @Field(() => ProposalKind, { nullable: true, description: 'KIND: who put them forward.' })
  kind: ProposalKind | null;

  @Field(() => ReplyResultClass, {
    nullable: true,
    description: 'RESULT_CLASS: the reply’s class.',
  })
  resultClass: ReplyResultClass | null;

  @Field(() => String, {
    nullable: true,
    description: 'DUE_MONTH: the month the reply is due, `YYYY-MM` (China Standard Time).',
  })
  dueMonth: string | null;

  @Field(() => Int, { description: 'Proposals submitted (drafts are not counted).' })
  count: number;

  @Field(() => Int, { description: 'Of those, registered (立案).' })
  registered: number;

  @Field(() => Int, { description: 'Of those, key proposals (重点提案).' })
  keyProposals: number;

  @Field(() => Int, { description: 'Of those, replied to by their lead department.' })
  replied: number;

  @Field(() => Int, {
    description:
      'Of those, overdue today: assigned, handling or rehandling past the due date (`Proposal.isOverdue`, the rule the `proposal.overdue` event follows).',
  })
  overdue: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Of those replied, the average days from assignment to the (latest) reply, to one decimal.',
  })
  averageDaysToReply: number | null;

  @Field(() => Int, { description: 'Of those, evaluated by their proposers.' })
  evaluated: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Of those evaluated, the share SATISFIED or BASICALLY_SATISFIED, to three decimals; null when none was.',
  })
  satisfactionRate: number | null;
}

export const ProposalReport = reportPageType(
  'ProposalReport',
  ProposalReportRow,
  'A proposal report: its groups, at most `first` of them.',
  { alsoOn: 'department' },
);
export type ProposalReport = InstanceType<typeof ProposalReport>;

interface Row {
  county_code?: string | null;
  year?: number | null;
  quarter?: number | null;
  status?: ProposalStatus | null;
  department_id?: string | null;
  kind?: ProposalKind | null;
  result_class?: ReplyResultClass | null;
  due_month?: string | null;
  count: number;
  registered: number;
  key_proposals: number;
  replied: number;
  overdue: number;
  average_days: number | null;
  evaluated: number;
  satisfied: number;
  total_groups: number;
}

export interface ProposalReportArgs {
  groupBy: ProposalDimension[];
  filter?: ProposalReportFilter | null;
  first?: number | null;
}

/**
 * Proposals submitted, grouped by the chosen dimensions, in one statement, within the caller's
 * jurisdiction: a county's CPPCC office its own CPPCC's proposals, the city all, a department the
 * proposals it handles (lead or co-handling) and nothing else.
 */
export async function proposalReport(
  em: EntityManager,
  caller: Caller,
  args: ProposalReportArgs,
): Promise<ProposalReport> {
  const first = reportRows(args.first);
  const filter = args.filter ?? {};
  const scope = scopeSql(caller, PROPOSAL_POLICY, 'r');
  const window = reportWindowSql(filter, 'r.submitted_at', 'r.division_code');
  const conditions = conditionsSql([
    ['r.status in (?)', filter.status],
    ['r.kind in (?)', filter.kind],
    ['?::uuid = any(r.department_ids)', filter.departmentId],
    ['r.is_key = ?', filter.isKey],
  ]);
  const statement = reportSql({
    facts: {
      sql: `select ${countyCodeSql('r.division_code')} as county_code,
                   ${cityYearSql('r.submitted_at')} as year,
                   ${cityQuarterSql('r.submitted_at')} as quarter,
                   r.status, r.lead_department_id as department_id, r.kind, r.result_class,
                   to_char(r.due_on, 'YYYY-MM') as due_month,
                   r.registered_at, r.is_key, r.assigned_on, r.replied_on, r.due_on, r.evaluation
            from proposal r
            where r.submitted_at is not null and r.status <> ?
              ${window.sql} ${conditions.sql} ${scope.sql}`,
      params: [ProposalStatus.DRAFT, ...window.params, ...conditions.params, ...scope.params],
    },
    dimensions: DIMENSIONS,
    figures: `count(*)::int as count,
              (count(*) filter (where f.registered_at is not null))::int as registered,
              (count(*) filter (where f.is_key))::int as key_proposals,
              (count(*) filter (where f.replied_on is not null))::int as replied,
              (count(*) filter (where ${overdueCondition('f')}))::int as overdue,
              round(avg(f.replied_on - f.assigned_on)
                    filter (where f.replied_on is not null and f.assigned_on is not null), 1)::float8
                as average_days,
              (count(*) filter (where f.evaluation is not null))::int as evaluated,
              (count(*) filter (where f.evaluation in (?)))::int as satisfied`,
    figureParams: [...overdueParams(), [Evaluation.SATISFIED, Evaluation.BASICALLY_SATISFIED]],
    groupBy: args.groupBy,
    first,
  });
  return runReport(em, statement, (row: Row) => ({
    county: row.county_code ? { code: row.county_code } : null,
    year: row.year ?? null,
    quarter: row.quarter ?? null,
    status: row.status ?? null,
    department: row.department_id ? { id: row.department_id } : null,
    kind: row.kind ?? null,
    resultClass: row.result_class ?? null,
    dueMonth: row.due_month ?? null,
    count: row.count,
    registered: row.registered,
    keyProposals: row.key_proposals,
    replied: row.replied,
    overdue: row.overdue,
    averageDaysToReply: row.average_days,
    evaluated: row.evaluated,
    satisfactionRate: rate(row.satisfied, row.evaluated),
  }));
}
