import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestFacts } from './access-log';
import type { Surface } from './surfaces';

/** The levels of the hierarchy a caller acts at (API.md, Identity), and the public. */
export type CallerLevel = 'CITY' | 'COUNTY' | 'HOME' | 'DEPARTMENT' | 'PUBLIC';

/** Who is calling, as the gateway verified it, and through which surface. */
export interface Caller {
  subject: string;
  level: CallerLevel;
  /** The division code of the caller's jurisdiction: every record it touches lies under it. */
  division: string;
  roles: string[];
  /** The surface the request came through (`city`, `county`, `home`, `department`, `public`). */
  surface: Surface;
  homeId?: string;
  memberId?: string;
  departmentId?: string;
}

/** Per-request state: the caller, a forked EntityManager and the request's loaders. */
export interface RequestContext<Loaders = unknown> {
  caller: Caller;
  /** The id of the client's request, the same in the gateway's and every subgraph's logs. */
  requestId?: string;
  /** What the request's access log line learns from GraphQL (access-log.ts). */
  requestLog?: RequestFacts;
  em: EntityManager;
  loaders: Loaders;
}

/** Roles whose work needs residents' and members' personal data (phone, ID number, address). */
const PERSONAL_DATA_ROLES = new Set(['STAFF', 'ADMIN', 'HOME_LEADER']);

/** True when the caller may see personal data unmasked (API.md: masked unless the role needs it). */
export function canSeePersonalData(caller: Caller): boolean {
  return caller.level !== 'PUBLIC' && caller.roles.some((role) => PERSONAL_DATA_ROLES.has(role));
}
