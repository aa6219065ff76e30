import type { EntityManager, RequiredEntityData } from '@mikro-orm/postgresql';
import {
  BadUserInputError,
  requireActor,
  requireDate,
  requireText,
  idempotencyOf,
  takeStep,
  type Caller,
  createThroughWorkflow,
} from '@cppcc/toolkit';
import { referencesAt, requireReferences } from '@cppcc/organization-feed';
import { carryToSourceDemands, requireSources } from '../demand/demand.service';
import { requireCommitteeDivision, requireId, requireIds } from '../shared/validation';
import { PlenaryStatus, type PlenaryItem } from './plenary.entity';
import type { SubmitPlenaryItemInput } from './plenary.inputs';
import type { PlenaryWorkflow } from './plenary.workflow';

/** Submits a speech or special report; the demands it cites have gone up (ESCALATED). */
export async function submitPlenaryItem<T extends PlenaryItem>(
  em: EntityManager,
  caller: Caller,
  workflow: PlenaryWorkflow<T>,
  input: SubmitPlenaryItemInput,
): Promise<T> {
  requireActor(workflow, 'accept', caller);
  const divisionCode = requireCommitteeDivision(
    caller,
    input.divisionCode ?? caller.division,
    'input.divisionCode',
  );
  const title = requireText(input.title, 'input.title', 200);
  const content = requireText(input.content, 'input.content', 20_000);
  const authorMemberIds = requireIds(input.authorMemberIds, 'input.authorMemberIds');
  const committeeId =
    input.committeeId == null ? null : requireId(input.committeeId, 'input.committeeId');
  if (!authorMemberIds.length && !committeeId) {
    throw new BadUserInputError(
      'Name the members or the special committee who wrote it.',
      'input.authorMemberIds',
    );
  }
  await requireReferences(
    em,
    divisionCode,
    referencesAt('member', input.authorMemberIds, 'input.authorMemberIds'),
  );
  const sources = await requireSources(
    em,
    divisionCode,
    input.sourceDemandIds,
    input.sourceSessionIds,
  );
  const idempotency = idempotencyOf(caller, input);
  return createThroughWorkflow(em, caller, workflow, idempotency, {
    step: 'submit',
    data: () =>
      ({
        divisionCode,
        title,
        content,
        authorMemberIds,
        committeeId,
        ...sources,
        status: PlenaryStatus.SUBMITTED,
      }) as RequiredEntityData<T>,
    also: (tx, item) =>
      carryToSourceDemands(tx, caller, item.sourceDemandIds, 'escalate', {
        channel: workflow.kind,
        id: item.id,
      }),
  });
}

export function acceptPlenaryItem<T extends PlenaryItem>(
  em: EntityManager,
  caller: Caller,
  workflow: PlenaryWorkflow<T>,
  id: string,
  version: number | null | undefined,
) {
  return takeStep(em, caller, workflow, id, version, 'accept', () => ({}));
}

export function declinePlenaryItem<T extends PlenaryItem>(
  em: EntityManager,
  caller: Caller,
  workflow: PlenaryWorkflow<T>,
  id: string,
  version: number | null | undefined,
  reason: string,
) {
  const text = requireText(reason, 'reason', 1_000);
  return takeStep(em, caller, workflow, id, version, 'decline', (item) => {
    item.declineReason = text;
    return { reason: text };
  });
}

export function deliverPlenaryItem<T extends PlenaryItem>(
  em: EntityManager,
  caller: Caller,
  workflow: PlenaryWorkflow<T>,
  id: string,
  version: number | null | undefined,
  deliveredOn: string,
  outcome: string | null | undefined,
) {
  const date = requireDate(deliveredOn, 'deliveredOn', { notInFuture: true });
  const text = outcome == null ? null : requireText(outcome, 'outcome', 5_000);
  return takeStep(em, caller, workflow, id, version, 'deliver', (item) => {
    item.deliveredOn = date;
    item.outcome = text;
    return { deliveredOn: date };
  });
}
