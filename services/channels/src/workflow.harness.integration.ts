import { randomUUID } from 'node:crypto';
import { applyJurisdiction, takeStep, todayInCity, type Caller } from '@cppcc/toolkit';
import {
  CITY_STAFF,
  countQueries,
  startTestSubgraph,
  surfaceMismatches,
  walkWorkflow,
  type TestSubgraph,
} from '@cppcc/toolkit/testing';
import { DemandStatus } from './demand/demand.entity';
import { closeDemand, putDemandOnAgenda, resolveDemandAtHome } from './demand/demand.service';
import { DEMAND_STEPS, DEMAND_WORKFLOW } from './demand/demand.workflow';
import { PlenaryStatus } from './plenary/plenary.entity';
import {
  acceptPlenaryItem,
  declinePlenaryItem,
  deliverPlenaryItem,
} from './plenary/plenary.service';
import {
  PLENARY_STEPS,
  SPECIAL_REPORT_WORKFLOW,
  SPEECH_WORKFLOW,
  type PlenaryWorkflow,
} from './plenary/plenary.workflow';
import {
  Evaluation,
  NotRegisteredReason,
  ProposalStatus,
  ReplyResultClass,
} from './proposal/proposal.entity';
import {
  acceptProposal,
  assignProposal,
  closeProposal,
  declineProposal,
  evaluateProposal,
  extendProposal,
  mergeProposal,
  registerProposal,
  replyToProposal,
  returnProposal,
  reviseProposal,
  sendBackProposal,
  submitProposal,
} from './proposal/proposal.service';
import { PROPOSAL_STEPS, PROPOSAL_WORKFLOW } from './proposal/proposal.workflow';
import { addMonths } from './shared/dates';
import {
  InstructionLevel,
  IssuedTo,
  SentimentReportStatus,
} from './sentiment-report/sentiment-report.entity';
import {
  adoptSentimentReport,
  closeSentimentReport,
  editSentimentReport,
  forwardSentimentReport,
  giveSentimentFeedback,
  issueSentimentReport,
  recordLeaderInstruction,
  rejectSentimentReport,
  submitSentimentReport,
} from './sentiment-report/sentiment-report.service';
import {
  SENTIMENT_REPORT_STEPS,
  SENTIMENT_REPORT_WORKFLOW,
} from './sentiment-report/sentiment-report.workflow';
import { channelsSubgraph } from './subgraph';
import { departmentCaller, seedDepartment, seedHome, seedSession } from './testing/fixtures';

/**
 * Every (state, step, caller) of every channel's workflow, walked from its table by the
 * toolkit's harness through the services; and every step's mutation offered on the surfaces of
 * its actor.
 */
let graph: TestSubgraph;
let HOME: string;
/** A held session of HOME, as deliberation's feed brought it. */
let SESSION: string;
let LEAD: string;
let OTHER_DEPARTMENT: string;
/** A submitted proposal others merge into. */
let INTO: string;
const COUNTY = '320706';

let CALLERS: Record<string, Caller>;

beforeAll(async () => {
  graph = await startTestSubgraph(channelsSubgraph, 'channel_workflow_harness');
  HOME = await seedHome(graph, '320706001001');
  SESSION = await seedSession(graph, HOME, '320706001001');
  LEAD = await seedDepartment(graph, 'CITY', '3207');
  OTHER_DEPARTMENT = await seedDepartment(graph, 'CITY', '3207');
  INTO = await seedProposal(ProposalStatus.SUBMITTED);
  CALLERS = {
    'city staff': CITY_STAFF,
    'county staff': {
      subject: `test:county:${COUNTY}`,
      level: 'COUNTY',
      division: COUNTY,
      roles: ['STAFF'],
      surface: 'county',
    },
    'home leader': {
      subject: 'test:home',
      level: 'HOME',
      division: '320706001',
      roles: ['HOME_LEADER'],
      surface: 'home',
      homeId: HOME,
    },
    'lead department': departmentCaller(LEAD),
    'another department': departmentCaller(OTHER_DEPARTMENT),
    'staff of another county': {
      subject: 'test:county:320724',
      level: 'COUNTY',
      division: '320724',
      roles: ['STAFF'],
      surface: 'county',
    },
    public: { subject: 'test:public', level: 'PUBLIC', division: '', roles: [], surface: 'public' },
  };
});
afterAll(() => graph?.stop());

const sql = <T extends object>(query: string, values: unknown[]) =>
  graph.orm.em.getConnection().execute<T>(query, values);
/** A uuid[] as PostgreSQL's array literal (the driver would spread a JavaScript array). */
const uuids = (ids: string[]) => `{${ids.join(',')}}`;
const scoped = (caller: Caller) => applyJurisdiction(graph.orm.em.fork(), caller);

/** The record's state, version and history, past every filter. */
function reader(table: string) {
  return async (id: string) => {
    const [row] = await sql<Array<{ status: string; version: number; history: string }>>(
      `select status, version, (select count(*) from channel_event where record_id = ?) as history
         from ${table} where id = ?`,
      [id, id],
    );
    return { status: row.status, version: row.version, history: Number(row.history) } as never;
  };
}

/** Callers of the office and the home see the county's records; another county's do not. */
function inCounty(caller: Caller): boolean {
  return caller.level !== 'DEPARTMENT' && caller.division !== '320724';
}

const ASSIGNED = new Set<ProposalStatus>([
  ProposalStatus.ASSIGNED,
  ProposalStatus.HANDLING,
  ProposalStatus.REPLIED,
  ProposalStatus.REHANDLING,
  ProposalStatus.EVALUATED,
  ProposalStatus.CLOSED,
]);

/** A proposal in this state, assigned to LEAD today when the state says so, replied once. */
async function seedProposal(status: ProposalStatus): Promise<string> {
  const id = randomUUID();
  const today = todayInCity();
  const assigned = ASSIGNED.has(status);
  await sql(
    `insert into proposal (id, division_code, year, kind, lead_member_id, title, content, status,
       not_registered_reason, merged_into_id, lead_department_id, department_ids, assigned_on,
       due_on, handling_rounds, reply_text, result_class, evaluation)
     values (?, ?, 2026, 'MEMBER', ?, '关于农村道路的建议', '建议纳入年度计划。', ?, ?, ?, ?, ?::uuid[], ?, ?, ?, ?, ?, ?)`,
    [
      id,
      COUNTY,
      randomUUID(),
      status,
      status === ProposalStatus.NOT_REGISTERED ? NotRegisteredReason.OUTSIDE_SCOPE : null,
      status === ProposalStatus.MERGED ? INTO : null,
      assigned ? LEAD : null,
      uuids(assigned ? [LEAD] : []),
      assigned ? today : null,
      assigned ? addMonths(today, 3) : null,
      (
        [
          ProposalStatus.REPLIED,
          ProposalStatus.REHANDLING,
          ProposalStatus.EVALUATED,
        ] as ProposalStatus[]
      ).includes(status)
        ? 1
        : 0,
      status === ProposalStatus.REPLIED ? '已纳入计划' : null,
      status === ProposalStatus.REPLIED ? 'B' : null,
      status === ProposalStatus.EVALUATED ? Evaluation.SATISFIED : null,
    ],
  );
  return id;
}

const FORWARDED = new Set<SentimentReportStatus>([
  SentimentReportStatus.FORWARDED,
  SentimentReportStatus.FEEDBACK,
  SentimentReportStatus.CLOSED,
]);

async function seedSentimentReport(status: SentimentReportStatus): Promise<string> {
  const id = randomUUID();
  await sql(
    `insert into sentiment_report (id, division_code, title, content, author_member_ids, status,
       not_adopted_reason, department_ids)
     values (?, ?, '关于留守老人照护的情况反映', '部分村留守老人缺乏照护。', ?::uuid[], ?, ?, ?::uuid[])`,
    [
      id,
      COUNTY,
      uuids([randomUUID()]),
      status,
      status === SentimentReportStatus.NOT_ADOPTED ? '已有相关政策' : null,
      uuids(FORWARDED.has(status) ? [LEAD] : []),
    ],
  );
  return id;
}

function seedPlenary(table: 'speech' | 'special_report') {
  return async (status: PlenaryStatus): Promise<string> => {
    const id = randomUUID();
    await sql(
      `insert into ${table} (id, division_code, title, content, author_member_ids, status,
         decline_reason, delivered_on)
       values (?, ?, '关于乡村振兴的发言', '以协商促振兴。', ?::uuid[], ?, ?, ?)`,
      [
        id,
        COUNTY,
        uuids([randomUUID()]),
        status,
        status === PlenaryStatus.DECLINED ? '主题重复' : null,
        status === PlenaryStatus.DELIVERED ? todayInCity() : null,
      ],
    );
    return id;
  };
}

function plenaryWalk<T extends Parameters<typeof acceptPlenaryItem>[2]>(
  workflow: T,
  table: 'speech' | 'special_report',
) {
  const flow = workflow as PlenaryWorkflow<never>;
  return walkWorkflow({
    counter: countQueries(graph.orm),
    workflow: flow,
    callers: CALLERS,
    sees: (_state, caller) => inCounty(caller),
    em: scoped,
    seed: seedPlenary(table),
    read: reader(table),
    take: {
      accept: (em, caller, id, v) => acceptPlenaryItem(em, caller, flow, id, v),
      decline: (em, caller, id, v) => declinePlenaryItem(em, caller, flow, id, v, '主题重复'),
      deliver: (em, caller, id, v) =>
        deliverPlenaryItem(em, caller, flow, id, v, todayInCity(), '已被采纳'),
    },
  });
}

describe('every step of every channel, from every state, as every caller', () => {
  it('demands keep their table', async () => {
    const { failures, statements } = await walkWorkflow({
      counter: countQueries(graph.orm),
      workflow: DEMAND_WORKFLOW,
      callers: CALLERS,
      // A department answers through what a demand went up as; it never sees the demand.
      sees: (_state, caller) => inCounty(caller),
      em: scoped,
      seed: async (status: DemandStatus) => {
        const id = randomUUID();
        await sql(
          `insert into demand (id, home_id, division_code, category, content, status, received_at)
           values (?, ?, '320706001001', 'INFRASTRUCTURE', '村口路灯坏了', ?, now())`,
          [id, HOME, status],
        );
        return id;
      },
      read: reader('demand'),
      neverTaken: {
        answer: 'a department answers a demand through what cited it, and never sees the demand',
      },
      take: {
        putOnAgenda: (em, caller, id, v) =>
          putDemandOnAgenda(em, caller, id, v, SESSION, randomUUID()),
        resolveAtHome: (em, caller, id, v) => resolveDemandAtHome(em, caller, id, v, '已修好'),
        // Escalating and answering are carried by other records' steps: taken by the engine.
        escalate: (em, caller, id, v) => takeStep(em, caller, DEMAND_WORKFLOW, id, v, 'escalate'),
        answer: (em, caller, id, v) => takeStep(em, caller, DEMAND_WORKFLOW, id, v, 'answer'),
        close: (em, caller, id, v) => closeDemand(em, caller, id, v, '已告知居民'),
      },
    });
    expect(failures).toEqual([]);
    // begin, the locked read, the update, the history entry, commit: 5 for every step; one
    // more for the domain event of a step that raises one (escalate), and for the session a
    // demand is put on the agenda of (its projection).
    expect(statements).toEqual({ putOnAgenda: 6, resolveAtHome: 5, escalate: 6, close: 5 });
  });

  it('proposals keep their table', async () => {
    const { failures, statements } = await walkWorkflow({
      counter: countQueries(graph.orm),
      workflow: PROPOSAL_WORKFLOW,
      callers: CALLERS,
      sees: (state, caller) =>
        caller.level === 'DEPARTMENT'
          ? caller.departmentId === LEAD && ASSIGNED.has(state)
          : inCounty(caller),
      em: scoped,
      seed: seedProposal,
      read: reader('proposal'),
      take: {
        submit: (em, caller, id, v) => submitProposal(em, caller, id, v),
        register: (em, caller, id, v) => registerProposal(em, caller, id, v, false),
        decline: (em, caller, id, v) =>
          declineProposal(em, caller, id, v, NotRegisteredReason.OUTSIDE_SCOPE, false),
        return: (em, caller, id, v) => returnProposal(em, caller, id, v, '建议不够具体'),
        revise: (em, caller, id, v) => reviseProposal(em, caller, id, v),
        merge: (em, caller, id, v) => mergeProposal(em, caller, id, v, INTO),
        assign: (em, caller, id, v) => assignProposal(em, caller, id, v, LEAD, []),
        accept: (em, caller, id, v) => acceptProposal(em, caller, id, v),
        sendBack: (em, caller, id, v) => sendBackProposal(em, caller, id, v, '不属于本单位职责'),
        extend: (em, caller, id, v) =>
          extendProposal(em, caller, id, v, addMonths(todayInCity(), 4), '需跨年度实施'),
        reply: (em, caller, id, v) =>
          replyToProposal(em, caller, id, v, '已纳入计划', ReplyResultClass.B),
        evaluate: (em, caller, id, v) =>
          evaluateProposal(em, caller, id, v, Evaluation.SATISFIED, null),
        rehandle: (em, caller, id, v) =>
          evaluateProposal(em, caller, id, v, Evaluation.DISSATISFIED, '未回应资金来源'),
        close: (em, caller, id, v) => closeProposal(em, caller, id, v),
      },
    });
    expect(failures).toEqual([]);
    // 5 as every step; registering takes the year's next number (+1), assigning reads the
    // department (+1), merging reads and updates the proposal it merges into (+2); a step that
    // raises a domain event writes it in one more INSERT (+1: src/event/channel-events.ts).
    expect(statements).toEqual({
      ...Object.fromEntries(Object.keys(PROPOSAL_STEPS).map((step) => [step, 5])),
      register: 6,
      assign: 6 + 1,
      merge: 7,
      accept: 5 + 1,
      sendBack: 5 + 1,
      extend: 5 + 1,
      reply: 5 + 1,
      evaluate: 5 + 1,
      rehandle: 5 + 1,
    });
  });

  it('sentiment reports keep their table', async () => {
    const { failures, statements } = await walkWorkflow({
      counter: countQueries(graph.orm),
      workflow: SENTIMENT_REPORT_WORKFLOW,
      callers: CALLERS,
      sees: (state, caller) =>
        caller.level === 'DEPARTMENT'
          ? caller.departmentId === LEAD && FORWARDED.has(state)
          : inCounty(caller) && caller.level !== 'HOME',
      em: scoped,
      seed: seedSentimentReport,
      read: reader('sentiment_report'),
      take: {
        submit: (em, caller, id, v) => submitSentimentReport(em, caller, id, v),
        adopt: (em, caller, id, v) => adoptSentimentReport(em, caller, id, v),
        reject: (em, caller, id, v) => rejectSentimentReport(em, caller, id, v, '已有相关政策'),
        edit: (em, caller, id, v) =>
          editSentimentReport(em, caller, id, v, '关于留守老人照护的建议', '建议建立互助照护点。'),
        issue: (em, caller, id, v) =>
          issueSentimentReport(em, caller, id, v, [IssuedTo.CITY_GOVERNMENT]),
        recordInstruction: (em, caller, id, v) =>
          recordLeaderInstruction(em, caller, id, v, {
            leader: '市长',
            level: InstructionLevel.CITY,
            text: '请民政局研究办理',
            givenOn: todayInCity(),
          }),
        forward: (em, caller, id, v) => forwardSentimentReport(em, caller, id, v, [LEAD]),
        giveFeedback: (em, caller, id, v) => giveSentimentFeedback(em, caller, id, v, '已建点'),
        close: (em, caller, id, v) => closeSentimentReport(em, caller, id, v),
      },
    });
    expect(failures).toEqual([]);
    // 5 as every step; an instruction is a row of its own (+1), forwarding reads the
    // departments (+1), feedback is checked once per department and kept (+2); the domain
    // event of forwarding and of feedback is one more INSERT (+1).
    expect(statements).toEqual({
      ...Object.fromEntries(Object.keys(SENTIMENT_REPORT_STEPS).map((step) => [step, 5])),
      recordInstruction: 6,
      forward: 6 + 1,
      giveFeedback: 7 + 1,
    });
  });

  it('speeches and special reports keep their table', async () => {
    const speeches = await plenaryWalk(SPEECH_WORKFLOW, 'speech');
    const specialReports = await plenaryWalk(SPECIAL_REPORT_WORKFLOW, 'special_report');
    expect([...speeches.failures, ...specialReports.failures]).toEqual([]);
    const five = { accept: 5, decline: 5, deliver: 5 };
    expect([speeches.statements, specialReports.statements]).toEqual([five, five]);
  });
});

describe('the surfaces of every step', () => {
  it("offer each step's mutation where its actor's callers are, and nowhere else", async () => {
    const schema = await channelsSubgraph.buildSchema();
    const P = PROPOSAL_STEPS;
    const R = SENTIMENT_REPORT_STEPS;
    expect(
      surfaceMismatches(schema, {
        putDemandOnAgenda: DEMAND_STEPS.putOnAgenda.actor,
        resolveDemandAtHome: DEMAND_STEPS.resolveAtHome.actor,
        closeDemand: DEMAND_STEPS.close.actor,
        // Who may submit may draft (and edit a draft).
        draftProposal: P.submit.actor,
        editProposal: P.revise.actor,
        submitProposal: P.submit.actor,
        registerProposal: P.register.actor,
        declineProposal: P.decline.actor,
        returnProposal: P.return.actor,
        reviseProposal: P.revise.actor,
        mergeProposal: P.merge.actor,
        assignProposal: P.assign.actor,
        acceptProposal: P.accept.actor,
        sendBackProposal: P.sendBack.actor,
        extendProposal: P.extend.actor,
        replyToProposal: P.reply.actor,
        evaluateProposal: P.evaluate.actor,
        closeProposal: P.close.actor,
        draftSentimentReport: R.submit.actor,
        submitSentimentReport: R.submit.actor,
        adoptSentimentReport: R.adopt.actor,
        rejectSentimentReport: R.reject.actor,
        editSentimentReport: R.edit.actor,
        issueSentimentReport: R.issue.actor,
        recordLeaderInstruction: R.recordInstruction.actor,
        forwardSentimentReport: R.forward.actor,
        giveSentimentFeedback: R.giveFeedback.actor,
        closeSentimentReport: R.close.actor,
        ...Object.fromEntries(
          ['Speech', 'SpecialReport'].flatMap((type) => [
            [`submit${type}`, PLENARY_STEPS.accept.actor],
            [`accept${type}`, PLENARY_STEPS.accept.actor],
            [`decline${type}`, PLENARY_STEPS.decline.actor],
            [`deliver${type}`, PLENARY_STEPS.deliver.actor],
          ]),
        ),
      }),
    ).toEqual([]);
    // The rehandling an evaluation may lead to is the same party's step.
    expect(P.rehandle.actor).toBe(P.evaluate.actor);
  });

  it('carries escalation and answers from the steps of the same parties', () => {
    // A demand goes up when the office submits what cites it, and is answered by a department.
    for (const submit of [PROPOSAL_STEPS.submit.actor, SENTIMENT_REPORT_STEPS.submit.actor]) {
      expect(submit).toBe(DEMAND_STEPS.escalate.actor);
    }
    for (const answer of [PROPOSAL_STEPS.reply.actor, SENTIMENT_REPORT_STEPS.giveFeedback.actor]) {
      expect(answer).toBe(DEMAND_STEPS.answer.actor);
    }
  });
});
