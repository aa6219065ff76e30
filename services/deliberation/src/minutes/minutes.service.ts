import type { EntityManager } from '@mikro-orm/postgresql';
import {
  BadUserInputError,
  InvalidTransitionError,
  NotFoundError,
  inTransaction,
  recordStep,
  requireActor,
  requireDate,
  requireText,
  takeStep,
  type Caller,
  isUuid,
} from '@cppcc/toolkit';
import { requireReferences } from '@cppcc/organization-feed';
import { Session, SessionStatus } from '../session/session.entity';
import {
  ActionOwnerKind,
  ActionStatus,
  FollowUpAction,
  Minutes,
  MinutesStatus,
} from './minutes.entity';
import type { DraftMinutesInput, EditMinutesInput, FollowUpActionInput } from './minutes.inputs';
import { MINUTES_WORKFLOW } from './minutes.workflow';

function texts(values: string[], field: string, max = 500): string[] {
  return values.map((value, index) => requireText(value, `${field}.${index}`, max));
}

function validActions(actions: FollowUpActionInput[], field: string) {
  return actions.map((action, index) => {
    if (!isUuid(action.ownerId))
      throw new BadUserInputError('This is not an id.', `${field}.${index}.ownerId`);
    return {
      description: requireText(action.description, `${field}.${index}.description`, 500),
      ownerKind: action.ownerKind,
      ownerId: action.ownerId,
      dueOn: requireDate(action.dueOn, `${field}.${index}.dueOn`),
    };
  });
}

/**
 * The owners of the actions, each a member or a department of the session's county or the city
 * (`requireReferences`).
 */
function requireOwners(
  tx: EntityManager,
  divisionCode: string,
  actions: ReturnType<typeof validActions>,
  field: string,
): Promise<void> {
  return requireReferences(
    tx,
    divisionCode,
    actions.map((action, index) => ({
      kind: action.ownerKind === ActionOwnerKind.DEPARTMENT ? 'department' : 'member',
      id: action.ownerId,
      field: `${field}.${index}.ownerId`,
    })),
  );
}

function writeActions(
  tx: EntityManager,
  minutes: Minutes,
  actions: ReturnType<typeof validActions>,
): void {
  actions.forEach((action, position) =>
    tx.create(FollowUpAction, {
      ...action,
      minutesId: minutes.id,
      homeId: minutes.homeId,
      divisionCode: minutes.divisionCode,
      position,
      status: ActionStatus.OPEN,
    }),
  );
}

/** Drafts the minutes of a held session (one set of minutes per session), by whoever may edit them. */
export async function draftMinutes(
  em: EntityManager,
  caller: Caller,
  input: DraftMinutesInput,
): Promise<Minutes> {
  requireActor(MINUTES_WORKFLOW, 'edit', caller);
  const summary = requireText(input.summary, 'input.summary', 5_000);
  const consensus = texts(input.consensus, 'input.consensus');
  const disagreements = texts(input.disagreements, 'input.disagreements');
  const actions = validActions(input.actions, 'input.actions');
  return inTransaction(em, 'Minutes', async (tx) => {
    const session = isUuid(input.sessionId)
      ? await tx.findOne(Session, { id: input.sessionId })
      : null;
    if (!session) throw new NotFoundError('Session', { field: 'input.sessionId' });
    if (session.status !== SessionStatus.HELD)
      throw new InvalidTransitionError('The session', session.status, 'draftMinutes');
    if (await tx.count(Minutes, { sessionId: session.id }, { filters: false })) {
      throw new BadUserInputError('The session has minutes already: edit them.', 'input.sessionId');
    }
    await requireOwners(tx, session.divisionCode, actions, 'input.actions');
    const minutes = tx.create(Minutes, {
      sessionId: session.id,
      homeId: session.homeId,
      divisionCode: session.divisionCode,
      summary,
      consensus,
      disagreements,
      status: MinutesStatus.DRAFT,
    });
    await tx.flush();
    writeActions(tx, minutes, actions);
    recordStep(tx, caller, MINUTES_WORKFLOW, minutes, 'draft', null);
    await tx.flush();
    return minutes;
  });
}

/** Edits a draft against the version it was read at: a stale version changes nothing. */
export async function editMinutes(
  em: EntityManager,
  caller: Caller,
  input: EditMinutesInput,
): Promise<Minutes> {
  const summary = input.summary == null ? null : requireText(input.summary, 'input.summary', 5_000);
  const consensus = input.consensus == null ? null : texts(input.consensus, 'input.consensus');
  const disagreements =
    input.disagreements == null ? null : texts(input.disagreements, 'input.disagreements');
  const actions = input.actions == null ? null : validActions(input.actions, 'input.actions');
  return takeStep(
    em,
    caller,
    MINUTES_WORKFLOW,
    input.minutesId,
    input.expectedVersion,
    'edit',
    async (minutes, tx) => {
      if (summary != null) minutes.summary = summary;
      if (consensus != null) minutes.consensus = consensus;
      if (disagreements != null) minutes.disagreements = disagreements;
      if (actions != null) {
        await requireOwners(tx, minutes.divisionCode, actions, 'input.actions');
        await tx.nativeDelete(FollowUpAction, { minutesId: minutes.id });
        writeActions(tx, minutes, actions);
      }
      return {
        fields: Object.keys(input).filter(
          (field) =>
            field !== 'minutesId' &&
            field !== 'expectedVersion' &&
            input[field as keyof EditMinutesInput] != null,
        ),
      };
    },
  );
}

/** Approval by the home's leader or the county's (or city's) staff. */
export function approveMinutes(
  em: EntityManager,
  caller: Caller,
  minutesId: string,
  expectedVersion?: number | null,
) {
  return takeStep(
    em,
    caller,
    MINUTES_WORKFLOW,
    minutesId,
    expectedVersion,
    'approve',
    (minutes) => {
      minutes.approvedBy = caller.subject;
      minutes.approvedAt = new Date();
      return {};
    },
  );
}

/** Publishing shows the summary and consensus on the public surface (never who attended). */
export function publishMinutes(
  em: EntityManager,
  caller: Caller,
  minutesId: string,
  expectedVersion?: number | null,
) {
  return takeStep(
    em,
    caller,
    MINUTES_WORKFLOW,
    minutesId,
    expectedVersion,
    'publish',
    async (minutes, tx) => {
      const now = new Date();
      minutes.publishedAt = now;
      await tx.nativeUpdate(Session, { id: minutes.sessionId }, { publishedAt: now });
      return {};
    },
  );
}
