import { FieldsOn } from '@cppcc/toolkit';
import { createUnionType, ObjectType } from 'type-graphql';
import { Proposal } from '../proposal/proposal.entity';
import { SentimentReport } from '../sentiment-report/sentiment-report.entity';
import { SpecialReport, Speech } from '../plenary/plenary.entity';

/** What a demand or a session went up as: one of the four channels. */
export const Escalation = createUnionType({
  name: 'Escalation',
  description: 'A proposal, sentiment report, plenary speech or special report.',
  types: () => [Proposal, SentimentReport, Speech, SpecialReport] as const,
  resolveType: (value) => {
    if (value instanceof Proposal) return Proposal;
    if (value instanceof SentimentReport) return SentimentReport;
    if (value instanceof Speech) return Speech;
    return SpecialReport;
  },
});
export type Escalation = Proposal | SentimentReport | Speech | SpecialReport;

/** What a proposal, report, speech or special report came from (lineage, back to the homes). */
@FieldsOn('department', ['demands', 'sessions', 'homes'])
@ObjectType({ description: 'What a record came from: demands, the sessions, and their homes.' })
export class Sources {
  demandIds: string[];
  sessionIds: string[];
  homeIds: string[];
}

/** The sources of any record that cites demands and sessions. */
export function sourcesOf(record: {
  sourceDemandIds: string[];
  sourceSessionIds: string[];
  homeIds: string[];
}): Sources {
  return Object.assign(new Sources(), {
    demandIds: record.sourceDemandIds,
    sessionIds: record.sourceSessionIds,
    homeIds: record.homeIds,
  });
}
