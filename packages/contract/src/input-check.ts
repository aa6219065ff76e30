import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  OperationTypeNode,
  TypeInfo,
  getArgumentValues,
  getNullableType,
  getVariableValues,
  isInputObjectType,
  isListType,
  isScalarType,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { ErrorCode, fieldPath } from './errors';
import type { Logger } from './logger';
import { DateTimeScalar } from './scalars';
import { dateFault, instantFault, isUuid } from './validation';

/**
 * Every argument of an operation, checked against its type before anything runs: the one place
 * where mistaken and hostile values become BAD_USER_INPUT with the argument's path, so
 * no resolver has to remember it and no such value reaches SQL. The gateway runs it on the
 * surface's schema (where `Date` and `DateTime` are plain names) and each subgraph on its own.
 *
 * - `Date`: a real calendar date within the years 2000 to 2100 (`dateFault`, the rule
 *   `requireDate` keeps too); `DateTime`: as the toolkit's scalar parses it (scalars.ts) and, in
 *   a mutation (an instant to record), within those years too (`instantFault`);
 * - `ID`: a UUID, or, for a field named like a division code (`code`, `divisionCode`), a code;
 * - `String`: no NUL character (PostgreSQL refuses it, SQLSTATE 08P01), at most MAX_TEXT
 *   characters, and a division code where the name says so (the columns are `varchar(12)`).
 *
 * Messages say what is expected and never repeat the value: it may be personal data typed into
 * the wrong field.
 */

/** The longest text any column-backed field accepts (minutes' and replies' bodies). */
export const MAX_TEXT = 20_000;

/** A division's statistics code: the city (4 digits), a county (6), township (9), village (12). */
const DIVISION_CODE = /^\d{4}(\d{2}(\d{3}(\d{3})?)?)?$/;
/** Field names that hold a division's code, exactly (the columns are `varchar(12)`). */
const DIVISION_CODE_NAME = /^(code|parentCode|(\w+)?[dD]ivisionCodes?)$/;
/** Field names that hold the start of a division's code. */
const CODE_PREFIX_NAME = /^codePrefix$/;

/** The refusal of one input value: BAD_USER_INPUT, its path in `field`, 400 as a variable's is. */
export class InputRefusal extends GraphQLError {
  constructor(
    readonly field: string,
    expected: string,
  ) {
    super(`${field} must be ${expected}.`, {
      extensions: { code: ErrorCode.BAD_USER_INPUT, field, http: { status: 400 } },
    });
  }
}

/** What is wrong with a scalar value, as what it must be instead; null when it is fine. */
function scalarFault(
  typeName: string,
  name: string,
  value: unknown,
  recorded = false,
): string | null {
  if (typeName === 'Date') return dateFault(value);
  if (typeName === 'DateTime') {
    let instant: Date;
    // A subgraph's own scalar has already parsed a literal into a Date.
    if (value instanceof Date) instant = value;
    else {
      try {
        if (typeof value !== 'string') throw new TypeError('not a string');
        instant = DateTimeScalar.parseValue(value) as Date;
      } catch {
        return 'a date and time in ISO 8601 with its offset, e.g. 2026-03-14T09:30:00+08:00';
      }
    }
    return recorded ? instantFault(instant) : null;
  }
  if (typeName === 'ID' || typeName === 'String') {
    if (typeof value !== 'string') return null;
    if (value.includes('\u0000')) return 'text without NUL characters';
    if (DIVISION_CODE_NAME.test(name)) {
      return DIVISION_CODE.test(value)
        ? null
        : 'a division code of 4, 6, 9 or 12 digits, e.g. 320706';
    }
    if (CODE_PREFIX_NAME.test(name)) {
      return /^\d{0,12}$/.test(value) ? null : 'the start of a division code: up to 12 digits';
    }
    if (typeName === 'ID') {
      if (!isUuid(value)) return 'an id (a UUID)';
      // The graph gives ids in lower case and compares them as text before they are stored (a
      // lead department given again as a co-handling one): one spelling for one id.
      return value === value.toLowerCase() ? null : 'an id in lower case, as the graph gives it';
    }
    if (value.length > MAX_TEXT) return `at most ${MAX_TEXT} characters`;
  }
  return null;
}

/**
 * Whether an entity representation's key fields (`id`, `…Id`, `code`) can name a record at all:
 * a UUID, a division code; any text with a NUL character cannot.
 */
export function referenceKeyIsWellFormed(representation: Record<string, unknown>): boolean {
  for (const [key, value] of Object.entries(representation)) {
    if (key === '__typename') continue;
    if (typeof value !== 'string') {
      if (key === 'id' || key === 'code') return false;
      continue;
    }
    const typeName = key === 'id' || key.endsWith('Id') ? 'ID' : 'String';
    if (scalarFault(typeName, key, value)) return false;
  }
  return true;
}

/**
 * Checks one (coerced) input value against its type; throws InputRefusal at the first fault.
 * `recorded`: the value is a mutation's, to be recorded.
 */
function checkValue(
  type: GraphQLInputType,
  value: unknown,
  path: string,
  name: string,
  recorded: boolean,
): void {
  if (value === null || value === undefined) return;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    if (!Array.isArray(value)) return checkValue(nullable.ofType, value, path, name, recorded);
    value.forEach((item, index) =>
      checkValue(nullable.ofType, item, fieldPath(path, index), name, recorded),
    );
    return;
  }
  if (isInputObjectType(nullable)) {
    if (typeof value !== 'object') return;
    const fields = nullable.getFields();
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
      const field = fields[key];
      if (field) checkValue(field.type, inner, fieldPath(path, key), key, recorded);
    }
    return;
  }
  if (isScalarType(nullable)) {
    const fault = scalarFault(nullable.name, name, value, recorded);
    if (fault) throw new InputRefusal(path, fault);
  }
}

/**
 * The first fault among the arguments of an operation (its own fields and its fragments'), or
 * null. Variables the schema cannot coerce at all are left to graphql-js's own refusal.
 */
export function inputFault(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  rawVariables: Record<string, unknown> | undefined,
): InputRefusal | null {
  const coerced = getVariableValues(
    schema,
    operation.variableDefinitions ?? [],
    rawVariables ?? {},
  );
  if (coerced.errors) return null;
  const variables = coerced.coerced;
  const typeInfo = new TypeInfo(schema);
  let fault: InputRefusal | null = null;
  const visitor = visitWithTypeInfo(typeInfo, {
    Field(node) {
      if (fault || !node.arguments?.length) return;
      const definition = typeInfo.getFieldDef();
      if (!definition) return;
      let values: Record<string, unknown>;
      try {
        values = getArgumentValues(definition, node, variables);
      } catch {
        return; // A literal of the wrong type: validation has already said so.
      }
      try {
        for (const argument of definition.args) {
          checkValue(
            argument.type,
            values[argument.name],
            argument.name,
            argument.name,
            operation.operation === OperationTypeNode.MUTATION,
          );
        }
      } catch (error) {
        if (error instanceof InputRefusal) fault = error;
        else throw error;
      }
    },
  });
  visit(operation, visitor);
  for (const definition of document.definitions) {
    if (fault) break;
    if (definition.kind === Kind.FRAGMENT_DEFINITION) visit(definition, visitor);
  }
  return fault;
}

/**
 * Refuses, before execution, an operation with a faulty argument (inputFault); logs the refusal
 * at info as its code and field, never the value.
 */
export function inputCheckPlugin<Context>(logger: Logger): ApolloServerPlugin<Context & object> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const fault = inputFault(schema, document, operation, request.variables);
          if (fault) {
            logger.info(
              {
                code: ErrorCode.BAD_USER_INPUT,
                field: fault.field,
                operationName: request.operationName,
              },
              'input refused',
            );
            throw fault;
          }
        },
      };
    },
  };
}
