import { Directive } from 'type-graphql';
import type { CallerLevel } from './context';

/**
 * The five surfaces of the graph, each a contract of the supergraph served on
 * `/graphql/<surface>` (API.md): what a field is not offered on is absent from that schema.
 */
export const SURFACES = ['city', 'county', 'home', 'department', 'public'] as const;
export type Surface = (typeof SURFACES)[number];

/** The exclusion tag of a surface: elements tagged with it are left out of its contract. */
export function hiddenTag(surface: Surface): string {
  return `hide-${surface}`;
}

/** Which callers a surface serves: a surface above the caller's level answers 403. */
export const SURFACE_LEVELS: Record<Surface, readonly CallerLevel[]> = {
  city: ['CITY'],
  county: ['CITY', 'COUNTY'],
  home: ['CITY', 'COUNTY', 'HOME'],
  department: ['DEPARTMENT'],
  public: ['PUBLIC', 'CITY', 'COUNTY', 'HOME', 'DEPARTMENT'],
};

type AnyDecorator = MethodDecorator & PropertyDecorator & ClassDecorator;

function tagsDecorator(tags: string[]): AnyDecorator {
  const decorators = tags.map((tag) => Directive(`@tag(name: "${tag}")`));
  return ((target: object, key?: string | symbol, descriptor?: PropertyDescriptor) => {
    for (const decorate of decorators)
      (decorate as (...args: unknown[]) => void)(target, key, descriptor);
  }) as AnyDecorator;
}

/** Offers a field (or type) on these surfaces only; it is absent from the others' schemas. */
export function OnSurfaces(...surfaces: Surface[]): AnyDecorator {
  return tagsDecorator(SURFACES.filter((surface) => !surfaces.includes(surface)).map(hiddenTag));
}

/** Leaves a field (or type) out of these surfaces' schemas, e.g. personal data on `public`. */
export function HiddenOn(...surfaces: Surface[]): AnyDecorator {
  return tagsDecorator(surfaces.map(hiddenTag));
}

/** The surfaces that serve the hierarchy's staff: city, county and home. */
export const STAFF_SURFACES: Surface[] = ['city', 'county', 'home'];
