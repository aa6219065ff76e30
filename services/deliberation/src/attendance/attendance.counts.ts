import { FieldsOn } from '@cppcc/toolkit';
import { Field, Int, ObjectType } from 'type-graphql';
import { AttendanceStatus, type Attendance } from './attendance.entity';

/** How many were invited, came, stayed away or were excused. */
@FieldsOn(['department', 'public'], ['invited', 'present', 'absent', 'excused'])
@ObjectType({ description: 'Attendance of a session in numbers.' })
export class AttendanceCounts {
  @Field(() => Int, { description: 'People invited, whatever came of it.' })
  invited: number;

  @Field(() => Int, { description: 'Of those, present.' })
  present: number;

  @Field(() => Int, { description: 'Of those, absent without excuse.' })
  absent: number;

  @Field(() => Int, { description: 'Of those, excused (请假).' })
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
