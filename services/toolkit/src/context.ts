import type { EntityManager } from '@mikro-orm/postgresql';

/** The levels of the hierarchy a caller acts at (API.md, Identity). */
export type CallerLevel = 'CITY' | 'COUNTY' | 'HOME' | 'DEPARTMENT' | 'PUBLIC';

/** Who is calling, as the gateway verified it. */
export interface Caller {
  subject: string;
  level: CallerLevel;
  /** The division code of the caller's jurisdiction: every record it touches lies under it. */
  division: string;
  roles: string[];
  homeId?: string;
  memberId?: string;
  departmentId?: string;
}

/**
 * The caller every request has until the gateway passes verified identities (the gateway issue):
 * the whole graph, read and write, as the single `/graphql` surface of the foundation offers.
 */
export const UNRESTRICTED_CALLER: Caller = {
  subject: 'gateway',
  level: 'CITY',
  division: '',
  roles: [],
};

/** Roles whose work needs residents' and members' personal data (phone, ID number, address). */
const PERSONAL_DATA_ROLES = new Set(['STAFF', 'ADMIN', 'HOME_LEADER']);

/** True when the caller may see personal data unmasked (API.md: masked unless the role needs it). */
export function canSeePersonalData(caller: Caller): boolean {
  return caller.level !== 'PUBLIC' && caller.roles.some((role) => PERSONAL_DATA_ROLES.has(role));
}

/** Per-request state: the caller, a forked EntityManager and the request's loaders. */
export interface RequestContext<Loaders = unknown> {
  caller: Caller;
  em: EntityManager;
  loaders: Loaders;
}

/** True when `divisionCode` lies inside the caller's jurisdiction. */
export function isWithinJurisdiction(caller: Caller, divisionCode: string): boolean {
  return divisionCode.startsWith(caller.division);
}
