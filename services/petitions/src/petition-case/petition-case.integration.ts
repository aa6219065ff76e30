import { randomUUID } from 'node:crypto';
import { countQueries, startTestSubgraph, type TestSubgraph } from '@cppcc/toolkit/testing';
import { petitionsSubgraph } from '../subgraph';
import {
  COUNTY,
  OTHER_COUNTY,
  OTHER_VILLAGE,
  UNKNOWN_VILLAGE,
  VILLAGE,
  departmentCaller,
  officeCaller,
  seedCase,
  seedDemand,
  seedDepartments,
  seedDivisions,
  seedSession,
  type Departments,
} from '../testing/fixtures';
import { OPINION_DAYS, addDays } from './petition-case.deadline';

let graph: TestSubgraph;
let departments: Departments;
const sql = <T extends object>(query: string, values: unknown[] = []) =>
  graph.orm.em.getConnection().execute<T>(query, values);

beforeAll(async () => {
  graph = await startTestSubgraph(petitionsSubgraph, 'petition_cases');
  departments = await seedDepartments(graph);
  await seedDivisions(graph);
});
afterAll(() => graph?.stop());

const bureau = () => graph.as(departmentCaller(departments.countyBureau, COUNTY));
const handling = () => graph.as(departmentCaller(departments.handling, COUNTY));

const CASE_FIELDS = `id number status version petitioners opinionDueOn opinion isOverdue
  handlingDepartment { id } division { code } demands { id } sessions { id }
  history { step fromStatus toStatus byDepartmentId }`;
const REGISTER = `mutation($input: RegisterPetitionCaseInput!) { registerPetitionCase(input: $input) { ${CASE_FIELDS} } }`;
const ACCEPT = `mutation($input: PetitionCaseStepInput!, $department: ID!, $on: Date) {
  acceptPetitionCase(input: $input, handlingDepartmentId: $department, acceptedOn: $on) { ${CASE_FIELDS} } }`;
const OPINION = `mutation($input: PetitionCaseStepInput!, $opinion: String!) {
  givePetitionOpinion(input: $input, opinion: $opinion) { ${CASE_FIELDS} } }`;
const REVIEW_REQUEST = `mutation($input: PetitionCaseStepInput!) {
  requestPetitionReview(input: $input, reason: "补偿标准有异议") { ${CASE_FIELDS} } }`;
const SESSION = `mutation($input: PetitionCaseStepInput!, $session: ID!) {
  recordPetitionSession(input: $input, sessionId: $session) { ${CASE_FIELDS} } }`;
const CASES = `query($division: String) { petitionCases(first: 100, divisionCode: $division) { totalCount edges { node { id petitioners } } } }`;
const ONE = `query($id: ID!) { petitionCase(id: $id) { id petitioners } }`;

const countCases = async () =>
  Number((await sql<Array<{ n: string }>>('select count(*) as n from petition_case'))[0].n);

describe("a petition case's life through the graph", () => {
  it('is registered and accepted by the bureau, answered by the handling department, reviewed once', async () => {
    const demand = await seedDemand(graph);
    const session = await seedSession(graph);
    const registered = (
      await bureau().query(REGISTER, {
        input: {
          subject: '宅基地确权纠纷',
          petitioners: ['王五'],
          divisionCode: VILLAGE,
          demandIds: [demand],
          registeredOn: '2026-03-02',
          idempotencyKey: 'register-once-0001',
        },
      })
    ).registerPetitionCase;
    expect(registered).toMatchObject({
      status: 'REGISTERED',
      number: expect.stringMatching(/^XF2026-\d{6}$/),
      // The bureau writes the names but, a department, reads them masked (staff only).
      petitioners: ['**'],
      demands: [{ id: demand }],
      history: [{ step: 'register', fromStatus: null, toStatus: 'REGISTERED' }],
    });
    // The same key with the same input (its fields in another order) gives the same case,
    // registered once.
    const again = await bureau().query(REGISTER, {
      input: {
        idempotencyKey: 'register-once-0001',
        registeredOn: '2026-03-02',
        demandIds: [demand],
        divisionCode: VILLAGE,
        petitioners: ['王五'],
        subject: '宅基地确权纠纷',
      },
    });
    expect(again.registerPetitionCase.id).toBe(registered.id);

    const accepted = (
      await bureau().query(ACCEPT, {
        input: { caseId: registered.id, expectedVersion: 1 },
        department: departments.handling,
        on: '2026-03-05',
      })
    ).acceptPetitionCase;
    expect(accepted).toMatchObject({
      status: 'ACCEPTED',
      handlingDepartment: { id: departments.handling },
      opinionDueOn: addDays('2026-03-05', OPINION_DAYS),
      isOverdue: true,
    });
    expect(accepted.opinionDueOn).toBe('2026-05-04');

    const withSession = (
      await bureau().query(SESSION, { input: { caseId: registered.id }, session })
    ).recordPetitionSession;
    expect(withSession).toMatchObject({ status: 'ACCEPTED', sessions: [{ id: session }] });

    const handled = (
      await handling().query(OPINION, {
        input: { caseId: registered.id, expectedVersion: withSession.version },
        opinion: '经核查，已督促镇政府依法确权',
      })
    ).givePetitionOpinion;
    expect(handled).toMatchObject({
      status: 'HANDLED',
      opinion: '经核查，已督促镇政府依法确权',
      isOverdue: false,
    });
    const review = (await bureau().query(REVIEW_REQUEST, { input: { caseId: registered.id } }))
      .requestPetitionReview;
    expect(review.history.map((entry: { step: string }) => entry.step)).toEqual([
      'register',
      'accept',
      'recordSession',
      'giveOpinion',
      'requestReview',
    ]);
    expect(review.history[3].byDepartmentId).toBe(departments.handling);
    // The entities it links to: the demand's case and the session's, through `_entities`.
    const linked = await graph.query(
      `query($reps: [_Any!]!) { _entities(representations: $reps) {
         ... on Demand { petitionCase { id } } ... on Session { petitionCase { id } } } }`,
      {
        reps: [
          { __typename: 'Demand', id: demand },
          { __typename: 'Session', id: session },
          { __typename: 'Demand', id: randomUUID() },
        ],
      },
    );
    expect(linked._entities).toEqual([
      { petitionCase: { id: registered.id } },
      { petitionCase: { id: registered.id } },
      { petitionCase: null },
    ]);
  });

  it('refuses bad input with the field at fault, and writes nothing', async () => {
    const before = await countCases();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ subject: ' ', petitioners: ['王五'], divisionCode: VILLAGE }, 'input.subject'],
      [{ subject: '事项', petitioners: [], divisionCode: VILLAGE }, 'input.petitioners'],
      [{ subject: '事项', petitioners: ['王五'], divisionCode: '3207' }, 'input.divisionCode'],
      // Outside the county bureau's own division.
      [
        { subject: '事项', petitioners: ['王五'], divisionCode: OTHER_VILLAGE },
        'input.divisionCode',
      ],
      // Well formed and in the county, but naming no division the organization knows.
      [
        { subject: '事项', petitioners: ['王五'], divisionCode: UNKNOWN_VILLAGE },
        'input.divisionCode',
      ],
      [
        { subject: '事项', petitioners: ['王五'], divisionCode: VILLAGE, demandIds: ['x'] },
        'input.demandIds.0',
      ],
      [
        {
          subject: '事项',
          petitioners: ['王五'],
          divisionCode: VILLAGE,
          registeredOn: '2999-01-01',
        },
        'input.registeredOn',
      ],
    ];
    for (const [input, field] of cases) {
      const answer = await bureau().send(REGISTER, { input });
      expect([field, answer.errors?.[0].extensions]).toMatchObject([
        field,
        { code: 'BAD_USER_INPUT', field },
      ]);
      expect(answer.errors?.[0].message).not.toContain('x');
      expect(answer.errors?.[0].message).not.toMatch(/\d{6}/);
    }
    const registered = await seedCase(graph, { status: 'REGISTERED' });
    const nowhere = randomUUID();
    const unknown = await bureau().send(ACCEPT, {
      input: { caseId: registered },
      department: nowhere,
    });
    expect(unknown.errors?.[0]).toMatchObject({
      message: 'There is no such department in this county or the city.',
      extensions: { code: 'BAD_USER_INPUT', field: 'handlingDepartmentId' },
    });
    const noCase = await bureau().send(ACCEPT, {
      input: { caseId: nowhere },
      department: departments.handling,
    });
    expect(noCase.errors?.[0]).toMatchObject({
      message: 'There is no PetitionCase with this id.',
      extensions: { code: 'NOT_FOUND', field: 'input.caseId' },
    });
    // A department of another county cannot handle this county's case.
    const elsewhere = await bureau().send(ACCEPT, {
      input: { caseId: registered },
      department: departments.otherCountyBureau,
    });
    expect(elsewhere.errors?.[0].extensions?.field).toBe('handlingDepartmentId');
    // Only a petitions bureau registers.
    const notBureau = await handling().send(REGISTER, {
      input: { subject: '事项', petitioners: ['王五'], divisionCode: VILLAGE },
    });
    expect(notBureau.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await countCases()).toBe(before + 1);
    expect(
      (
        await sql<Array<{ status: string }>>('select status from petition_case where id = ?', [
          registered,
        ])
      )[0].status,
    ).toBe('REGISTERED');
  });
});

describe('a registration retried with its idempotency key', () => {
  const INPUT = {
    subject: '土地征收补偿',
    petitioners: ['赵六', '钱七'],
    divisionCode: VILLAGE,
    registeredOn: '2026-04-01',
  };
  const rows = (key: string) =>
    sql<Array<Record<string, unknown>>>(
      'select id, subject, petitioners, registered_on, version, idempotency_fingerprint from petition_case where idempotency_key like ?',
      [`%:${key}`],
    );

  it('gives the first case for the same input, and refuses another input under the key, writing nothing', async () => {
    const key = randomUUID();
    const first = (await bureau().query(REGISTER, { input: { ...INPUT, idempotencyKey: key } }))
      .registerPetitionCase;
    const kept = await rows(key);
    expect(kept).toHaveLength(1);
    const reordered = await bureau().query(REGISTER, {
      input: {
        registeredOn: '2026-04-01',
        idempotencyKey: key,
        divisionCode: VILLAGE,
        petitioners: ['赵六', '钱七'],
        subject: '土地征收补偿',
      },
    });
    expect(reordered.registerPetitionCase.id).toBe(first.id);

    const before = await countCases();
    for (const changed of [
      { subject: '另一件事' },
      // The same petitioners in another order are another list.
      { petitioners: ['钱七', '赵六'] },
      { registeredOn: '2026-04-02' },
    ]) {
      const refused = await bureau().send(REGISTER, {
        input: { ...INPUT, ...changed, idempotencyKey: key },
      });
      expect(refused.errors?.[0]).toMatchObject({
        message:
          'This idempotencyKey was used for a request with another input: use a new key for a new record.',
        extensions: { code: 'BAD_USER_INPUT', field: 'input.idempotencyKey' },
      });
      expect(refused.errors?.[0].message).not.toContain(key);
    }
    expect(await countCases()).toBe(before);
    expect(await rows(key)).toEqual(kept);
  });

  it("is another bureau's own key: the same key from it registers its own case", async () => {
    const key = randomUUID();
    const county = (await bureau().query(REGISTER, { input: { ...INPUT, idempotencyKey: key } }))
      .registerPetitionCase;
    const city = await graph
      .as(departmentCaller(departments.cityBureau, '3207'))
      .send(REGISTER, { input: { ...INPUT, subject: '城市事项', idempotencyKey: key } });
    expect(city.errors).toBeUndefined();
    expect((city.data as any).registerPetitionCase.id).not.toBe(county.id);
    expect(await rows(key)).toHaveLength(2);
  });
});

describe("the fields other subgraphs' records gain", () => {
  it('read the cases of a page of demands, sessions or departments in one statement each', async () => {
    const demands = [randomUUID(), randomUUID(), randomUUID()];
    const sessions = [randomUUID(), randomUUID()];
    for (const [index, demand] of demands.entries()) {
      await seedCase(graph, {
        status: 'ACCEPTED',
        handlingDepartmentId: departments.handling,
        demandIds: [demand],
        sessionIds: index < sessions.length ? [sessions[index]] : [],
      });
    }
    const counter = countQueries(graph.orm);
    const page = async (reps: object[], selection: string) => {
      counter.reset();
      const answer = await graph.query(
        `query($reps: [_Any!]!) { _entities(representations: $reps) { ${selection} } }`,
        { reps },
      );
      return { answer: answer._entities, statements: counter.count };
    };
    const ofDemands = await page(
      demands.map((id) => ({ __typename: 'Demand', id })),
      '... on Demand { petitionCase { demands { id } } }',
    );
    expect(ofDemands.answer.map((e: any) => e.petitionCase.demands[0].id)).toEqual(demands);
    expect(ofDemands.statements).toBe(1);
    const ofSessions = await page(
      sessions.map((id) => ({ __typename: 'Session', id })),
      '... on Session { petitionCase { sessions { id } } }',
    );
    expect(ofSessions.answer.map((e: any) => e.petitionCase.sessions[0].id)).toEqual(sessions);
    expect(ofSessions.statements).toBe(1);
    const ofDepartments = await page(
      [departments.handling, departments.other].map((id) => ({ __typename: 'Department', id })),
      '... on Department { petitionCases(first: 2) { totalCount edges { node { id } } } }',
    );
    expect(ofDepartments.answer[0].petitionCases.totalCount).toBeGreaterThanOrEqual(3);
    expect(ofDepartments.answer[1].petitionCases.totalCount).toBe(0);
    // The count and the pages of every department.
    expect(ofDepartments.statements).toBe(2);
  });
});

describe('who sees which cases', () => {
  let here: string;
  let there: string;
  let handled: string;
  beforeAll(async () => {
    here = await seedCase(graph, { status: 'REGISTERED', divisionCode: VILLAGE });
    there = await seedCase(graph, { status: 'REGISTERED', divisionCode: OTHER_VILLAGE });
    handled = await seedCase(graph, {
      status: 'ACCEPTED',
      divisionCode: VILLAGE,
      handlingDepartmentId: departments.handling,
    });
  });

  const ids = async (caller: Parameters<TestSubgraph['as']>[0]) => {
    const answer = await graph.as(caller).query(CASES);
    return new Set(
      answer.petitionCases.edges.map((edge: { node: { id: string } }) => edge.node.id),
    );
  };

  it("the city's office and the city's bureau see every case", async () => {
    for (const caller of [officeCaller('3207'), departmentCaller(departments.cityBureau, '3207')]) {
      const seen = await ids(caller);
      expect([here, there, handled].every((id) => seen.has(id))).toBe(true);
    }
  });

  it("a county's office and a county's bureau see their county's cases only", async () => {
    for (const caller of [
      officeCaller(COUNTY),
      departmentCaller(departments.countyBureau, COUNTY),
    ]) {
      const seen = await ids(caller);
      expect(seen.has(here) && seen.has(handled)).toBe(true);
      expect(seen.has(there)).toBe(false);
      expect((await graph.as(caller).query(ONE, { id: there })).petitionCase).toBeNull();
    }
    const other = await ids(departmentCaller(departments.otherCountyBureau, OTHER_COUNTY));
    expect(other.has(there) && !other.has(here)).toBe(true);
  });

  it('a department sees the cases it handles, and no other', async () => {
    const own = await ids(departmentCaller(departments.handling, COUNTY));
    expect(own.has(handled) && !own.has(here) && !own.has(there)).toBe(true);
    expect((await ids(departmentCaller(departments.other, COUNTY))).size).toBe(0);
    // Working on petitions does not make a department the bureau: it sees what it handles.
    expect((await ids(departmentCaller(departments.justice, COUNTY))).size).toBe(0);
    const ofDepartment = await graph
      .as(departmentCaller(departments.other, COUNTY))
      .query(
        `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Department { petitionCases { totalCount } } } }`,
        { reps: [{ __typename: 'Department', id: departments.handling }] },
      );
    expect(ofDepartment._entities[0].petitionCases.totalCount).toBe(0);
  });

  it('a home and the public see none', async () => {
    const home = {
      subject: 'test:home',
      level: 'HOME' as const,
      division: '320706001',
      roles: ['HOME_LEADER'],
      surface: 'home' as const,
      homeId: randomUUID(),
    };
    const publicCaller = {
      subject: 'test:public',
      level: 'PUBLIC' as const,
      division: '',
      roles: [],
      surface: 'public' as const,
    };
    for (const caller of [home, publicCaller]) {
      expect((await graph.as(caller).query(CASES)).petitionCases.totalCount).toBe(0);
      expect((await graph.as(caller).query(ONE, { id: here })).petitionCase).toBeNull();
    }
  });

  it("gives the petitioners' names to the offices' staff only", async () => {
    const names = async (caller: Parameters<TestSubgraph['as']>[0]) =>
      (await graph.as(caller).query(ONE, { id: handled })).petitionCase.petitioners;
    expect(await names(officeCaller(COUNTY))).toEqual(['张三', '李四']);
    // Not on the department surface at all; asked of the subgraph directly, still masked.
    expect(await names(departmentCaller(departments.countyBureau, COUNTY))).toEqual(['**', '**']);
    expect(await names(departmentCaller(departments.handling, COUNTY))).toEqual(['**', '**']);
    // An office's caller whose role does not need personal data reads them masked.
    expect(await names(officeCaller(COUNTY, ['ANALYST']))).toEqual(['**', '**']);
  });
});
