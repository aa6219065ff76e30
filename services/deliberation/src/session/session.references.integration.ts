// What a session and its records may name (requireReferences, docs/domain.md "What a record may
// name"): departments, members and participants of the session's county or of the city, known
// from the organization's feeds; of another county's, no more is said than of one that does not
// exist.
import { randomUUID } from 'node:crypto';
import type { GraphQLResponse } from '@cppcc/toolkit/testing';
import { SessionStatus } from './session.entity';
import {
  COMMITTEE,
  HAIZHOU_HOME,
  SCHEDULE,
  graph,
  seedDepartment,
  seedMember,
  seedParticipant,
  sessionIn,
  useSessionGraph,
} from '../testing/sessions';

useSessionGraph('session_references');

const at = {} as Record<
  | 'cityDepartment'
  | 'haizhouDepartment'
  | 'donghaiDepartment'
  | 'cityMember'
  | 'haizhouMember'
  | 'donghaiMember'
  | 'haizhouParticipant'
  | 'donghaiParticipant',
  string
>;

beforeAll(async () => {
  at.cityDepartment = await seedDepartment('CITY', '3207', '连云港市民政局');
  at.haizhouDepartment = await seedDepartment('COUNTY', '320706', '海州区民政局');
  // 东海县 (320722): another county of the city.
  at.donghaiDepartment = await seedDepartment('COUNTY', '320722', '东海县民政局');
  at.cityMember = await seedMember('3207');
  at.haizhouMember = await seedMember('320706');
  at.donghaiMember = await seedMember('320722');
  at.haizhouParticipant = await seedParticipant('320706001001');
  at.donghaiParticipant = await seedParticipant('320722100001');
});

const NOBODY = '00000000-0000-0000-0000-000000000000';

/** The one refusal: BAD_USER_INPUT on the field, the message given, the id never repeated. */
function expectRefused(
  response: GraphQLResponse<Record<string, unknown>>,
  field: string,
  message: string,
  id: string,
) {
  expect(response.data ?? null).toBeNull();
  expect(response.errors?.[0]).toMatchObject({
    message,
    extensions: { code: 'BAD_USER_INPUT', field },
  });
  expect(JSON.stringify(response.errors)).not.toContain(id);
}

const NO_MEMBER = 'There is no such member in this county or the city.';
const NO_DEPARTMENT = 'There is no such department in this county or the city.';
const NO_PARTICIPANT = 'There is no such participant in this county.';

const count = async (table: string) =>
  (await graph.orm.em.getConnection().execute(`select count(*)::int as n from ${table}`))[0].n;

describe('the departments a session invites', () => {
  const invite = (departmentIds: string[]) =>
    graph.send(SCHEDULE, {
      input: {
        homeId: HAIZHOU_HOME,
        title: '养老服务协商',
        kind: 'FORUM',
        scheduledAt: '2026-12-10T09:00:00+08:00',
        departmentIds,
        coordinatingCommitteeId: COMMITTEE,
      },
    });

  it("a county's session cannot invite another county's department, nor one that does not exist", async () => {
    const before = await count('session');
    expectRefused(
      await invite([at.haizhouDepartment, at.donghaiDepartment]),
      'input.departmentIds.1',
      NO_DEPARTMENT,
      at.donghaiDepartment,
    );
    expectRefused(await invite([NOBODY]), 'input.departmentIds.0', NO_DEPARTMENT, NOBODY);
    expect(await count('session')).toBe(before);
  });

  it("a county's session may invite its county's and the city's departments", async () => {
    const response = await invite([at.haizhouDepartment, at.cityDepartment]);
    expect(response.errors).toBeUndefined();
  });
});

describe("a session's attendance", () => {
  const ATTEND = `mutation($input: RecordAttendanceInput) { recordAttendance(input: $input) { attendanceCounts { invited } } }`;
  const entry = (attendeeKind: string, attendeeId: string) => ({
    attendeeKind,
    attendeeId,
    role: attendeeKind === 'DEPARTMENT' ? 'DEPARTMENT' : 'MEMBER',
    status: 'INVITED',
  });
  const attend = (sessionId: string, entries: unknown[]) =>
    graph.send(ATTEND, { input: { sessionId, entries } });

  it('cannot name a member of another county or one that does not exist, and writes nothing', async () => {
    const session = await sessionIn(SessionStatus.PLANNED);
    for (const stranger of [at.donghaiMember, NOBODY, randomUUID()]) {
      expectRefused(
        await attend(session.id, [entry('MEMBER', at.haizhouMember), entry('MEMBER', stranger)]),
        'input.entries.1.attendeeId',
        NO_MEMBER,
        stranger,
      );
    }
    expect(await count('attendance')).toBe(0);
  });

  it('cannot name a participant or a department of another county', async () => {
    const session = await sessionIn(SessionStatus.PLANNED);
    expectRefused(
      await attend(session.id, [entry('PARTICIPANT', at.donghaiParticipant)]),
      'input.entries.0.attendeeId',
      NO_PARTICIPANT,
      at.donghaiParticipant,
    );
    expectRefused(
      await attend(session.id, [
        entry('MEMBER', at.cityMember),
        entry('PARTICIPANT', at.haizhouParticipant),
        entry('DEPARTMENT', at.donghaiDepartment),
      ]),
      'input.entries.2.attendeeId',
      NO_DEPARTMENT,
      at.donghaiDepartment,
    );
    expect(await count('attendance')).toBe(0);
  });

  it('names each attendee as its kind says: a member is no participant', async () => {
    const session = await sessionIn(SessionStatus.PLANNED);
    expectRefused(
      await attend(session.id, [entry('PARTICIPANT', at.haizhouMember)]),
      'input.entries.0.attendeeId',
      NO_PARTICIPANT,
      at.haizhouMember,
    );
  });

  it("may name the county's members, participants and departments and the city's members and departments", async () => {
    const session = await sessionIn(SessionStatus.PLANNED);
    const response = await attend(session.id, [
      entry('MEMBER', at.haizhouMember),
      entry('MEMBER', at.cityMember),
      entry('PARTICIPANT', at.haizhouParticipant),
      entry('DEPARTMENT', at.haizhouDepartment),
      entry('DEPARTMENT', at.cityDepartment),
    ]);
    expect(response.errors).toBeUndefined();
    expect(response.data!.recordAttendance).toEqual({ attendanceCounts: { invited: 5 } });
  });
});

describe('the owners of the follow-up actions in the minutes', () => {
  const DRAFT = `mutation($input: DraftMinutesInput!) { draftMinutes(input: $input) { id actions { ownerKind } } }`;
  const EDIT = `mutation($input: EditMinutesInput!) { editMinutes(input: $input) { id } }`;
  const action = (ownerKind: string, ownerId: string) => ({
    description: '跟进落实',
    ownerKind,
    ownerId,
    dueOn: '2027-01-15',
  });
  const draft = (sessionId: string, actions: unknown[]) =>
    graph.send(DRAFT, {
      input: { sessionId, summary: '纪要。', consensus: [], disagreements: [], actions },
    });

  it("cannot be another county's department or member, nor one that does not exist", async () => {
    const session = await sessionIn(SessionStatus.HELD);
    expectRefused(
      await draft(session.id, [
        action('DEPARTMENT', at.cityDepartment),
        action('DEPARTMENT', at.donghaiDepartment),
      ]),
      'input.actions.1.ownerId',
      NO_DEPARTMENT,
      at.donghaiDepartment,
    );
    expectRefused(
      await draft(session.id, [action('MEMBER', at.donghaiMember)]),
      'input.actions.0.ownerId',
      NO_MEMBER,
      at.donghaiMember,
    );
    expectRefused(
      await draft(session.id, [action('MEMBER', NOBODY)]),
      'input.actions.0.ownerId',
      NO_MEMBER,
      NOBODY,
    );
    expect(await count('minutes')).toBe(0);
  });

  it("may be the county's or the city's, in the draft and in an edit", async () => {
    const session = await sessionIn(SessionStatus.HELD);
    const drafted = await draft(session.id, [
      action('DEPARTMENT', at.haizhouDepartment),
      action('MEMBER', at.cityMember),
    ]);
    expect(drafted.errors).toBeUndefined();
    const minutesId = (drafted.data!.draftMinutes as { id: string }).id;
    const edit = (actions: unknown[]) =>
      graph.send(EDIT, { input: { minutesId, expectedVersion: 1, actions } });
    expectRefused(
      await edit([action('MEMBER', at.donghaiMember)]),
      'input.actions.0.ownerId',
      NO_MEMBER,
      at.donghaiMember,
    );
    expect((await edit([action('DEPARTMENT', at.cityDepartment)])).errors).toBeUndefined();
  });
});
