import { ChangeInput } from '@cppcc/toolkit';
import { Field, ID, InputType } from 'type-graphql';
import { AttendanceRole, AttendanceStatus, AttendeeKind } from './attendance.entity';

@InputType({ description: 'One attendee of a session: who, in which role, whether they came.' })
export class AttendanceInput {
  @Field(() => AttendeeKind, { description: 'MEMBER, PARTICIPANT or DEPARTMENT.' })
  attendeeKind: AttendeeKind;

  @Field(() => ID, {
    description:
      "The member, participant or department, as `attendeeKind` says: a member or department of the session's county or of the city, a participant living in its county (docs/domain.md, “What a record may name”).",
  })
  attendeeId: string;

  @Field(() => AttendanceRole, { description: 'What they do at the table.' })
  role: AttendanceRole;

  @Field(() => AttendanceStatus, {
    description: 'INVITED before the session; after it, whether they came.',
  })
  status: AttendanceStatus;
}

@InputType({ description: 'Invitations to a session, or who came, in bulk.' })
export class RecordAttendanceInput extends ChangeInput {
  @Field(() => ID, { nullable: true, description: 'The session. Required.' })
  sessionId?: string | null;

  @Field(() => [AttendanceInput], {
    nullable: true,
    description: 'A row per attendee; a row already there is updated in place. Required.',
  })
  entries?: AttendanceInput[] | null;
}
