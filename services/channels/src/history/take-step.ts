import { LockMode, type EntityClass, type EntityManager } from '@mikro-orm/postgresql';
import {
  NotFoundError,
  checkVersion,
  inTransaction,
  isUuid,
  nextState,
  type Caller,
  type TransitionTable,
} from '@cppcc/toolkit';
import type { ChannelRecordKind } from './channel-event.entity';
import { recordStep } from './channel-event';

/** A record with a life: an id, a state and a version that every change raises. */
export interface WorkflowRecord<State extends string> {
  id: string;
  status: State;
  version: number;
  updatedAt: Date;
}

/** One channel workflow: its records, its transition table, and who may take which step. */
export interface Workflow<
  T extends WorkflowRecord<State>,
  State extends string,
  Step extends string,
> {
  entity: EntityClass<T>;
  /** How messages name a record, e.g. `The proposal`. */
  what: string;
  /** The GraphQL type's name, for NOT_FOUND and CONFLICT. */
  typeName: string;
  kind: ChannelRecordKind;
  steps: TransitionTable<State> & Record<Step, unknown>;
  /** Refuses (FORBIDDEN) a caller who may not take the step. */
  authorize(caller: Caller, step: Step): void;
}

/**
 * Takes one step of a record's life in one transaction: the record as the caller may see it
 * (outside its jurisdiction looks absent), its version, the transition table, who may take the
 * step, then `change` records what the step carries (it sees the state before the step) and the step is written to the history. Any
 * check that fails throws before anything is written. `name` may depend on the record (e.g. an
 * evaluation that leads to rehandling or to the end).
 */
export function takeStep<
  T extends WorkflowRecord<State>,
  State extends string,
  Step extends string,
>(
  em: EntityManager,
  caller: Caller,
  workflow: Workflow<T, State, Step>,
  id: string,
  expectedVersion: number | null | undefined,
  name: Step | ((record: T) => Step),
  change: (
    record: T,
    tx: EntityManager,
  ) => Promise<Record<string, unknown>> | Record<string, unknown>,
): Promise<T> {
  if (typeof name === 'string') workflow.authorize(caller, name);
  return inTransaction(em, workflow.typeName, async (tx) => {
    // Locked until the step commits: a step sent twice at once waits for the first and then
    // sees what it did (e.g. a department's feedback already given), never half of it.
    const record = isUuid(id)
      ? await tx.findOne(workflow.entity, { id } as never, {
          lockMode: LockMode.PESSIMISTIC_WRITE,
        })
      : null;
    if (!record) throw new NotFoundError(workflow.typeName, id);
    checkVersion(workflow.typeName, record, expectedVersion);
    const step = typeof name === 'string' ? name : name(record as T);
    workflow.authorize(caller, step);
    const from = record.status;
    const to = nextState<State>(workflow.steps, workflow.what, from, step);
    // The new state is set once the step's own checks passed: a lookup inside `change` flushes
    // the unit of work first, and must not write a half-taken step.
    const detail = await change(record as T, tx);
    record.status = to;
    // A step is a change even when it leaves every column as it was (a second leader's
    // instruction, another department's feedback): touching the record raises its version.
    record.updatedAt = new Date();
    recordStep(tx, caller, workflow.kind, record, step, from, detail);
    await tx.flush();
    return record as T;
  });
}

/** Staff of a CPPCC office (city or county) take the office's steps; departments their own. */
export type Actor = 'STAFF' | 'DEPARTMENT';

export function isActor(caller: Caller, actor: Actor): boolean {
  return actor === 'STAFF'
    ? caller.level === 'CITY' || caller.level === 'COUNTY'
    : caller.level === 'DEPARTMENT' && Boolean(caller.departmentId);
}
