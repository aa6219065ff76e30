import { Entity, Filter, PrimaryKey, Property } from '@mikro-orm/postgresql';
import { jurisdictionFilter, type RecordPolicy } from '@cppcc/toolkit';
import { randomUUID } from 'node:crypto';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum AttendeeKind {
  MEMBER = 'MEMBER',
  PARTICIPANT = 'PARTICIPANT',
  DEPARTMENT = 'DEPARTMENT',
}
registerEnumType(AttendeeKind, { name: 'AttendeeKind' });

/** What someone does at the table. */
export enum AttendanceRole {
  CHAIR = 'CHAIR',
  MEMBER = 'MEMBER',
  RESIDENT_REPRESENTATIVE = 'RESIDENT_REPRESENTATIVE',
  PARTY_MEMBER_REPRESENTATIVE = 'PARTY_MEMBER_REPRESENTATIVE',
  RETIRED_CADRE = 'RETIRED_CADRE',
  PERSON_WITH_DEMAND = 'PERSON_WITH_DEMAND',
  EXPERT = 'EXPERT',
  LAWYER = 'LAWYER',
  DEPARTMENT = 'DEPARTMENT',
  OTHER = 'OTHER',
}
registerEnumType(AttendanceRole, { name: 'AttendanceRole' });

export enum AttendanceStatus {
  INVITED = 'INVITED',
  PRESENT = 'PRESENT',
  ABSENT = 'ABSENT',
  EXCUSED = 'EXCUSED',
}
registerEnumType(AttendanceStatus, { name: 'AttendanceStatus' });

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
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  sessionId: string;

  @Property({ type: 'uuid' })
  homeId: string;

  @Property({ type: 'string', length: 12 })
  divisionCode: string;

  @Field(() => AttendeeKind)
  @Property({ type: 'text' })
  attendeeKind: AttendeeKind;

  @Property({ type: 'uuid' })
  attendeeId: string;

  @Field(() => AttendanceRole)
  @Property({ type: 'text' })
  role: AttendanceRole;

  @Field(() => AttendanceStatus)
  @Property({ type: 'text' })
  status: AttendanceStatus;
}
