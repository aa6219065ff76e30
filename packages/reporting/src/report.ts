import { BadUserInputError, REPORT_DEFAULT_ROWS, REPORT_MAX_ROWS } from '@cppcc/contract';
import { periodOf, type Period, type PeriodArgs } from './period';

/**
 * Analysts' reports: figures over a subgraph's facts, grouped by dimensions the analyst chooses.
 * Each report is one set-based statement: the subgraph writes the facts (one row per record, in
 * the caller's scope, with a column per dimension value) and the figures (aggregates over them);
 * `reportSql` groups the facts by the chosen dimensions' columns, taken from the report's fixed
 * map, so nothing the client sends is ever spliced into SQL (values are bound).
 */

/** A report's dimensions: each chosen dimension's columns of the facts (fixed in code). */
export type DimensionColumns<Dimension extends string> = Record<Dimension, readonly string[]>;

export interface ReportSpec<Dimension extends string> {
  /** A `select … from … where …` giving one row per record, with every column the map names. */
  facts: { sql: string; params: unknown[] };
  /** Dimension → the facts' columns it groups by (QUARTER is year and quarter). */
  dimensions: DimensionColumns<Dimension>;
  /** Aggregates over the facts (alias `f`), each `… as name`. */
  figures: string;
  /** Params of the figures' expressions, bound after the facts'. */
  figureParams?: unknown[];
  groupBy: readonly Dimension[];
  first: number;
}

/** The rows asked for: `first` (at most REPORT_MAX_ROWS), or the default. */
export function reportRows(first: number | null | undefined): number {
  if (first == null) return REPORT_DEFAULT_ROWS;
  if (!Number.isInteger(first) || first < 1 || first > REPORT_MAX_ROWS) {
    throw new BadUserInputError(
      `A report returns 1 to ${REPORT_MAX_ROWS} groups; narrow the filter or group by less.`,
      'first',
    );
  }
  return first;
}

/**
 * The statement of a report: the facts grouped by the chosen dimensions' columns, ordered by
 * them in the order chosen (so a time dimension gives each group's series in time order), with
 * the number of groups (a window over the groups, in the same statement) and at most `first`
 * rows. No dimension: one row of totals.
 */
export function reportSql<Dimension extends string>(
  spec: ReportSpec<Dimension>,
): { sql: string; params: unknown[] } {
  const columns: string[] = [];
  for (const dimension of spec.groupBy) {
    const dimensionColumns = spec.dimensions[dimension];
    if (!dimensionColumns)
      throw new BadUserInputError('Not a dimension of this report.', 'groupBy');
    for (const column of dimensionColumns) {
      if (!columns.includes(column)) columns.push(column);
    }
  }
  const selected = columns.map((column) => `f.${column}`);
  const sql = `with facts as (${spec.facts.sql})
    select ${[...selected, spec.figures].join(', ')}, (count(*) over ())::int as total_groups
    from facts f
    ${selected.length ? `group by ${selected.join(', ')}` : ''}
    ${selected.length ? `order by ${selected.map((column) => `${column} nulls last`).join(', ')}` : ''}
    limit ?`;
  return { sql, params: [...spec.facts.params, ...(spec.figureParams ?? []), spec.first] };
}

/** The year of an instant in the city's time (China Standard Time), as SQL over a column. */
export const cityYearSql = (column: string) =>
  `extract(year from (${column} at time zone 'Asia/Shanghai'))::int`;
/** The quarter (1–4) of an instant in the city's time, as SQL over a column. */
export const cityQuarterSql = (column: string) =>
  `extract(quarter from (${column} at time zone 'Asia/Shanghai'))::int`;

/** A county's code (6 digits) from a division code, null above county level. */
export const countyCodeSql = (column: string) =>
  `case when length(${column}) >= 6 then left(${column}, 6) end`;
/** A township's code (9 digits) from a division code, null above township level. */
export const townshipCodeSql = (column: string) =>
  `case when length(${column}) >= 9 then left(${column}, 9) end`;

const DIVISION_CODE = /^\d{4}(\d{2}(\d{3}(\d{3})?)?)?$/;

/** The optional period and division of a report's filter, as SQL over an instant and a code. */
export function reportWindowSql(
  filter: (PeriodArgs & { divisionCode?: string | null }) | null | undefined,
  instant: string,
  divisionCode: string,
): { sql: string; params: unknown[]; period: Period | null } {
  const parts: string[] = [];
  const params: unknown[] = [];
  let period: Period | null = null;
  if (filter && (filter.year != null || filter.from != null || filter.to != null)) {
    period = periodOf(filter, { allowQuarter: true });
    parts.push(`${instant} >= ? and ${instant} < ?`);
    params.push(period.from, period.to);
  } else if (filter?.quarter != null) {
    throw new BadUserInputError('A quarter goes with a year.', 'filter.quarter');
  }
  if (filter?.divisionCode != null) {
    if (!DIVISION_CODE.test(filter.divisionCode)) {
      throw new BadUserInputError('Not a division code.', 'filter.divisionCode');
    }
    parts.push(`${divisionCode} like ?`);
    params.push(`${filter.divisionCode}%`);
  }
  return { sql: parts.map((part) => ` and ${part}`).join(''), params, period };
}

/** A rate to three decimals, null when nothing was counted. */
export function rate(part: number, whole: number): number | null {
  return whole ? Math.round((part / whole) * 1000) / 1000 : null;
}
