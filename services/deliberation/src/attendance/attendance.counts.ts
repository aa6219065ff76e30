import { Field, Int, ObjectType } from 'type-graphql';
import { AttendanceStatus, type Attendance } from './attendance.entity';

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
