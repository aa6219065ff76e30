import { DateScalar } from '@cppcc/toolkit';
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

  @Field(() => HomeKind, { nullable: true })
  kind?: HomeKind | null;

  @Field(() => [HomeStatus], { nullable: true })
  status?: HomeStatus[] | null;

  @Field(() => Int, { nullable: true, description: 'Homes piloted in this cohort year.' })
  pilotCohortYear?: number | null;

  @Field(() => ID, { nullable: true, description: 'Homes this member serves in.' })
  memberId?: string | null;

  @Field(() => String, { nullable: true, description: 'Homes whose name contains this text.' })
  nameContains?: string | null;
}

@InputType()
export class CreateHomeInput {
  @Field()
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

  @Field(() => String, {
    nullable: true,
    description: 'The same key twice gives the same home, created once.',
  })
  idempotencyKey?: string | null;
}

@InputType()
export class UpdateHomeInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Moves the home to another township or village (e.g. after a re-zoning); its records follow it.',
  })
  divisionCode?: string | null;

  @Field(() => HomeKind, { nullable: true })
  kind?: HomeKind | null;

  @Field(() => HomeStatus, { nullable: true })
  status?: HomeStatus | null;

  @Field(() => Int, {
    nullable: true,
    description: 'When given, the edit fails with CONFLICT if the home changed since.',
  })
  expectedVersion?: number | null;
}

@InputType()
export class AssignHomeMemberInput {
  @Field(() => ID)
  homeId: string;

  @Field(() => ID)
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
