import type { EntityManager } from '@mikro-orm/postgresql';
import {
  byKeyLoader,
  byParentLoader,
  newestFirst,
  perFilter,
  scopeSql,
  type Caller,
} from '@cppcc/toolkit';
import { updatedAfterSql } from '../shared/inbox-args';
import { pagesByListedId } from '../shared/lists';
import {
  DepartmentFeedback,
  LeaderInstruction,
  SENTIMENT_REPORT_POLICY,
  SentimentReport,
} from './sentiment-report.entity';

/** The keyset orders of the report lists: a cursor of one is refused by the others. */
export const SENTIMENT_REPORT_ORDERS = {
  sentimentReports: newestFirst('sentimentReports'),
  forwardedTo: newestFirst('forwardedReports'),
  ofAuthor: newestFirst('memberSentimentReports'),
};

export function createSentimentReportLoaders(em: EntityManager, caller: Caller) {
  const scope = scopeSql(caller, SENTIMENT_REPORT_POLICY, 'r');
  return {
    byId: byKeyLoader(em, SentimentReport),
    instructions: byParentLoader(em, LeaderInstruction, 'reportId', {
      orderBy: { givenOn: 'asc', createdAt: 'asc' },
    }),
    feedback: byParentLoader(em, DepartmentFeedback, 'reportId', {
      orderBy: { givenOn: 'asc', createdAt: 'asc' },
    }),
    /** The reports forwarded to a department, newest first; those changed since, if given. */
    forwardedTo: perFilter((updatedAfter: Date | null) =>
      pagesByListedId(em, SentimentReport, {
        table: 'sentiment_report',
        // @>, not = any(): the GIN index on the array serves it.
        match: 'r.department_ids @> array[k.key]',
        scope,
        where: updatedAfterSql(updatedAfter),
        orderBy: 'created_at desc, id desc',
      }),
    ),
    /** A member's reports, newest first; those changed since, if given. */
    ofAuthor: perFilter((updatedAfter: Date | null) =>
      pagesByListedId(em, SentimentReport, {
        table: 'sentiment_report',
        match: 'r.author_member_ids @> array[k.key]',
        scope,
        where: updatedAfterSql(updatedAfter),
        orderBy: 'created_at desc, id desc',
      }),
    ),
  };
}
