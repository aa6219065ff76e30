/**
 * Mistaken and hostile values for every argument of a surface, generated from its introspection
 * (issue 11): the operations of the property-based suite (input-fuzz.integration.ts).
 */
import fc from 'fast-check';
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';

/** A division-code-like name, as the toolkit's input check reads it (input-check.ts). */
const CODE_NAME = /^(code|parentCode|codePrefix|(\w+)?[dD]ivisionCodes?)$/;

/** Values no check may let through: the toolkit's input check refuses each one for its type. */
function refused(typeName: string, name: string): fc.Arbitrary<unknown> | null {
  const nul = fc.string({ maxLength: 8 }).map((text) => `${text}\u0000${text}`);
  const long = fc.constant('长'.repeat(20_001));
  if (typeName === 'ID')
    return CODE_NAME.test(name)
      ? fc.constantFrom('3207😀', '', 'abc', '32070', '３２０７', '3207\u0000')
      : fc.oneof(
          fc.constantFrom('', 'x', 'not-a-uuid', "' or 1=1 --", '😀', '0', '-1'),
          fc.uuid().map((id) => `${id}\u0000`),
          fc.string({ maxLength: 40 }).filter((text) => !/^[0-9a-f-]{36}$/i.test(text)),
        );
  if (typeName === 'String' && name === 'codePrefix')
    // Any start of a code is one (even 5 digits or none): only what no code starts with.
    return fc.constantFrom('3207😀', 'abc', '３２０７', '3207\u0000', ' 3207', '1'.repeat(13));
  if (typeName === 'String')
    return CODE_NAME.test(name)
      ? fc.constantFrom('3207😀', 'abc', '32070', '３２０７', '3207\u0000', ' 3207', '1'.repeat(13))
      : fc.oneof(nul, long);
  if (typeName === 'Date')
    return fc.constantFrom(
      '2025-02-30',
      '2025-13-01',
      'yesterday',
      '',
      '2025-2-3',
      '0000-00-00',
      '2025-02-29',
      '2025-02-28\u0000',
      20250228,
    );
  if (typeName === 'DateTime')
    return fc.constantFrom(
      '2025-02-30T09:00:00+08:00',
      'yesterday',
      '2025-13-01T00:00:00Z',
      '',
      '2026-03-14 09:30',
      '2026-03-14T25:00:00+08:00',
      '\u0000',
    );
  if (typeName === 'Int') return fc.constantFrom(2 ** 31, -(2 ** 31) - 1, 1.5, 'abc', '');
  if (typeName === 'Float') return fc.constantFrom('NaN', 'abc', '');
  if (typeName === 'Boolean') return fc.constantFrom('yes', 0, '');
  return fc.constantFrom('NOT_A_VALUE', 7, '');
}

/** Values of the right type that a careless or hostile caller sends: edges, not errors of type. */
function awkward(type: GraphQLInputType, name: string, depth: number): fc.Arbitrary<unknown> {
  const named = getNamedType(type);
  const nullable = getNullableType(type);
  if (isListType(nullable))
    return fc.array(awkward(nullable.ofType, name, depth), { maxLength: depth > 2 ? 0 : 3 });
  if (isInputObjectType(nullable)) {
    const fields = Object.values(nullable.getFields());
    const required = fields.filter((field) => isNonNullType(field.type));
    const optional = fields.filter((field) => !isNonNullType(field.type));
    const model: Record<string, fc.Arbitrary<unknown>> = Object.fromEntries([
      ...required.map((field) => [field.name, awkward(field.type, field.name, depth + 1)]),
      ...optional.map((field) => [
        field.name,
        fc.option(awkward(field.type, field.name, depth + 1), { nil: undefined }),
      ]),
    ]);
    return fc.record(model, { requiredKeys: required.map((field) => field.name) as never[] });
  }
  if (isEnumType(named)) return fc.constantFrom(...named.getValues().map((value) => value.name));
  switch (named.name) {
    case 'ID':
      // Well-formed ids that name nothing (or a division that may exist): a write must not happen.
      return CODE_NAME.test(name) ? fc.constantFrom('3207', '320706', '320706001') : fc.uuid();
    case 'String':
      return CODE_NAME.test(name)
        ? fc.constantFrom('3207', '320706', '320706001', '999999')
        : fc.oneof(
            fc.constantFrom(
              '',
              ' ',
              '\t',
              '😀'.repeat(50),
              "'; drop table home; --",
              '%_\\',
              'x'.repeat(5_000),
            ),
            fc.string({ maxLength: 30, unit: 'grapheme' }),
          );
    case 'Int':
      return fc.oneof(
        fc.constantFrom(0, -1, 1, 2 ** 31 - 1, -(2 ** 31), 100, 101, 2026),
        fc.integer(),
      );
    case 'Float':
      return fc.oneof(
        fc.constantFrom(0, -1, 1e308, -0.5),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
      );
    case 'Boolean':
      return fc.boolean();
    case 'Date':
      return fc.constantFrom('1900-01-01', '2999-12-31', '2024-02-29', '2026-03-14');
    case 'DateTime':
      return fc.constantFrom(
        '1900-01-01T00:00:00Z',
        '2999-12-31T23:59:59+08:00',
        '2026-03-14T09:30:00+08:00',
      );
    default:
      return fc.constant(null);
  }
}

/** Whether a value of this type must hold a UUID (a record it names), through required fields. */
function requiresId(type: GraphQLInputType, name: string): boolean {
  if (!isNonNullType(type)) return false;
  const inner = type.ofType;
  if (isInputObjectType(inner))
    return Object.values(inner.getFields()).some((field) => requiresId(field.type, field.name));
  return getNamedType(inner).name === 'ID' && !CODE_NAME.test(name) && !isListType(inner);
}

/** A leaf position in a value: a path of keys and indexes. */
type Path = Array<string | number>;

/** Paths of a generated value's leaves, with their types and names. */
function leaves(
  type: GraphQLInputType,
  value: unknown,
  name: string,
  path: Path,
  into: Array<{ path: Path; typeName: string; name: string }>,
): void {
  if (value === null || value === undefined) return;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    if (Array.isArray(value))
      value.forEach((item, index) => leaves(nullable.ofType, item, name, [...path, index], into));
    return;
  }
  if (isInputObjectType(nullable)) {
    const fields = nullable.getFields();
    for (const [key, inner] of Object.entries(value as Record<string, unknown>))
      if (fields[key]) leaves(fields[key].type, inner, key, [...path, key], into);
    return;
  }
  if (isLeafType(nullable)) into.push({ path, typeName: nullable.name, name });
}

function setAt(root: Record<string, unknown>, path: Path, value: unknown): void {
  let target = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
  target[path[path.length - 1]] = value;
}

/** One generated request: a document calling one root field with every argument a variable. */
export interface FuzzCase {
  field: string;
  query: string;
  variables: Record<string, unknown>;
  /** Where a value no check may let through was put, when one was (`input.heldAt`). */
  refusedAt: string | null;
}

function documentOf(
  kind: 'query' | 'mutation',
  field: GraphQLField<unknown, unknown>,
  args: readonly GraphQLArgument[],
): string {
  const variables = args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const call = args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  return `${kind}${variables ? `(${variables})` : ''} { ${field.name}${call ? `(${call})` : ''}${selection} }`;
}

/**
 * Requests for the root fields of one kind: each argument given an awkward value, and (always for
 * mutations, so nothing can be written; half the time for queries) one leaf replaced by a value
 * no check may let through.
 */
export function fuzzFields(schema: GraphQLSchema, kind: 'query' | 'mutation'): string[] {
  const root = kind === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  return Object.values(root?.getFields() ?? {})
    .filter(
      (field) => !field.name.startsWith('_') && (kind === 'mutation' || field.args.length > 0),
    )
    .map((field) => field.name);
}

export function fuzzCases(
  schema: GraphQLSchema,
  kind: 'query' | 'mutation',
  /** Only these root fields (all of fuzzFields by default). */
  only: string[] = fuzzFields(schema, kind),
): fc.Arbitrary<FuzzCase> {
  const root = kind === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  const fields = only.map((name) => root!.getFields()[name]);
  if (!fields.length) throw new Error(`no ${kind} fields with arguments`);
  return fc.constantFrom(...fields).chain((field) => {
    const args = field.args;
    const values = fc.record(
      Object.fromEntries(
        args.map((arg) => [
          arg.name,
          isNonNullType(arg.type)
            ? awkward(arg.type, arg.name, 0)
            : fc.option(awkward(arg.type, arg.name, 0), { nil: undefined }),
        ]),
      ),
      { requiredKeys: args.filter((arg) => isNonNullType(arg.type)).map((arg) => arg.name) },
    );
    return fc.tuple(values, fc.nat(), fc.boolean()).chain(([variables, which, inject]) => {
      const positions: Array<{ path: Path; typeName: string; name: string }> = [];
      for (const arg of args)
        leaves(arg.type, variables[arg.name], arg.name, [arg.name], positions);
      // A mutation is sent with only well-formed values half the time when it must name a
      // record: its ids name none (fc.uuid), so it reaches its resolver and still writes nothing.
      const namesRecord = args.some((arg) => requiresId(arg.type, arg.name));
      const mustRefuse = kind === 'mutation' ? !(inject && namesRecord) : inject;
      const candidates = positions.filter((position) => refused(position.typeName, position.name));
      if (!mustRefuse || !candidates.length) {
        // A mutation with no leaf to spoil is sent without its required arguments instead.
        const spoiled = mustRefuse && kind === 'mutation';
        return fc.constant<FuzzCase>({
          field: field.name,
          query: documentOf(kind, field, args),
          variables: spoiled ? {} : (variables as Record<string, unknown>),
          refusedAt: spoiled && args.some((arg) => isNonNullType(arg.type)) ? 'variables' : null,
        });
      }
      const position = candidates[which % candidates.length];
      return refused(position.typeName, position.name)!.map((bad) => {
        const copy = structuredClone(variables) as Record<string, unknown>;
        setAt(copy, position.path, bad);
        return {
          field: field.name,
          query: documentOf(kind, field, args),
          variables: copy,
          refusedAt: position.path
            .map((key) => (typeof key === 'number' ? `[${key}]` : `.${key}`))
            .join('')
            .slice(1),
        };
      });
    });
  });
}

/** FUZZ_RUNS: how many cases to run per surface and kind, over all fields; unset, none. */
export function fuzzRuns(): number | null {
  const runs = Number(process.env.FUZZ_RUNS);
  return Number.isInteger(runs) && runs > 0 ? runs : null;
}
