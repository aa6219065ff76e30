import {
  CacheAsParent,
  FieldsOn,
  executeIn,
  type CodeReference,
  type OutsideSurface,
} from '@cppcc/toolkit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Field, Int, ObjectType } from 'type-graphql';

/** A report's answer: its groups (at most `first`), the groups in all, and whether some were left out. */
export interface ReportPage<Row> {
  rows: Row[];
  totalGroups: number;
  truncated: boolean;
}

/**
 * The GraphQL type of a report's answer (`rows`, `totalGroups`, `truncated`), one shape for every
 * report: `export const SessionReport = reportPageType('SessionReport', SessionReportRow, …)`.
 * On the staff surfaces; `alsoOn` offers the answer on `department` or `public` too (the row
 * type names its own fields there with `@FieldsOn`).
 */
export function reportPageType<Row extends object>(
  name: string,
  rowType: new () => Row,
  description: string,
  { alsoOn }: { alsoOn?: OutsideSurface | readonly OutsideSurface[] } = {},
): new () => ReportPage<Row> {
  @CacheAsParent()
  @ObjectType(name, { description })
  class Report implements ReportPage<Row> {
    @Field(() => [rowType], {
      description:
        'The groups, ordered by the dimensions in the order of `groupBy` (time in time order, so grouping by COUNTY then QUARTER gives each county’s quarterly series).',
    })
    rows: Row[];

    @Field(() => Int, { description: 'Groups in all, returned or not.' })
    totalGroups: number;

    @Field({ description: 'True when there are more groups than `first`: narrow the filter.' })
    truncated: boolean;
  }
  Object.defineProperty(Report, 'name', { value: name });
  if (alsoOn) FieldsOn(alsoOn, ['rows', 'totalGroups', 'truncated'])(Report);
  return Report;
}

/**
 * The base of a report row grouped by time: `year` (YEAR or QUARTER) and `quarter` (QUARTER) of
 * the instant the report groups by (`happened`: 'received', 'submitted'…), in China Standard Time;
 * null when the report is not grouped by them.
 */
export function PeriodRow(happened: string) {
  @ObjectType({ description: 'Not a type of the schema: the base of report rows.' })
  abstract class PeriodRowBase {
    @Field(() => Int, { nullable: true, description: `YEAR or QUARTER: the year ${happened}.` })
    year: number | null;

    @Field(() => Int, {
      nullable: true,
      description: `QUARTER: the quarter ${happened} (1–4).`,
    })
    quarter: number | null;
  }
  return PeriodRowBase;
}

/**
 * A `PeriodRow` also grouped by place: the county-level unit (COUNTY) and the township (TOWNSHIP)
 * as the subgraph's `Division` reference (`placesOf`), null when not grouped by them.
 */
export function PlaceAndPeriodRow<Division extends CodeReference>(
  division: Division,
  happened: string,
) {
  @ObjectType({ description: 'Not a type of the schema: the base of report rows.' })
  abstract class PlaceAndPeriodRowBase extends PeriodRow(happened) {
    @Field(() => division, { nullable: true, description: 'COUNTY: the county-level unit.' })
    county: InstanceType<Division> | null;

    @Field(() => division, { nullable: true, description: 'TOWNSHIP: the township.' })
    township: InstanceType<Division> | null;
  }
  return PlaceAndPeriodRowBase;
}

/** The columns every report's statement may return: the number of groups and the places. */
interface ReportColumns {
  total_groups: number;
  county_code?: string | null;
  township_code?: string | null;
}

/** The county and township of a row as Division references (null when not grouped by them). */
export function placesOf(row: ReportColumns): {
  county: { code: string } | null;
  township: { code: string } | null;
} {
  return {
    county: row.county_code ? { code: row.county_code } : null,
    township: row.township_code ? { code: row.township_code } : null,
  };
}

/** Runs a report's statement (`reportSql`) and shapes its rows into the report's answer. */
export async function runReport<Raw extends ReportColumns, Row>(
  em: EntityManager,
  statement: { sql: string; params: unknown[] },
  toRow: (raw: Raw) => Row,
): Promise<ReportPage<Row>> {
  const raw = await executeIn<Raw[]>(em, statement.sql, statement.params);
  const totalGroups = raw[0]?.total_groups ?? 0;
  return { totalGroups, truncated: totalGroups > raw.length, rows: raw.map(toRow) };
}
