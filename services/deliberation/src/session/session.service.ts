import type { EntityManager } from '@mikro-orm/postgresql';
import {
  BadUserInputError,
  optionalText,
  requireText,
  idempotencyOf,
  takeStep,
  type Caller,
  isUuid,
  createThroughWorkflow,
} from '@cppcc/toolkit';
import { referencesAt, requireActiveHome, requireReferences } from '@cppcc/organization-feed';
import { Session, SessionStatus } from './session.entity';
import type { ScheduleSessionInput } from './session.inputs';
import { SESSION_WORKFLOW, type SessionStep } from './session.workflow';

const DIVISION_CODE = /^\d{4}(\d{2}(\d{3}(\d{3})?)?)?$/;

function uuids(values: string[] | null | undefined, field: string): string[] {
  // Checked before duplicates are dropped, so that an index names the place in the input.
  (values ?? []).forEach((value, index) => {
    if (!isUuid(value)) throw new BadUserInputError('This is not an id.', `${field}.${index}`);
  });
  return [...new Set((values ?? []).map((value) => value.toLowerCase()))];
}

/**
 * The departments invited to a session of division `divisionCode`, as the organization's feed
 * brought them: each one of the session's county or the city (`requireReferences`), or refused,
 * naming its place in the input (`ids` as given, checked as ids). A department created a moment
 * ago may be unknown here for up to a second.
 */
async function requireDepartments(
  em: EntityManager,
  divisionCode: string,
  ids: string[],
  field: string,
): Promise<Array<{ id: string; name: string; level: string }>> {
  if (!ids.length) return [];
  await requireReferences(em, divisionCode, referencesAt('department', ids, field));
  const found = await em
    .getConnection()
    .execute<Array<{ id: string; name: string; level: string }>>(
      'select id, name, level from department_projection where id = any(array[?]::uuid[])',
      [ids],
    );
  const byId = new Map(found.map((department) => [department.id, department]));
  return ids.map((id, index) => {
    const department = byId.get(id.toLowerCase());
    if (!department)
      throw new BadUserInputError('There is no such department.', `${field}.${index}`);
    return department;
  });
}

/**
 * Schedules a consultation activity of a home. Rule 3 of docs/domain.md: a matter in which city
 * departments take part, or that crosses county lines, is coordinated by a city special
 * committee, so it needs one.
 */
export async function scheduleSession(
  em: EntityManager,
  caller: Caller,
  input: ScheduleSessionInput,
): Promise<Session> {
  const home = await requireActiveHome(em, caller, input.homeId, 'input.homeId');
  const title = requireText(input.title, 'input.title', 100);
  const location = optionalText(input.location, 'input.location', 200);
  const departmentIds = uuids(input.departmentIds, 'input.departmentIds');
  const departments = await requireDepartments(
    em,
    home.division_code,
    input.departmentIds ?? [],
    'input.departmentIds',
  );
  const involved = [...new Set(input.involvedDivisionCodes ?? [])];
  involved.forEach((code, index) => {
    if (!DIVISION_CODE.test(code)) {
      throw new BadUserInputError(
        'This is not a division code.',
        `input.involvedDivisionCodes.${index}`,
      );
    }
  });
  const counties = new Set(
    [home.division_code, ...involved]
      .filter((code) => code.length >= 6)
      .map((code) => code.slice(0, 6)),
  );
  const crossesCounties = counties.size > 1 || involved.some((code) => code.length < 6);
  if (input.coordinatingCommitteeId != null && !isUuid(input.coordinatingCommitteeId)) {
    throw new BadUserInputError('This is not an id.', 'input.coordinatingCommitteeId');
  }
  if (crossesCounties && !input.coordinatingCommitteeId) {
    throw new BadUserInputError(
      'The matter crosses county lines: a city special committee must coordinate it (rule 3, docs/domain.md).',
      'input.coordinatingCommitteeId',
    );
  }
  const cityDepartments = departments.filter((department) => department.level === 'CITY');
  if (cityDepartments.length && !input.coordinatingCommitteeId) {
    throw new BadUserInputError(
      `City departments take part (${cityDepartments.map((department) => department.name).join('、')}): a city special committee must coordinate the session (rule 3, docs/domain.md).`,
      'input.coordinatingCommitteeId',
    );
  }
  const idempotency = idempotencyOf(caller, input);
  return createThroughWorkflow(em, caller, SESSION_WORKFLOW, idempotency, {
    step: 'schedule',
    data: () => ({
      homeId: input.homeId,
      divisionCode: home.division_code,
      title,
      kind: input.kind,
      status: SessionStatus.PLANNED,
      scheduledAt: input.scheduledAt,
      location,
      departmentIds,
      involvedDivisions: involved,
      coordinatingCommitteeId: input.coordinatingCommitteeId ?? null,
    }),
  });
}

/** Takes one step of a session's life (SESSION_STEPS decides), with its changes. */
function step(
  em: EntityManager,
  caller: Caller,
  sessionId: string,
  expectedVersion: number | null | undefined,
  name: SessionStep,
  change: (session: Session) => Record<string, unknown>,
): Promise<Session> {
  return takeStep(em, caller, SESSION_WORKFLOW, sessionId, expectedVersion, name, change);
}

export function rescheduleSession(
  em: EntityManager,
  caller: Caller,
  sessionId: string,
  scheduledAt: Date,
  expectedVersion?: number | null,
) {
  return step(em, caller, sessionId, expectedVersion, 'reschedule', (session) => {
    const detail = { from: session.scheduledAt.toISOString(), to: scheduledAt.toISOString() };
    session.scheduledAt = scheduledAt;
    return detail;
  });
}

/** The session took place; `heldAt` in the future is bad input. */
export function recordSessionHeld(
  em: EntityManager,
  caller: Caller,
  sessionId: string,
  heldAt: Date,
  expectedVersion?: number | null,
) {
  if (heldAt.getTime() > Date.now())
    throw new BadUserInputError('heldAt must not be in the future.', 'heldAt');
  return step(em, caller, sessionId, expectedVersion, 'recordHeld', (session) => {
    session.heldAt = heldAt;
    return {};
  });
}

export function cancelSession(
  em: EntityManager,
  caller: Caller,
  sessionId: string,
  reason: string,
  expectedVersion?: number | null,
) {
  const text = requireText(reason, 'reason', 500);
  return step(em, caller, sessionId, expectedVersion, 'cancel', (session) => {
    session.cancelReason = text;
    return { reason: text };
  });
}
