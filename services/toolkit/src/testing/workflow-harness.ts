import type { EntityManager } from '@mikro-orm/postgresql';
import type { GraphQLSchema } from 'graphql';
import type { Caller, Surface } from '@cppcc/contract';
import type { QueryCounter } from './index';
import { surfacesOfTags } from '../surfaces';
import {
  actorAllows,
  surfacesOf,
  type Actor,
  type Workflow,
  type WorkflowRecord,
} from '../workflow';

/** What the harness reads of a record, past every filter: its state, version and history. */
export interface RecordState<State extends string> {
  status: State;
  version: number;
  /** Entries in the record's history. */
  history: number;
}

/** One workflow as the generic harness walks it. */
export interface WorkflowWalk<
  T extends WorkflowRecord<State>,
  State extends string,
  Step extends string,
> {
  workflow: Workflow<T, State, Step>;
  /**
   * Callers to try every step as: at least one each actor of the table admits, and some it
   * does not. Named for the report (`lead department`, `home leader` …).
   */
  callers: Record<string, Caller>;
  /**
   * A new record in this state whose every step's guard admits the rightful callers (the lead
   * department is the department above, its send-back window is open …). Returns its id.
   */
  seed(state: State): Promise<string>;
  /** Whether the caller sees a record in this state (its jurisdiction); absent ones are NOT_FOUND. */
  sees(state: State, caller: Caller): boolean;
  /** Takes the step as the service does, with valid arguments, in the caller's scoped manager. */
  take: Record<
    Step,
    (em: EntityManager, caller: Caller, id: string, expectedVersion: number) => Promise<unknown>
  >;
  /** A manager scoped to the caller, as a request's would be. */
  em(caller: Caller): EntityManager;
  read(id: string): Promise<RecordState<State>>;
  /**
   * Steps no caller of the walk may take, with why (e.g. a step only other records' steps carry,
   * for callers who cannot see the record). Every other step must be taken at least once, so
   * that a walk whose seeds or callers admit nothing cannot pass.
   */
  neverTaken?: Partial<Record<Step, string>>;
  /** When given, counts the SQL statements of each step taken (the most any one took). */
  counter?: QueryCounter;
}

/** What a walk found: the triples that broke the table, and the statements each step took. */
export interface WalkResult<Step extends string> {
  failures: string[];
  statements: Partial<Record<Step, number>>;
}

function codeOf(error: unknown): string {
  const code = (error as { extensions?: { code?: unknown } }).extensions?.code;
  if (typeof code === 'string') return code;
  throw error;
}

/**
 * Walks every (state, step, caller) triple of a workflow, driven by its table: allowed (the
 * actor admits the caller, the caller sees the record, the state is one the step starts from)
 * must reach the step's state with the version and the history one further, after a stale
 * version was refused with CONFLICT; refused must answer FORBIDDEN, NOT_FOUND or
 * INVALID_TRANSITION, in that order of precedence, and leave the record as it was. Returns the
 * triples that did otherwise, one line each (none when the workflow keeps its table), and, with
 * a counter, the SQL statements each step took.
 */
export async function walkWorkflow<
  T extends WorkflowRecord<State>,
  State extends string,
  Step extends string,
>(walk: WorkflowWalk<T, State, Step>): Promise<WalkResult<Step>> {
  const failures: string[] = [];
  const statements: Partial<Record<Step, number>> = {};
  const taken = new Set<Step>();
  for (const state of walk.workflow.states) {
    for (const step of Object.keys(walk.workflow.steps) as Step[]) {
      const rule = walk.workflow.steps[step];
      // A refused step leaves the record as it was, so one record serves until a step is taken.
      let id: string | null = null;
      for (const [name, caller] of Object.entries(walk.callers)) {
        const where = `${walk.workflow.typeName} ${state} → ${step} as ${name}`;
        id ??= await walk.seed(state);
        const before = await walk.read(id);
        const expected = !actorAllows(rule.actor, caller)
          ? 'FORBIDDEN'
          : !walk.sees(state, caller)
            ? 'NOT_FOUND'
            : !rule.from.includes(state)
              ? 'INVALID_TRANSITION'
              : 'OK';
        // Some services refuse before their first await: a throw and a rejection count alike.
        const take = (version: number) =>
          Promise.resolve()
            .then(() => walk.take[step](walk.em(caller), caller, id!, version))
            .then(() => 'OK', codeOf);
        if (expected === 'OK') {
          const stale = await take(before.version - 1);
          if (stale !== 'CONFLICT') failures.push(`${where}: a stale version gave ${stale}`);
        }
        walk.counter?.reset();
        const got = await take(before.version);
        if (walk.counter && got === 'OK') {
          statements[step] = Math.max(statements[step] ?? 0, walk.counter.count);
        }
        const after = await walk.read(id);
        if (got !== expected) {
          failures.push(`${where}: expected ${expected}, got ${got}`);
        } else if (expected === 'OK') {
          const want = {
            status: rule.to,
            version: before.version + 1,
            history: before.history + 1,
          };
          if (JSON.stringify(after) !== JSON.stringify(want)) {
            failures.push(
              `${where}: expected ${JSON.stringify(want)}, got ${JSON.stringify(after)}`,
            );
          }
        } else if (JSON.stringify(after) !== JSON.stringify(before)) {
          failures.push(`${where}: refused, yet the record changed: ${JSON.stringify(after)}`);
        }
        if (expected === 'OK') {
          taken.add(step);
          id = null;
        }
      }
    }
  }
  for (const step of Object.keys(walk.workflow.steps) as Step[]) {
    if (!taken.has(step) && !walk.neverTaken?.[step]) {
      failures.push(`${walk.workflow.typeName} ${step}: taken by no caller from any state`);
    }
  }
  return { failures, statements };
}

/** The surfaces a mutation of the schema is offered on (its inclusion tags). */
export function mutationSurfaces(schema: GraphQLSchema, mutation: string): Surface[] | null {
  const field = schema.getMutationType()?.getFields()[mutation];
  return field ? surfacesOfTags(field.astNode?.directives) : null;
}

/**
 * Which mutations disagree with the actor of the step they take: each must be offered on
 * exactly the surfaces the actor's callers use (`surfacesOf`). Returns one line per mutation
 * that is missing or offered elsewhere.
 */
export function surfaceMismatches(
  schema: GraphQLSchema,
  mutations: Record<string, Actor>,
): string[] {
  return Object.entries(mutations).flatMap(([mutation, actor]) => {
    const offered = mutationSurfaces(schema, mutation);
    const expected = surfacesOf(actor);
    if (!offered) return [`${mutation}: not in the schema`];
    return offered.join() === expected.join()
      ? []
      : [
          `${mutation}: offered on ${offered.join(', ')}; its step is ${actor.name}'s (${expected.join(', ')})`,
        ];
  });
}
