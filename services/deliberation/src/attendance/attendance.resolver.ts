import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  ObjectType,
  Resolver,
  Root,
} from 'type-graphql';
import { OnSurfaces } from '@cppcc/toolkit';
import type { Context } from '../context';
import { Session } from '../session/session.entity';
import { DepartmentReference, MemberReference, ParticipantReference } from '../shared/references';
import { Attendance, AttendanceStatus, AttendeeKind } from './attendance.entity';
import { AttendanceInput } from './attendance.inputs';
import { recordAttendance } from './attendance.service';

/** How many were invited, came, stayed away or were excused. */
@ObjectType({ description: 'Attendance of a session in numbers.' })
export class AttendanceCounts {
  @Field(() => Int)
  invited: number;

  @Field(() => Int)
  present: number;

  @Field(() => Int)
  absent: number;

  @Field(() => Int)
  excused: number;
}

export function countAttendance(rows: Attendance[]): AttendanceCounts {
  const count = (status: AttendanceStatus) => rows.filter((row) => row.status === status).length;
  return {
    invited: rows.length,
    present: count(AttendanceStatus.PRESENT),
    absent: count(AttendanceStatus.ABSENT),
    excused: count(AttendanceStatus.EXCUSED),
  };
}

@Resolver(() => Attendance)
export class AttendanceResolver {
  @FieldResolver(() => MemberReference, { nullable: true })
  member(@Root() row: Attendance): MemberReference | null {
    return row.attendeeKind === AttendeeKind.MEMBER ? { id: row.attendeeId } : null;
  }

  @FieldResolver(() => ParticipantReference, { nullable: true })
  participant(@Root() row: Attendance): ParticipantReference | null {
    return row.attendeeKind === AttendeeKind.PARTICIPANT ? { id: row.attendeeId } : null;
  }

  @FieldResolver(() => DepartmentReference, { nullable: true })
  department(@Root() row: Attendance): DepartmentReference | null {
    return row.attendeeKind === AttendeeKind.DEPARTMENT ? { id: row.attendeeId } : null;
  }

  @OnSurfaces('city', 'county', 'home')
  @Mutation(() => Session, {
    description:
      'Records invitations, and after the session who came, in bulk (a row per attendee, updated in place).',
  })
  recordAttendance(
    @Arg('sessionId', () => ID) sessionId: string,
    @Arg('entries', () => [AttendanceInput]) entries: AttendanceInput[],
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
    @Ctx() { em, caller }: Context,
  ) {
    return recordAttendance(em, caller, sessionId, entries, expectedVersion);
  }
}
