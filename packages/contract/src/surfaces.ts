import type { CallerLevel } from './caller';

/**
 * The five surfaces of the graph, each a contract of the supergraph served on
 * `/graphql/<surface>` (docs/api.md): what a field is not offered on is absent from that schema.
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
export const STAFF_SURFACES: Surface[] = ['city', 'county', 'home'];
