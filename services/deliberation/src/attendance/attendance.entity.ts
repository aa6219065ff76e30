import { Entity, Filter, PrimaryKey, Property } from '@mikro-orm/postgresql';
import { jurisdictionFilter, type RecordPolicy } from '@cppcc/toolkit';
import { randomUUID } from 'node:crypto';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum AttendeeKind {
  MEMBER = 'MEMBER',
  PARTICIPANT = 'PARTICIPANT',
  DEPARTMENT = 'DEPARTMENT',
}
registerEnumType(AttendeeKind, {
  name: 'AttendeeKind',
  description: 'Who an attendee is.',
  valuesConfig: {
    MEMBER: { description: 'A CPPCC member (委员).' },
    PARTICIPANT: { description: 'A participant: resident, expert, lawyer … (参加协商的人员).' },
    DEPARTMENT: { description: 'A department (承办单位), through its staff.' },
  },
});

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
registerEnumType(AttendanceRole, {
  name: 'AttendanceRole',
  description: 'What someone does at the table.',
  valuesConfig: {
    CHAIR: { description: 'Chairs the session (主持人).' },
    MEMBER: { description: 'A CPPCC member taking part (委员).' },
    RESIDENT_REPRESENTATIVE: { description: '村民代表 or 居民代表: speaks for residents.' },
    PARTY_MEMBER_REPRESENTATIVE: { description: '党员代表: a party members’ representative.' },
    RETIRED_CADRE: { description: '离退休老同志: a retired cadre.' },
    PERSON_WITH_DEMAND: { description: '有诉求的群众: a resident who brought the matter.' },
    EXPERT: { description: '专家学者: an expert or scholar.' },
    LAWYER: { description: '法律方面专业人员: a lawyer or other legal professional.' },
    DEPARTMENT: { description: 'Speaks for a department (部门代表).' },
    OTHER: { description: 'Any other part.' },
  },
});

export enum AttendanceStatus {
  INVITED = 'INVITED',
  PRESENT = 'PRESENT',
  ABSENT = 'ABSENT',
  EXCUSED = 'EXCUSED',
}
registerEnumType(AttendanceStatus, {
  name: 'AttendanceStatus',
  description: 'Whether someone invited came.',
  valuesConfig: {
    INVITED: { description: 'Invited; not yet recorded as present or not.' },
    PRESENT: { description: 'Came.' },
    ABSENT: { description: 'Did not come, without excuse.' },
    EXCUSED: { description: 'Did not come, excused (请假).' },
  },
});

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
