/** Who came to a session: the home's members, people of its area and the departments invited. */
import {
  AttendanceRole,
  AttendanceStatus,
  AttendeeKind,
  SessionKind,
  SessionStatus,
} from '@cppcc/deliberation';
import { ParticipantKind, stableId } from '@cppcc/organization';
import type { Random } from '../random';
import type { Department, Plan } from './plan';
import type { AttendanceRow, DeliberationTables, SessionRow } from './rows';

/** The role a participant of each kind attends in. */
const PARTICIPANT_ROLES: Record<ParticipantKind, AttendanceRole> = {
  [ParticipantKind.VILLAGER_REPRESENTATIVE]: AttendanceRole.RESIDENT_REPRESENTATIVE,
  [ParticipantKind.RESIDENT_REPRESENTATIVE]: AttendanceRole.RESIDENT_REPRESENTATIVE,
  [ParticipantKind.RETIRED_CADRE]: AttendanceRole.RETIRED_CADRE,
  [ParticipantKind.PARTY_MEMBER_REPRESENTATIVE]: AttendanceRole.PARTY_MEMBER_REPRESENTATIVE,
  [ParticipantKind.PERSON_WITH_DEMAND]: AttendanceRole.PERSON_WITH_DEMAND,
  [ParticipantKind.EXPERT]: AttendanceRole.EXPERT,
  [ParticipantKind.LEGAL_PROFESSIONAL]: AttendanceRole.LAWYER,
};

/** The home's members (its leader in the chair), people of its area, and the departments. */
export function writeAttendance(
  tables: DeliberationTables,
  session: SessionRow,
  plan: Plan,
  departments: Department[],
  random: Random,
): { members: number; residents: number; experts: number; memberIds: string[] } {
  const held = plan.status === SessionStatus.HELD;
  const statusOf = (present: number, excused: number): AttendanceStatus => {
    if (!held) return AttendanceStatus.INVITED;
    const roll = random.next();
    return roll < present
      ? AttendanceStatus.PRESENT
      : roll < present + excused
        ? AttendanceStatus.EXCUSED
        : AttendanceStatus.ABSENT;
  };
  const rows: AttendanceRow[] = [];
  const add = (kind: AttendeeKind, id: string, role: AttendanceRole, status: AttendanceStatus) =>
    rows.push({
      id: stableId('demo-attendance', `${session.id}:${kind}:${id}`),
      session_id: session.id,
      home_id: session.home_id,
      division_code: session.division_code,
      attendee_kind: kind,
      attendee_id: id,
      role,
      status,
    });
  const tally = { members: 0, residents: 0, experts: 0, memberIds: [] as string[] };
  plan.home.members.forEach((member, index) => {
    // The leader chairs; a home without one has its first member in the chair.
    const chair = index === 0;
    const status = chair && held ? AttendanceStatus.PRESENT : statusOf(0.86, 0.09);
    add(
      AttendeeKind.MEMBER,
      member.id,
      chair ? AttendanceRole.CHAIR : AttendanceRole.MEMBER,
      status,
    );
    if (status === AttendanceStatus.PRESENT) {
      tally.members += 1;
      tally.memberIds.push(member.id);
    }
  });
  // A petition session seats the people with the demand and a lawyer first.
  const pool = plan.home.participants;
  const first =
    plan.kind === SessionKind.MULTI_PARTY
      ? pool.filter(
          (p) =>
            p.kind === ParticipantKind.PERSON_WITH_DEMAND ||
            p.kind === ParticipantKind.LEGAL_PROFESSIONAL,
        )
      : [];
  const chosen = [
    ...new Set([
      ...random.sample(first, 3),
      ...random.sample(pool, random.int(3, plan.kind === SessionKind.BRIEFING ? 10 : 7)),
    ]),
  ];
  for (const participant of chosen) {
    const status = statusOf(0.9, 0.04);
    add(AttendeeKind.PARTICIPANT, participant.id, PARTICIPANT_ROLES[participant.kind], status);
    if (status !== AttendanceStatus.PRESENT) continue;
    if (
      participant.kind === ParticipantKind.EXPERT ||
      participant.kind === ParticipantKind.LEGAL_PROFESSIONAL
    )
      tally.experts += 1;
    else tally.residents += 1;
  }
  for (const department of departments) {
    add(AttendeeKind.DEPARTMENT, department.id, AttendanceRole.DEPARTMENT, statusOf(0.93, 0.07));
  }
  tables.attendance.push(...rows);
  return tally;
}
