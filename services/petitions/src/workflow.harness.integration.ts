import {
  countQueries,
  startTestSubgraph,
  surfaceMismatches,
  walkWorkflow,
  type TestSubgraph,
} from '@cppcc/toolkit/testing';
import type { Caller } from '@cppcc/toolkit';
import { PetitionCaseStatus } from './petition-case/petition-case.entity';
import { scopeToCaller } from './petition-case/petition-case.scope';
import {
  acceptPetitionCase,
  closePetitionCase,
  givePetitionOpinion,
  requestPetitionReview,
  reviewPetitionCase,
} from './petition-case/petition-case.service';
import {
  PETITION_CASE_STEPS,
  PETITION_CASE_WORKFLOW,
  type PetitionCaseStep,
} from './petition-case/petition-case.workflow';
import { petitionsSubgraph } from './subgraph';
import {
  COUNTY,
  OTHER_COUNTY,
  departmentCaller,
  officeCaller,
  readCase,
  seedCase,
  seedDepartments,
  type Departments,
} from './testing/fixtures';

/**
 * Every (state, step, caller) of the petition cases' workflow, walked from its table by the
 * toolkit's harness through the service; and every step's mutation offered on the surfaces of
 * its actor. The bureau's steps and the handling department's are two walks: both are taken by
 * departments (one actor level), told apart by a guard the harness does not model, so each walk
 * asks its steps of the department they belong to and of callers the table refuses.
 */
let graph: TestSubgraph;
let departments: Departments;

beforeAll(async () => {
  graph = await startTestSubgraph(petitionsSubgraph, 'petitions_workflow_harness');
  departments = await seedDepartments(graph);
});
afterAll(() => graph?.stop());

/** Callers the table refuses (offices, homes, the public) or who cannot see the case. */
function refusedCallers(): Record<string, Caller> {
  return {
    'city staff': officeCaller('3207'),
    'county staff': officeCaller(COUNTY),
    'home leader': {
      subject: 'test:home',
      level: 'HOME',
      division: '320706001',
      roles: ['HOME_LEADER'],
      surface: 'home',
      homeId: '00000000-0000-4000-8000-000000000001',
    },
    'another department': departmentCaller(departments.other, COUNTY),
    "another county's bureau": departmentCaller(departments.otherCountyBureau, OTHER_COUNTY),
    public: { subject: 'test:public', level: 'PUBLIC', division: '', roles: [], surface: 'public' },
  };
}

/** The bureaus above the case see it in every state; the handling department once accepted. */
const DEPARTMENT_SEES = (state: PetitionCaseStatus, caller: Caller) =>
  caller.departmentId === departments.countyBureau ||
  caller.departmentId === departments.cityBureau ||
  (caller.departmentId === departments.handling && state !== PetitionCaseStatus.REGISTERED);

const TAKE: Record<
  PetitionCaseStep,
  (
    em: Parameters<typeof acceptPetitionCase>[0],
    caller: Caller,
    id: string,
    version: number,
  ) => Promise<unknown>
> = {
  accept: (em, caller, id, version) =>
    acceptPetitionCase(em, caller, id, version, departments.handling),
  giveOpinion: (em, caller, id, version) =>
    givePetitionOpinion(em, caller, id, version, '已责成街道办三日内补发'),
  requestReview: (em, caller, id, version) =>
    requestPetitionReview(em, caller, id, version, '对补偿标准有异议'),
  review: (em, caller, id, version) => reviewPetitionCase(em, caller, id, version, '维持原意见'),
  close: (em, caller, id, version) => closePetitionCase(em, caller, id, version),
};

function walkOf(steps: PetitionCaseStep[], rightful: Record<string, Caller>) {
  const workflow = {
    ...PETITION_CASE_WORKFLOW,
    steps: Object.fromEntries(steps.map((step) => [step, PETITION_CASE_STEPS[step]])),
  } as unknown as typeof PETITION_CASE_WORKFLOW;
  return walkWorkflow({
    counter: countQueries(graph.orm),
    workflow,
    callers: { ...rightful, ...refusedCallers() },
    sees: (state, caller) => caller.level === 'DEPARTMENT' && DEPARTMENT_SEES(state, caller),
    em: (caller) => scopeToCaller(graph.orm.em.fork(), caller),
    seed: (status: PetitionCaseStatus) =>
      seedCase(graph, { status, handlingDepartmentId: departments.handling }),
    read: (id) => readCase(graph, id) as never,
    take: TAKE,
  });
}

describe('every step of the petition cases, from every state, as every caller', () => {
  it("the bureau's steps keep their table, for the county's bureau and the city's", async () => {
    const { failures, statements } = await walkOf(['accept', 'requestReview', 'review', 'close'], {
      "the county's bureau": departmentCaller(departments.countyBureau, COUNTY),
      "the city's bureau": departmentCaller(departments.cityBureau, '3207'),
    });
    expect(failures).toEqual([]);
    // begin, the bureau's scope, the locked read, the guard's bureau check, the update, the
    // history entry, commit; accepting also checks the handling department (+1).
    expect(statements).toEqual({ accept: 8, requestReview: 7, review: 7, close: 7 });
  });

  it("the handling department's opinion keeps its table", async () => {
    const { failures, statements } = await walkOf(['giveOpinion'], {
      'the handling department': departmentCaller(departments.handling, COUNTY),
    });
    expect(failures).toEqual([]);
    // begin, the department's scope, the locked read, the update, the history entry, commit.
    expect(statements).toEqual({ giveOpinion: 6 });
  });

  it("refuses a bureau's step to the handling department, and the opinion to the bureau", async () => {
    const handling = departmentCaller(departments.handling, COUNTY);
    const bureau = departmentCaller(departments.countyBureau, COUNTY);
    const registered = await seedCase(graph, { status: PetitionCaseStatus.REGISTERED });
    await expect(
      TAKE.accept(scopeToCaller(graph.orm.em.fork(), handling), handling, registered, 1),
    ).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    const handled = await seedCase(graph, {
      status: PetitionCaseStatus.HANDLED,
      handlingDepartmentId: departments.handling,
    });
    await expect(
      TAKE.close(scopeToCaller(graph.orm.em.fork(), handling), handling, handled, 1),
    ).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect(await readCase(graph, handled)).toEqual({ status: 'HANDLED', version: 1, history: 0 });
    const accepted = await seedCase(graph, {
      status: PetitionCaseStatus.ACCEPTED,
      handlingDepartmentId: departments.handling,
    });
    await expect(
      TAKE.giveOpinion(scopeToCaller(graph.orm.em.fork(), bureau), bureau, accepted, 1),
    ).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect(await readCase(graph, accepted)).toEqual({ status: 'ACCEPTED', version: 1, history: 0 });
  });
});

describe('the surfaces of every step', () => {
  it("offer each step's mutation where its actor's callers are, and nowhere else", async () => {
    const schema = await petitionsSubgraph.buildSchema();
    expect(
      surfaceMismatches(schema, {
        // Whoever accepts a case registers it and records the sessions held on it.
        registerPetitionCase: PETITION_CASE_STEPS.accept.actor,
        recordPetitionSession: PETITION_CASE_STEPS.accept.actor,
        acceptPetitionCase: PETITION_CASE_STEPS.accept.actor,
        givePetitionOpinion: PETITION_CASE_STEPS.giveOpinion.actor,
        requestPetitionReview: PETITION_CASE_STEPS.requestReview.actor,
        reviewPetitionCase: PETITION_CASE_STEPS.review.actor,
        closePetitionCase: PETITION_CASE_STEPS.close.actor,
      }),
    ).toEqual([]);
  });
});
