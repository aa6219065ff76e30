/** Who is signed in: a token and what its claims say (the gateway verifies it; the page only reads). */
export type Level = 'CITY' | 'COUNTY' | 'HOME' | 'DEPARTMENT';
export type Surface = 'city' | 'county' | 'home' | 'department' | 'public';

export interface Session {
  token: string;
  level: Level;
  division: string;
  homeId?: string;
  departmentId?: string;
  /** How the page names the identity, e.g. 海州区政协. */
  label: string;
}

/** Each level's own surface: a page asks the surface of whoever is signed in. */
export const SURFACE_OF_LEVEL: Record<Level, Surface> = {
  CITY: 'city',
  COUNTY: 'county',
  HOME: 'home',
  DEPARTMENT: 'department',
};

export const LEVEL_LABEL: Record<Level, string> = {
  CITY: '市政协',
  COUNTY: '县区政协',
  HOME: '协商民主之家',
  DEPARTMENT: '承办单位',
};

const KEY = 'cppcc.session';

/** The claims of a JWT, read without verifying (the gateway does that); null when unreadable. */
export function sessionFromToken(token: string, label?: string): Session | null {
  try {
    const payload = token.split('.')[1];
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(json, (c) => c.charCodeAt(0));
    const claims = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
    const level = claims.level as Level;
    if (!(level in SURFACE_OF_LEVEL) || typeof claims.division !== 'string') return null;
    return {
      token,
      level,
      division: claims.division,
      homeId: typeof claims.homeId === 'string' ? claims.homeId : undefined,
      departmentId: typeof claims.departmentId === 'string' ? claims.departmentId : undefined,
      label: label ?? `${LEVEL_LABEL[level]} ${claims.division}`,
    };
  } catch {
    return null;
  }
}

export function loadSession(): Session | null {
  try {
    const stored = sessionStorage.getItem(KEY);
    return stored ? (JSON.parse(stored) as Session) : null;
  } catch {
    return null;
  }
}

export function saveSession(session: Session | null): void {
  if (session) sessionStorage.setItem(KEY, JSON.stringify(session));
  else sessionStorage.removeItem(KEY);
}
