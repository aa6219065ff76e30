/**
 * Sentiment reports (社情民意) from demands carried up, walked through the service's transition
 * table (`SENTIMENT_REPORT_STEPS`) as far as they got by today: adopted or not, edited, issued,
 * a leader's instruction (批示), forwarded to departments, their feedback, closed.
 */
import {
  ChannelRecordKind,
  IssuedTo,
  SENTIMENT_REPORT_STEPS,
  SentimentReportStatus,
  type InstructionLevel,
  type SentimentReportStep,
} from '@cppcc/channels';
import { dateOf, dayOf, HOUR, momentOf } from '../calendar';
import type { Random } from '../random';
import { FEEDBACK, INSTRUCTIONS, LEADERS, REJECT_REASONS } from './content';
import { departmentsFor, event, pushTo, stepsOf, type Context, type Draft } from './context';
import type { DepartmentFeedbackRow, SentimentReportRow } from './rows';

/** A sentiment report and its steps up to today; `firstFeedback` is the day a department answered. */
export function sentimentReportFrom(
  ctx: Context,
  stream: Random,
  draft: Draft,
): { row: SentimentReportRow; firstFeedback: number | null } {
  const id = ctx.idOf('sentiment-report', draft.key);
  const row: SentimentReportRow = {
    id,
    division_code: draft.divisionCode,
    title: draft.title,
    content: draft.content,
    author_member_ids: draft.authors.length
      ? draft.authors
      : (ctx.membersOfCounty.get(draft.divisionCode.slice(0, 6)) ?? []).slice(0, 1),
    ...draft.sources,
    status: SentimentReportStatus.DRAFT,
    not_adopted_reason: null,
    issued_to: [],
    department_ids: [],
    submitted_at: null,
    issued_at: null,
    closed_at: null,
    created_at: momentOf(draft.day - stream.int(1, 3), 10 * HOUR),
  };
  ctx.demo.sentimentReports.push(row);
  let firstFeedback: number | null = null;
  const k = ChannelRecordKind.SENTIMENT_REPORT;
  event(ctx, k, id, 'draft', null, row.status, row.created_at);
  const step = stepsOf<SentimentReportStatus, SentimentReportStep>(
    ctx,
    k,
    SENTIMENT_REPORT_STEPS,
    row,
    15 * HOUR,
  );
  let day = draft.day;
  if (!step('submit', day, () => ((row.submitted_at = momentOf(day, 15 * HOUR)), {})))
    return { row, firstFeedback };
  day += stream.int(2, 8);
  if (stream.chance(0.25)) {
    step(
      'reject',
      day,
      () => (
        (row.not_adopted_reason = stream.pick(REJECT_REASONS)),
        { reason: row.not_adopted_reason }
      ),
    );
    return { row, firstFeedback };
  }
  if (!step('adopt', day)) return { row, firstFeedback };
  day += stream.int(1, 5);
  if (!step('edit', day, () => ({ before: { title: row.title } }))) return { row, firstFeedback };
  day += stream.int(1, 7);
  const issued = step('issue', day, () => {
    row.issued_to = stream.chance(0.1)
      ? [IssuedTo.CITY_PARTY_COMMITTEE, IssuedTo.CITY_GOVERNMENT, IssuedTo.PROVINCE_CPPCC]
      : [IssuedTo.CITY_PARTY_COMMITTEE, IssuedTo.CITY_GOVERNMENT];
    row.issued_at = momentOf(day, 15 * HOUR);
    return { issuedTo: row.issued_to };
  });
  if (!issued) return { row, firstFeedback };
  if (stream.chance(0.3)) {
    day += stream.int(3, 15);
    const [leader, level] = stream.weighted(LEADERS);
    const text = stream.pick(INSTRUCTIONS);
    const given = day;
    const instructed = step('recordInstruction', day, () => {
      ctx.demo.leaderInstructions.push({
        id: ctx.idOf('leader-instruction', id),
        report_id: id,
        division_code: row.division_code,
        leader,
        level: level as InstructionLevel,
        text,
        given_on: dateOf(given),
      });
      return { leader, level, givenOn: dateOf(given) };
    });
    if (!instructed) return { row, firstFeedback };
  }
  if (stream.chance(0.4)) {
    day += stream.int(5, 20);
    step('close', day, () => ((row.closed_at = momentOf(day, 15 * HOUR)), {}));
    return { row, firstFeedback };
  }
  day += stream.int(2, 7);
  const { matching, all } = departmentsFor(ctx, draft.category, row.division_code);
  const departments = [stream.pick(matching), ...stream.sample(all, stream.int(0, 1))].filter(
    (department, index, list) => list.findIndex((other) => other.id === department.id) === index,
  );
  if (
    !step(
      'forward',
      day,
      () => (
        (row.department_ids = departments.map((d) => d.id)),
        { departmentIds: row.department_ids }
      ),
    )
  )
    return { row, firstFeedback };
  // Departments answer in their own time: their feedback is taken in order of the day it came.
  const answers = departments
    .map((department) => ({ department, given: day + stream.int(10, 45) }))
    .sort((a, b) => a.given - b.given);
  for (const { department, given } of answers) {
    const gave = step(
      'giveFeedback',
      given,
      () => {
        const feedback: DepartmentFeedbackRow = {
          id: ctx.idOf('department-feedback', `${id}:${department.id}`),
          report_id: id,
          division_code: row.division_code,
          department_id: department.id,
          text: stream.pick(FEEDBACK),
          given_on: dateOf(given),
        };
        ctx.demo.departmentFeedback.push(feedback);
        pushTo(ctx.feedbackOf, id, feedback);
        return { departmentId: department.id };
      },
      department.id,
    );
    if (gave && (firstFeedback === null || given < firstFeedback)) firstFeedback = given;
  }
  if (row.status === SentimentReportStatus.FEEDBACK) {
    const last = Math.max(...ctx.feedbackOf.get(id)!.map((f) => dayOf(f.given_on)));
    const closed = last + stream.int(5, 20);
    step('close', closed, () => ((row.closed_at = momentOf(closed, 15 * HOUR)), {}));
  }
  return { row, firstFeedback };
}
