import { randomUUID } from 'node:crypto';
import { eventually, startTestSubgraph, type TestSubgraph } from '@cppcc/toolkit/testing';
import { petitionsSubgraph } from '../subgraph';
import {
  COUNTY,
  OTHER_COUNTY,
  VILLAGE,
  departmentCaller,
  readCase,
  seedCase,
  seedDemand,
  seedDepartments,
  seedDivisions,
  seedSession,
  type Departments,
} from '../testing/fixtures';

/**
 * The sessions and demands a case links to: known from their services' feeds (the projections,
 * seeded here as the feeds would have brought them), of the case's county, and on one case only.
 */
let graph: TestSubgraph;
let departments: Departments;
const sql = <T extends object>(query: string, values: unknown[] = []) =>
  graph.orm.em.getConnection().execute<T>(query, values);

beforeAll(async () => {
  graph = await startTestSubgraph(petitionsSubgraph, 'petition_links');
  departments = await seedDepartments(graph);
  await seedDivisions(graph);
});
afterAll(() => graph?.stop());

const bureau = () => graph.as(departmentCaller(departments.countyBureau, COUNTY));
const cityBureau = () => graph.as(departmentCaller(departments.cityBureau, '3207'));

const REGISTER = `mutation($input: RegisterPetitionCaseInput!) {
  registerPetitionCase(input: $input) { id version demands { id } } }`;
const SESSION = `mutation($input: PetitionCaseStepInput!, $session: ID!) {
  recordPetitionSession(input: $input, sessionId: $session) { id version sessions { id } history { step } } }`;

const count = async (table: string) =>
  Number((await sql<Array<{ n: string }>>(`select count(*) as n from ${table}`))[0].n);

const register = (demandIds: string[], divisionCode = VILLAGE) => ({
  input: { subject: '征地补偿款未足额发放', petitioners: ['王五'], divisionCode, demandIds },
});

describe('the demands a case is registered for', () => {
  it('refuses an unknown demand, one that is no petition matter, of another county or on another case, and writes nothing', async () => {
    const good = await seedDemand(graph);
    const linked = await seedDemand(graph);
    await seedCase(graph, { status: 'REGISTERED', demandIds: [linked] });
    const refusals: Array<[string, string[], RegExp]> = [
      ['unknown', [good, randomUUID()], /no such demand.*takes a moment to be known/],
      ['no petition', [await seedDemand(graph, { isPetition: false })], /no petition matter/],
      [
        'another county',
        [await seedDemand(graph, { divisionCode: '320724100201' })],
        /no such demand in the case's county/,
      ],
      ['on another case', [linked], /already linked to another case/],
      // The index is the one given: a duplicate is refused where it stands.
      ['given twice', [good, good], /given twice/],
      // Another county's demand reads as an unknown one (not whether it is a petition matter).
      [
        'another county, no petition',
        [await seedDemand(graph, { divisionCode: '320724100201', isPetition: false })],
        /no such demand in the case's county/,
      ],
    ];
    const before = {
      cases: await count('petition_case'),
      links: await count('petition_case_demand'),
      history: await count('petition_case_event'),
    };
    for (const [what, demandIds, message] of refusals) {
      const answer = await bureau().send(REGISTER, register(demandIds));
      const error = answer.errors?.[0];
      const field = `input.demandIds.${demandIds.length - 1}`;
      expect([what, error?.extensions]).toMatchObject([what, { code: 'BAD_USER_INPUT', field }]);
      expect([what, error?.message]).toEqual([what, expect.stringMatching(message)]);
      for (const id of demandIds) expect(error?.message).not.toContain(id);
    }
    const tooMany = await bureau().send(
      REGISTER,
      register(Array.from({ length: 51 }, () => randomUUID())),
    );
    expect(tooMany.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.demandIds',
    });
    expect({
      cases: await count('petition_case'),
      links: await count('petition_case_demand'),
      history: await count('petition_case_event'),
    }).toEqual(before);
  });

  it("a demand of a county is the city bureau's to register too; the demand is then the case's alone", async () => {
    const demand = await seedDemand(graph);
    const registered = (await cityBureau().query(REGISTER, register([demand])))
      .registerPetitionCase;
    expect(registered.demands).toEqual([{ id: demand }]);
    const links = await sql<Array<{ case_id: string }>>(
      'select case_id from petition_case_demand where demand_id = ?',
      [demand],
    );
    expect(links).toEqual([{ case_id: registered.id }]);
    const again = await bureau().send(REGISTER, register([demand]));
    expect(again.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.demandIds.0',
    });
  });

  it('refuses a demand another case took between the check and the commit', async () => {
    const demand = await seedDemand(graph);
    const knex = graph.orm.em.getConnection().getKnex();
    // Another registration, still open: its case already names the demand (its link row is
    // written, not committed), so this one's check does not see it.
    const other = await knex.transaction();
    await other.raw(
      `insert into petition_case (id, number, subject, petitioners, division_code, status,
         registered_on, demand_ids)
       values (?, 'XF-T-RACE', '事项', array['赵六'], ?, 'REGISTERED', '2026-03-01', ?::uuid[])`,
      [randomUUID(), VILLAGE, `{${demand}}`],
    );
    const before = await count('petition_case');
    const answer = bureau().send(REGISTER, register([demand]));
    // Once this registration waits on the other's link row, the other commits.
    await eventually(async () => {
      const [{ n }] = await sql<Array<{ n: string }>>(
        `select count(*) as n from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock'`,
      );
      expect(Number(n)).toBe(1);
    });
    await other.commit();
    const { errors } = await answer;
    expect(errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.demandIds',
    });
    expect(errors?.[0].message).toMatch(/already linked to another case/);
    expect(await count('petition_case')).toBe(before + 1);
  });
});

describe('the sessions recorded on a case', () => {
  it('refuses an unknown session, one of another county, cancelled, of another kind or on another case, and writes nothing', async () => {
    const caseId = await seedCase(graph, {
      status: 'ACCEPTED',
      handlingDepartmentId: departments.handling,
    });
    const taken = await seedSession(graph);
    await seedCase(graph, { status: 'REGISTERED', sessionIds: [taken] });
    const refusals: Array<[string, string, RegExp]> = [
      ['unknown', randomUUID(), /no such session.*takes a moment to be known/],
      ['not an id', 'x', /an id/],
      [
        'another county',
        await seedSession(graph, { divisionCode: `${OTHER_COUNTY}100` }),
        /no such session in the case's county/,
      ],
      [
        'another county, cancelled, a council',
        await seedSession(graph, {
          divisionCode: `${OTHER_COUNTY}100`,
          status: 'CANCELLED',
          kind: 'COUNCIL',
        }),
        /no such session in the case's county/,
      ],
      ['cancelled', await seedSession(graph, { status: 'CANCELLED' }), /cancelled/],
      ['a council', await seedSession(graph, { kind: 'COUNCIL' }), /MULTI_PARTY/],
      ['on another case', taken, /already recorded on another case/],
    ];
    const before = {
      case: await readCase(graph, caseId),
      links: await count('petition_case_session'),
    };
    for (const [what, session, message] of refusals) {
      const answer = await bureau().send(SESSION, { input: { caseId }, session });
      const error = answer.errors?.[0];
      expect([what, error?.extensions]).toMatchObject([
        what,
        { code: 'BAD_USER_INPUT', field: 'sessionId' },
      ]);
      expect([what, error?.message]).toEqual([what, expect.stringMatching(message)]);
      expect(error?.message).not.toContain(session);
    }
    expect({
      case: await readCase(graph, caseId),
      links: await count('petition_case_session'),
    }).toEqual(before);
  });

  it('records a planned or held multi-party session of the county once, and makes it the case’s alone', async () => {
    const caseId = await seedCase(graph, {
      status: 'ACCEPTED',
      handlingDepartmentId: departments.handling,
    });
    const planned = await seedSession(graph, { status: 'PLANNED', divisionCode: '320706001001' });
    const held = await seedSession(graph);
    let version = 1;
    for (const session of [planned, held]) {
      const recorded = (
        await bureau().query(SESSION, { input: { caseId, expectedVersion: version }, session })
      ).recordPetitionSession;
      version = recorded.version;
    }
    const twice = (await bureau().query(SESSION, { input: { caseId }, session: held }))
      .recordPetitionSession;
    expect(twice).toMatchObject({
      version,
      sessions: [{ id: planned }, { id: held }],
      history: [{ step: 'recordSession' }, { step: 'recordSession' }],
    });
    const links = await sql<Array<{ session_id: string }>>(
      'select session_id from petition_case_session where case_id = ? order by session_id',
      [caseId],
    );
    expect(links.map((row) => row.session_id)).toEqual([planned, held].sort());
    const otherCase = await seedCase(graph, { status: 'REGISTERED' });
    const refused = await bureau().send(SESSION, { input: { caseId: otherCase }, session: held });
    expect(refused.errors?.[0].extensions).toMatchObject({ field: 'sessionId' });
  });
});
