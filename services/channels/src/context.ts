import type { EntityManager } from '@mikro-orm/postgresql';
import { applyJurisdiction, type Caller, type RequestContext } from '@cppcc/toolkit';
import { createDemandLoaders } from './demand/demand.loader';

export function createLoaders(em: EntityManager, caller: Caller) {
  return { demand: createDemandLoaders(em, caller) };
}

export type Context = RequestContext<ReturnType<typeof createLoaders>>;

/** The request's state: its own EntityManager, scoped to the caller's jurisdiction, and loaders. */
export function createContext(em: EntityManager, caller: Caller): Context {
  applyJurisdiction(em, caller);
  return { caller, em, loaders: createLoaders(em, caller) };
}
