import { ForbiddenError } from '@cppcc/toolkit';
import { ChannelRecordKind } from '../history/channel-event.entity';
import { isActor, type Actor, type Workflow } from '../history/take-step';
import { SentimentReport, SentimentReportStatus as S } from './sentiment-report.entity';

/**
 * A sentiment report's life, as data (DOMAIN.md), with who may take each step: DRAFT →
 * SUBMITTED → NOT_ADOPTED (end) | ADOPTED → EDITED → ISSUED → optional 批示 → FORWARDED to
 * departments → FEEDBACK → CLOSED (the feedback shown to the authors).
 */
export const SENTIMENT_REPORT_STEPS = {
  submit: { from: [S.DRAFT], to: S.SUBMITTED, by: 'STAFF' },
  adopt: { from: [S.SUBMITTED], to: S.ADOPTED, by: 'STAFF' },
  reject: { from: [S.SUBMITTED], to: S.NOT_ADOPTED, by: 'STAFF' },
  /** The office edits it for issue (编发): the text that goes up. */
  edit: { from: [S.ADOPTED], to: S.EDITED, by: 'STAFF' },
  issue: { from: [S.EDITED], to: S.ISSUED, by: 'STAFF' },
  /** 批示: a leader's instruction (there may be several, from several levels). */
  recordInstruction: { from: [S.ISSUED, S.INSTRUCTED], to: S.INSTRUCTED, by: 'STAFF' },
  forward: { from: [S.ISSUED, S.INSTRUCTED], to: S.FORWARDED, by: 'STAFF' },
  /** A department it was forwarded to gives its feedback (once each). */
  giveFeedback: { from: [S.FORWARDED, S.FEEDBACK], to: S.FEEDBACK, by: 'DEPARTMENT' },
  /** Done: with the departments' feedback, or when nothing was forwarded. */
  close: { from: [S.ISSUED, S.INSTRUCTED, S.FEEDBACK], to: S.CLOSED, by: 'STAFF' },
} as const satisfies Record<string, { from: readonly S[]; to: S; by: Actor }>;

export type SentimentReportStep = keyof typeof SENTIMENT_REPORT_STEPS;

/** What may be edited in which states (edits that do not change the state). */
export const SENTIMENT_REPORT_EDITS = {
  editDraft: [S.DRAFT],
} as const satisfies Record<string, readonly S[]>;

export const SENTIMENT_REPORT_WORKFLOW: Workflow<SentimentReport, S, SentimentReportStep> = {
  entity: SentimentReport,
  what: 'The sentiment report',
  typeName: 'SentimentReport',
  kind: ChannelRecordKind.SENTIMENT_REPORT,
  steps: SENTIMENT_REPORT_STEPS,
  authorize(caller, step) {
    if (!isActor(caller, SENTIMENT_REPORT_STEPS[step].by)) {
      throw new ForbiddenError(
        SENTIMENT_REPORT_STEPS[step].by === 'STAFF'
          ? `${step} is a step of the CPPCC office (city or county staff).`
          : `${step} is a step of a department the report was forwarded to.`,
      );
    }
  },
};
