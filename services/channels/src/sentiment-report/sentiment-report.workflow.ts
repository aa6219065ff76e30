import type { EntityManager } from '@mikro-orm/postgresql';
import { ACTORS, InvalidTransitionError, type Caller, defineWorkflow } from '@cppcc/toolkit';
import { ChannelRecordKind } from '../history/channel-event.entity';
import { channelHistory } from '../history/channel-event';
import {
  DepartmentFeedback,
  SentimentReport,
  SentimentReportStatus as S,
} from './sentiment-report.entity';
import { sentimentReportEvents } from '../event/channel-events';

/**
 * A department it was forwarded to gives its feedback once. (Only those departments see the
 * report at all: SENTIMENT_REPORT_POLICY.) Read under the report's row lock, so two feedbacks
 * sent at once cannot both pass.
 */
async function feedbackNotGivenYet(
  report: SentimentReport,
  caller: Caller,
  tx: EntityManager,
): Promise<void> {
  const given = await tx.count(DepartmentFeedback, {
    reportId: report.id,
    departmentId: caller.departmentId,
  });
  if (given) {
    throw new InvalidTransitionError(
      'The sentiment report',
      report.status,
      'giveFeedback',
      'your department gave its feedback already',
    );
  }
}

/**
 * A sentiment report's life, as data (docs/domain.md), with who may take each step: DRAFT →
 * SUBMITTED → NOT_ADOPTED (end) | ADOPTED → EDITED → ISSUED → optional 批示 → FORWARDED to
 * departments → FEEDBACK → CLOSED (the feedback shown to the authors).
 */
export const SENTIMENT_REPORT_STEPS = {
  submit: { from: [S.DRAFT], to: S.SUBMITTED, actor: ACTORS.OFFICE },
  adopt: { from: [S.SUBMITTED], to: S.ADOPTED, actor: ACTORS.OFFICE },
  reject: { from: [S.SUBMITTED], to: S.NOT_ADOPTED, actor: ACTORS.OFFICE },
  /** The office edits it for issue (编发): the text that goes up. */
  edit: { from: [S.ADOPTED], to: S.EDITED, actor: ACTORS.OFFICE },
  issue: { from: [S.EDITED], to: S.ISSUED, actor: ACTORS.OFFICE },
  /** 批示: a leader's instruction (there may be several, from several levels). */
  recordInstruction: { from: [S.ISSUED, S.INSTRUCTED], to: S.INSTRUCTED, actor: ACTORS.OFFICE },
  forward: { from: [S.ISSUED, S.INSTRUCTED], to: S.FORWARDED, actor: ACTORS.OFFICE },
  /** A department it was forwarded to gives its feedback (once each). */
  giveFeedback: {
    from: [S.FORWARDED, S.FEEDBACK],
    to: S.FEEDBACK,
    actor: ACTORS.DEPARTMENT,
    guard: feedbackNotGivenYet,
  },
  /** Done: with the departments' feedback, or when nothing was forwarded. */
  close: { from: [S.ISSUED, S.INSTRUCTED, S.FEEDBACK], to: S.CLOSED, actor: ACTORS.OFFICE },
} as const;

export type SentimentReportStep = keyof typeof SENTIMENT_REPORT_STEPS;

/** What may be edited in which states (edits that do not change the state). */
export const SENTIMENT_REPORT_EDITS = {
  editDraft: [S.DRAFT],
} as const satisfies Record<string, readonly S[]>;

export const SENTIMENT_REPORT_WORKFLOW = defineWorkflow({
  entity: SentimentReport,
  what: 'the sentiment report',
  idField: 'reportId',
  states: S,
  steps: SENTIMENT_REPORT_STEPS,
  history: channelHistory(ChannelRecordKind.SENTIMENT_REPORT),
  afterStep: sentimentReportEvents,
});
