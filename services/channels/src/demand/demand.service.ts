import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import {
  BadUserInputError,
  applyStep,
  takeStep,
  optionalPhone,
  optionalText,
  requireText,
  idempotencyOf,
  type Caller,
  type StepChange,
  createThroughWorkflow,
} from '@cppcc/toolkit';
import { requireActiveHome, requireReferences } from '@cppcc/organization-feed';
import { requireDivisionCode, requireId, requireIds } from '../shared/validation';
import { Demand, DemandRaiser, DemandStatus } from './demand.entity';
import type { RaiseDemandInput } from './demand.inputs';
import { DEMAND_WORKFLOW, demandCan, type DemandStep } from './demand.workflow';
import { requireAgendaSession, requireCitedSessions } from '../session/session.projection';

/** Records a demand raised at a home (RECEIVED); a retried submit with its key gives the same one. */
export async function raiseDemand(
  em: EntityManager,
  caller: Caller,
  input: RaiseDemandInput,
): Promise<Demand> {
  const home = await requireActiveHome(em, caller, input.homeId, 'input.homeId');
  const divisionCode = requireDivisionCode(
    input.divisionCode ?? home.division_code,
    'input.divisionCode',
  );
  if (!divisionCode.startsWith(home.division_code) || divisionCode.length < 9) {
    throw new BadUserInputError(
      "The division is not a village, community or township in the home's area.",
      'input.divisionCode',
    );
  }
  const content = requireText(input.content, 'input.content', 2_000);
  const participantId =
    input.participantId == null ? null : requireId(input.participantId, 'input.participantId');
  const residentName = optionalText(input.residentName, 'input.residentName', 50);
  const residentContact = optionalPhone(input.residentContact, 'input.residentContact');
  if (participantId && (residentName || residentContact)) {
    throw new BadUserInputError(
      'A demand is raised by a participant or by a resident, not both.',
      'input.residentName',
    );
  }
  if (participantId) {
    await requireReferences(em, divisionCode, [
      { kind: 'participant', id: participantId, field: 'input.participantId' },
    ]);
  }
  const receivedAt = input.receivedAt ?? new Date();
  if (receivedAt.getTime() > Date.now()) {
    throw new BadUserInputError('receivedAt must not be in the future.', 'input.receivedAt');
  }
  const idempotency = idempotencyOf(caller, input);
  return createThroughWorkflow(em, caller, DEMAND_WORKFLOW, idempotency, {
    step: 'raise',
    data: () => ({
      homeId: input.homeId,
      divisionCode,
      category: input.category,
      content,
      isPetition: input.isPetition ?? false,
      status: DemandStatus.RECEIVED,
      receivedAt,
      raisedByKind: participantId ? DemandRaiser.PARTICIPANT : DemandRaiser.RESIDENT,
      participantId,
      residentName,
      residentContact,
    }),
  });
}

/** Takes one step of a demand's life (DEMAND_WORKFLOW decides), with its changes. */
function step(
  em: EntityManager,
  caller: Caller,
  demandId: string,
  expectedVersion: number | null | undefined,
  name: DemandStep,
  change: StepChange<Demand>,
): Promise<Demand> {
  return takeStep(em, caller, DEMAND_WORKFLOW, demandId, expectedVersion, name, change);
}

/** Links a demand to the agenda item (of a session of deliberation) it will be discussed under. */
export function putDemandOnAgenda(
  em: EntityManager,
  caller: Caller,
  demandId: string,
  expectedVersion: number | null | undefined,
  sessionId: string,
  agendaItemId: string,
): Promise<Demand> {
  requireId(sessionId, 'sessionId');
  requireId(agendaItemId, 'agendaItemId');
  return step(em, caller, demandId, expectedVersion, 'putOnAgenda', async (demand, tx) => {
    await requireAgendaSession(tx, sessionId, demand.homeId, 'sessionId');
    demand.sessionId = sessionId;
    demand.agendaItemId = agendaItemId;
    return { sessionId, agendaItemId };
  });
}

export function resolveDemandAtHome(
  em: EntityManager,
  caller: Caller,
  demandId: string,
  expectedVersion: number | null | undefined,
  resolution: string,
): Promise<Demand> {
  const text = requireText(resolution, 'resolution', 2_000);
  return step(em, caller, demandId, expectedVersion, 'resolveAtHome', (demand) => {
    demand.resolution = text;
    demand.resolvedAtHomeAt = new Date();
    return {};
  });
}

/** The resident was told how it ended (resolved at the home, or the department's answer). */
export function closeDemand(
  em: EntityManager,
  caller: Caller,
  demandId: string,
  expectedVersion: number | null | undefined,
  note: string,
): Promise<Demand> {
  const text = requireText(note, 'note', 2_000);
  return step(em, caller, demandId, expectedVersion, 'close', (demand) => {
    if (demand.status === DemandStatus.CLOSED && !demand.resolution) demand.resolution = text;
    return { note: text };
  });
}

/**
 * The demands a proposal, report, speech or special report cites, checked when it is written:
 * each must be visible to the caller and still able to go up. Returns them with their homes.
 */
export async function requireCitableDemands(
  em: EntityManager,
  ids: string[] | null | undefined,
  field: string,
): Promise<Demand[]> {
  const list = requireIds(ids, field);
  if (!list.length) return [];
  const found = new Map(
    (await em.find(Demand, { id: { $in: list } })).map((demand) => [demand.id, demand]),
  );
  return list.map((id, index) => {
    const demand = found.get(id);
    if (!demand) throw new BadUserInputError('There is no such demand.', `${field}.${index}`);
    if (!demandCan(demand.status, 'escalate')) {
      throw new BadUserInputError(
        `The demand is ${demand.status}: it can no longer go up.`,
        `${field}.${index}`,
      );
    }
    return demand;
  });
}

/**
 * Moves the demands a record cites when that record goes up (escalate) or is answered (answer),
 * in the caller's transaction. A department that answers cannot see the demands themselves, so
 * this reads them past the jurisdiction filter: the record it acts on is already in its scope.
 */
export async function carryToSourceDemands(
  tx: EntityManager,
  caller: Caller,
  demandIds: string[],
  name: 'escalate' | 'answer',
  detail: Record<string, unknown>,
): Promise<void> {
  if (!demandIds.length) return;
  // Locked like any step's record, in one statement for all of them, in id order so that two
  // records citing the same demands never wait on each other.
  const demands = await tx.find(
    Demand,
    { id: { $in: demandIds } },
    { filters: false, lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' } },
  );
  for (const demand of demands) {
    // A demand answered once stays answered; one closed or resolved meanwhile keeps its state.
    if (name === 'answer' && demand.status !== DemandStatus.ESCALATED) continue;
    await applyStep(tx, caller, DEMAND_WORKFLOW, demand, name, () => {
      if (name === 'escalate') demand.escalatedAt ??= new Date();
      return detail;
    });
  }
}

/** What a proposal, report, speech or special report cites: demands (and their homes), sessions. */
export interface CitedSources {
  sourceDemandIds: string[];
  sourceSessionIds: string[];
  homeIds: string[];
}

/**
 * What a record of division `divisionCode` cites, checked: demands it may carry up
 * (`requireCitableDemands`) and sessions known of its county (`requireCitedSessions`); the
 * record reaches the homes of both.
 */
export async function requireSources(
  em: EntityManager,
  divisionCode: string,
  demandIds: string[] | null | undefined,
  sessionIds: string[] | null | undefined,
): Promise<CitedSources> {
  const demands = await requireCitableDemands(em, demandIds, 'input.sourceDemandIds');
  const sourceSessionIds = requireIds(sessionIds, 'input.sourceSessionIds');
  const sessions = await requireCitedSessions(
    em,
    sourceSessionIds,
    divisionCode,
    'input.sourceSessionIds',
  );
  return {
    sourceDemandIds: demands.map((demand) => demand.id),
    sourceSessionIds,
    homeIds: [...new Set([...demands.map((demand) => demand.homeId), ...sessions.homeIds])],
  };
}
