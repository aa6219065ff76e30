import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/postgresql';
import { FieldsOn, type HistoryWriter } from '@cppcc/toolkit';
import { Field, ID, ObjectType } from 'type-graphql';

/** One step in a petition case's life: what happened, from which state to which, when, by whom. */
@ObjectType({ description: 'A step in the life of a petition case.' })
@FieldsOn('department', ['step', 'fromStatus', 'toStatus', 'at', 'byDepartmentId'])
@Entity({ tableName: 'petition_case_event' })
export class PetitionCaseEvent {
  [OptionalProps]?: 'at' | 'detail' | 'byDepartmentId';

  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id: string;

  @Property({ type: 'uuid' })
  caseId: string;

  @Field({
    description:
      'The step taken: register, accept, giveOpinion, requestReview, review, close, recordSession.',
  })
  @Property({ type: 'text' })
  step: string;

  @Field(() => String, { nullable: true, description: 'The state before (none when registered).' })
  @Property({ type: 'text', nullable: true })
  fromStatus: string | null;

  @Field({ description: 'The state after the step, e.g. ACCEPTED.' })
  @Property({ type: 'text' })
  toStatus: string;

  @Field(() => Date, { description: 'When the step was taken, ISO 8601 (UTC).' })
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  at: Date = new Date();

  /** Who took the step (the caller's id, never personal data). */
  @Property({ type: 'text' })
  bySubject: string;

  @Field(() => ID, { nullable: true, description: 'The department that took the step.' })
  @Property({ type: 'uuid', nullable: true })
  byDepartmentId: string | null = null;

  /** What the step carried (ids and dates; opinions are on the case). */
  @Property({ type: 'jsonb' })
  detail: Record<string, unknown> = {};
}

/** The workflow engine's history writer: every step lands in `petition_case_event`. */
export const petitionCaseHistory: HistoryWriter = (tx, taken) => {
  tx.create(PetitionCaseEvent, {
    caseId: taken.recordId,
    step: taken.step,
    fromStatus: taken.from,
    toStatus: taken.to,
    at: taken.at,
    bySubject: taken.by.subject,
    byDepartmentId: taken.by.departmentId,
    detail: taken.detail,
  });
};
