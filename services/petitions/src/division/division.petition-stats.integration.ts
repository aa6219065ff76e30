import { countQueries, startTestSubgraph, type TestSubgraph } from '@cppcc/toolkit/testing';
import { petitionsSubgraph } from '../subgraph';
import {
  COUNTY,
  OTHER_COUNTY,
  OTHER_VILLAGE,
  VILLAGE,
  departmentCaller,
  officeCaller,
  seedCase,
  seedDepartments,
  type Departments,
} from '../testing/fixtures';

let graph: TestSubgraph;
let departments: Departments;

beforeAll(async () => {
  graph = await startTestSubgraph(petitionsSubgraph, 'petition_stats');
  departments = await seedDepartments(graph);
  const handlingDepartmentId = () => departments.handling;
  // Registered in 2026 in two counties, in every state; one registered the year before.
  for (const [status, divisionCode, registeredOn, handledOn] of [
    ['REGISTERED', VILLAGE, '2026-02-20', undefined],
    ['ACCEPTED', VILLAGE, '2026-02-20', undefined],
    ['HANDLED', VILLAGE, '2026-02-20', '2026-04-10'],
    ['UNDER_REVIEW', VILLAGE, '2026-02-20', '2026-04-20'],
    ['CLOSED', OTHER_VILLAGE, '2026-02-20', '2026-03-11'],
    ['HANDLED', VILLAGE, '2025-12-30', '2026-04-10'],
  ] as const) {
    await seedCase(graph, {
      status,
      divisionCode,
      registeredOn,
      handledOn,
      acceptedOn: '2026-03-01',
      handlingDepartmentId: handlingDepartmentId(),
    });
  }
});
afterAll(() => graph?.stop());

const STATS = `query($reps: [_Any!]!, $year: Int, $from: Date, $to: Date) {
  _entities(representations: $reps) { ... on Division { petitionStats(year: $year, from: $from, to: $to) {
    registered accepted opinionsGiven overdue reviewsRequested closed averageDaysToOpinion } } } }`;
const reps = (...codes: string[]) => codes.map((code) => ({ __typename: 'Division', code }));

describe('the petition figures of the cross-county view', () => {
  it('count the cases registered in the period per division, followed to where they stand', async () => {
    const answer = await graph.query(STATS, {
      reps: reps('3207', COUNTY, OTHER_COUNTY),
      year: 2026,
    });
    expect(
      answer._entities.map((entity: { petitionStats: unknown }) => entity.petitionStats),
    ).toEqual([
      {
        registered: 5,
        accepted: 4,
        opinionsGiven: 3,
        overdue: 1,
        reviewsRequested: 1,
        closed: 1,
        // (40 + 50 + 10) / 3 days from acceptance on 1 March.
        averageDaysToOpinion: 33.3,
      },
      {
        registered: 4,
        accepted: 3,
        opinionsGiven: 2,
        overdue: 1,
        reviewsRequested: 1,
        closed: 0,
        averageDaysToOpinion: 45,
      },
      {
        registered: 1,
        accepted: 1,
        opinionsGiven: 1,
        overdue: 0,
        reviewsRequested: 0,
        closed: 1,
        averageDaysToOpinion: 10,
      },
    ]);
    // The same meaning over a range of days: the last day of 2025 alone.
    const lastDay = await graph.query(STATS, {
      reps: reps('3207'),
      from: '2025-12-31',
      to: '2025-12-31',
    });
    expect(lastDay._entities[0].petitionStats.registered).toBe(0);
    const twoDays = await graph.query(STATS, {
      reps: reps('3207'),
      from: '2025-12-30',
      to: '2025-12-31',
    });
    expect(twoDays._entities[0].petitionStats.registered).toBe(1);
  });

  it("count only what the caller sees: a county's office its county, a department what it handles", async () => {
    const county = await graph
      .as(officeCaller(COUNTY))
      .query(STATS, { reps: reps('3207', OTHER_COUNTY), year: 2026 });
    expect(
      county._entities.map(
        (e: { petitionStats: { registered: number } }) => e.petitionStats.registered,
      ),
    ).toEqual([4, 0]);
    const other = await graph
      .as(departmentCaller(departments.other, COUNTY))
      .send(STATS, { reps: reps('3207'), year: 2026 });
    // Figures are offered on the offices' surfaces; a department asking anyway counts nothing it does not handle.
    expect(other.data?._entities[0].petitionStats.registered).toBe(0);
  });

  it('answer a page of divisions in one statement', async () => {
    const counter = countQueries(graph.orm);
    counter.reset();
    await graph.query(STATS, {
      reps: reps('3207', COUNTY, OTHER_COUNTY, '320706001', VILLAGE),
      year: 2026,
    });
    expect(counter.count).toBe(1);
  });

  it('refuse a year with a range, naming the argument', async () => {
    const answer = await graph.send(STATS, {
      reps: reps('3207'),
      year: 2026,
      from: '2026-01-01',
      to: '2026-02-01',
    });
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });
  });
});
