import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap, type NonEmptyArray } from 'type-graphql';
import { CACHE_CONTROL_DIRECTIVE } from './cache-hints';
import { referenceKeyIsWellFormed, DateTimeScalar } from '@cppcc/contract';
import { offerBySurfaces } from './surfaces';

type ReferenceResolver = (reference: Record<string, unknown>, ...rest: unknown[]) => unknown;

/**
 * An entity's `__resolveReference`, answering null for a representation whose key cannot name a
 * record (an id that is not a UUID, a code that is not a division's), as for an unknown key:
 * `_entities` takes any JSON, so its keys are checked here, once for every entity, before SQL.
 */
function namingNothingAsNull(reference: Record<string, unknown>): Record<string, unknown> {
  const resolve = reference.__resolveReference as ReferenceResolver | undefined;
  if (typeof resolve !== 'function') return reference;
  return {
    ...reference,
    __resolveReference: (representation: Record<string, unknown>, ...rest: unknown[]) =>
      referenceKeyIsWellFormed(representation) ? resolve(representation, ...rest) : null,
  };
}

/** The Federation 2 spec version and directives every subgraph links. */
const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ' +
  '["@key", "@shareable", "@external", "@requires", "@provides", "@tag", "@inaccessible", "@override"])';

export interface SubgraphSchemaOptions {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: NonEmptyArray<Function>;
  /** Types no resolver returns but the schema must hold (entity stubs of other subgraphs). */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes?: Function[];
  /** `__resolveReference` per entity type; each must batch through a loader. */
  referenceResolvers?: GraphQLResolverMap<unknown>;
}

/**
 * Builds a Federation 2 subgraph schema from type-graphql classes. The resolver list is explicit:
 * type-graphql keeps its metadata in one store per process, and an explicit list keeps one
 * subgraph's types out of another's schema when several are built in one process (tests).
 */
export async function buildTypeGraphqlSubgraph(
  options: SubgraphSchemaOptions,
): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    validate: false,
    skipCheck: true,
  });
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<unknown>;
  for (const [typeName, reference] of Object.entries(options.referenceResolvers ?? {})) {
    resolvers[typeName] = {
      ...(resolvers[typeName] as object),
      ...namingNothingAsNull(reference as Record<string, unknown>),
    } as GraphQLResolverMap<unknown>[string];
  }
  return buildSubgraphSchema({
    typeDefs: offerBySurfaces(
      parse(
        `${FEDERATION_LINK}\n${CACHE_CONTROL_DIRECTIVE}\n\n${printSchemaWithDirectives(schema)}`,
      ),
    ),
    resolvers,
  });
}
