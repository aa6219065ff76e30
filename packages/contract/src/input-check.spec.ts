import { buildSchema, parse, type OperationDefinitionNode } from 'graphql';
import { inputFault, referenceKeyIsWellFormed } from './input-check';

const schema = buildSchema(`
  scalar Date
  scalar DateTime
  input Filter { from: Date, nameContains: String, divisionCode: String, codePrefix: String }
  input Step { sessionId: ID!, heldAt: DateTime, tags: [String!] }
  type Query { homes(filter: Filter, first: Int): Int, home(id: ID!): Int, division(code: String!): Int, changes(updatedAfter: DateTime): Int }
  type Mutation { record(input: Step!): Int }
`);

const fault = (query: string, variables: Record<string, unknown> = {}) => {
  const document = parse(query);
  const refusal = inputFault(
    schema,
    document,
    document.definitions[0] as OperationDefinitionNode,
    variables,
  );
  return refusal && { message: refusal.message, ...refusal.extensions };
};
const UUID = '6a1f5e0c-1c1d-4c43-9a56-0e1f2a3b4c5d';

describe('the arguments of an operation, checked against their types', () => {
  it.each([
    [
      'an impossible date',
      `{ homes(filter: { from: "2025-02-30" }) }`,
      {},
      'filter.from',
      /YYYY-MM-DD/,
    ],
    [
      'a month 13 in a variable',
      `query($f: Filter) { homes(filter: $f) }`,
      { f: { from: '2025-13-01' } },
      'filter.from',
      /date/,
    ],
    // Not read as 1950 (JavaScript's Date reads the years 0 to 99 so), nor let through.
    [
      'a date of the year 50',
      `{ homes(filter: { from: "0050-01-01" }) }`,
      {},
      'filter.from',
      /2000-01-01 to 2100-12-31/,
    ],
    [
      'a date past 2100 in a variable',
      `query($f: Filter) { homes(filter: $f) }`,
      { f: { from: '2101-01-01' } },
      'filter.from',
      /2000-01-01 to 2100-12-31/,
    ],
    ['an id that is not a UUID', `{ home(id: "x") }`, {}, 'id', /UUID/],
    [
      'an id in upper case (another spelling of one id)',
      `{ home(id: "6F1C1C8E-7D0A-4E55-9A51-1F5B4A2F7D10") }`,
      {},
      'id',
      /lower case/,
    ],
    [
      'a NUL character',
      `query($f: Filter) { homes(filter: $f) }`,
      { f: { nameContains: '3207\u0000' } },
      'filter.nameContains',
      /NUL/,
    ],
    [
      'text over the limit',
      `query($f: Filter) { homes(filter: $f) }`,
      { f: { nameContains: 'x'.repeat(20_001) } },
      'filter.nameContains',
      /20000/,
    ],
    ['an emoji division code', `{ division(code: "3207😀") }`, {}, 'code', /division code/],
    [
      'a code prefix with letters',
      `{ homes(filter: { codePrefix: "32a" }) }`,
      {},
      'filter.codePrefix',
      /digits/,
    ],
    [
      'a date-time of words',
      `mutation($s: Step!) { record(input: $s) }`,
      { s: { sessionId: UUID, heldAt: 'yesterday' } },
      'input.heldAt',
      /ISO 8601/,
    ],
    [
      'a NUL in a list item',
      `mutation($s: Step!) { record(input: $s) }`,
      { s: { sessionId: UUID, tags: ['a', '\u0000'] } },
      'input.tags.1',
      /NUL/,
    ],
  ])(
    '%s: BAD_USER_INPUT at its path, the value not repeated',
    (_name, query, variables, field, expected) => {
      const refusal = fault(query, variables);
      expect(refusal).toMatchObject({
        code: 'BAD_USER_INPUT',
        field,
        message: expect.stringMatching(expected),
      });
      expect(refusal!.message).not.toMatch(/2025-02-30|3207😀|yesterday/);
    },
  );

  it('lets well-formed values through', () => {
    expect(
      fault(
        `{ homes(filter: { from: "2024-02-29", divisionCode: "320706001", codePrefix: "3207" }, first: 5) }`,
      ),
    ).toBeNull();
    expect(
      fault(`mutation($s: Step!) { record(input: $s) }`, {
        s: { sessionId: UUID, heldAt: '2026-03-14T09:30:00+08:00' },
      }),
    ).toBeNull();
  });

  it('refuses an instant to record outside the years 2000 to 2100, naming its path, not the value', () => {
    for (const heldAt of [
      '0000-01-01T00:00:00Z',
      '1999-12-31T15:59:59Z',
      '2101-01-01T00:00:00+08:00',
      '9999-12-31T23:59:59Z',
    ]) {
      const refusal = fault(`mutation($s: Step!) { record(input: $s) }`, {
        s: { sessionId: UUID, heldAt },
      });
      expect(refusal).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.heldAt' });
      expect(refusal!.message).not.toContain(heldAt.slice(0, 4));
    }
    expect(
      fault(
        `mutation { record(input: { sessionId: "${UUID}", heldAt: "2000-01-01T00:00:00+08:00" }) }`,
      ),
    ).toBeNull();
  });

  it('lets an instant that only filters a query lie anywhere: the list takes it as its bound', () => {
    expect(fault(`{ changes(updatedAfter: "0000-01-01T00:00:00Z") }`)).toBeNull();
  });

  it('tells which entity keys can name a record', () => {
    expect(referenceKeyIsWellFormed({ __typename: 'Home', id: UUID })).toBe(true);
    expect(referenceKeyIsWellFormed({ __typename: 'Home', id: 'not-a-uuid' })).toBe(false);
    expect(referenceKeyIsWellFormed({ __typename: 'Division', code: '320706' })).toBe(true);
    expect(referenceKeyIsWellFormed({ __typename: 'Division', code: '3207\u0000' })).toBe(false);
    expect(referenceKeyIsWellFormed({ __typename: 'Home', id: 7 })).toBe(false);
  });
});
