// The session tests' world: a deliberation subgraph on its own database with the homes the
// organization's change feed would have brought, and the steps that bring a session to a state.
import { randomUUID } from 'node:crypto';
import { startTestSubgraph, type TestSubgraph } from '@cppcc/toolkit/testing';
import { deliberationSubgraph } from '../subgraph';
import { SessionStatus } from '../session/session.entity';

export let graph: TestSubgraph;
export const HAIZHOU_HOME = randomUUID();
export const GUANNAN_HOME = randomUUID();
export const SUSPENDED_HOME = randomUUID();
export const COMMITTEE = randomUUID();

/** A department as the organization's change feed would have brought it. */
export async function seedDepartment(level: 'CITY' | 'COUNTY', divisionCode: string, name: string) {
  const id = randomUUID();
  await graph.orm.em
    .getConnection()
    .execute(
      `insert into department_projection (id, name, level, division_code, kind, version) values (?, ?, ?, ?, 'GOVERNMENT_DEPARTMENT', 1)`,
      [id, name, level, divisionCode],
    );
  return id;
}

/**
 * A member as the organization's change feed would have brought it: placed in the city (`3207`)
 * or a county (`320706`), where a session naming them must lie (requireReferences).
 */
export async function seedMember(divisionCode: string, id: string = randomUUID()) {
  await graph.orm.em
    .getConnection()
    .execute(`insert into member_projection (id, division_code) values (?, ?)`, [id, divisionCode]);
  return id;
}

/** A participant as the organization's change feed would have brought it: where they live. */
export async function seedParticipant(divisionCode: string, id: string = randomUUID()) {
  await graph.orm.em
    .getConnection()
    .execute(`insert into participant_projection (id, division_code) values (?, ?)`, [
      id,
      divisionCode,
    ]);
  return id;
}

/** Starts the subgraph for a test file (`label` names its database) and stops it after. */
export function useSessionGraph(label: string): void {
  beforeAll(async () => {
    graph = await startTestSubgraph(deliberationSubgraph, label);
    // The homes as the organization's change feed would have brought them.
    for (const [id, division, status] of [
      [HAIZHOU_HOME, '320706001', 'ACTIVE'],
      [GUANNAN_HOME, '320724100', 'ACTIVE'],
      [SUSPENDED_HOME, '320706006', 'SUSPENDED'],
    ]) {
      await graph.orm.em
        .getConnection()
        .execute(
          `insert into home_projection (id, division_code, status, kind, name, version) values (?, ?, ?, 'CITIZEN', '之家', 1)`,
          [id, division, status],
        );
    }
  });
  afterAll(() => graph?.stop());
}

const SESSION_FIELDS =
  'id status version scheduledAt heldAt cancelReason history { step fromStatus toStatus }';
export const SCHEDULE = `mutation($input: ScheduleSessionInput!) { scheduleSession(input: $input) { ${SESSION_FIELDS} } }`;
export const HELD = `mutation($input: SessionStepInput!, $at: DateTime!) { recordSessionHeld(input: $input, heldAt: $at) { ${SESSION_FIELDS} } }`;
export const CANCEL = `mutation($input: SessionStepInput!, $reason: String!) { cancelSession(input: $input, reason: $reason) { ${SESSION_FIELDS} } }`;
export const RESCHEDULE = `mutation($input: SessionStepInput!, $at: DateTime!) { rescheduleSession(input: $input, scheduledAt: $at) { ${SESSION_FIELDS} } }`;
const READ = `query($id: ID!) { session(id: $id) { ${SESSION_FIELDS} } }`;

export async function schedule(extra: Record<string, unknown> = {}) {
  const data = await graph.query(SCHEDULE, {
    input: {
      homeId: HAIZHOU_HOME,
      title: '老旧小区改造协商议事会',
      kind: 'COUNCIL',
      scheduledAt: '2026-12-10T09:00:00+08:00',
      ...extra,
    },
  });
  return data.scheduleSession;
}

export const read = async (id: string) => (await graph.query(READ, { id })).session;

/** Brings a new session to a state by the steps the table allows. */
export async function sessionIn(status: SessionStatus) {
  const session = await schedule();
  if (status === SessionStatus.HELD)
    await graph.query(HELD, { input: { sessionId: session.id }, at: '2026-11-01T09:00:00+08:00' });
  if (status === SessionStatus.CANCELLED)
    await graph.query(CANCEL, { input: { sessionId: session.id }, reason: '暴雨' });
  return read(session.id);
}

export const STEP_MUTATIONS = {
  reschedule: (id: string) =>
    graph.send(RESCHEDULE, { input: { sessionId: id }, at: '2026-12-20T09:00:00+08:00' }),
  recordHeld: (id: string) =>
    graph.send(HELD, { input: { sessionId: id }, at: '2026-11-02T09:00:00+08:00' }),
  cancel: (id: string) => graph.send(CANCEL, { input: { sessionId: id }, reason: '人员不齐' }),
};
