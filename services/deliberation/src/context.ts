import type { EntityManager } from '@mikro-orm/postgresql';
import { applyJurisdiction, byKeyLoader, type Caller, type RequestContext } from '@cppcc/toolkit';
import { AgendaItem } from './agenda/agenda.entity';
import { createMinutesLoaders } from './minutes/minutes.loader';
import { createSessionLoaders } from './session/session.loader';
import { createSessionStatsLoaders } from './session/session.stats';

export function createLoaders(em: EntityManager, caller: Caller) {
  return {
    session: createSessionLoaders(em, caller),
    sessionStats: createSessionStatsLoaders(em, caller),
    minutes: createMinutesLoaders(em),
    agenda: { byId: byKeyLoader(em, AgendaItem) },
  };
}

export type Context = RequestContext<ReturnType<typeof createLoaders>>;

/** The request's state: its own EntityManager, scoped to the caller's jurisdiction, and loaders. */
export function createContext(em: EntityManager, caller: Caller): Context {
  applyJurisdiction(em, caller);
  return { caller, em, loaders: createLoaders(em, caller) };
}
