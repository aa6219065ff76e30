import type { EntityManager } from '@mikro-orm/postgresql';
import type { Caller, RequestContext } from '@cppcc/toolkit';
import { createCommitteeLoaders } from './committee/committee.loader';
import { createDivisionLoaders } from './division/division.loader';
import { createHomeLoaders } from './home/home.loader';
import { createMemberLoaders } from './member/member.loader';
import { byKeyLoader, applyJurisdiction } from '@cppcc/toolkit';
import { Department } from './department/department.entity';
import { Participant } from './participant/participant.entity';

/** Every loader of a request, one group per domain slice. */
export function createLoaders(em: EntityManager, caller: Caller) {
  return {
    division: createDivisionLoaders(em),
    committee: createCommitteeLoaders(em, caller),
    member: createMemberLoaders(em),
    home: createHomeLoaders(em, caller),
    participant: { byId: byKeyLoader(em, Participant) },
    department: { byId: byKeyLoader(em, Department) },
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
export type Context = RequestContext<Loaders>;

/** The request's state: its own EntityManager, scoped to the caller's jurisdiction, and loaders. */
export function createContext(em: EntityManager, caller: Caller): Context {
  applyJurisdiction(em, caller);
  return { caller, em, loaders: createLoaders(em, caller) };
}
