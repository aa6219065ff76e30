import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { REPORT_DEFAULT_ROWS, type Surface } from '@cppcc/contract';
import {
  GraphQLError,
  Kind,
  getNamedType,
  getNullableType,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isObjectType,
  isUnionType,
  valueFromASTUntyped,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type GraphQLNamedType,
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
      // graphql-armor words a limit as a syntax error ("Syntax Error: Query depth limit of 15
      // exceeded"); the document parsed, so say only which limit it passes.
      (context: ValidationContext | null, error: GraphQLError) =>
        context?.reportError(
          new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { nodes: error.nodes }),
        ),
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

/** A plain list's size at its most, from the arguments of the field that returned its owner. */
type ListSize = number | ((ownerArguments: Record<string, unknown>) => number);

/**
 * The most items below a division, by the level its code names (4 digits a city, 6 a county, 9 a
 * township, 12 a village): the city's 1,891 villages, communities and townships; a county's few
 * hundred; a township's villages.
 */
const below =
  (sizes: { city: number; county: number; township: number }) =>
  (ownerArguments: Record<string, unknown>): number => {
    const code = ownerArguments.divisionCode;
    if (typeof code !== 'string' || code.length <= 4) return sizes.city;
    if (code.length <= 6) return sizes.county;
    return code.length <= 9 ? sizes.township : 1;
  };

/**
 * Plain lists that may hold far more than PLAIN_LIST_SIZE, at their most: counted at that, so
 * that every home of the city cannot be asked with a page of 100 under each home for the price
 * of ten. `Type.field` of the supergraph.
 */
export const PLAIN_LIST_SIZES: Readonly<Record<string, ListSize>> = {
  /** A row per home of the report's division (`cadenceReport(divisionCode:)`). */
  'CadenceReport.homes': below({ city: 2_000, county: 500, township: 100 }),
  /** The divisions directly below the report's: the counties, a county's townships, a township's villages. */
  'CadenceReport.children': below({ city: 10, county: 40, township: 100 }),
  /** The city's and the counties' CPPCC committees. */
  'Query.committees': 100,
  /** Everyone invited to a session: members, residents, experts, departments' staff. */
  'Session.attendance': 100,
};
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

/** A field's arguments' values, from the document or the variables. */
function argumentsOf(
  selection: FieldNode | undefined,
  variables: Record<string, unknown>,
): Record<string, unknown> {
  return Object.fromEntries(
    (selection?.arguments ?? []).map((argument) => [
      argument.name.value,
      valueFromASTUntyped(argument.value, variables),
    ]),
  );
}

/** The size a list's `first` asks for; a negative one is refused before anything runs. */
function sizeOf(selection: FieldNode, variables: Record<string, unknown>, usual: number): number {
  const value = firstOf(selection, variables);
  if (typeof value !== 'number') return usual;
  if (value < 0) {
    throw new GraphQLError('first must be a number of items, 0 or more.', {
      extensions: { code: 'BAD_USER_INPUT', field: 'first', http: { status: 400 } },
    });
  }
  return value;
}

/**
 * What one introspection selection may hold: `__schema` every type with its fields, their
 * arguments, enum values and input fields; `__type` the largest single type. Counted like any
 * other answer, so aliased copies of the schema add up.
 */
function introspectionCost(schema: GraphQLSchema, name: string): number {
  if (name !== '__schema' && name !== '__type') return 0;
  let sizes = introspectionSizes.get(schema);
  if (!sizes) {
    sizes = typeSizes(schema);
    introspectionSizes.set(schema, sizes);
  }
  if (name === '__schema') return sizes.total;
  return sizes.largest;
}

/** Each schema's introspection sizes, computed once: a schema does not change once built. */
const introspectionSizes = new WeakMap<GraphQLSchema, { total: number; largest: number }>();

function typeSizes(schema: GraphQLSchema): { total: number; largest: number } {
  const sizes = Object.values(schema.getTypeMap())
    .filter((type) => !type.name.startsWith('__'))
    .map((type) => {
      let size = 1;
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields()))
          size += 1 + ('args' in field ? field.args.length : 0);
      } else if (isEnumType(type)) {
        size += type.getValues().length;
      } else if (isUnionType(type)) {
        size += type.getTypes().length;
      }
      return size;
    });
  return { total: sizes.reduce((sum, size) => sum + size, 0), largest: Math.max(1, ...sizes) };
}

/** Whether a fragment's type condition applies to an object type. */
function applies(
  schema: GraphQLSchema,
  condition: GraphQLNamedType | undefined,
  type: GraphQLObjectType,
): boolean {
  if (!condition) return true;
  if (condition.name === type.name) return true;
  return isAbstractType(condition) && schema.isSubType(condition, type);
}

/**
 * The cost of an operation: how many objects its answer may hold, each list counted at the
 * `first` it asks for (with the variables' values) or at its usual size, multiplied down the
 * nesting; a report's rows at its `first` too. A union or an interface costs its most expensive
 * member, with every fragment that applies to it; introspection costs the schema it returns.
 * A negative `first` is refused (it would lower the sum).
 */
export function operationCost(
  schema: GraphQLSchema,
  selectionSet: SelectionSetNode,
  rootType: GraphQLObjectType,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
): number {
  /** The selections of a set, fragments spread, that apply to one object type. */
  const fieldsOn = (
    set: SelectionSetNode,
    type: GraphQLObjectType,
    seen: Set<string>,
    into: FieldNode[] = [],
  ): FieldNode[] => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        into.push(selection);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition
          ? schema.getType(selection.typeCondition.name.value)
          : undefined;
        if (applies(schema, condition, type)) fieldsOn(selection.selectionSet, type, seen, into);
      } else {
        const fragment = fragments[selection.name.value];
        if (!fragment || seen.has(fragment.name.value)) continue;
        if (applies(schema, schema.getType(fragment.typeCondition.name.value), type))
          fieldsOn(fragment.selectionSet, type, new Set([...seen, fragment.name.value]), into);
      }
    }
    return into;
  };

  const visit = (
    set: SelectionSetNode,
    parent: GraphQLNamedType,
    multiplier: number,
    seen: Set<string>,
    owner?: FieldNode,
  ): number => {
    // An abstract type costs its most expensive member.
    if (isAbstractType(parent)) {
      let most = 0;
      for (const member of schema.getPossibleTypes(parent))
        most = Math.max(most, visit(set, member, multiplier, seen, owner));
      return most;
    }
    if (!isObjectType(parent)) return 0;
    let cost = 0;
    for (const selection of fieldsOn(set, parent, seen)) {
      const name = selection.name.value;
      if (name.startsWith('__')) {
        cost += multiplier * introspectionCost(schema, name);
        continue;
      }
      if (!selection.selectionSet) continue;
      const field = parent.getFields()[name];
      if (!field) continue;
      const type = getNamedType(field.type);
      if (
        parent.name.endsWith('Connection') ||
        parent.name.endsWith('Edge') ||
        (isGroupedReport(parent) && name === 'rows')
      ) {
        // A connection's edges, nodes and page info are the items its `first` already counted.
        cost += visit(selection.selectionSet, type, multiplier, seen, owner);
        continue;
      }
      let size = 1;
      if (type.name.endsWith('Connection')) {
        size = sizeOf(selection, variables, DEFAULT_FIRST);
      } else if (isGroupedReport(type)) {
        size = sizeOf(selection, variables, REPORT_DEFAULT_ROWS);
      } else if (isListType(getNullableType(field.type))) {
        const most = PLAIN_LIST_SIZES[`${parent.name}.${name}`] ?? PLAIN_LIST_SIZE;
        size = typeof most === 'number' ? most : most(argumentsOf(owner, variables));
      }
      cost += multiplier * size;
      cost += visit(selection.selectionSet, type, multiplier * size, seen, selection);
    }
    return cost;
  };
  return visit(selectionSet, rootType, 1, new Set());
}

/**
 * The variables as the operation will run with them: those sent, and the declared default of
 * each one not sent (`query($first: Int = 100)`), which would otherwise count as the usual size.
 */
export function withDefaults(
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): Record<string, unknown> {
  const values: Record<string, unknown> = { ...variables };
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (values[name] === undefined && definition.defaultValue) {
      values[name] = valueFromASTUntyped(definition.defaultValue);
    }
  }
  return values;
}

/** What the operations of one HTTP request (a batch shares it) have cost so far. */
export interface CostBudget {
  spent: number;
}

/**
 * Refuses, before any subgraph is called, an operation whose cost exceeds the surface's limit;
 * the operations of a batch share the limit (the context's `costBudget`, one per HTTP request).
 */
export function costLimitPlugin(limit: number): ApolloServerPlugin<{ costBudget?: CostBudget }> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, schema, request, contextValue }) {
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
          const own = operationCost(
            schema,
            operation.selectionSet,
            rootType,
            fragments,
            withDefaults(operation, request.variables),
          );
          const budget = contextValue.costBudget;
          const cost = own + (budget?.spent ?? 0);
          if (cost > limit) {
            throw new GraphQLError(
              budget?.spent
                ? `The batch may return ${cost} objects; this surface allows ${limit} per request. Send fewer or smaller operations.`
                : `The operation may return ${cost} objects; this surface allows ${limit}. Ask for smaller pages.`,
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
          if (budget) budget.spent = cost;
        },
      };
    },
  };
}
