import { DateScalar } from '@cppcc/toolkit';
import { Field, ID, InputType, Int } from 'type-graphql';
import { Gender } from './member.entity';

@InputType({ description: 'Which members to list.' })
export class MembersFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Members living in this division or below it (a code prefix).',
  })
  divisionCode?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Members seated on this committee in the current term.',
  })
  committeeId?: string | null;

  @Field(() => String, { nullable: true })
  sector?: string | null;

  @Field(() => String, { nullable: true })
  party?: string | null;

  @Field(() => String, { nullable: true, description: 'Members whose name contains this text.' })
  nameContains?: string | null;
}

@InputType({ description: 'A seat on a committee for a term.' })
export class CommitteeSeatInput {
  @Field(() => ID)
  committeeId: string;

  @Field(() => DateScalar, { description: 'First day of the term.' })
  termStart: string;

  @Field(() => DateScalar, { nullable: true })
  termEnd?: string | null;
}

@InputType()
export class CreateMemberInput {
  @Field()
  name: string;

  @Field(() => Gender)
  gender: Gender;

  @Field({ description: 'Where the member lives (any level).' })
  divisionCode: string;

  @Field(() => String, { nullable: true })
  sector?: string | null;

  @Field(() => String, { nullable: true })
  party?: string | null;

  @Field(() => String, { nullable: true })
  expertise?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Personal data: masked to callers whose role does not need it.',
  })
  phone?: string | null;

  @Field(() => [CommitteeSeatInput], {
    nullable: true,
    description: 'The committees the member sits on.',
  })
  committees?: CommitteeSeatInput[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'The same key twice gives the same member, created once.',
  })
  idempotencyKey?: string | null;
}

@InputType()
export class UpdateMemberInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  divisionCode?: string | null;

  @Field(() => String, { nullable: true })
  sector?: string | null;

  @Field(() => String, { nullable: true })
  party?: string | null;

  @Field(() => String, { nullable: true })
  expertise?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'When given, the edit fails with CONFLICT if the member changed since.',
  })
  expectedVersion?: number | null;
}
