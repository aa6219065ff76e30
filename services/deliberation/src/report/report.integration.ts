import { randomUUID } from 'node:crypto';
import type { Caller } from '@cppcc/toolkit';
import { countQueries, startTestSubgraph, type TestSubgraph } from '@cppcc/toolkit/testing';
import { deliberationSubgraph } from '../subgraph';

/**
 * The session report: figures per group checked against the sessions and attendance inserted
 * here, one statement whatever the groups, a county caller's own county only.
 */
let graph: TestSubgraph;
const homes = {
  qiuyang: randomUUID(), // 海州区 朐阳街道
  xinhai: randomUUID(), // 海州区 新海街道
  guannan: randomUUID(), // 灌南县
};
const GUANNAN_STAFF: Caller = {
  subject: 'test:county:320724',
  level: 'COUNTY',
  division: '320724',
  roles: ['STAFF'],
  surface: 'county',
};

async function insertSession(
  home: string,
  division: string,
  at: string,
  options: {
    status?: string;
    kind?: string;
    involved?: string[];
    published?: boolean;
    attendance?: string[];
  } = {},
) {
  const connection = graph.orm.em.getConnection();
  const id = randomUUID();
  const status = options.status ?? 'HELD';
  await connection.execute(
    `insert into session (id, home_id, division_code, title, kind, status, scheduled_at, held_at, involved_divisions, published_at, cancel_reason)
     values (?, ?, ?, '议事', ?, ?, ?, ?, ?::text[], ?, ?)`,
    [
      id,
      home,
      division,
      options.kind ?? 'FORUM',
      status,
      at,
      status === 'HELD' ? at : null,
      `{${(options.involved ?? []).join(',')}}`,
      options.published ? at : null,
      status === 'CANCELLED' ? '下雨' : null,
    ],
  );
  for (const attendanceStatus of options.attendance ?? []) {
    await connection.execute(
      `insert into attendance (id, session_id, home_id, division_code, attendee_kind, attendee_id, role, status)
       values (?, ?, ?, ?, 'MEMBER', ?, 'MEMBER', ?)`,
      [randomUUID(), id, home, division, randomUUID(), attendanceStatus],
    );
  }
}

beforeAll(async () => {
  graph = await startTestSubgraph(deliberationSubgraph, 'session_reports');
  // 朐阳街道: two held in 2026 Q1 (one across county lines, published), one cancelled in Q2.
  await insertSession(homes.qiuyang, '320706001', '2026-02-01T10:00:00+08:00', {
    involved: ['320724100'],
    published: true,
    attendance: ['PRESENT', 'PRESENT', 'ABSENT', 'EXCUSED'],
  });
  await insertSession(homes.qiuyang, '320706001', '2026-03-31T23:30:00+08:00', {
    kind: 'COUNCIL',
    attendance: ['PRESENT', 'PRESENT', 'PRESENT', 'PRESENT', 'ABSENT', 'ABSENT'],
  });
  await insertSession(homes.qiuyang, '320706001', '2026-05-01T10:00:00+08:00', {
    status: 'CANCELLED',
  });
  // 新海街道: one held in Q2 without an attendance list, one planned in Q3.
  await insertSession(homes.xinhai, '320706006', '2026-04-10T10:00:00+08:00', { published: true });
  await insertSession(homes.xinhai, '320706006', '2026-08-10T10:00:00+08:00', {
    status: 'PLANNED',
  });
  // 灌南县: one held in Q1.
  await insertSession(homes.guannan, '320724100', '2026-01-15T10:00:00+08:00', {
    attendance: ['PRESENT'],
  });
});
afterAll(() => graph?.stop());

const FIGURES = `sessions held cancelled crossCounty averageAttendance attendanceRate minutesPublished`;

describe('sessionReport', () => {
  it('counts each township’s sessions by quarter in time order, with attendance', async () => {
    const { sessionReport } = await graph.query(
      `{ sessionReport(groupBy: [TOWNSHIP, QUARTER], filter: { year: 2026 }) {
           totalGroups truncated rows { township { code } year quarter ${FIGURES} } } }`,
    );
    expect(sessionReport).toMatchObject({ totalGroups: 5, truncated: false });
    expect(sessionReport.rows).toEqual([
      {
        township: { code: '320706001' },
        year: 2026,
        quarter: 1,
        sessions: 2,
        held: 2,
        cancelled: 0,
        crossCounty: 1,
        averageAttendance: 3, // (2 + 4) / 2
        attendanceRate: 0.6, // 6 of 10
        minutesPublished: 1,
      },
      {
        township: { code: '320706001' },
        year: 2026,
        quarter: 2,
        sessions: 1,
        held: 0,
        cancelled: 1,
        crossCounty: 0,
        averageAttendance: null,
        attendanceRate: null,
        minutesPublished: 0,
      },
      expect.objectContaining({ township: { code: '320706006' }, quarter: 2, held: 1 }),
      expect.objectContaining({
        township: { code: '320706006' },
        quarter: 3,
        sessions: 1,
        held: 0,
      }),
      expect.objectContaining({ township: { code: '320724100' }, quarter: 1, attendanceRate: 1 }),
    ]);
  });

  it('groups by home, kind and status, and filters', async () => {
    const { sessionReport } = await graph.query(
      `query($d: String) { sessionReport(groupBy: [HOME, KIND, STATUS], filter: { divisionCode: $d, status: [HELD] }) {
           rows { home { id } kind status held } } }`,
      { d: '320706001' },
    );
    expect(sessionReport.rows).toEqual(
      expect.arrayContaining([
        { home: { id: homes.qiuyang }, kind: 'FORUM', status: 'HELD', held: 1 },
        { home: { id: homes.qiuyang }, kind: 'COUNCIL', status: 'HELD', held: 1 },
      ]),
    );
    expect(sessionReport.rows).toHaveLength(2);
  });

  it('answers in one statement however many groups', async () => {
    for (const groupBy of ['[]', '[COUNTY]', '[COUNTY, TOWNSHIP, HOME, KIND, QUARTER, STATUS]']) {
      const counter = countQueries(graph.orm);
      await graph.query(`{ sessionReport(groupBy: ${groupBy}) { rows { sessions } } }`);
      counter.stop();
      expect(counter.count).toBe(1);
    }
  });

  it('shows a county caller its own county only', async () => {
    const { sessionReport } = await graph
      .as(GUANNAN_STAFF)
      .query(`{ sessionReport(groupBy: [COUNTY]) { rows { county { code } sessions held } } }`);
    expect(sessionReport.rows).toEqual([{ county: { code: '320724' }, sessions: 1, held: 1 }]);
  });

  it('gives the city’s totals by year', async () => {
    const { sessionReport } = await graph.query(
      `{ sessionReport(groupBy: [YEAR]) { rows { year ${FIGURES} } } }`,
    );
    expect(sessionReport.rows).toEqual([
      {
        year: 2026,
        sessions: 6,
        held: 4,
        cancelled: 1,
        crossCounty: 1,
        averageAttendance: 2.3, // (2 + 4 + 1) / 3 lists
        attendanceRate: 0.636, // 7 of 11
        minutesPublished: 2,
      },
    ]);
  });
});
