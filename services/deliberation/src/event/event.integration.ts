import { randomUUID } from 'node:crypto';
import type { Caller } from '@cppcc/toolkit';
import {
  eventually,
  startTestSubgraph,
  type CallerClient,
  type TestSubgraph,
} from '@cppcc/toolkit/testing';
import { deliberationSubgraph } from '../subgraph';

let graph: TestSubgraph;
const HOME = randomUUID();

const department = (departmentId: string): Caller => ({
  subject: `test:department:${departmentId}`,
  level: 'DEPARTMENT',
  division: '3207',
  roles: [],
  surface: 'department',
  departmentId,
});

async function seedDepartment(name: string) {
  const id = randomUUID();
  await graph.orm.em
    .getConnection()
    .execute(
      `insert into department_projection (id, name, level, division_code, kind, version) values (?, ?, 'COUNTY', '320706', 'GOVERNMENT_DEPARTMENT', 1)`,
      [id, name],
    );
  return id;
}

/** A member of 海州区's CPPCC as the organization's feed would have brought them. */
async function seedMember() {
  const id = randomUUID();
  await graph.orm.em
    .getConnection()
    .execute(`insert into member_projection (id, division_code) values (?, '320706')`, [id]);
  return id;
}

beforeAll(async () => {
  graph = await startTestSubgraph(deliberationSubgraph, 'deliberation_events');
  await graph.orm.em
    .getConnection()
    .execute(
      `insert into home_projection (id, division_code, status, kind, name, version) values (?, '320706001', 'ACTIVE', 'CITIZEN', '之家', 1)`,
      [HOME],
    );
});
afterAll(() => graph?.stop());

const EVENTS = `query($types: [String!]) { deliberationEvents(types: $types, first: 100) {
  edges { node { type recordType recordId recordVersion departmentIds homeIds payload } } } }`;

interface EventNode {
  type: string;
  recordType: string;
  recordId: string;
  recordVersion: number;
  departmentIds: string[];
  homeIds: string[];
  payload: string;
}

/** The caller's events once `count` of them are committed. */
function eventsOf(client: CallerClient, count: number, types?: string[]) {
  return eventually(async () => {
    const { deliberationEvents } = await client.query(EVENTS, { types });
    const nodes = deliberationEvents.edges.map((edge: { node: EventNode }) => edge.node);
    expect(nodes).toHaveLength(count);
    return nodes as EventNode[];
  });
}

describe('domain events of sessions and minutes', () => {
  it('invite a department, give it an action, and tell the office the minutes are out', async () => {
    const housing = await seedDepartment('海州区住房和城乡建设局');
    const education = await seedDepartment('海州区教育局');
    const { scheduleSession: session } = await graph.query(
      `mutation($input: ScheduleSessionInput!) { scheduleSession(input: $input) { id } }`,
      {
        input: {
          homeId: HOME,
          title: '老旧小区加装电梯协商议事会',
          kind: 'COUNCIL',
          scheduledAt: '2026-11-10T09:00:00+08:00',
          departmentIds: [housing],
        },
      },
    );
    const [invited] = await eventsOf(graph.as(department(housing)), 1);
    // The session's life is the home's and the office's news; the invited department hears of
    // the invitation.
    const [scheduled] = await eventsOf(graph, 1, ['session.scheduled']);
    expect(scheduled).toMatchObject({ recordId: session.id, departmentIds: [], homeIds: [HOME] });
    expect(JSON.parse(scheduled.payload)).toEqual({ kind: 'COUNCIL', status: 'PLANNED' });
    expect(invited).toMatchObject({
      type: 'session.departmentInvited',
      recordType: 'Session',
      recordId: session.id,
      recordVersion: 1,
      departmentIds: [housing],
      homeIds: [HOME],
    });
    await eventsOf(graph.as(department(education)), 0);

    await graph.query(
      `mutation($input: SessionStepInput!, $at: DateTime!) { recordSessionHeld(input: $input, heldAt: $at) { id } }`,
      { input: { sessionId: session.id }, at: '2026-11-10T09:00:00+08:00' },
    );
    // Held: the invited department hears of it too.
    const [held] = await eventsOf(graph.as(department(housing)), 1, ['session.held']);
    expect(held).toMatchObject({ recordId: session.id, recordVersion: 2, homeIds: [HOME] });
    expect(JSON.parse(held.payload)).toEqual({ kind: 'COUNCIL', status: 'HELD' });
    const { draftMinutes: minutes } = await graph.query(
      `mutation($input: DraftMinutesInput!) { draftMinutes(input: $input) { id } }`,
      {
        input: {
          sessionId: session.id,
          summary: '居民就加装电梯的费用分摊进行了协商。',
          consensus: ['按楼层分摊费用'],
          disagreements: [],
          actions: [
            {
              description: '审核加装电梯补贴申请',
              ownerKind: 'DEPARTMENT',
              ownerId: education,
              dueOn: '2027-01-15',
            },
            {
              description: '召集楼栋居民再议',
              ownerKind: 'MEMBER',
              ownerId: await seedMember(),
              dueOn: '2026-12-15',
            },
          ],
        },
      },
    );
    const [action] = await eventsOf(graph.as(department(education)), 1);
    expect(action).toMatchObject({
      type: 'minutes.actionAssigned',
      recordType: 'Minutes',
      recordId: minutes.id,
      departmentIds: [education],
    });
    expect(JSON.parse(action.payload).actions).toEqual([
      { id: expect.any(String), departmentId: education, dueOn: '2027-01-15' },
    ]);

    for (const step of ['approveMinutes', 'publishMinutes']) {
      await graph.query(`mutation($input: MinutesStepInput!) { ${step}(input: $input) { id } }`, {
        input: { minutesId: minutes.id },
      });
    }
    const [published] = await eventsOf(graph, 1, ['minutes.published']);
    expect(published).toMatchObject({ recordId: minutes.id, recordVersion: 3, homeIds: [HOME] });
    // Publication is the office's and the home's news; the departments heard of their part.
    await eventsOf(graph.as(department(housing)), 2);
    await eventsOf(graph.as(department(education)), 1);
  });

  it('tell the home, the office and the invited departments that a session was called off', async () => {
    const invitedDepartment = await seedDepartment('海州区信访局');
    const { scheduleSession: session } = await graph.query(
      `mutation($input: ScheduleSessionInput!) { scheduleSession(input: $input) { id } }`,
      {
        input: {
          homeId: HOME,
          title: '征地补偿多方协商',
          kind: 'MULTI_PARTY',
          scheduledAt: '2026-12-01T09:00:00+08:00',
          departmentIds: [invitedDepartment],
        },
      },
    );
    await graph.query(
      `mutation($input: SessionStepInput!) { cancelSession(input: $input, reason: "当事人未到场") { id } }`,
      { input: { sessionId: session.id } },
    );
    const [cancelled] = await eventsOf(graph.as(department(invitedDepartment)), 1, [
      'session.cancelled',
    ]);
    expect(cancelled).toMatchObject({
      recordType: 'Session',
      recordId: session.id,
      recordVersion: 2,
      departmentIds: [invitedDepartment],
      homeIds: [HOME],
    });
    // Ids and states only: no title, no reason.
    expect(JSON.parse(cancelled.payload)).toEqual({ kind: 'MULTI_PARTY', status: 'CANCELLED' });
  });
});
