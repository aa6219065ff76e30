import { Entity, Property } from '@mikro-orm/postgresql';
import { FieldsOn, HistoryEntry, historyWriter } from '@cppcc/toolkit';
import { Field, ID, ObjectType } from 'type-graphql';

/** One step in a petition case's life: what happened, from which state to which, when, by whom. */
@ObjectType({
  description:
    'A step in the life of a petition case. Steps: register, accept, giveOpinion, requestReview, review, close, recordSession.',
})
@FieldsOn('department', ['step', 'fromStatus', 'toStatus', 'at', 'byDepartmentId'])
@Entity({ tableName: 'petition_case_event' })
export class PetitionCaseEvent extends HistoryEntry<'byDepartmentId'> {
  @Property({ type: 'uuid' })
  caseId: string;

  @Field(() => ID, { nullable: true, description: 'The department that took the step.' })
  @Property({ type: 'uuid', nullable: true })
  byDepartmentId: string | null = null;
}

/** The workflow engine's history writer: every step lands in `petition_case_event`. */
export const petitionCaseHistory = historyWriter(PetitionCaseEvent, (taken) => ({
  caseId: taken.recordId,
  byDepartmentId: taken.by.departmentId,
}));
