import { CreateInput, stepInputType } from '@cppcc/toolkit';
import { Field, ID, InputType } from 'type-graphql';
import { SessionKind } from './session.entity';
import { SESSION_WORKFLOW } from './session.workflow';

@InputType({ description: 'A consultation activity to schedule for a home.' })
export class ScheduleSessionInput extends CreateInput {
  @Field(() => ID, { description: 'The home that holds it.' })
  homeId: string;

  @Field({ description: 'The title, e.g. 关于村道修缮的协商议事会.' })
  title: string;

  @Field(() => SessionKind, { description: 'Its form: forum, council, face to face …' })
  kind: SessionKind;

  @Field(() => Date, {
    description: 'When it starts, ISO 8601 with offset, e.g. `2026-03-14T09:30:00+08:00`.',
  })
  scheduledAt: Date;

  @Field(() => String, { nullable: true, description: 'Where, e.g. 村委会二楼会议室.' })
  location?: string | null;

  @Field(() => [ID], {
    nullable: true,
    description:
      "Departments invited to take part: each one of the home's county or of the city (docs/domain.md, “What a record may name”).",
  })
  departmentIds?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description: "Divisions the matter concerns besides the home's own (codes).",
  })
  involvedDivisionCodes?: string[] | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'The city special committee (专门委员会) that coordinates: required when city departments take part or the matter crosses county lines, else BAD_USER_INPUT.',
  })
  coordinatingCommitteeId?: string | null;
}

export const SessionStepInput = stepInputType('SessionStepInput', SESSION_WORKFLOW);
export type SessionStepInput = InstanceType<typeof SessionStepInput>;
