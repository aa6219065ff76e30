import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import {
  BadUserInputError,
  ForbiddenError,
  NotFoundError,
  checkVersion,
  executeIn,
  fieldPath,
  inTransaction,
  isUuid,
  recordStep,
  requireActor,
  requireDate,
  requireText,
  idempotencyOf,
  takeStep,
  todayInCity,
  type Caller,
  createThroughWorkflow,
} from '@cppcc/toolkit';
import { bureauDivisionOf, requireHandlingDepartment } from '../department/department.projection';
import {
  linkTaken,
  requireLinkableDemands,
  requireLinkableSession,
} from '../linked/linked.projection';
import { requireKnownDivision } from '../division/division.projection';
import { opinionDueOn } from './petition-case.deadline';
import { PetitionCase, PetitionCaseStatus } from './petition-case.entity';
import type { RegisterPetitionCaseInput } from './petition-case.inputs';
import {
  BUREAU,
  PETITION_CASE_WORKFLOW,
  bureauOnly,
  type PetitionCaseStep,
} from './petition-case.workflow';

const NOT_A_BUREAU = `Registering a case is a step of ${BUREAU.name}.`;
const DIVISION_CODE = /^\d{9}(\d{3})?$/;
const OPINION_MAX = 5_000;

function requireId(value: string, field: string): string {
  if (!isUuid(value)) throw new BadUserInputError('This is not an id.', field);
  return value;
}

/** The most demands one case may be registered for. */
export const MAX_CASE_DEMANDS = 50;

/**
 * A list of ids as given: each an id, none twice, at most MAX_CASE_DEMANDS; BAD_USER_INPUT on
 * the item at fault (its index in the list given), or on the list when it is too long.
 */
function requireIds(values: readonly string[] | null | undefined, field: string): string[] {
  const list = [...(values ?? [])];
  if (list.length > MAX_CASE_DEMANDS) {
    throw new BadUserInputError(`Name at most ${MAX_CASE_DEMANDS}.`, field);
  }
  list.forEach((value, index) => {
    requireId(value, fieldPath(field, index));
    if (list.indexOf(value) !== index) {
      throw new BadUserInputError('The same id is given twice.', fieldPath(field, index));
    }
  });
  return list;
}

function requireDay(value: string | null | undefined, field: string): string {
  return value == null ? todayInCity() : requireDate(value, field, { notInFuture: true });
}

/**
 * Registers a petition case (REGISTERED), its first history entry `register`. Only a petitions
 * bureau registers, for a village, community or township of its own division that the
 * organization's division feed has brought; a retried registration with its key gives the same
 * case.
 */
export async function registerPetitionCase(
  em: EntityManager,
  caller: Caller,
  input: RegisterPetitionCaseInput,
): Promise<PetitionCase> {
  if (caller.level !== 'DEPARTMENT' || !caller.departmentId) {
    throw new ForbiddenError(NOT_A_BUREAU);
  }
  const subject = requireText(input.subject, 'input.subject', 200);
  if (!input.petitioners?.length || input.petitioners.length > 20) {
    throw new BadUserInputError('Name one to 20 petitioners.', 'input.petitioners');
  }
  const petitioners = input.petitioners.map((name, index) =>
    requireText(name, `input.petitioners.${index}`, 50),
  );
  if (!DIVISION_CODE.test(input.divisionCode)) {
    throw new BadUserInputError(
      'Give the village, community (12 digits) or township (9 digits) the matter concerns.',
      'input.divisionCode',
    );
  }
  const demandIds = requireIds(input.demandIds, 'input.demandIds');
  const registeredOn = requireDay(input.registeredOn, 'input.registeredOn');
  const bureau = await bureauDivisionOf(em, caller.departmentId);
  if (!bureau) throw new ForbiddenError(NOT_A_BUREAU);
  if (!input.divisionCode.startsWith(bureau)) {
    throw new BadUserInputError('The division is outside the bureau’s own.', 'input.divisionCode');
  }
  await requireKnownDivision(em, input.divisionCode, 'input.divisionCode');
  const idempotency = idempotencyOf(caller, input);
  return createThroughWorkflow(em, caller, PETITION_CASE_WORKFLOW, idempotency, {
    step: 'register',
    detail: { demandIds },
    data: async (tx) => {
      // After the key's lookup: a retry finds its case, whose demands are linked to it by then.
      await requireLinkableDemands(tx, demandIds, input.divisionCode, 'input.demandIds');
      const [{ seq }] = await executeIn<Array<{ seq: string }>>(
        tx,
        `select nextval('petition_case_number') as seq`,
      );
      return {
        number: `XF${registeredOn.slice(0, 4)}-${seq.padStart(6, '0')}`,
        subject,
        petitioners,
        divisionCode: input.divisionCode,
        status: PetitionCaseStatus.REGISTERED,
        registeredOn,
        demandIds,
      };
    },
  }).catch((error: unknown) => {
    throw linkTaken(error, 'demand', 'input.demandIds');
  });
}

/** Accepts a case (受理) and gives it to a handling department; its opinion is due in 60 days. */
export async function acceptPetitionCase(
  em: EntityManager,
  caller: Caller,
  caseId: string,
  expectedVersion: number | null | undefined,
  handlingDepartmentId: string,
  acceptedOn?: string | null,
): Promise<PetitionCase> {
  const day = requireDay(acceptedOn, 'acceptedOn');
  return takeStep(
    em,
    caller,
    PETITION_CASE_WORKFLOW,
    caseId,
    expectedVersion,
    'accept',
    async (record, tx) => {
      await requireHandlingDepartment(
        tx,
        handlingDepartmentId,
        record.divisionCode,
        'handlingDepartmentId',
      );
      if (day < record.registeredOn) {
        throw new BadUserInputError(
          'A case is accepted on or after its registration.',
          'acceptedOn',
        );
      }
      record.handlingDepartmentId = handlingDepartmentId;
      record.acceptedOn = day;
      record.opinionDueOn = opinionDueOn(day);
      return { handlingDepartmentId, acceptedOn: day, opinionDueOn: record.opinionDueOn };
    },
  );
}

/**
 * The steps that record a text and the day it was given: which columns each writes. The text
 * argument is named as the mutation names it (`opinion`, `reason`).
 */
const TEXT_STEPS = {
  giveOpinion: { argument: 'opinion', text: 'opinion', day: 'handledOn' },
  requestReview: { argument: 'reason', text: 'reviewReason', day: 'reviewRequestedOn' },
  review: { argument: 'opinion', text: 'reviewOpinion', day: 'reviewedOn' },
} as const satisfies Partial<
  Record<PetitionCaseStep, { argument: string; text: keyof PetitionCase; day: keyof PetitionCase }>
>;

/** Takes a step that records a text, dated today (China Standard Time). */
function textStep(
  step: keyof typeof TEXT_STEPS,
): (
  em: EntityManager,
  caller: Caller,
  caseId: string,
  expectedVersion: number | null | undefined,
  value: string,
) => Promise<PetitionCase> {
  const { argument, text, day } = TEXT_STEPS[step];
  return (em, caller, caseId, expectedVersion, value) => {
    const checked = requireText(value, argument, OPINION_MAX);
    return takeStep(em, caller, PETITION_CASE_WORKFLOW, caseId, expectedVersion, step, (record) => {
      record[text] = checked;
      record[day] = todayInCity();
      return { [day]: record[day] };
    });
  };
}

/** The handling department's opinion (办理意见). */
export const givePetitionOpinion = textStep('giveOpinion');

/** The petitioner disagreed with the opinion: a review (复查), once. */
export const requestPetitionReview = textStep('requestReview');

/** The review opinion (复查意见). */
export const reviewPetitionCase = textStep('review');

/** Closes a case (办结). */
export function closePetitionCase(
  em: EntityManager,
  caller: Caller,
  caseId: string,
  expectedVersion: number | null | undefined,
): Promise<PetitionCase> {
  return takeStep(
    em,
    caller,
    PETITION_CASE_WORKFLOW,
    caseId,
    expectedVersion,
    'close',
    (record) => {
      record.closedOn = todayInCity();
      return { closedOn: record.closedOn };
    },
  );
}

/**
 * Records a multi-party platform session (deliberation's) held on the case: not a change of state,
 * one more entry in its history (`recordSession`). The bureau's, like the case's other records.
 * The session must be known from deliberation's feed, MULTI_PARTY, not cancelled, of the case's
 * county and on no other case (`requireLinkableSession`); recording it again changes nothing.
 */
export async function recordPetitionSession(
  em: EntityManager,
  caller: Caller,
  caseId: string,
  expectedVersion: number | null | undefined,
  sessionId: string,
): Promise<PetitionCase> {
  requireActor(PETITION_CASE_WORKFLOW, 'accept', caller);
  requireId(sessionId, 'sessionId');
  const recorded = inTransaction(em, 'PetitionCase', async (tx) => {
    const record = isUuid(caseId)
      ? await tx.findOne(PetitionCase, { id: caseId }, { lockMode: LockMode.PESSIMISTIC_WRITE })
      : null;
    if (!record) throw new NotFoundError('PetitionCase', { field: 'input.caseId' });
    checkVersion('PetitionCase', record, expectedVersion);
    await bureauOnly(record, caller, tx);
    if (record.sessionIds.includes(sessionId)) return record;
    await requireLinkableSession(tx, sessionId, record.id, record.divisionCode, 'sessionId');
    record.sessionIds = [...record.sessionIds, sessionId];
    record.updatedAt = new Date();
    recordStep(tx, caller, PETITION_CASE_WORKFLOW, record, 'recordSession', record.status, {
      sessionId,
    });
    await tx.flush();
    return record;
  });
  return recorded.catch((error: unknown) => {
    throw linkTaken(error, 'session', 'sessionId');
  });
}
