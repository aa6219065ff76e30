// A session's records around its steps: minutes, agenda, attendance, the list, and what
// deliberation adds to departments and members.
import { randomUUID } from 'node:crypto';
import { CITY_STAFF, countQueries } from '@cppcc/toolkit/testing';
import { SessionStatus } from './session.entity';
import {
  HAIZHOU_HOME,
  HELD,
  SCHEDULE,
  graph,
  schedule,
  seedDepartment,
  seedMember,
  sessionIn,
  useSessionGraph,
} from '../testing/sessions';

useSessionGraph('session_records');

describe('the minutes of a held session', () => {
  const DRAFT = `mutation($input: DraftMinutesInput!) { draftMinutes(input: $input) { id status version summary consensus actions { description ownerKind dueOn status } } }`;
  const EDIT = `mutation($input: EditMinutesInput!) { editMinutes(input: $input) { id status version summary } }`;
  const APPROVE = `mutation($input: MinutesStepInput!) { approveMinutes(input: $input) { id status version } }`;
  const PUBLISH = `mutation($input: MinutesStepInput!) { publishMinutes(input: $input) { id status version publishedAt } }`;
  let BUREAU: string;
  beforeAll(async () => {
    BUREAU = await seedDepartment('COUNTY', '320706', '海州区住房和城乡建设局');
  });
  const minutesInput = (sessionId: string) => ({
    sessionId,
    summary: '居民就加装电梯的费用分摊进行了协商。',
    consensus: ['按楼层分摊费用', '由社区牵头申请补贴'],
    disagreements: ['一楼住户是否出资'],
    actions: [
      {
        description: '向住建局提交补贴申请',
        ownerKind: 'DEPARTMENT',
        ownerId: BUREAU,
        dueOn: '2027-01-15',
      },
    ],
  });

  it('walk from draft to published; the public then sees the summary and consensus', async () => {
    const held = await sessionIn(SessionStatus.HELD);
    const drafted = (await graph.query(DRAFT, { input: minutesInput(held.id) })).draftMinutes;
    expect(drafted).toMatchObject({
      status: 'DRAFT',
      version: 1,
      actions: [{ ownerKind: 'DEPARTMENT', dueOn: '2027-01-15', status: 'OPEN' }],
    });

    const publicCaller = graph.as({
      subject: 'public',
      level: 'PUBLIC',
      division: '',
      roles: [],
      surface: 'public',
    });
    const PUBLIC_READ = `query($id: ID!) { session(id: $id) { id minutes { summary consensus } } }`;
    expect((await publicCaller.query(PUBLIC_READ, { id: held.id })).session).toBeNull();

    const edited = (
      await graph.query(EDIT, {
        input: {
          minutesId: drafted.id,
          expectedVersion: 1,
          summary: '居民就加装电梯费用分摊达成共识。',
        },
      })
    ).editMinutes;
    expect(edited).toMatchObject({ status: 'DRAFT', version: 2 });
    const stale = await graph.send(EDIT, {
      input: { minutesId: drafted.id, expectedVersion: 1, summary: '旧稿覆盖' },
    });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });

    const early = await graph.send(PUBLISH, { input: { minutesId: drafted.id } });
    expect(early.errors?.[0].extensions).toEqual({
      code: 'INVALID_TRANSITION',
      currentState: 'DRAFT',
    });
    const analyst = graph.as({ ...CITY_STAFF, subject: 'test:analyst', roles: ['ANALYST'] });
    expect(
      (await analyst.send(APPROVE, { input: { minutesId: drafted.id } })).errors?.[0].extensions
        ?.code,
    ).toBe('FORBIDDEN');

    expect(
      (await graph.query(APPROVE, { input: { minutesId: drafted.id, expectedVersion: 2 } }))
        .approveMinutes,
    ).toMatchObject({ status: 'APPROVED', version: 3 });
    const afterApproval = await graph.send(EDIT, {
      input: { minutesId: drafted.id, expectedVersion: 3, summary: '批准后再改' },
    });
    expect(afterApproval.errors?.[0].extensions).toEqual({
      code: 'INVALID_TRANSITION',
      currentState: 'APPROVED',
    });
    expect(
      (await graph.query(PUBLISH, { input: { minutesId: drafted.id } })).publishMinutes.status,
    ).toBe('PUBLISHED');

    expect((await publicCaller.query(PUBLIC_READ, { id: held.id })).session).toEqual({
      id: held.id,
      minutes: {
        summary: '居民就加装电梯费用分摊达成共识。',
        consensus: ['按楼层分摊费用', '由社区牵头申请补贴'],
      },
    });
  });

  it('are drafted only for a held session, once', async () => {
    const planned = await sessionIn(SessionStatus.PLANNED);
    const early = await graph.send(DRAFT, { input: minutesInput(planned.id) });
    expect(early.errors?.[0].extensions).toEqual({
      code: 'INVALID_TRANSITION',
      currentState: 'PLANNED',
    });
    const held = await sessionIn(SessionStatus.HELD);
    await graph.query(DRAFT, { input: minutesInput(held.id) });
    const twice = await graph.send(DRAFT, { input: minutesInput(held.id) });
    expect(twice.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.sessionId',
    });
    const badAction = await graph.send(DRAFT, {
      input: {
        ...minutesInput((await sessionIn(SessionStatus.HELD)).id),
        actions: [
          { description: '', ownerKind: 'MEMBER', ownerId: randomUUID(), dueOn: '2027-01-01' },
        ],
      },
    });
    expect(badAction.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.actions.0.description',
    });
  });
});

describe('the agenda and attendance of a session', () => {
  const SET_AGENDA = `mutation($id: ID!, $items: [AgendaItemInput!]!, $v: Int) { setAgenda(sessionId: $id, items: $items, expectedVersion: $v) {
    version agenda { position title presenter demands { id } } } }`;
  const ATTEND = `mutation($id: ID!, $entries: [AttendanceInput!]!) { recordAttendance(sessionId: $id, entries: $entries) {
    attendance { attendeeKind role status member { id } department { id } } attendanceCounts { invited present absent excused } } }`;

  it('sets and replaces the agenda of a planned session, with the demands it came from', async () => {
    const session = await sessionIn(SessionStatus.PLANNED);
    const demand = randomUUID();
    const first = (
      await graph.query(SET_AGENDA, {
        id: session.id,
        items: [
          { title: '加装电梯', presenter: '社区书记', demandIds: [demand] },
          { title: '停车难' },
        ],
        v: 1,
      })
    ).setAgenda;
    expect(first.agenda).toEqual([
      { position: 1, title: '加装电梯', presenter: '社区书记', demands: [{ id: demand }] },
      { position: 2, title: '停车难', presenter: null, demands: [] },
    ]);
    const replaced = (
      await graph.query(SET_AGENDA, { id: session.id, items: [{ title: '垃圾分类' }] })
    ).setAgenda;
    expect(replaced.agenda.map((item: any) => item.title)).toEqual(['垃圾分类']);
    const bad = await graph.send(SET_AGENDA, { id: session.id, items: [{ title: '  ' }] });
    expect(bad.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'items.0.title',
    });
    const stale = await graph.send(SET_AGENDA, {
      id: session.id,
      items: [{ title: '旧版' }],
      v: 1,
    });
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
    const cancelled = await sessionIn(SessionStatus.CANCELLED);
    const refused = await graph.send(SET_AGENDA, {
      id: cancelled.id,
      items: [{ title: '取消后' }],
    });
    expect(refused.errors?.[0].extensions).toEqual({
      code: 'INVALID_TRANSITION',
      currentState: 'CANCELLED',
    });
  });

  it('takes setAgenda and recordAttendance in the one form verbNoun(input:) too', async () => {
    const session = await sessionIn(SessionStatus.PLANNED);
    const agenda = await graph.query(
      `mutation($input: SetAgendaInput) { setAgenda(input: $input) { version agenda { title } } }`,
      { input: { sessionId: session.id, items: [{ title: '村道修缮' }], expectedVersion: 1 } },
    );
    expect(agenda.setAgenda.agenda).toEqual([{ title: '村道修缮' }]);
    const member = await seedMember('320706');
    const attended = await graph.query(
      `mutation($input: RecordAttendanceInput) { recordAttendance(input: $input) { attendanceCounts { invited } } }`,
      {
        input: {
          sessionId: session.id,
          entries: [
            { attendeeKind: 'MEMBER', attendeeId: member, role: 'CHAIR', status: 'INVITED' },
          ],
        },
      },
    );
    expect(attended.recordAttendance.attendanceCounts.invited).toBe(1);
    const both = await graph.send(
      `mutation($id: ID!, $input: SetAgendaInput) { setAgenda(sessionId: $id, input: $input) { version } }`,
      { id: session.id, input: { sessionId: session.id, items: [] } },
    );
    expect(both.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.sessionId',
    });
    const blank = await graph.send(
      `mutation($input: SetAgendaInput) { setAgenda(input: $input) { version } }`,
      { input: { sessionId: session.id, items: [{ title: '  ' }] } },
    );
    expect(blank.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.items.0.title',
    });
    const neither = await graph.send(`mutation { setAgenda(input: { items: [] }) { version } }`);
    expect(neither.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.sessionId',
    });
  });

  it('invites before and records presence after the session, in bulk, a row per attendee', async () => {
    const session = await sessionIn(SessionStatus.PLANNED);
    const [member, department] = [
      await seedMember('320706'),
      await seedDepartment('CITY', '3207', '连云港市民政局'),
    ];
    const invite = [
      { attendeeKind: 'MEMBER', attendeeId: member, role: 'CHAIR', status: 'INVITED' },
      { attendeeKind: 'DEPARTMENT', attendeeId: department, role: 'DEPARTMENT', status: 'INVITED' },
    ];
    await graph.query(ATTEND, { id: session.id, entries: invite });
    const early = await graph.send(ATTEND, {
      id: session.id,
      entries: [{ ...invite[0], status: 'PRESENT' }],
    });
    expect(early.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'entries.0.status',
    });
    await graph.query(HELD, { input: { sessionId: session.id }, at: '2026-11-01T09:00:00+08:00' });
    const after = (
      await graph.query(ATTEND, {
        id: session.id,
        entries: [
          { ...invite[0], status: 'PRESENT' },
          { ...invite[1], status: 'EXCUSED' },
        ],
      })
    ).recordAttendance;
    expect(after.attendanceCounts).toEqual({ invited: 2, present: 1, absent: 0, excused: 1 });
    expect(after.attendance).toEqual(
      expect.arrayContaining([
        {
          attendeeKind: 'MEMBER',
          role: 'CHAIR',
          status: 'PRESENT',
          member: { id: member },
          department: null,
        },
        {
          attendeeKind: 'DEPARTMENT',
          role: 'DEPARTMENT',
          status: 'EXCUSED',
          member: null,
          department: { id: department },
        },
      ]),
    );
  });

  it('lists a page of sessions with agenda, attendance and minutes in a fixed number of SQL statements', async () => {
    for (let i = 0; i < 6; i += 1) {
      const session = await sessionIn(SessionStatus.HELD);
      await graph.query(SET_AGENDA, { id: session.id, items: [{ title: `议题${i}` }] });
      await graph.query(ATTEND, {
        id: session.id,
        entries: [
          {
            attendeeKind: 'MEMBER',
            attendeeId: await seedMember('320706'),
            role: 'MEMBER',
            status: 'PRESENT',
          },
        ],
      });
    }
    const query = `query($first: Int) { sessions(first: $first, status: HELD) { edges { node { title home { id } agenda { title }
      attendanceCounts { present } minutes { status } history { step } } } } }`;
    const counter = countQueries(graph.orm);
    await graph.query(query, { first: 2 });
    const few = counter.count;
    counter.reset();
    // Both pages smaller than the list, so both count it (the ORM skips the count of a last page).
    const many = await graph.query(query, { first: 6 });
    expect(many.sessions.edges.length).toBe(6);
    expect(counter.count).toBe(few);
    counter.stop();
  });
});

describe('the list of sessions', () => {
  it('filters by kind, dates, invited department and coordinating committee', async () => {
    const department = await seedDepartment('COUNTY', '320706', '海州区教育局');
    const committee = randomUUID();
    const briefing = (
      await graph.query(SCHEDULE, {
        input: {
          homeId: HAIZHOU_HOME,
          title: '政策宣讲',
          kind: 'BRIEFING',
          scheduledAt: '2027-03-05T09:00:00+08:00',
          departmentIds: [department],
        },
      })
    ).scheduleSession;
    const coordinated = await schedule({
      involvedDivisionCodes: ['320724100'],
      coordinatingCommitteeId: committee,
      scheduledAt: '2027-02-01T09:00:00+08:00',
    });
    const ids = async (args: string) =>
      (
        await graph.query(`{ sessions(first: 100, ${args}) { edges { node { id } } } }`)
      ).sessions.edges.map((edge: any) => edge.node.id);
    expect(await ids(`kind: BRIEFING, from: "2027-01-01T00:00:00+08:00"`)).toEqual([briefing.id]);
    expect(await ids(`departmentId: "${department}"`)).toEqual([briefing.id]);
    expect(await ids(`coordinatingCommitteeId: "${committee}"`)).toEqual([coordinated.id]);
    expect(await ids(`from: "2027-01-15T00:00:00+08:00", to: "2027-02-15T00:00:00+08:00"`)).toEqual(
      [coordinated.id],
    );
    const bad = await graph.send(`{ sessions(departmentId: "x") { totalCount } }`);
    expect(bad.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'departmentId',
    });
  });
});

describe('what deliberation adds to departments and members', () => {
  it('gives a department the sessions it is invited to, and a member the record of their attendance', async () => {
    const department = await seedDepartment('COUNTY', '320706', '海州区卫生健康委员会');
    const [member, stranger] = [await seedMember('320706'), randomUUID()];
    const ATTEND = `mutation($id: ID!, $entries: [AttendanceInput!]!) { recordAttendance(sessionId: $id, entries: $entries) { id } }`;
    const sessions = [];
    for (const status of ['PRESENT', 'ABSENT', 'PRESENT']) {
      const session = (
        await graph.query(SCHEDULE, {
          input: {
            homeId: HAIZHOU_HOME,
            title: '部门参加',
            kind: 'FORUM',
            scheduledAt: '2026-10-10T09:00:00+08:00',
            departmentIds: [department],
          },
        })
      ).scheduleSession;
      await graph.query(HELD, {
        input: { sessionId: session.id },
        at: '2026-10-10T09:00:00+08:00',
      });
      await graph.query(ATTEND, {
        id: session.id,
        entries: [{ attendeeKind: 'MEMBER', attendeeId: member, role: 'MEMBER', status }],
      });
      sessions.push(session.id);
    }
    const query = `query($reps: [_Any!]!) { _entities(representations: $reps) {
      ... on Department { id sessions { totalCount } }
      ... on Member { id attendance(year: 2026) { invited present absent excused absenceRate } } } }`;
    const counter = countQueries(graph.orm);
    const answer = await graph.query(query, {
      reps: [
        { __typename: 'Department', id: department },
        { __typename: 'Department', id: stranger },
        { __typename: 'Member', id: member },
        { __typename: 'Member', id: stranger },
      ],
    });
    expect(counter.count).toBeLessThanOrEqual(3);
    counter.stop();
    expect(answer._entities).toEqual([
      { id: department, sessions: { totalCount: 3 } },
      { id: stranger, sessions: { totalCount: 0 } },
      {
        id: member,
        attendance: { invited: 3, present: 2, absent: 1, excused: 0, absenceRate: 0.333 },
      },
      {
        id: stranger,
        attendance: { invited: 0, present: 0, absent: 0, excused: 0, absenceRate: null },
      },
    ]);
  });
});
