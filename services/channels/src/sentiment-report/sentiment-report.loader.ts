import type { EntityManager } from '@mikro-orm/postgresql';
import { byKeyLoader, byParentLoader, scopeSql, type Caller } from '@cppcc/toolkit';
import { pagesByListedId } from '../shared/lists';
import {
  DepartmentFeedback,
  LeaderInstruction,
  SENTIMENT_REPORT_POLICY,
  SentimentReport,
} from './sentiment-report.entity';

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
    /** The reports forwarded to a department, latest first. */
    forwardedTo: pagesByListedId(em, SentimentReport, {
      table: 'sentiment_report',
      // @>, not = any(): the GIN index on the array serves it.
      match: 'r.department_ids @> array[k.key]',
      scope,
      orderBy: 'issued_at desc nulls last, id',
    }),
    /** A member's reports, latest first. */
    ofAuthor: pagesByListedId(em, SentimentReport, {
      table: 'sentiment_report',
      match: 'r.author_member_ids @> array[k.key]',
      scope,
      orderBy: 'created_at desc, id',
    }),
  };
}
