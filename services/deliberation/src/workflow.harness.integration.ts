import { randomUUID } from 'node:crypto';
import { ACTORS, applyJurisdiction, takeStep, type Caller, type TakenStep } from '@cppcc/toolkit';
import {
  CITY_STAFF,
  countQueries,
  startTestSubgraph,
  surfaceMismatches,
  walkWorkflow,
  type TestSubgraph,
} from '@cppcc/toolkit/testing';
import { MinutesStatus } from './minutes/minutes.entity';
import { approveMinutes, editMinutes, publishMinutes } from './minutes/minutes.service';
import { MINUTES_STEPS, MINUTES_WORKFLOW } from './minutes/minutes.workflow';
import { SessionStatus } from './session/session.entity';
import { cancelSession, recordSessionHeld, rescheduleSession } from './session/session.service';
import { SESSION_STEPS, SESSION_WORKFLOW } from './session/session.workflow';
import { deliberationSubgraph } from './subgraph';

/**
 * Every (state, step, caller) of the sessions' and the minutes' workflows, walked from their
 * tables by the toolkit's harness through the services; and every step's mutation offered on
 * the surfaces of its actor.
 */
let graph: TestSubgraph;
const HOME = randomUUID();
const DIVISION = '320706001';

beforeAll(async () => {
  graph = await startTestSubgraph(deliberationSubgraph, 'workflow_harness');
  await graph.orm.em
    .getConnection()
    .execute(
      `insert into home_projection (id, division_code, status, kind, name, version) values (?, ?, 'ACTIVE', 'CITIZEN', '之家', 1)`,
      [HOME, DIVISION],
    );
});
afterAll(() => graph?.stop());

const home = (roles: Caller['roles']): Caller => ({
  subject: `test:home:${roles.join()}`,
  level: 'HOME',
  division: DIVISION,
  roles,
  surface: 'home',
  homeId: HOME,
});

/** Who tries each step: the office and the home in scope, and callers the tables refuse. */
const CALLERS: Record<string, Caller> = {
  'city staff': CITY_STAFF,
  'county staff': {
    subject: 'test:county:320706',
    level: 'COUNTY',
    division: '320706',
    roles: ['STAFF'],
    surface: 'county',
  },
  'home leader': home(['HOME_LEADER']),
  'home member': home(['MEMBER']),
  'staff of another county': {
    subject: 'test:county:320724',
    level: 'COUNTY',
    division: '320724',
    roles: ['STAFF'],
    surface: 'county',
  },
  department: {
    subject: 'test:department',
    level: 'DEPARTMENT',
    division: '3207',
    roles: [],
    surface: 'department',
    departmentId: randomUUID(),
  },
  public: { subject: 'test:public', level: 'PUBLIC', division: '', roles: [], surface: 'public' },
};

const sees = (_state: unknown, caller: Caller) => caller.division !== '320724';
const scoped = (caller: Caller) => applyJurisdiction(graph.orm.em.fork(), caller);
const sql = <T extends object>(query: string, values: unknown[]) =>
  graph.orm.em.getConnection().execute<T>(query, values);

async function seedSession(status: SessionStatus): Promise<string> {
  const id = randomUUID();
  await sql(
    `insert into session (id, home_id, division_code, title, kind, status, scheduled_at, held_at, cancel_reason)
     values (?, ?, ?, '议事会', 'COUNCIL', ?, now() + interval '7 days', ?, ?)`,
    [
      id,
      HOME,
      DIVISION,
      status,
      status === SessionStatus.HELD ? new Date(Date.now() - 86_400_000) : null,
      status === SessionStatus.CANCELLED ? '因故取消' : null,
    ],
  );
  return id;
}

async function readOf(table: string, history: string, key: string, id: string) {
  const [row] = await sql<Array<{ status: string; version: number; history: string }>>(
    `select status, version, (select count(*) from ${history} where ${key} = ?) as history
       from ${table} where id = ?`,
    [id, id],
  );
  return { status: row.status, version: row.version, history: Number(row.history) };
}

describe('every step of every deliberation workflow, from every state, as every caller', () => {
  it('sessions keep their table', async () => {
    const { failures, statements } = await walkWorkflow({
      counter: countQueries(graph.orm),
      workflow: SESSION_WORKFLOW,
      callers: CALLERS,
      sees,
      em: scoped,
      seed: seedSession,
      read: async (id) => (await readOf('session', 'session_event', 'session_id', id)) as never,
      take: {
        reschedule: (em, caller, id, version) =>
          rescheduleSession(em, caller, id, new Date(Date.now() + 14 * 86_400_000), version),
        recordHeld: (em, caller, id, version) =>
          recordSessionHeld(em, caller, id, new Date(Date.now() - 3_600_000), version),
        cancel: (em, caller, id, version) => cancelSession(em, caller, id, '天气原因', version),
      },
    });
    expect(failures).toEqual([]);
    // begin, the locked read, the update, the history entry, commit; holding and cancelling
    // write their event to the outbox (`session.held`, `session.cancelled`) besides.
    expect(statements).toEqual({ reschedule: 5, recordHeld: 6, cancel: 6 });
  });

  it('minutes keep their table', async () => {
    const { failures, statements } = await walkWorkflow({
      counter: countQueries(graph.orm),
      workflow: MINUTES_WORKFLOW,
      callers: CALLERS,
      sees,
      em: scoped,
      seed: async (status: MinutesStatus) => {
        const session = await seedSession(SessionStatus.HELD);
        const id = randomUUID();
        await sql(
          `insert into minutes (id, session_id, home_id, division_code, summary, consensus, disagreements, status)
           values (?, ?, ?, ?, '讨论了停车难问题', '{}', '{}', ?)`,
          [id, session, HOME, DIVISION, status],
        );
        return id;
      },
      read: async (id) => (await readOf('minutes', 'minutes_event', 'minutes_id', id)) as never,
      take: {
        edit: (em, caller, minutesId, expectedVersion) =>
          editMinutes(em, caller, { minutesId, expectedVersion, summary: '讨论了停车难与充电桩' }),
        approve: (em, caller, id, version) => approveMinutes(em, caller, id, version),
        publish: (em, caller, id, version) => publishMinutes(em, caller, id, version),
      },
    });
    expect(failures).toEqual([]);
    // 5 as every step; publishing also marks the session published (+1) and raises
    // `minutes.published` in one more INSERT (+1: src/event/deliberation-events.ts).
    expect(statements).toEqual({ edit: 5, approve: 5, publish: 6 + 1 });
  });
});

describe("a step's afterStep hook (where domain events will be written)", () => {
  it('sees the history entry of the step, inside its transaction: what it refuses undoes the step', async () => {
    const seen: TakenStep[] = [];
    const watched = {
      ...SESSION_WORKFLOW,
      afterStep: (_tx: unknown, taken: TakenStep) => {
        seen.push(taken);
        if (taken.step === 'cancel') throw new Error('the outbox refused');
      },
    };
    const held = await seedSession(SessionStatus.PLANNED);
    await takeStep(scoped(CITY_STAFF), CITY_STAFF, watched, held, 1, 'recordHeld', (session) => {
      session.heldAt = new Date();
      return {};
    });
    expect(seen).toEqual([
      expect.objectContaining({
        recordId: held,
        step: 'recordHeld',
        from: SessionStatus.PLANNED,
        to: SessionStatus.HELD,
        by: { subject: CITY_STAFF.subject, level: 'CITY', departmentId: null },
      }),
    ]);

    const cancelled = await seedSession(SessionStatus.PLANNED);
    await expect(
      takeStep(scoped(CITY_STAFF), CITY_STAFF, watched, cancelled, 1, 'cancel', (session) => {
        session.cancelReason = '天气原因';
        return {};
      }),
    ).rejects.toThrow('the outbox refused');
    expect(await readOf('session', 'session_event', 'session_id', cancelled)).toEqual({
      status: SessionStatus.PLANNED,
      version: 1,
      history: 0,
    });
  });
});

describe('the surfaces of every step', () => {
  it("offer each step's mutation where its actor's callers are, and nowhere else", async () => {
    const schema = await deliberationSubgraph.buildSchema();
    expect(
      surfaceMismatches(schema, {
        rescheduleSession: SESSION_STEPS.reschedule.actor,
        recordSessionHeld: SESSION_STEPS.recordHeld.actor,
        cancelSession: SESSION_STEPS.cancel.actor,
        // Whoever may edit minutes may draft them.
        draftMinutes: MINUTES_STEPS.edit.actor,
        editMinutes: MINUTES_STEPS.edit.actor,
        approveMinutes: MINUTES_STEPS.approve.actor,
        publishMinutes: MINUTES_STEPS.publish.actor,
      }),
    ).toEqual([]);
    // The home's steps are on the home surface; the office's alone are not.
    expect(SESSION_STEPS.cancel.actor).toBe(ACTORS.HOME_OR_OFFICE);
  });
});
