import {
  LockMode,
  type EntityClass,
  type EntityManager,
  type RequiredEntityData,
} from '@mikro-orm/postgresql';
import {
  type Caller,
  type CallerLevel,
  ForbiddenError,
  InvalidTransitionError,
  NotFoundError,
  SURFACES,
  SURFACE_LEVELS,
  type Surface,
  isUuid,
} from '@cppcc/contract';
import { type Idempotency, checkVersion, createOnce, inTransaction } from './writes';

/**
 * Who may take a step, in terms of the caller the gateway vouches for: the levels it acts at and,
 * when given, the roles it must hold. A department caller acts for its department, so it must
 * name one. Which record (the lead department, a department it was forwarded to) is a guard's
 * matter; which records the caller sees at all is the jurisdiction filter's.
 */
export interface Actor {
  /** Who, in words, for FORBIDDEN: "the CPPCC office (city or county staff)". */
  readonly name: string;
  readonly levels: readonly CallerLevel[];
  /** When set, the caller also holds one of these roles. */
  readonly roles?: readonly string[];
}

/** The actors the workflows share; a service may define its own (e.g. who approves minutes). */
export const ACTORS = {
  /** Staff of a CPPCC office, city or county. */
  OFFICE: { name: 'the CPPCC office (city or county staff)', levels: ['CITY', 'COUNTY'] },
  /** A home and the CPPCC offices above it. */
  HOME_OR_OFFICE: { name: 'the home or the CPPCC office', levels: ['CITY', 'COUNTY', 'HOME'] },
  /** A department's staff or system, acting for its department. */
  DEPARTMENT: { name: 'a department', levels: ['DEPARTMENT'] },
} as const satisfies Record<string, Actor>;

/** True when the caller may act as this actor (level, roles, and a department if it is one). */
export function actorAllows(actor: Actor, caller: Caller): boolean {
  if (!actor.levels.includes(caller.level)) return false;
  if (caller.level === 'DEPARTMENT' && !caller.departmentId) return false;
  return !actor.roles || caller.roles.some((role) => actor.roles!.includes(role));
}

/**
 * The surfaces a step of this actor is offered on: those whose every caller level the actor
 * admits. A staff step is on `city` and `county` but not on `home` (a home's callers may not
 * take it); a department's step is on `department` alone. Resolvers' `@OnSurfaces` must agree.
 */
export function surfacesOf(actor: Actor): Surface[] {
  return SURFACES.filter((surface) =>
    SURFACE_LEVELS[surface].every((level) => actor.levels.includes(level)),
  );
}

/**
 * A step's domain precondition on the record, checked once the actor is: e.g. only the lead
 * department replies. It throws the contract's error (FORBIDDEN for the wrong party,
 * INVALID_TRANSITION for a rule of the record's life, BAD_USER_INPUT) and may read in the
 * step's transaction.
 */
export type Guard<T> = (record: T, caller: Caller, tx: EntityManager) => void | Promise<void>;

/** One step of a workflow: the states it may start from, where it leads, who takes it. */
export interface StepRule<State extends string, T = never> {
  readonly from: readonly State[];
  readonly to: State;
  readonly actor: Actor;
  readonly guard?: Guard<T>;
}

/** The bare transitions of a table (what `nextState` reads). */
export type TransitionTable<State extends string> = Record<
  string,
  { readonly from: readonly State[]; readonly to: State }
>;

/**
 * The state a step leads to, or INVALID_TRANSITION naming the current state and the step.
 */
export function nextState<State extends string>(
  table: TransitionTable<State>,
  what: string,
  current: State,
  step: string,
): State {
  const rule = table[step];
  if (!rule || !rule.from.includes(current)) throw new InvalidTransitionError(what, current, step);
  return rule.to;
}

/** True when the step may start from this state. */
export function canStep<State extends string>(
  table: TransitionTable<State>,
  current: State,
  step: string,
): boolean {
  return Boolean(table[step]?.from.includes(current));
}

/**
 * One entry of a record's history, the same shape for every workflow: the step, the states
 * before (null when the record was created) and after, who took it and when, and what it carried.
 */
export interface TakenStep {
  recordId: string;
  step: string;
  from: string | null;
  to: string;
  by: { subject: string; level: CallerLevel; departmentId: string | null };
  at: Date;
  detail: Record<string, unknown>;
}

/**
 * Keeps a step in the service's own history table. It persists through `tx.create` (or
 * `tx.persist`): the step's flush writes it in the same transaction as the change.
 */
export type HistoryWriter = (tx: EntityManager, taken: TakenStep) => void;

/** A record with a life: an id, a state, a version every change raises, a last change. */
export interface WorkflowRecord<State extends string> {
  id: string;
  status: State;
  version: number;
  updatedAt: Date;
}

/** One workflow: its records, its table, where its history goes (made by `defineWorkflow`). */
export interface Workflow<
  T extends WorkflowRecord<State>,
  State extends string,
  Step extends string,
> {
  entity: EntityClass<T>;
  /** The GraphQL type's name, for NOT_FOUND and CONFLICT. */
  typeName: string;
  /**
   * The field of its steps' input that names the record (`proposalId`): the step input type's
   * field (`stepInputType`) and NOT_FOUND's `field` (`input.proposalId`) alike.
   */
  idField: string;
  /** How descriptions and messages name a record, with its article: `the proposal`. */
  what: string;
  /** Every state, so that tests can walk the table from each. */
  states: readonly State[];
  steps: Record<Step, StepRule<State, T>>;
  history: HistoryWriter;
  /**
   * Called in the step's transaction after its history entry, before the flush: where a service
   * adds what else a step must leave behind (e.g. a domain event for an outbox).
   */
  afterStep?: (tx: EntityManager, taken: TakenStep, record: T) => void;
}

/** How a service declares a workflow: what `defineWorkflow` cannot derive. */
export interface WorkflowDefinition<
  T extends WorkflowRecord<State>,
  State extends string,
  Step extends string,
  IdField extends string,
> extends Omit<Workflow<T, State, Step>, 'typeName' | 'idField' | 'states'> {
  /** The GraphQL type's name when it is not the entity class's. */
  typeName?: string;
  idField: IdField;
  /** The states' enum (its values are the states). */
  states: Readonly<Record<string, State>>;
}

/**
 * A workflow from its declaration: the type's name from the entity class unless given, the
 * states from their enum. The record's naming (`idField`, `what`) is declared here once and read
 * by the step input type (`stepInputType`) and the engine's errors.
 */
export function defineWorkflow<
  T extends WorkflowRecord<State>,
  State extends string,
  Step extends string,
  IdField extends string,
>(
  definition: WorkflowDefinition<T, State, Step, IdField>,
): Workflow<T, State, Step> & { idField: IdField } {
  return {
    ...definition,
    typeName: definition.typeName ?? definition.entity.name,
    states: Object.values(definition.states),
  };
}

/** `the proposal` → `The proposal`, for a message that starts with a record's name. */
export function capitalized(what: string): string {
  return what.charAt(0).toUpperCase() + what.slice(1);
}

/** Refuses (FORBIDDEN) a caller who may not take the step, before anything is read. */
export function requireActor<
  T extends WorkflowRecord<State>,
  State extends string,
  Step extends string,
>(workflow: Workflow<T, State, Step>, step: Step, caller: Caller): void {
  const rule = workflow.steps[step];
  if (rule && !actorAllows(rule.actor, caller)) {
    throw new ForbiddenError(`${step} is a step of ${rule.actor.name}.`);
  }
}

/**
 * Writes one entry of the record's history through the workflow's writer, then its `afterStep`:
 * for a step the engine took, and for what a service records outside a transition (the record's
 * creation, an edit, a merge into it). `record.status` is the state after.
 */
export function recordStep<
  T extends WorkflowRecord<State>,
  State extends string,
  Step extends string,
>(
  tx: EntityManager,
  caller: Caller,
  workflow: Workflow<T, State, Step>,
  record: T,
  step: string,
  from: State | null,
  detail: Record<string, unknown> = {},
): TakenStep {
  const taken: TakenStep = {
    recordId: record.id,
    step,
    from,
    to: record.status,
    by: {
      subject: caller.subject,
      level: caller.level,
      departmentId: caller.level === 'DEPARTMENT' ? (caller.departmentId ?? null) : null,
    },
    at: new Date(),
    detail,
  };
  workflow.history(tx, taken);
  workflow.afterStep?.(tx, taken, record);
  return taken;
}

/** How `createThroughWorkflow` makes a record. */
export interface Creation<T> {
  /** The creating step, its history's first entry (from null): `raise`, `draft`, `schedule`. */
  step: string;
  /** The record's columns, its first state among them; read in the transaction (a lookup, a sequence). */
  data: (tx: EntityManager) => RequiredEntityData<T> | Promise<RequiredEntityData<T>>;
  /** What the history entry keeps beside the step (ids, never personal data). */
  detail?: Record<string, unknown>;
  /** What else the creation writes in its transaction, once the record and its entry exist. */
  also?: (tx: EntityManager, record: T) => void | Promise<void>;
}

/**
 * Creates a record through its workflow, in one transaction: the record (with the caller's
 * creation key and its input's fingerprint, `idempotencyOf`, so a repeated call returns the first
 * record and the key reused with another input is refused: `createOnce`), its first history
 * entry (`creation.step`, from null to the record's state, `recordStep`), and `creation.also`.
 */
export function createThroughWorkflow<
  T extends WorkflowRecord<State> & {
    idempotencyKey?: string | null;
    idempotencyFingerprint?: string | null;
  },
  State extends string,
  Step extends string,
>(
  em: EntityManager,
  caller: Caller,
  workflow: Workflow<T, State, Step>,
  idempotency: Idempotency | null,
  creation: Creation<T>,
): Promise<T> {
  return createOnce(em, workflow.entity, idempotency, async (tx, columns) => {
    const data = await creation.data(tx);
    const record = tx.create(workflow.entity, {
      ...data,
      ...columns,
    } as RequiredEntityData<T>);
    await tx.flush();
    recordStep(tx, caller, workflow, record, creation.step, null, creation.detail);
    await creation.also?.(tx, record);
    await tx.flush();
    return record;
  });
}

/** What a step changes besides the state; it returns the detail its history entry keeps. */
export type StepChange<T> = (
  record: T,
  tx: EntityManager,
) => Promise<Record<string, unknown>> | Record<string, unknown>;

/**
 * Takes a step of a record already loaded (and locked) in `tx`: the transition from its state,
 * the actor, the guard, then `change`, the new state, a raised version and one history entry.
 * Nothing is flushed: the caller's flush writes it all. For steps one record's step carries to
 * others (a proposal's submission escalating the demands it cites).
 */
export async function applyStep<
  T extends WorkflowRecord<State>,
  State extends string,
  Step extends string,
>(
  tx: EntityManager,
  caller: Caller,
  workflow: Workflow<T, State, Step>,
  record: T,
  step: Step,
  change: StepChange<T> = () => ({}),
): Promise<T> {
  const from = record.status;
  const to = nextState<State>(workflow.steps, capitalized(workflow.what), from, step);
  requireActor(workflow, step, caller);
  await workflow.steps[step].guard?.(record, caller, tx);
  // The new state is set once every check passed: a lookup inside `change` flushes the unit of
  // work first, and must not write a half-taken step.
  const detail = await change(record, tx);
  record.status = to;
  // A step is a change even when it leaves every column as it was (a second leader's
  // instruction, another department's feedback): touching the record raises its version.
  record.updatedAt = new Date();
  recordStep(tx, caller, workflow, record, step, from, detail);
  return record;
}

/**
 * A step that depends on the record, e.g. an evaluation that leads to rehandling or to the end:
 * the steps it may be (so that a caller who may take none is refused before any SQL) and how
 * the record picks one.
 */
export interface StepChoice<T, Step extends string> {
  among: readonly Step[];
  pick(record: T): Step;
}

/**
 * Takes one step of a record's life in one transaction. In order: the actor (FORBIDDEN, before
 * any SQL); the record as the caller may see it, locked until the step commits (out of the
 * caller's jurisdiction it looks absent: NOT_FOUND); `expectedVersion` (CONFLICT); the
 * transition from the current state (INVALID_TRANSITION naming state and step); the step's
 * guard; then `change`, the new state, the version raised, one history entry and `afterStep`.
 * Any check that fails throws before anything is written.
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
  name: Step | StepChoice<T, Step>,
  change: StepChange<T> = () => ({}),
): Promise<T> {
  const candidates = typeof name === 'string' ? [name] : name.among;
  if (!candidates.some((step) => actorAllows(workflow.steps[step].actor, caller))) {
    requireActor(workflow, candidates[0], caller);
  }
  return inTransaction(em, workflow.typeName, async (tx) => {
    // Locked until the step commits: a step sent twice at once waits for the first and then
    // sees what it did (e.g. a department's feedback already given), never half of it.
    const record = isUuid(id)
      ? await tx.findOne(workflow.entity, { id } as never, {
          lockMode: LockMode.PESSIMISTIC_WRITE,
        })
      : null;
    if (!record) throw new NotFoundError(workflow.typeName, { field: `input.${workflow.idField}` });
    const step = typeof name === 'string' ? name : name.pick(record as T);
    requireActor(workflow, step, caller);
    checkVersion(workflow.typeName, record, expectedVersion);
    await applyStep(tx, caller, workflow, record as T, step, change);
    await tx.flush();
    return record as T;
  });
}
