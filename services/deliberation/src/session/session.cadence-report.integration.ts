import { randomUUID } from 'node:crypto';
import {
  CITY_STAFF,
  countQueries,
  startTestSubgraph,
  type TestSubgraph,
} from '@cppcc/toolkit/testing';
import { deliberationSubgraph } from '../subgraph';

let graph: TestSubgraph;
const homes = {
  met: randomUUID(), // 朐阳街道, held a session in the quarter
  missed: randomUUID(), // 朐阳街道, held none
  late: randomUUID(), // 新海街道, established in the quarter's last weeks: not yet required
  suspended: randomUUID(), // 新海街道, suspended: not required
  elsewhere: randomUUID(), // 灌南县: not in 海州区's report
};

beforeAll(async () => {
  graph = await startTestSubgraph(deliberationSubgraph, 'cadence_report');
  const connection = graph.orm.em.getConnection();
  for (const [id, division, status, established] of [
    [homes.met, '320706001', 'ACTIVE', '2020-05-01'],
    [homes.missed, '320706001001', 'ACTIVE', '2020-05-01'],
    [homes.late, '320706006', 'ACTIVE', '2026-09-10'],
    [homes.suspended, '320706006', 'SUSPENDED', '2020-05-01'],
    [homes.elsewhere, '320724100', 'ACTIVE', '2020-05-01'],
  ]) {
    await connection.execute(
      `insert into home_projection (id, division_code, status, kind, name, version, established_on) values (?, ?, ?, 'CITIZEN', '之家', 1, ?)`,
      [id, division, status, established],
    );
  }
  for (const [home, division, at] of [
    [homes.met, '320706001', '2026-08-20T09:00:00+08:00'],
    [homes.met, '320706001', '2026-09-30T23:30:00+08:00'],
    [homes.missed, '320706001001', '2026-06-30T20:00:00+08:00'], // the quarter before
    [homes.elsewhere, '320724100', '2026-08-01T09:00:00+08:00'],
  ]) {
    await connection.execute(
      `insert into session (id, home_id, division_code, title, kind, status, scheduled_at, held_at) values (?, ?, ?, '议事', 'FORUM', 'HELD', ?, ?)`,
      [randomUUID(), home, division, at, at],
    );
  }
});
afterAll(() => graph?.stop());

const REPORT = `query($code: String!) { cadenceReport(divisionCode: $code, year: 2026, quarter: 3) {
  homes { home { id } division { code } status held required compliant }
  children { division { code } homes required compliant rate }
  total { homes required compliant rate } } }`;

describe('the cadence report of a quarter', () => {
  it('names the homes that missed the quarter, first, with a summary per township', async () => {
    const counter = countQueries(graph.orm);
    const report = (await graph.query(REPORT, { code: '320706' })).cadenceReport;
    expect(counter.count).toBe(1);
    counter.stop();
    const row = (id: string) => report.homes.find((candidate: any) => candidate.home.id === id);
    expect(report.homes[0].home.id).toBe(homes.missed);
    expect(row(homes.met)).toMatchObject({ held: 2, required: 1, compliant: true });
    expect(row(homes.missed)).toMatchObject({ held: 0, required: 1, compliant: false });
    expect(row(homes.late)).toMatchObject({ held: 0, required: 0, compliant: true });
    expect(row(homes.suspended)).toMatchObject({
      status: 'SUSPENDED',
      required: 0,
      compliant: true,
    });
    expect(row(homes.elsewhere)).toBeUndefined();
    expect(report.children).toEqual(
      expect.arrayContaining([
        { division: { code: '320706001' }, homes: 2, required: 2, compliant: 1, rate: 0.5 },
        { division: { code: '320706006' }, homes: 2, required: 0, compliant: 0, rate: null },
      ]),
    );
    expect(report.total).toEqual({ homes: 4, required: 2, compliant: 1, rate: 0.5 });
  });

  it('shows another county nothing of 海州区', async () => {
    const guannan = graph.as({
      ...CITY_STAFF,
      subject: 'test:guannan',
      level: 'COUNTY',
      division: '320724',
      surface: 'county',
    });
    const report = (await guannan.query(REPORT, { code: '320706' })).cadenceReport;
    expect(report.homes).toEqual([]);
    expect(report.total).toEqual({ homes: 0, required: 0, compliant: 0, rate: null });
  });

  it('refuses a division code that is not one', async () => {
    const response = await graph.send(REPORT, { code: 'abc' });
    expect(response.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'divisionCode',
    });
  });
});
