import { randomUUID } from 'node:crypto';
import { CITY_STAFF } from '@cppcc/toolkit/testing';
import { SessionStatus } from './session.entity';
import { SESSION_STEPS } from './session.workflow';
import {
  CANCEL,
  COMMITTEE,
  GUANNAN_HOME,
  HAIZHOU_HOME,
  HELD,
  RESCHEDULE,
  SCHEDULE,
  STEP_MUTATIONS,
  SUSPENDED_HOME,
  graph,
  read,
  schedule,
  seedDepartment,
  sessionIn,
  useSessionGraph,
} from '../testing/sessions';

useSessionGraph('session_workflow');

describe('the life of a session', () => {
  it('starts PLANNED with its scheduling in its history', async () => {
    const session = await schedule({ location: '朐阳街道社区会议室' });
    expect(session).toMatchObject({
      status: 'PLANNED',
      version: 1,
      history: [{ step: 'schedule', fromStatus: null, toStatus: 'PLANNED' }],
    });
  });

  it.each(
    Object.values(SessionStatus).flatMap((status) =>
      Object.keys(SESSION_STEPS).map((step) => [status, step] as const),
    ),
  )(
    'from %s, %s is allowed exactly when the transition table says so, and a refused step changes nothing',
    async (status, stepName) => {
      const before = await sessionIn(status);
      const rule = SESSION_STEPS[stepName as keyof typeof SESSION_STEPS];
      const response = await STEP_MUTATIONS[stepName as keyof typeof STEP_MUTATIONS](before.id);
      if ((rule.from as readonly string[]).includes(status)) {
        expect(response.errors).toBeUndefined();
        const after = Object.values(response.data!)[0] as any;
        expect(after.status).toBe(rule.to);
        expect(after.history.at(-1)).toEqual({
          step: stepName,
          fromStatus: status,
          toStatus: rule.to,
        });
      } else {
        expect(response.errors?.[0].extensions).toEqual({
          code: 'INVALID_TRANSITION',
          currentState: status,
        });
        expect(await read(before.id)).toEqual(before);
      }
    },
  );

  it('refuses a session held in the future, a cancellation without reason, and a stale version', async () => {
    const session = await schedule();
    const future = await graph.send(HELD, {
      input: { sessionId: session.id },
      at: '2999-01-01T00:00:00+08:00',
    });
    expect(future.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'heldAt',
    });
    const silent = await graph.send(CANCEL, { input: { sessionId: session.id }, reason: '  ' });
    expect(silent.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'reason',
    });
    await graph.query(RESCHEDULE, {
      input: { sessionId: session.id, expectedVersion: 1 },
      at: '2026-12-11T09:00:00+08:00',
    });
    const stale = await graph.send(RESCHEDULE, {
      input: { sessionId: session.id, expectedVersion: 1 },
      at: '2026-12-12T09:00:00+08:00',
    });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    const after = await read(session.id);
    expect(after).toMatchObject({
      status: 'PLANNED',
      version: 2,
      scheduledAt: '2026-12-11T01:00:00.000Z',
    });
  });
});

describe('scheduling a session', () => {
  it('refuses a home that does not exist, or is suspended', async () => {
    for (const [homeId, message] of [
      [randomUUID(), /^There is no such home\.$/],
      [SUSPENDED_HOME, /suspended/],
    ] as const) {
      const response = await graph.send(SCHEDULE, {
        input: { homeId, title: '议事', kind: 'FORUM', scheduledAt: '2026-12-10T09:00:00+08:00' },
      });
      expect(response.errors?.[0]).toMatchObject({
        message: expect.stringMatching(message),
        extensions: { code: 'BAD_USER_INPUT', field: 'input.homeId' },
      });
    }
  });

  it('needs a coordinating special committee when the matter crosses county lines (rule 3)', async () => {
    const crossing = { involvedDivisionCodes: ['320724100'] };
    const refused = await graph.send(SCHEDULE, {
      input: {
        homeId: HAIZHOU_HOME,
        title: '跨县河道治理',
        kind: 'MULTI_PARTY',
        scheduledAt: '2026-12-10T09:00:00+08:00',
        ...crossing,
      },
    });
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.coordinatingCommitteeId',
    });
    const coordinated = await schedule({ ...crossing, coordinatingCommitteeId: COMMITTEE });
    expect(coordinated.status).toBe('PLANNED');
    const within = await schedule({ involvedDivisionCodes: ['320706006'] });
    expect(within.status).toBe('PLANNED');
  });

  it('needs a coordinating special committee when city departments take part (rule 3)', async () => {
    const countyDepartment = await seedDepartment('COUNTY', '320706', '海州区住房和城乡建设局');
    const cityDepartment = await seedDepartment('CITY', '3207', '连云港市住房和城乡建设局');
    const sessionRows = async () =>
      (
        await graph.orm.em
          .getConnection()
          .execute<Array<{ sessions: string; events: string }>>(
            `select (select count(*) from session) as sessions, (select count(*) from session_event) as events`,
          )
      )[0];

    const local = await schedule({ departmentIds: [countyDepartment] });
    expect(local.status).toBe('PLANNED');

    const before = await sessionRows();
    const refused = await graph.send(SCHEDULE, {
      input: {
        homeId: HAIZHOU_HOME,
        title: '加装电梯协商',
        kind: 'COUNCIL',
        scheduledAt: '2026-12-10T09:00:00+08:00',
        departmentIds: [countyDepartment, cityDepartment],
        idempotencyKey: 'clerk-city-department-0001',
      },
    });
    expect(refused.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/连云港市住房和城乡建设局.*rule 3/),
      extensions: { code: 'BAD_USER_INPUT', field: 'input.coordinatingCommitteeId' },
    });
    expect(await sessionRows()).toEqual(before);

    const coordinated = await schedule({
      departmentIds: [countyDepartment, cityDepartment],
      coordinatingCommitteeId: COMMITTEE,
      idempotencyKey: 'clerk-city-department-0001',
    });
    expect(coordinated.status).toBe('PLANNED');
  });

  it('refuses a department the organization has not published, naming its place in the list', async () => {
    const known = await seedDepartment('COUNTY', '320706', '海州区民政局');
    const unknown = randomUUID();
    const response = await graph.send(SCHEDULE, {
      input: {
        homeId: HAIZHOU_HOME,
        title: '养老服务协商',
        kind: 'FORUM',
        scheduledAt: '2026-12-10T09:00:00+08:00',
        departmentIds: [known, unknown],
      },
    });
    // The field says which one; the message never repeats the id given.
    expect(response.errors?.[0]).toMatchObject({
      message: 'There is no such department in this county or the city.',
      extensions: { code: 'BAD_USER_INPUT', field: 'input.departmentIds.1' },
    });
  });

  it('gives one session for a clerk who submits twice with the same key', async () => {
    const first = await schedule({ idempotencyKey: 'clerk-session-0001' });
    const second = await schedule({ idempotencyKey: 'clerk-session-0001' });
    expect(second.id).toBe(first.id);
  });

  it('takes the key again with the same input (another field order, the same instant in another offset) and refuses it with another', async () => {
    const key = randomUUID();
    const rows = () =>
      graph.orm.em
        .getConnection()
        .execute(
          `select id, title, scheduled_at, version from session where idempotency_key like ?`,
          [`%:${key}`],
        );
    const first = await schedule({ idempotencyKey: key, location: '朐阳街道社区会议室' });
    const kept = await rows();
    const again = await graph.query(SCHEDULE, {
      input: {
        location: '朐阳街道社区会议室',
        scheduledAt: '2026-12-10T01:00:00Z',
        kind: 'COUNCIL',
        idempotencyKey: key,
        title: '老旧小区改造协商议事会',
        homeId: HAIZHOU_HOME,
      },
    });
    expect(again.scheduleSession.id).toBe(first.id);
    for (const changed of [
      { title: '另一场协商' },
      { scheduledAt: '2026-12-11T09:00:00+08:00' },
      { location: undefined },
    ]) {
      const refused = await graph.send(SCHEDULE, {
        input: {
          homeId: HAIZHOU_HOME,
          title: '老旧小区改造协商议事会',
          kind: 'COUNCIL',
          scheduledAt: '2026-12-10T09:00:00+08:00',
          location: '朐阳街道社区会议室',
          idempotencyKey: key,
          ...changed,
        },
      });
      expect(refused.errors?.[0]).toMatchObject({
        message:
          'This idempotencyKey was used for a request with another input: use a new key for a new record.',
        extensions: { code: 'BAD_USER_INPUT', field: 'input.idempotencyKey' },
      });
    }
    expect(await rows()).toEqual(kept);
    expect(await read(first.id)).toEqual(first);

    // Another clerk's same key gives their own session.
    const other = await graph.as({ ...CITY_STAFF, subject: 'test:another-clerk' }).send(SCHEDULE, {
      input: {
        homeId: HAIZHOU_HOME,
        title: '另一场协商',
        kind: 'FORUM',
        scheduledAt: '2026-12-12T09:00:00+08:00',
        idempotencyKey: key,
      },
    });
    expect(other.errors).toBeUndefined();
    expect((other.data as any).scheduleSession.id).not.toBe(first.id);
    expect(await rows()).toHaveLength(2);
  });

  it('keeps another county out: its home looks unknown and its sessions absent', async () => {
    const session = await schedule();
    const guannan = graph.as({
      ...CITY_STAFF,
      subject: 'test:guannan',
      level: 'COUNTY',
      division: '320724',
      surface: 'county',
    });
    const scheduling = await guannan.send(SCHEDULE, {
      input: {
        homeId: HAIZHOU_HOME,
        title: '越界',
        kind: 'FORUM',
        scheduledAt: '2026-12-10T09:00:00+08:00',
      },
    });
    expect(scheduling.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.homeId',
    });
    const cancelling = await guannan.send(CANCEL, {
      input: { sessionId: session.id },
      reason: '越界',
    });
    expect(cancelling.errors?.[0]).toMatchObject({
      message: 'There is no Session with this id.',
      extensions: { code: 'NOT_FOUND', field: 'input.sessionId' },
    });
    expect((await read(session.id)).status).toBe('PLANNED');
    const own = await guannan.query(SCHEDULE, {
      input: {
        homeId: GUANNAN_HOME,
        title: '灌南议事',
        kind: 'FORUM',
        scheduledAt: '2026-12-10T09:00:00+08:00',
      },
    });
    expect(own.scheduleSession.status).toBe('PLANNED');
  });

  it('lets a home’s own caller schedule for its home only, not for a home under its division', async () => {
    // A township's home (320706001) and a community's home under it (320706001001).
    const township = HAIZHOU_HOME;
    const community = randomUUID();
    await graph.orm.em
      .getConnection()
      .execute(
        `insert into home_projection (id, division_code, status, kind, name, version) values (?, '320706001001', 'ACTIVE', 'CITIZEN', '社区之家', 1)`,
        [community],
      );
    const home = graph.as({
      ...CITY_STAFF,
      subject: 'test:home',
      level: 'HOME',
      division: '320706001',
      homeId: township,
      roles: ['HOME_LEADER'],
      surface: 'home',
    });
    const input = { title: '议事', kind: 'FORUM', scheduledAt: '2026-12-10T09:00:00+08:00' };
    const neighbour = await home.send(SCHEDULE, { input: { ...input, homeId: community } });
    expect(neighbour.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.homeId',
    });
    const own = await home.query(SCHEDULE, { input: { ...input, homeId: township } });
    expect(own.scheduleSession.status).toBe('PLANNED');
  });
});

describe('instants a session records', () => {
  it('lie within the years 2000 to 2100: others are BAD_USER_INPUT on their path, and nothing is written', async () => {
    const before = await graph.orm.em
      .getConnection()
      .execute('select count(*)::int as n from session');
    for (const scheduledAt of [
      '0000-01-01T00:00:00Z',
      '1850-01-01T00:00:00Z',
      '9999-12-31T23:59:59Z',
    ]) {
      const answer = await graph.send(SCHEDULE, {
        input: { homeId: HAIZHOU_HOME, title: '议事会', kind: 'COUNCIL', scheduledAt },
      });
      expect(answer.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.scheduledAt',
      });
      expect(answer.errors?.[0].message).not.toContain(scheduledAt.slice(0, 4));
    }
    const after = await graph.orm.em
      .getConnection()
      .execute('select count(*)::int as n from session');
    expect(after).toEqual(before);
  });

  it('may be asked for from any instant: a list takes it as the bound of those years', async () => {
    const answer = await graph.send(
      `{ sessions(from: "0000-01-01T00:00:00Z", to: "9999-12-31T00:00:00Z") { totalCount } }`,
    );
    expect(answer.errors).toBeUndefined();
    const all = await graph.query(`{ sessions { totalCount } }`);
    expect(answer.data!.sessions.totalCount).toBe(all.sessions.totalCount);
  });
});
