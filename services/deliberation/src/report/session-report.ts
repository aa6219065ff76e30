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
  rate,
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
import { ATTENDANCE_POLICY, AttendanceStatus } from '../attendance/attendance.entity';
import { Home } from '../home/home.entity';
import { SESSION_POLICY, SessionKind, SessionStatus } from '../session/session.entity';
import { CROSSES_COUNTIES } from '../session/session.stats';
import { DivisionReference } from '../shared/references';

/** What a session report can group by. */
export const SessionDimension = describedEnum(
  'SessionDimension',
  'A dimension a session report groups by.',
  {
    COUNTY: 'The county-level unit of the home (the row’s `county`).',
    TOWNSHIP:
      'The township (镇/乡/街道) of the home (the row’s `township`); null for a home above township level.',
    HOME: 'The home (the row’s `home`).',
    KIND: 'The form of the session (the row’s `kind`).',
    QUARTER: 'The year and quarter it was held (or scheduled, when not held), China Standard Time.',
    YEAR: 'The year it was held (or scheduled), China Standard Time.',
    STATUS: 'Where it stands: PLANNED, HELD, CANCELLED.',
  },
);
export type SessionDimension = EnumValue<typeof SessionDimension>;

const DIMENSIONS: DimensionColumns<SessionDimension> = {
  COUNTY: ['county_code'],
  TOWNSHIP: ['township_code'],
  HOME: ['home_id'],
  KIND: ['kind'],
  QUARTER: ['year', 'quarter'],
  YEAR: ['year'],
  STATUS: ['status'],
};

@InputType({
  description:
    'Which sessions a report counts; every part optional. The period is when a session was held, or, not held, when it was scheduled: a `year` (and `quarter`), or days `from` … `to` (both included, China Standard Time).',
})
export class SessionReportFilter extends PeriodFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Only sessions of homes in this division and below.',
  })
  divisionCode?: string | null;

  @Field(() => [SessionKind], { nullable: true, description: 'Only sessions of these forms.' })
  kind?: SessionKind[] | null;

  @Field(() => [SessionStatus], {
    nullable: true,
    description: 'Only sessions in these statuses.',
  })
  status?: SessionStatus[] | null;
}

@CacheAsParent()
@ObjectType({
  description:
    'One group of sessions: the values of the dimensions grouped by (null for those not grouped by) and its figures.',
})
export class SessionReportRow extends PlaceAndPeriodRow(
  DivisionReference,
  'held (or scheduled, if not held)',
) {
  @Field(() => Home, { nullable: true, description: 'HOME: the home.' })
  home: Home | null;

  @Field(() => SessionKind, { nullable: true, description: 'KIND: the form of the sessions.' })
  kind: SessionKind | null;

  @Field(() => SessionStatus, { nullable: true, description: 'STATUS: where they stand.' })
  status: SessionStatus | null;

  @Field(() => Int, { description: 'Sessions, whatever their state.' })
  sessions: number;

  @Field(() => Int, { description: 'Of those, held.' })
  held: number;

  @Field(() => Int, { description: 'Of those, cancelled.' })
  cancelled: number;

  @Field(() => Int, {
    description:
      'Held sessions on a matter that crosses county lines (a city special committee coordinates them), as `sessionStats` counts them.',
  })
  crossCounty: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Of held sessions with an attendance list, the average number present, to one decimal.',
  })
  averageAttendance: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Of everyone invited to held sessions, the share present, to three decimals; null when nobody was invited.',
  })
  attendanceRate: number | null;

  @Field(() => Int, { description: 'Held sessions whose minutes are published.' })
  minutesPublished: number;
}

export const SessionReport = reportPageType(
  'SessionReport',
  SessionReportRow,
  'A session report: its groups, at most `first` of them.',
);
export type SessionReport = InstanceType<typeof SessionReport>;

interface Row {
  county_code?: string | null;
  township_code?: string | null;
  home_id?: string | null;
  kind?: SessionKind | null;
  year?: number | null;
  quarter?: number | null;
  status?: SessionStatus | null;
  sessions: number;
  held: number;
  cancelled: number;
  cross_county: number;
  average_attendance: number | null;
  present: number;
  invited: number;
  minutes_published: number;
  total_groups: number;
}

export interface SessionReportArgs {
  groupBy: SessionDimension[];
  filter?: SessionReportFilter | null;
  first?: number | null;
}

/**
 * Sessions grouped by the chosen dimensions, in one statement within the caller's jurisdiction
 * (a county its own homes' sessions, the city all), with their attendance counted per session
 * in the same statement.
 */
export async function sessionReport(
  em: EntityManager,
  caller: Caller,
  args: SessionReportArgs,
): Promise<SessionReport> {
  const first = reportRows(args.first);
  const filter = args.filter ?? {};
  const scope = scopeSql(caller, SESSION_POLICY, 's');
  const attendanceScope = scopeSql(caller, ATTENDANCE_POLICY, 'a');
  const when = 'coalesce(s.held_at, s.scheduled_at)';
  const window = reportWindowSql(filter, when, 's.division_code');
  const conditions = conditionsSql([
    ['s.kind in (?)', filter.kind],
    ['s.status in (?)', filter.status],
  ]);
  const statement = reportSql({
    facts: {
      sql: `with sessions as (
              select s.id, s.home_id, s.division_code, s.kind, s.status, s.published_at,
                     ${when} as happened_at, ${CROSSES_COUNTIES('s')} as cross_county
              from session s
              where true ${window.sql} ${conditions.sql} ${scope.sql}
            ),
            attendance_counts as (
              select a.session_id, count(*)::int as invited,
                     (count(*) filter (where a.status = ?))::int as present
              from attendance a
              where a.session_id in (select id from sessions where status = ?) ${attendanceScope.sql}
              group by a.session_id
            )
            select ${countyCodeSql('s.division_code')} as county_code,
                   ${townshipCodeSql('s.division_code')} as township_code,
                   s.home_id, s.kind, s.status,
                   ${cityYearSql('s.happened_at')} as year,
                   ${cityQuarterSql('s.happened_at')} as quarter,
                   s.cross_county, s.published_at, c.invited, c.present
            from sessions s left join attendance_counts c on c.session_id = s.id`,
      params: [
        ...window.params,
        ...conditions.params,
        ...scope.params,
        AttendanceStatus.PRESENT,
        SessionStatus.HELD,
        ...attendanceScope.params,
      ],
    },
    dimensions: DIMENSIONS,
    figures: `count(*)::int as sessions,
              (count(*) filter (where f.status = ?))::int as held,
              (count(*) filter (where f.status = ?))::int as cancelled,
              (count(*) filter (where f.status = ? and f.cross_county))::int as cross_county,
              round(avg(f.present) filter (where f.status = ? and f.invited > 0), 1)::float8
                as average_attendance,
              coalesce(sum(f.present) filter (where f.status = ?), 0)::int as present,
              coalesce(sum(f.invited) filter (where f.status = ?), 0)::int as invited,
              (count(*) filter (where f.status = ? and f.published_at is not null))::int
                as minutes_published`,
    figureParams: [
      SessionStatus.HELD,
      SessionStatus.CANCELLED,
      SessionStatus.HELD,
      SessionStatus.HELD,
      SessionStatus.HELD,
      SessionStatus.HELD,
      SessionStatus.HELD,
    ],
    groupBy: args.groupBy,
    first,
  });
  return runReport(em, statement, (row: Row) => ({
    ...placesOf(row),
    home: row.home_id ? Object.assign(new Home(), { id: row.home_id }) : null,
    kind: row.kind ?? null,
    year: row.year ?? null,
    quarter: row.quarter ?? null,
    status: row.status ?? null,
    sessions: row.sessions,
    held: row.held,
    cancelled: row.cancelled,
    crossCounty: row.cross_county,
    averageAttendance: row.average_attendance,
    attendanceRate: rate(row.present, row.invited),
    minutesPublished: row.minutes_published,
  }));
}
