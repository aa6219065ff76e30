import { DateScalar, CreateInput, ChangeInput } from '@cppcc/toolkit';
import { Field, ID, InputType } from 'type-graphql';
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

  @Field(() => String, {
    nullable: true,
    description: 'Members of this sector (界别), e.g. 农业界.',
  })
  sector?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Members of this party affiliation (政治面貌), e.g. 民盟盟员.',
  })
  party?: string | null;

  @Field(() => String, { nullable: true, description: 'Members whose name contains this text.' })
  nameContains?: string | null;
}

@InputType({ description: 'A seat on a committee for a term.' })
export class CommitteeSeatInput {
  @Field(() => ID, { description: 'The committee (政协 or 专门委员会).' })
  committeeId: string;

  @Field(() => DateScalar, { description: 'First day of the term.' })
  termStart: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Last day of the term (`YYYY-MM-DD`); null while it is open-ended.',
  })
  termEnd?: string | null;
}

@InputType({ description: 'A new CPPCC member (委员).' })
export class CreateMemberInput extends CreateInput {
  @Field({ description: 'The full name, e.g. 王建国.' })
  name: string;

  @Field(() => Gender, { description: 'FEMALE or MALE.' })
  gender: Gender;

  @Field({ description: 'Where the member lives (any level).' })
  divisionCode: string;

  @Field(() => String, {
    nullable: true,
    description: 'The sector (界别) the member sits for, e.g. 农业界.',
  })
  sector?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Party affiliation (政治面貌), e.g. 中共党员, 民盟盟员, 无党派.',
  })
  party?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'What the member knows well, e.g. 农业技术, 法律.',
  })
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
}

@InputType({ description: 'Changes to a member; fields left out keep their value.' })
export class UpdateMemberInput extends ChangeInput {
  @Field(() => ID, {
    nullable: true,
    description:
      'The member to change. Required, unless given as the deprecated `id` argument beside `input`.',
  })
  id?: string | null;

  @Field(() => String, { nullable: true, description: 'The new full name.' })
  name?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Where the member now lives: a division code of any level.',
  })
  divisionCode?: string | null;

  @Field(() => String, { nullable: true, description: 'The new sector (界别).' })
  sector?: string | null;

  @Field(() => String, { nullable: true, description: 'The new party affiliation (政治面貌).' })
  party?: string | null;

  @Field(() => String, { nullable: true, description: 'The new expertise.' })
  expertise?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The new phone number; personal data, masked to callers whose role does not need it.',
  })
  phone?: string | null;
}
