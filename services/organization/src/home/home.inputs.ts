import { DateScalar, CreateInput, ChangeInput } from '@cppcc/toolkit';
import { Field, ID, InputType, Int } from 'type-graphql';
import { HomeKind, HomeStatus } from './home.entity';
import { HomeRole } from './home-membership.entity';

@InputType({ description: 'Which homes to list.' })
export class HomesFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Homes in this division or below it (a code prefix).',
  })
  divisionCode?: string | null;

  @Field(() => HomeKind, { nullable: true, description: 'Only homes of this kind.' })
  kind?: HomeKind | null;

  @Field(() => [HomeStatus], {
    nullable: true,
    description: 'Only homes in one of these statuses.',
  })
  status?: HomeStatus[] | null;

  @Field(() => Int, { nullable: true, description: 'Homes piloted in this cohort year.' })
  pilotCohortYear?: number | null;

  @Field(() => ID, { nullable: true, description: 'Homes this member serves in.' })
  memberId?: string | null;

  @Field(() => String, { nullable: true, description: 'Homes whose name contains this text.' })
  nameContains?: string | null;
}

@InputType({ description: 'A new consultation home (协商民主之家).' })
export class CreateHomeInput extends CreateInput {
  @Field({ description: 'The name as it will be shown, e.g. 浦南镇政协村民协商民主之家.' })
  name: string;

  @Field({ description: 'A township- or village-level division code.' })
  divisionCode: string;

  @Field(() => HomeKind, { nullable: true, description: "Defaults from the division's kind." })
  kind?: HomeKind | null;

  @Field(() => DateScalar, { nullable: true, description: 'Defaults to today.' })
  establishedOn?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Set to make the home a pilot (试点) of that year.',
  })
  pilotCohortYear?: number | null;
}

@InputType({ description: 'Changes to a home; fields left out keep their value.' })
export class UpdateHomeInput extends ChangeInput {
  @Field(() => ID, {
    nullable: true,
    description:
      'The home to change. Required, unless given as the deprecated `id` argument beside `input`.',
  })
  id?: string | null;

  @Field(() => String, { nullable: true, description: 'The new name.' })
  name?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Moves the home to another township or village (e.g. after a re-zoning); its records follow it.',
  })
  divisionCode?: string | null;

  @Field(() => HomeKind, { nullable: true, description: 'The new kind.' })
  kind?: HomeKind | null;

  @Field(() => HomeStatus, {
    nullable: true,
    description: 'The new status, e.g. SUSPENDED to pause a home.',
  })
  status?: HomeStatus | null;
}

@InputType({ description: 'A member who starts serving in a home.' })
export class AssignHomeMemberInput {
  @Field(() => ID, { description: 'The home.' })
  homeId: string;

  @Field(() => ID, { description: 'The CPPCC member (委员) who starts serving.' })
  memberId: string;

  @Field(() => HomeRole, {
    defaultValue: HomeRole.MEMBER,
    description: 'LEADER also steps the current leader down to MEMBER.',
  })
  role: HomeRole;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'First day of service; defaults to today.',
  })
  since?: string | null;
}

@InputType({ description: 'A home to make a pilot (试点) of a cohort year.' })
export class MarkHomeAsPilotInput {
  @Field(() => ID, { nullable: true, description: 'The home. Required.' })
  homeId?: string | null;

  @Field(() => Int, { nullable: true, description: 'The pilot year, e.g. 2020. Required.' })
  cohortYear?: number | null;
}

@InputType({ description: 'A member who stops serving in a home.' })
export class RemoveHomeMemberInput {
  @Field(() => ID, { nullable: true, description: 'The home. Required.' })
  homeId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The serving member. Required.' })
  memberId?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Last day of service (`YYYY-MM-DD`); defaults to today in China Standard Time.',
  })
  until?: string | null;
}

@InputType({ description: 'A serving member who becomes the leader (负责人) of a home.' })
export class SetHomeLeaderInput {
  @Field(() => ID, { nullable: true, description: 'The home. Required.' })
  homeId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The member, already serving there. Required.' })
  memberId?: string | null;
}
