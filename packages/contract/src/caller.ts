import type { Surface } from './surfaces';

/** The levels of the hierarchy a caller acts at (docs/api.md, Identity), and the public. */
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

/** Roles whose work needs residents' and members' personal data (phone, ID number, address). */
const PERSONAL_DATA_ROLES = new Set(['STAFF', 'ADMIN', 'HOME_LEADER']);

/** True when the caller may see personal data unmasked (masked unless the role needs it). */
export function canSeePersonalData(caller: Caller): boolean {
  return caller.level !== 'PUBLIC' && caller.roles.some((role) => PERSONAL_DATA_ROLES.has(role));
}
