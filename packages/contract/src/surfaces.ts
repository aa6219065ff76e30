import type { CallerLevel } from './caller';

/**
 * The five surfaces of the graph, each a contract of the supergraph served on
 * `/graphql/<surface>` (docs/api.md): a field is on a surface only when it is offered there, and
 * what is not offered is absent from that schema.
 */
export const SURFACES = ['city', 'county', 'home', 'department', 'public'] as const;
export type Surface = (typeof SURFACES)[number];

/** Which callers a surface serves: a surface above the caller's level answers 403. */
export const SURFACE_LEVELS: Record<Surface, readonly CallerLevel[]> = {
  city: ['CITY'],
  county: ['CITY', 'COUNTY'],
  home: ['CITY', 'COUNTY', 'HOME'],
  department: ['DEPARTMENT'],
  public: ['PUBLIC', 'CITY', 'COUNTY', 'HOME', 'DEPARTMENT'],
};

/** The surfaces that serve the hierarchy's staff: city, county and home. */
export const STAFF_SURFACES = ['city', 'county', 'home'] as const satisfies readonly Surface[];
export type StaffSurface = (typeof STAFF_SURFACES)[number];
/** The surfaces outside the hierarchy: a department's systems and anyone. No personal data. */
export type OutsideSurface = Exclude<Surface, StaffSurface>;
