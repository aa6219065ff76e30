import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { REPORT_DEFAULT_ROWS, type Surface } from '@cppcc/toolkit';
import {
  GraphQLError,
  Kind,
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  valueFromASTUntyped,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

/** What one request may ask of a surface. */
export interface SurfaceLimits {
  /** Nesting of selections (introspection excepted). */
  depth: number;
  aliases: number;
  directives: number;
  /** Lexical tokens of the document: a bound on its size that parsing stops at. */
  tokens: number;
  /** Bytes of the request body. */
  bodyBytes: number;
  /** Objects the answer may hold at most: every list counted at its `first` (or its usual size). */
  cost: number;
  /** Operations in one batched request (a JSON array); 1 means no batching. */
  batch: number;
  /** Requests per caller (per IP on the public surface) per minute. */
  requestsPerMinute: number;
}

const STAFF: SurfaceLimits = {
  depth: 15,
  aliases: 30,
  directives: 20,
  tokens: 5_000,
  bodyBytes: 100_000,
  cost: 25_000,
  batch: 10,
  requestsPerMinute: 600,
};

/** The limits of each surface: analysts of the city and counties ask most, the public least. */
export const SURFACE_LIMITS: Record<Surface, SurfaceLimits> = {
  city: STAFF,
  county: STAFF,
  home: { ...STAFF, cost: 5_000 },
  department: { ...STAFF, depth: 12, cost: 10_000 },
  public: {
    depth: 10,
    aliases: 15,
    directives: 10,
    tokens: 1_000,
    bodyBytes: 16_000,
    cost: 2_000,
    batch: 1,
    requestsPerMinute: 120,
  },
};

/** Depth, aliases and directives, checked while the document is validated. */
export function limitRules(limits: SurfaceLimits): ValidationRule[] {
  // Reported as validation errors (GRAPHQL_VALIDATION_FAILED, 400); thrown, they would be a 500.
  const report = {
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) => context?.reportError(error),
    ],
  };
  return [
    maxDepthRule({ n: limits.depth, ignoreIntrospection: true, ...report }),
    maxAliasesRule({ n: limits.aliases, ...report }),
    maxDirectivesRule({ n: limits.directives, ...report }),
  ] as ValidationRule[];
}

/** How many items a list without `first` usually holds (a home's members, a member's seats …). */
const PLAIN_LIST_SIZE = 10;
/** What a connection returns when `first` is not given. */
const DEFAULT_FIRST = 20;

/**
 * An analysts' report (`proposalReport`, `demandReport`, `sessionReport`): its `rows` are a
 * plain list, but as long as its `first` (or the subgraphs' default, REPORT_DEFAULT_ROWS), which
 * the subgraphs cap (REPORT_MAX_ROWS); counted like a connection, so a report that adds names
 * or other figures to every row pays for every row.
 */
function isGroupedReport(type: unknown): type is GraphQLObjectType {
  if (!isObjectType(type)) return false;
  const fields = type.getFields();
  return 'rows' in fields && 'totalGroups' in fields;
}

/** A field's `first` argument, from the document or the variables. */
function firstOf(selection: FieldNode, variables: Record<string, unknown>): unknown {
  const first = selection.arguments?.find((argument) => argument.name.value === 'first');
  return first ? valueFromASTUntyped(first.value, variables) : undefined;
}

/**
 * The cost of an operation: how many objects its answer may hold, each list counted at the
 * `first` it asks for (with the variables' values) or at its usual size, multiplied down the
 * nesting; a report's rows at its `first` too. Introspection is free.
 */
export function operationCost(
  schema: GraphQLSchema,
  selectionSet: SelectionSetNode,
  rootType: GraphQLObjectType,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
): number {
  const visit = (
    set: SelectionSetNode,
    parent: GraphQLObjectType,
    multiplier: number,
    seen: Set<string>,
  ): number => {
    let cost = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments[selection.name.value];
        if (!fragment || seen.has(fragment.name.value)) continue;
        const type = schema.getType(fragment.typeCondition.name.value);
        if (isObjectType(type))
          cost += visit(
            fragment.selectionSet,
            type,
            multiplier,
            new Set([...seen, fragment.name.value]),
          );
        continue;
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition
          ? schema.getType(selection.typeCondition.name.value)
          : parent;
        if (isObjectType(type)) cost += visit(selection.selectionSet, type, multiplier, seen);
        continue;
      }
      if (selection.name.value.startsWith('__') || !selection.selectionSet) continue;
      const field = parent.getFields()[selection.name.value];
      if (!field) continue;
      const type = getNamedType(field.type);
      if (
        parent.name.endsWith('Connection') ||
        parent.name.endsWith('Edge') ||
        (isGroupedReport(parent) && selection.name.value === 'rows')
      ) {
        // A connection's edges, nodes and page info are the items its `first` already counted.
        if (isObjectType(type)) cost += visit(selection.selectionSet, type, multiplier, seen);
        continue;
      }
      let size = 1;
      if (type.name.endsWith('Connection')) {
        const value = firstOf(selection, variables);
        size = typeof value === 'number' ? value : DEFAULT_FIRST;
      } else if (isGroupedReport(type)) {
        const value = firstOf(selection, variables);
        size = typeof value === 'number' ? value : REPORT_DEFAULT_ROWS;
      } else if (isListType(getNullableType(field.type))) {
        size = PLAIN_LIST_SIZE;
      }
      cost += multiplier * size;
      if (isObjectType(type)) cost += visit(selection.selectionSet, type, multiplier * size, seen);
    }
    return cost;
  };
  return visit(selectionSet, rootType, 1, new Set());
}

/** Refuses, before any subgraph is called, an operation whose cost exceeds the surface's limit. */
export function costLimitPlugin(limit: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, schema, request }) {
          if (!operation) return;
          const rootType =
            operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
          if (!rootType) return;
          const fragments = Object.fromEntries(
            document.definitions
              .filter(
                (definition): definition is FragmentDefinitionNode =>
                  definition.kind === Kind.FRAGMENT_DEFINITION,
              )
              .map((fragment) => [fragment.name.value, fragment]),
          );
          const cost = operationCost(
            schema,
            operation.selectionSet,
            rootType,
            fragments,
            request.variables ?? {},
          );
          if (cost > limit) {
            throw new GraphQLError(
              `The operation may return ${cost} objects; this surface allows ${limit}. Ask for smaller pages.`,
              {
                extensions: {
                  code: 'GRAPHQL_VALIDATION_FAILED',
                  cost,
                  limit,
                  http: { status: 400 },
                },
              },
            );
          }
        },
      };
    },
  };
}
