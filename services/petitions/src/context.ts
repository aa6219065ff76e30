import type { EntityManager } from '@mikro-orm/postgresql';
import type { Caller, RequestContext } from '@cppcc/toolkit';
import { createPetitionStatsLoaders } from './division/division.petition-stats';
import { createPetitionCaseLoaders } from './petition-case/petition-case.loader';
import {
  scopeOfRequest,
  scopeToCaller,
  type ScopeOfRequest,
} from './petition-case/petition-case.scope';

export function createLoaders(em: EntityManager, scope: ScopeOfRequest) {
  return {
    petitionCase: createPetitionCaseLoaders(em),
    petitionStats: createPetitionStatsLoaders(em, scope),
  };
}

export type Context = RequestContext<ReturnType<typeof createLoaders>> & {
  /** The caller's scope over petition cases, worked out once per request. */
  scope: ScopeOfRequest;
};

/** The request's state: its own EntityManager, scoped to the caller's jurisdiction, and loaders. */
export function createContext(em: EntityManager, caller: Caller): Context {
  const scope = scopeOfRequest(caller);
  scopeToCaller(em, caller, scope);
  return { caller, em, scope, loaders: createLoaders(em, scope) };
}
