import { Field, ID, InputType } from 'type-graphql';
import { AttendanceRole, AttendanceStatus, AttendeeKind } from './attendance.entity';

@InputType()
export class AttendanceInput {
  @Field(() => AttendeeKind)
  attendeeKind: AttendeeKind;

  @Field(() => ID, { description: 'The member, participant or department.' })
  attendeeId: string;

  @Field(() => AttendanceRole)
  role: AttendanceRole;

  @Field(() => AttendanceStatus)
  status: AttendanceStatus;
}
