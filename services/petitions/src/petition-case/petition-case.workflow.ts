import { ACTORS, ForbiddenError, type Actor, type Guard, defineWorkflow } from '@cppcc/toolkit';
import { bureauDivisionOf } from '../department/department.projection';
import { petitionCaseHistory } from './petition-case-event.entity';
import { PetitionCase, PetitionCaseStatus as S } from './petition-case.entity';

/** The petitions bureau (信访局) keeping the case: the department working on PETITIONS. */
export const BUREAU: Actor = { name: 'the petitions bureau (信访局)', levels: ['DEPARTMENT'] };

/** The caller's department is a petitions bureau whose division covers the case. */
export const bureauOnly: Guard<PetitionCase> = async (record, caller, tx) => {
  const division = caller.departmentId ? await bureauDivisionOf(tx, caller.departmentId) : null;
  if (!division || !record.divisionCode.startsWith(division)) {
    throw new ForbiddenError("This is a step of the case's petitions bureau (信访局).");
  }
};

/** The caller's department is the one handling the case. */
export const handlingDepartmentOnly: Guard<PetitionCase> = (record, caller) => {
  if (!caller.departmentId || caller.departmentId !== record.handlingDepartmentId) {
    throw new ForbiddenError('This is a step of the department handling the case.');
  }
};

/**
 * A petition case's life, as data: the bureau registers (登记) and accepts (受理) it, giving it to
 * a handling department, which gives its opinion (办理意见) within OPINION_DAYS; the petitioner
 * may disagree once, and the bureau records the request for review (复查) and the review opinion;
 * the bureau closes it (办结). Registration is the case's first history entry (`register`).
 */
export const PETITION_CASE_STEPS = {
  /** Accepted and given to a handling department; the opinion is due OPINION_DAYS later. */
  accept: { from: [S.REGISTERED], to: S.ACCEPTED, actor: BUREAU, guard: bureauOnly },
  /** The handling department's opinion (办理意见). */
  giveOpinion: {
    from: [S.ACCEPTED],
    to: S.HANDLED,
    actor: ACTORS.DEPARTMENT,
    guard: handlingDepartmentOnly,
  },
  /** The petitioner disagrees with the opinion: a review (复查), once. */
  requestReview: { from: [S.HANDLED], to: S.UNDER_REVIEW, actor: BUREAU, guard: bureauOnly },
  /** The review opinion (复查意见); a reviewed case cannot be reviewed again. */
  review: { from: [S.UNDER_REVIEW], to: S.REVIEWED, actor: BUREAU, guard: bureauOnly },
  /** Closed (办结) once the petitioner accepted the opinion or the review was given. */
  close: { from: [S.HANDLED, S.REVIEWED], to: S.CLOSED, actor: BUREAU, guard: bureauOnly },
} as const;

export type PetitionCaseStep = keyof typeof PETITION_CASE_STEPS;

export const PETITION_CASE_WORKFLOW = defineWorkflow({
  entity: PetitionCase,
  what: 'the petition case',
  idField: 'caseId',
  states: S,
  steps: PETITION_CASE_STEPS,
  history: petitionCaseHistory,
});
