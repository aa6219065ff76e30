import { CreateInput, stepInputType } from '@cppcc/toolkit';
import { Field, ID, InputType } from 'type-graphql';
import { SENTIMENT_REPORT_WORKFLOW } from './sentiment-report.workflow';

@InputType({ description: 'A sentiment report drafted by members.' })
export class DraftSentimentReportInput extends CreateInput {
  @Field(() => String, {
    nullable: true,
    description: "The CPPCC it goes to (3207 or a county's code); the caller's own by default.",
  })
  divisionCode?: string | null;

  @Field({ description: 'The title.' })
  title: string;

  @Field({ description: 'The full text.' })
  content: string;

  @Field(() => [ID], {
    description:
      'The members who wrote it (one at least): each one of the CPPCC’s county or of the city (docs/domain.md, “What a record may name”).',
  })
  authorMemberIds: string[];

  @Field(() => [ID], { nullable: true, description: 'The demands it reports.' })
  sourceDemandIds?: string[] | null;

  @Field(() => [ID], {
    nullable: true,
    description:
      'The sessions it came out of: sessions of homes within its county (any in the city for a city record), not cancelled; another is BAD_USER_INPUT at its index (docs/domain.md, "What a record may name"). It reaches their homes.',
  })
  sourceSessionIds?: string[] | null;
}

export const SentimentReportStepInput = stepInputType(
  'SentimentReportStepInput',
  SENTIMENT_REPORT_WORKFLOW,
);
export type SentimentReportStepInput = InstanceType<typeof SentimentReportStepInput>;
