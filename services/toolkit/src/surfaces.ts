import { Directive } from 'type-graphql';
import { SURFACES, type Surface } from '@cppcc/contract';

/*
 * The surfaces themselves (`SURFACES`, `SURFACE_LEVELS`, `STAFF_SURFACES`) are data the gateway
 * reads too: they live in @cppcc/contract, which loads no type-graphql. Here are the decorators
 * that place a subgraph's fields on them.
 */

/** The exclusion tag of a surface: elements tagged with it are left out of its contract. */
export function hiddenTag(surface: Surface): string {
  return `hide-${surface}`;
}

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
