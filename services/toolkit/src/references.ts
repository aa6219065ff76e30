import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { CacheFor } from './cache-hints';

export interface ReferenceOptions {
  /**
   * False when this subgraph only points at the entity and adds none of its fields: the key says
   * `resolvable: false`, and the gateway never asks this subgraph for it.
   */
  resolvable?: boolean;
  /** Cached as long as figures are (`@cacheControl`, cache-hints.ts): its added fields are figures. */
  cached?: boolean;
}

/** A reference's class: the key field alone. */
export type IdReference = new () => { id: string };
export type CodeReference = new () => { code: string };

function stub<Key extends string>(
  typeName: string,
  key: Key,
  { resolvable = true, cached = false }: ReferenceOptions,
): new () => Record<Key, string> {
  const Reference = class {} as new () => Record<Key, string>;
  Object.defineProperty(Reference, 'name', { value: `${typeName}Reference` });
  Field(() => ID)(Reference.prototype, key);
  // Applied in the order decorators written above the class would be: the type, the cache hint,
  // then the key, so the SDL reads `@key(…) @cacheControl(…)` as it always has.
  ObjectType(typeName)(Reference);
  if (cached) CacheFor()(Reference);
  Directive(`@key(fields: "${key}"${resolvable ? '' : ', resolvable: false'})`)(Reference);
  return Reference;
}

/**
 * Another subgraph's entity as this subgraph names it (a Federation entity stub): its type name
 * and its `id`, for the fields that point at it or that this subgraph adds to it.
 */
export function idReference(typeName: string, options: ReferenceOptions = {}): IdReference {
  return stub(typeName, 'id', options);
}

/** The same for an entity keyed by a `code` (the organization's Division). */
export function codeReference(typeName: string, options: ReferenceOptions = {}): CodeReference {
  return stub(typeName, 'code', options);
}
