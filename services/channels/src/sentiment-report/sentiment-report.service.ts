import type { EntityManager } from '@mikro-orm/postgresql';
import {
  BadUserInputError,
  requireActor,
  requireDate,
  requireText,
  idempotencyOf,
  takeStep,
  todayInCity,
  type Caller,
  type StepChange,
  createThroughWorkflow,
} from '@cppcc/toolkit';
import { carryToSourceDemands, requireSources } from '../demand/demand.service';
import { referencesAt, requireReferences } from '@cppcc/organization-feed';
import { requireCommitteeDivision, requireIds } from '../shared/validation';
import {
  DepartmentFeedback,
  LeaderInstruction,
  SentimentReport,
  SentimentReportStatus,
  type InstructionLevel,
  type IssuedTo,
} from './sentiment-report.entity';
import type { DraftSentimentReportInput } from './sentiment-report.inputs';
import { SENTIMENT_REPORT_WORKFLOW, type SentimentReportStep } from './sentiment-report.workflow';

export async function draftSentimentReport(
  em: EntityManager,
  caller: Caller,
  input: DraftSentimentReportInput,
): Promise<SentimentReport> {
  requireActor(SENTIMENT_REPORT_WORKFLOW, 'submit', caller);
  const divisionCode = requireCommitteeDivision(
    caller,
    input.divisionCode ?? caller.division,
    'input.divisionCode',
  );
  const title = requireText(input.title, 'input.title', 200);
  const content = requireText(input.content, 'input.content', 20_000);
  const authorMemberIds = requireIds(input.authorMemberIds, 'input.authorMemberIds');
  if (!authorMemberIds.length) {
    throw new BadUserInputError('A report has one author at least.', 'input.authorMemberIds');
  }
  await requireReferences(
    em,
    divisionCode,
    referencesAt('member', input.authorMemberIds, 'input.authorMemberIds'),
  );
  const sources = await requireSources(
    em,
    divisionCode,
    input.sourceDemandIds,
    input.sourceSessionIds,
  );
  const idempotency = idempotencyOf(caller, input);
  return createThroughWorkflow(em, caller, SENTIMENT_REPORT_WORKFLOW, idempotency, {
    step: 'draft',
    data: () => ({
      divisionCode,
      title,
      content,
      authorMemberIds,
      ...sources,
      status: SentimentReportStatus.DRAFT,
    }),
  });
}

function step(
  em: EntityManager,
  caller: Caller,
  reportId: string,
  expectedVersion: number | null | undefined,
  name: SentimentReportStep,
  change: StepChange<SentimentReport>,
): Promise<SentimentReport> {
  return takeStep(em, caller, SENTIMENT_REPORT_WORKFLOW, reportId, expectedVersion, name, change);
}

/** Submitted: the demands it reports have gone up (ESCALATED). */
export function submitSentimentReport(
  em: EntityManager,
  caller: Caller,
  id: string,
  version?: number | null,
) {
  return step(em, caller, id, version, 'submit', async (report, tx) => {
    report.submittedAt = new Date();
    await carryToSourceDemands(tx, caller, report.sourceDemandIds, 'escalate', {
      channel: 'SENTIMENT_REPORT',
      reportId: report.id,
    });
    return {};
  });
}

export function adoptSentimentReport(
  em: EntityManager,
  caller: Caller,
  id: string,
  version?: number | null,
) {
  return step(em, caller, id, version, 'adopt', () => ({}));
}

export function rejectSentimentReport(
  em: EntityManager,
  caller: Caller,
  id: string,
  version: number | null | undefined,
  reason: string,
) {
  const text = requireText(reason, 'reason', 1_000);
  return step(em, caller, id, version, 'reject', (report) => {
    report.notAdoptedReason = text;
    return { reason: text };
  });
}

/** The office's edit for issue: the title and text that go up (the authors' draft stays in history). */
export function editSentimentReport(
  em: EntityManager,
  caller: Caller,
  id: string,
  version: number | null | undefined,
  title: string | null | undefined,
  content: string | null | undefined,
) {
  const newTitle = title == null ? null : requireText(title, 'title', 200);
  const newContent = content == null ? null : requireText(content, 'content', 20_000);
  return step(em, caller, id, version, 'edit', (report) => {
    const detail = { title: report.title, content: report.content };
    if (newTitle) report.title = newTitle;
    if (newContent) report.content = newContent;
    return { before: detail };
  });
}

export function issueSentimentReport(
  em: EntityManager,
  caller: Caller,
  id: string,
  version: number | null | undefined,
  issuedTo: IssuedTo[],
) {
  const to = [...new Set(issuedTo)];
  if (!to.length) throw new BadUserInputError('Say to whom it is issued.', 'issuedTo');
  return step(em, caller, id, version, 'issue', (report) => {
    report.issuedTo = to;
    report.issuedAt = new Date();
    return { issuedTo: to };
  });
}

export function recordLeaderInstruction(
  em: EntityManager,
  caller: Caller,
  id: string,
  version: number | null | undefined,
  instruction: { leader: string; level: InstructionLevel; text: string; givenOn: string },
) {
  const leader = requireText(instruction.leader, 'instruction.leader', 100);
  const text = requireText(instruction.text, 'instruction.text', 5_000);
  const givenOn = requireDate(instruction.givenOn, 'instruction.givenOn', { notInFuture: true });
  return step(em, caller, id, version, 'recordInstruction', (report, tx) => {
    tx.create(LeaderInstruction, {
      reportId: report.id,
      divisionCode: report.divisionCode,
      leader,
      level: instruction.level,
      text,
      givenOn,
    });
    return { leader, level: instruction.level, givenOn };
  });
}

export function forwardSentimentReport(
  em: EntityManager,
  caller: Caller,
  id: string,
  version: number | null | undefined,
  departmentIds: string[],
) {
  const ids = requireIds(departmentIds, 'departmentIds');
  if (!ids.length) throw new BadUserInputError('Name the departments.', 'departmentIds');
  return step(em, caller, id, version, 'forward', async (report, tx) => {
    await requireReferences(
      tx,
      report.divisionCode,
      referencesAt('department', departmentIds, 'departmentIds'),
    );
    report.departmentIds = ids;
    return { departmentIds: ids };
  });
}

/** A department it was forwarded to answers, once; the demands it reported are answered. */
export function giveSentimentFeedback(
  em: EntityManager,
  caller: Caller,
  id: string,
  version: number | null | undefined,
  text: string,
) {
  const feedback = requireText(text, 'text', 10_000);
  return step(em, caller, id, version, 'giveFeedback', async (report, tx) => {
    const departmentId = caller.departmentId!;
    tx.create(DepartmentFeedback, {
      reportId: report.id,
      divisionCode: report.divisionCode,
      departmentId,
      text: feedback,
      givenOn: todayInCity(),
    });
    await carryToSourceDemands(tx, caller, report.sourceDemandIds, 'answer', {
      channel: 'SENTIMENT_REPORT',
      reportId: report.id,
    });
    return { departmentId };
  });
}

export function closeSentimentReport(
  em: EntityManager,
  caller: Caller,
  id: string,
  version?: number | null,
) {
  return step(em, caller, id, version, 'close', (report) => {
    report.closedAt = new Date();
    return {};
  });
}
