import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { OnSurfaces } from '@cppcc/toolkit';
import type { Context } from '../context';
import { Session } from '../session/session.entity';
import { DepartmentReference, MemberReference, ParticipantReference } from '../shared/references';
import { Attendance, AttendeeKind } from './attendance.entity';
import { AttendanceInput } from './attendance.inputs';
import { recordAttendance } from './attendance.service';

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
