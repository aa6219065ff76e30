import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { OnSurfaces, deprecatedArg, inputOrDeprecatedArgs, withInputPaths } from '@cppcc/toolkit';
import type { Context } from '../context';
import { Session } from '../session/session.entity';
import { DepartmentReference, MemberReference, ParticipantReference } from '../shared/references';
import { Attendance, AttendeeKind } from './attendance.entity';
import { AttendanceInput, RecordAttendanceInput } from './attendance.inputs';
import { recordAttendance } from './attendance.service';

@Resolver(() => Attendance)
export class AttendanceResolver {
  @FieldResolver(() => MemberReference, {
    nullable: true,
    description: 'The member, when `attendeeKind` is MEMBER.',
  })
  member(@Root() row: Attendance): MemberReference | null {
    return row.attendeeKind === AttendeeKind.MEMBER ? { id: row.attendeeId } : null;
  }

  @FieldResolver(() => ParticipantReference, {
    nullable: true,
    description: 'The participant, when `attendeeKind` is PARTICIPANT.',
  })
  participant(@Root() row: Attendance): ParticipantReference | null {
    return row.attendeeKind === AttendeeKind.PARTICIPANT ? { id: row.attendeeId } : null;
  }

  @FieldResolver(() => DepartmentReference, {
    nullable: true,
    description: 'The department, when `attendeeKind` is DEPARTMENT.',
  })
  department(@Root() row: Attendance): DepartmentReference | null {
    return row.attendeeKind === AttendeeKind.DEPARTMENT ? { id: row.attendeeId } : null;
  }

  @OnSurfaces('city', 'county', 'home')
  @Mutation(() => Session, {
    description:
      'Records invitations, and after the session who came, in bulk (a row per attendee, updated in place).',
  })
  recordAttendance(
    @Arg('input', () => RecordAttendanceInput, {
      nullable: true,
      description: 'The session and the rows. Required, unless the deprecated arguments are given.',
    })
    input: RecordAttendanceInput | null,
    @Arg('sessionId', () => ID, deprecatedArg('recordAttendance', 'sessionId'))
    sessionId: string | null,
    @Arg('entries', () => [AttendanceInput], deprecatedArg('recordAttendance', 'entries'))
    entries: AttendanceInput[] | null,
    @Arg('expectedVersion', () => Int, deprecatedArg('recordAttendance', 'expectedVersion'))
    expectedVersion: number | null,
    @Ctx() { em, caller }: Context,
  ) {
    const given = inputOrDeprecatedArgs(input, { sessionId, entries, expectedVersion }, [
      'sessionId',
      'entries',
    ]);
    return withInputPaths(input != null, () =>
      recordAttendance(em, caller, given.sessionId!, given.entries!, given.expectedVersion ?? null),
    );
  }
}
