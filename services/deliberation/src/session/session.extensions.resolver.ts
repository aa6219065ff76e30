import { Arg, Args, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { OnSurfaces, PageArgs, requireYear, toPage } from '@cppcc/toolkit';
import { divisionFiguresResolver } from '@cppcc/reporting';
import type { Context } from '../context';
import { AttendanceRecord } from '../attendance/attendance.record';
import { DepartmentReference, DivisionReference, MemberReference } from '../shared/references';
import { SessionConnection } from './session.resolver';
import { SessionStats } from './session.stats';

@Resolver(() => DepartmentReference)
export class DepartmentSessionsResolver {
  @OnSurfaces('city', 'county', 'department')
  @FieldResolver(() => SessionConnection, {
    nullable: true,
    description: 'The sessions the department is invited to, latest first.',
  })
  sessions(
    @Root() department: DepartmentReference,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() { loaders }: Context,
  ) {
    return loaders.session.ofDepartment.load({ key: department.id, page: toPage(args) });
  }
}

@Resolver(() => MemberReference)
export class MemberAttendanceResolver {
  @OnSurfaces('city', 'county', 'home')
  @FieldResolver(() => AttendanceRecord, {
    nullable: true,
    description: "The member's attendance at held sessions in a year (absence rate included).",
  })
  attendance(
    @Root() member: MemberReference,
    @Arg('year', () => Int, { description: 'The calendar year, e.g. 2026 (China Standard Time).' })
    year: number,
    @Ctx() { loaders }: Context,
  ) {
    requireYear(year, 'year');
    return loaders.session.attendanceOfMember.load({ memberId: member.id, year });
  }
}

/** Deliberation's part of the cross-county view: the consultation activity of a division's homes. */
export const DivisionSessionStatsResolver = divisionFiguresResolver({
  resolverName: 'DivisionSessionStatsResolver',
  division: DivisionReference,
  stats: SessionStats,
  field: 'sessionStats',
  description:
    'The consultation activity of its homes over a quarter (`year`, `quarter`), a year, or a range of days (`from`, `to`; days in China Standard Time), within your jurisdiction; cadence compliance for a quarter only.',
  allowQuarter: true,
  load: ({ loaders }: Context, period, code) => loaders.sessionStats.ofDivision(period).load(code),
});
