import { Directive } from 'type-graphql';

/**
 * How long figures may be served again without asking the database: the gateway keeps a caller's
 * whole answer this long when everything in it allows it (a write through the gateway empties it
 * at once). Counts over a quarter or a year barely move in 30 s; a dashboard's many viewers and an
 * analyst's repeated report cost one computation per half minute.
 */
export const FIGURES_MAX_AGE_SECONDS = 30;

/** Apollo's cache hint directive, declared in every subgraph (the gateway composes the hints it answers with). */
export const CACHE_CONTROL_DIRECTIVE =
  'directive @cacheControl(maxAge: Int, inheritMaxAge: Boolean) on FIELD_DEFINITION | OBJECT | INTERFACE | UNION';

/**
 * A field or type whose answer may be served again for `seconds` (Apollo's `@cacheControl`). A
 * field or type without a hint is never served again: the default is 0 for root fields and fields
 * of object types, so only what is marked, and everything in a query marked, is kept.
 */
export function CacheFor(seconds: number = FIGURES_MAX_AGE_SECONDS) {
  return Directive(`@cacheControl(maxAge: ${seconds})`);
}

/** A wrapper type (a connection, an edge, a report's row) that may be kept as long as the field holding it. */
export function CacheAsParent() {
  return Directive('@cacheControl(inheritMaxAge: true)');
}
