import { Entity, Filter, PrimaryKey, Property } from '@mikro-orm/postgresql';
import {
  jurisdictionFilter,
  type RecordPolicy,
  describedEnum,
  type EnumValue,
} from '@cppcc/toolkit';
import { randomUUID } from 'node:crypto';
import { Field, ID, ObjectType } from 'type-graphql';

export const AttendeeKind = describedEnum('AttendeeKind', 'Who an attendee is.', {
  MEMBER: 'A CPPCC member (委员).',
  PARTICIPANT: 'A participant: resident, expert, lawyer … (参加协商的人员).',
  DEPARTMENT: 'A department (承办单位), through its staff.',
});
export type AttendeeKind = EnumValue<typeof AttendeeKind>;

/** What someone does at the table. */
export const AttendanceRole = describedEnum('AttendanceRole', 'What someone does at the table.', {
  CHAIR: 'Chairs the session (主持人).',
  MEMBER: 'A CPPCC member taking part (委员).',
  RESIDENT_REPRESENTATIVE: '村民代表 or 居民代表: speaks for residents.',
  PARTY_MEMBER_REPRESENTATIVE: '党员代表: a party members’ representative.',
  RETIRED_CADRE: '离退休老同志: a retired cadre.',
  PERSON_WITH_DEMAND: '有诉求的群众: a resident who brought the matter.',
  EXPERT: '专家学者: an expert or scholar.',
  LAWYER: '法律方面专业人员: a lawyer or other legal professional.',
  DEPARTMENT: 'Speaks for a department (部门代表).',
  OTHER: 'Any other part.',
});
export type AttendanceRole = EnumValue<typeof AttendanceRole>;

export const AttendanceStatus = describedEnum('AttendanceStatus', 'Whether someone invited came.', {
  INVITED: 'Invited; not yet recorded as present or not.',
  PRESENT: 'Came.',
  ABSENT: 'Did not come, without excuse.',
  EXCUSED: 'Did not come, excused (请假).',
});
export type AttendanceStatus = EnumValue<typeof AttendanceStatus>;

/** Lies under its session's home; not public. */
export const ATTENDANCE_POLICY: RecordPolicy = {
  public: false,
  homeProperty: 'homeId',
  homeColumn: 'home_id',
};

/** Someone invited to a session, and whether they came. */
@ObjectType({ description: 'Someone invited to a session, and whether they came.' })
@Filter(jurisdictionFilter(ATTENDANCE_POLICY))
@Entity({ tableName: 'attendance' })
export class Attendance {
  @Field(() => ID, { description: 'The UUID of the attendance row.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  sessionId: string;

  @Property({ type: 'uuid' })
  homeId: string;

  @Property({ type: 'string', length: 12 })
  divisionCode: string;

  @Field(() => AttendeeKind, {
    description: 'MEMBER, PARTICIPANT or DEPARTMENT: which of the fields below is set.',
  })
  @Property({ type: 'text' })
  attendeeKind: AttendeeKind;

  @Property({ type: 'uuid' })
  attendeeId: string;

  @Field(() => AttendanceRole, { description: 'What they do at the table.' })
  @Property({ type: 'text' })
  role: AttendanceRole;

  @Field(() => AttendanceStatus, { description: 'Whether they came.' })
  @Property({ type: 'text' })
  status: AttendanceStatus;
}
