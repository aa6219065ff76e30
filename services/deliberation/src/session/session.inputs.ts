import { Field, ID, InputType, Int } from 'type-graphql';
import { SessionKind } from './session.entity';

@InputType()
export class ScheduleSessionInput {
  @Field(() => ID)
  homeId: string;

  @Field()
  title: string;

  @Field(() => SessionKind)
  kind: SessionKind;

  @Field(() => Date)
  scheduledAt: Date;

  @Field(() => String, { nullable: true })
  location?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Departments invited to take part.' })
  departmentIds?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description: "Divisions the matter concerns besides the home's own (codes).",
  })
  involvedDivisionCodes?: string[] | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'The city special committee that coordinates: required when city departments take part or the matter crosses county lines (rule 3).',
  })
  coordinatingCommitteeId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The same key twice gives the same session, scheduled once.',
  })
  idempotencyKey?: string | null;
}

@InputType()
export class SessionStepInput {
  @Field(() => ID)
  sessionId: string;

  @Field(() => Int, {
    nullable: true,
    description: 'When given, the step fails with CONFLICT if the session changed since.',
  })
  expectedVersion?: number | null;
}
