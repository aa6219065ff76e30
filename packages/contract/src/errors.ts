import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/** The error codes of the public contract (docs/api.md), carried in `extensions.code`. */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  CONFLICT = 'CONFLICT',
  INVALID_TRANSITION = 'INVALID_TRANSITION',
  /** A part that cannot be answered now (a subgraph, or its database, is away): retry later. */
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

const PUBLIC_CODES = new Set<string>(Object.values(ErrorCode));
/** Codes Apollo Server and graphql-js raise for malformed requests: safe to show as they are. */
const REQUEST_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

export class UnauthenticatedError extends GraphQLError {
  constructor(message = 'A valid token is required.') {
    super(message, { extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } } });
  }
}

export class ForbiddenError extends GraphQLError {
  constructor(message = 'Not allowed for this caller.') {
    super(message, { extensions: { code: ErrorCode.FORBIDDEN, http: { status: 403 } } });
  }
}

/**
 * Also what a record outside the caller's jurisdiction looks like: absent, with no hint. The
 * message names the kind of record, never the id asked for; `field` is the input path that named
 * it, when there is one (e.g. `input.caseId`).
 */
export class NotFoundError extends GraphQLError {
  constructor(what: string, { field }: { field?: string } = {}) {
    super(`There is no ${what} with this id.`, {
      extensions: { code: ErrorCode.NOT_FOUND, ...(field ? { field } : {}) },
    });
  }
}

/**
 * The input path of a value, as `extensions.field` names it: its segments joined by dots, a list
 * item by its index as a segment of its own (`input.departmentIds.1`, `input.items.0.title`), as
 * GraphQL's own error `path` lists an index as a segment. One form across the graph.
 */
export function fieldPath(...segments: Array<string | number>): string {
  return segments.join('.');
}

/** A path in the graph's form, from one that writes an index in brackets (`input.tags[1]`). */
export function normalizeFieldPath(path: string): string {
  return path.replace(/\[(\d+)\]/g, '.$1');
}

/**
 * Input that breaks a rule; `field` is the input path at fault, e.g. `input.divisionCode` or
 * `input.demandIds.0` (`fieldPath`; an index in brackets is read into that form).
 */
export class BadUserInputError extends GraphQLError {
  readonly field: string;
  constructor(message: string, field: string) {
    const path = normalizeFieldPath(field);
    super(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, field: path } });
    this.field = path;
  }
}

/** An edit made against a version that is no longer current. */
export class ConflictError extends GraphQLError {
  constructor(what: string, expectedVersion: number, currentVersion: number) {
    super(
      `${what} was changed meanwhile: expected version ${expectedVersion}, current is ${currentVersion}.`,
      { extensions: { code: ErrorCode.CONFLICT, currentVersion } },
    );
  }
}

/** A workflow step that is not allowed from the current state; names that state. */
export class InvalidTransitionError extends GraphQLError {
  /** `reason` explains a step the state allows in general but not now (e.g. a time limit passed). */
  constructor(what: string, currentState: string, step: string, reason?: string) {
    super(
      reason
        ? `${what} is ${currentState}: ${step} is not allowed now (${reason}).`
        : `${what} is ${currentState}: ${step} is not allowed from there.`,
      { extensions: { code: ErrorCode.INVALID_TRANSITION, currentState } },
    );
  }
}

/**
 * The input path graphql-js names when a variable does not fit its type, e.g.
 * `Variable "$input" got invalid value "2023-02-30" at "input.establishedOn"; …` → `input.establishedOn`.
 */
export function fieldOfCoercionError(message: string): string | undefined {
  // graphql-js writes a list item's index in brackets (`input.tags[1]`): read into the graph's form.
  const at = /got invalid value .*? at "([^"]+)"/.exec(message);
  if (at) return normalizeFieldPath(at[1]);
  return /^Variable "\$([^"]+)"/.exec(message)?.[1];
}

/** `; expected Int` from graphql-js's `… Expected type "Int".` (a type name holds no value). */
function expectedTypeOf(message: string): string {
  const type = /Expected (?:non-nullable )?type "([A-Za-z_][\w![\]]*)"/.exec(message)?.[1];
  return type ? `: expected ${type}` : '';
}

/** A name as GraphQL writes one: what an input object's field can be called. */
const NAME = '([_A-Za-z][_0-9A-Za-z]{0,63})';
/** graphql-js's last words on an input object, at the end of its message (after the value). */
const UNKNOWN_FIELD = new RegExp(
  `; Field "${NAME}" is not defined by type "${NAME}"\\.(?: Did you mean [_0-9A-Za-z", ]*\\?)?$`,
);
const MISSING_FIELD = new RegExp(
  `; Field "${NAME}" of required type "([_0-9A-Za-z![\\]]+)" was not provided\\.$`,
);

/**
 * What a variable's refusal says, without the value: the path of the value refused and why. An
 * input object's field that its type does not define, or a required one left out, is named
 * (`input.version is not a field of ProposalStepInput.`): a field's name is the client's
 * spelling, never a value of theirs.
 */
function coercionRefusal(message: string): { field: string | undefined; message: string } {
  const field = fieldOfCoercionError(message);
  const unknown = UNKNOWN_FIELD.exec(message);
  if (unknown && field) {
    return {
      field: `${field}.${unknown[1]}`,
      message: `${field}.${unknown[1]} is not a field of ${unknown[2]}.`,
    };
  }
  const missing = MISSING_FIELD.exec(message);
  if (missing && field) {
    return {
      field: `${field}.${missing[1]}`,
      message: `${field}.${missing[1]} is required (${missing[2]}) and was not given.`,
    };
  }
  return {
    field,
    message: `${field ?? 'A variable'} is not a valid value of its type${expectedTypeOf(message)}.`,
  };
}

/**
 * graphql-js's and graphql-scalars' refusals of a literal in the query, without the literal:
 * `String cannot represent a non string value: 13800002222` → `String cannot represent a non
 * string value.` The value may be personal data typed into the wrong argument; the message says
 * what was expected, and `locations` where.
 */
export function withoutValues(message: string): string {
  const rules: Array<[RegExp, string]> = [
    [/^(Expected value of type "[^"]+"), found [\s\S]*$/, '$1.'],
    [/^([^:]*? cannot represent [^:]*?): [\s\S]*$/, '$1.'],
    [/^([^:]*? cannot represent (?:an invalid [\w-]+|non string or Date type))\b[\s\S]*$/, '$1.'],
    [/^([^:]*?) cannot represent [\s\S]*$/, '$1 cannot represent the value given.'],
    [/^Value "[\s\S]*" does not exist in ("\w+" enum\.)[\s\S]*$/, 'The value does not exist in $1'],
    [/^(Value is not a valid \w+): [\s\S]*$/, '$1.'],
  ];
  for (const [pattern, replacement] of rules) {
    if (pattern.test(message)) return message.replace(pattern, replacement);
  }
  return message;
}

/** True when an error carries a code clients may see as it is (not an internal failure). */
export function hasPublicCode(error: { extensions?: Record<string, unknown> }): boolean {
  const code = error.extensions?.code;
  return (
    typeof code === 'string' &&
    code !== ErrorCode.INTERNAL_SERVER_ERROR &&
    (PUBLIC_CODES.has(code) || REQUEST_CODES.has(code))
  );
}

/**
 * Apollo Server's `formatError`: errors that carry a code of the contract (or a request error
 * graphql-js raised) pass through; anything else becomes INTERNAL_SERVER_ERROR with no message,
 * stack, SQL or URL of ours in it.
 */
export function maskError(
  formatted: GraphQLFormattedError,
  _error: unknown,
): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && (PUBLIC_CODES.has(code) || REQUEST_CODES.has(code))) {
    if (code === ErrorCode.BAD_USER_INPUT && formatted.extensions?.field === undefined) {
      // graphql-js repeats the value it refused; it may be personal data in the wrong field.
      const refusal = /got invalid value/.test(formatted.message)
        ? coercionRefusal(formatted.message)
        : { field: fieldOfCoercionError(formatted.message), message: formatted.message };
      return {
        ...formatted,
        message: refusal.message,
        extensions: { ...formatted.extensions, field: refusal.field },
      };
    }
    if (code === ErrorCode.INTERNAL_SERVER_ERROR) {
      return { message: 'Internal server error', path: formatted.path, extensions: { code } };
    }
    if (code === 'GRAPHQL_VALIDATION_FAILED') {
      formatted = { ...formatted, message: withoutValues(formatted.message) };
    }
    const {
      stacktrace: _stacktrace,
      exception: _exception,
      ...extensions
    } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}
