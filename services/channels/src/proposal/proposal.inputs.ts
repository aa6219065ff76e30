import { CreateInput, stepInputType } from '@cppcc/toolkit';
import { Field, ID, InputType, Int } from 'type-graphql';
import { ProposalKind } from './proposal.entity';
import { PROPOSAL_WORKFLOW } from './proposal.workflow';

@InputType({ description: 'A proposal drafted for a city or county CPPCC.' })
export class DraftProposalInput extends CreateInput {
  @Field(() => String, {
    nullable: true,
    description: "The CPPCC it goes to (3207 or a county's code); the caller's own by default.",
  })
  divisionCode?: string | null;

  @Field(() => Int, { nullable: true, description: "The session's year; this year by default." })
  year?: number | null;

  @Field(() => ProposalKind, { description: 'Who puts it forward.' })
  kind: ProposalKind;

  @Field(() => ID, {
    nullable: true,
    description:
      'The lead proposer (MEMBER, MEMBER_GROUP): a member of the CPPCC’s county or of the city (docs/domain.md, “What a record may name”).',
  })
  leadMemberId?: string | null;

  @Field(() => [ID], {
    nullable: true,
    description:
      'Co-signers (MEMBER_GROUP needs one at least): members of the CPPCC’s county or of the city.',
  })
  coSignerIds?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'The proposing special committee.' })
  committeeId?: string | null;

  @Field(() => String, { nullable: true, description: 'The proposing party or group.' })
  groupName?: string | null;

  @Field({ description: 'The title (案由).' })
  title: string;

  @Field({ description: 'The full text: the situation, the problem, the suggestions.' })
  content: string;

  @Field(() => [ID], { nullable: true, description: 'The demands it carries up.' })
  sourceDemandIds?: string[] | null;

  @Field(() => [ID], {
    nullable: true,
    description:
      'The sessions it came out of: sessions of homes within its county (any in the city for a city record), not cancelled; another is BAD_USER_INPUT at its index (docs/domain.md, "What a record may name"). It reaches their homes.',
  })
  sourceSessionIds?: string[] | null;
}

export const ProposalStepInput = stepInputType('ProposalStepInput', PROPOSAL_WORKFLOW);
export type ProposalStepInput = InstanceType<typeof ProposalStepInput>;

@InputType({ description: 'What an edit of a draft (or returned) proposal changes.' })
export class ProposalChanges {
  @Field(() => String, { nullable: true, description: 'The new title.' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'The new text.' })
  content?: string | null;

  @Field(() => [ID], {
    nullable: true,
    description:
      'The co-signers, replacing the current list: members of the CPPCC’s county or of the city.',
  })
  coSignerIds?: string[] | null;
}
