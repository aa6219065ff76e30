import { Arg, Args, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { OnSurfaces, PageArgs, requireIntBetween, toPage } from '@cppcc/toolkit';
import type { Context } from '../context';
import { AttendanceRecord } from '../attendance/attendance.record';
import { DepartmentReference, MemberReference } from '../shared/references';
import { SessionConnection } from './session.resolver';

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
    @Arg('year', () => Int) year: number,
    @Ctx() { loaders }: Context,
  ) {
    requireIntBetween(year, 'year', 2000, 2100);
    return loaders.session.attendanceOfMember.load({ memberId: member.id, year });
  }
}
