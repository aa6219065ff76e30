import { GraphQLError } from 'graphql';
import {
  BadUserInputError,
  ConflictError,
  InvalidTransitionError,
  NotFoundError,
  fieldOfCoercionError,
  fieldPath,
  maskError,
  withoutValues,
} from './errors';

const format = (error: GraphQLError) => maskError(error.toJSON(), error);

describe('errors as clients see them', () => {
  it('keep the code and the field at fault of a rule the input broke', () => {
    expect(format(new BadUserInputError('name must not be empty.', 'input.name'))).toMatchObject({
      message: 'name must not be empty.',
      extensions: { code: 'BAD_USER_INPUT', field: 'input.name' },
    });
  });

  it('name the current state of a refused workflow step and the current version of a stale edit', () => {
    expect(format(new InvalidTransitionError('Proposal', 'REPLIED', 'assign')).extensions).toEqual({
      code: 'INVALID_TRANSITION',
      currentState: 'REPLIED',
    });
    expect(format(new ConflictError('Home', 3, 4)).extensions).toEqual({
      code: 'CONFLICT',
      currentVersion: 4,
    });
  });

  it('say which kind of record is absent and where it was named, never the id asked for', () => {
    expect(format(new NotFoundError('Proposal', { field: 'input.proposalId' }))).toEqual({
      message: 'There is no Proposal with this id.',
      extensions: { code: 'NOT_FOUND', field: 'input.proposalId' },
    });
    expect(format(new NotFoundError('Home')).extensions).toEqual({ code: 'NOT_FOUND' });
  });

  it('name a list item by its index as a segment of the path, in one form everywhere', () => {
    expect(fieldPath('input.departmentIds', 1)).toBe('input.departmentIds.1');
    expect(fieldPath('input', 'items', 0, 'title')).toBe('input.items.0.title');
    // A path written with brackets is read into the same form.
    expect(new BadUserInputError('This is not an id.', 'input.demandIds[0]').extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.demandIds.0',
    });
    const list =
      'Variable "$input" got invalid value "x" at "input.tags[1]"; String cannot represent a non string value: 7';
    expect(format(new GraphQLError(list, { extensions: { code: 'BAD_USER_INPUT' } }))).toEqual({
      message: 'input.tags.1 is not a valid value of its type.',
      extensions: { code: 'BAD_USER_INPUT', field: 'input.tags.1' },
    });
  });

  it('hide everything of an unexpected failure: message, stack, SQL', () => {
    const internal = new GraphQLError(
      'select * from home where … - connection to 10.0.0.5 refused',
      {
        extensions: { stacktrace: ['at Pool.connect'] },
      },
    );
    expect(format(internal)).toEqual({
      message: 'Internal server error',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it('name the input path of a variable that does not fit its type', () => {
    const message =
      'Variable "$input" got invalid value "2023-02-30" at "input.establishedOn"; Expected type "Date".';
    expect(fieldOfCoercionError(message)).toBe('input.establishedOn');
    expect(format(new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } }))).toEqual({
      message: 'input.establishedOn is not a valid value of its type: expected Date.',
      extensions: { code: 'BAD_USER_INPUT', field: 'input.establishedOn' },
    });
    const int =
      'Variable "$a0" got invalid value "13812345678"; Int cannot represent non-integer value: "13812345678"';
    expect(format(new GraphQLError(int, { extensions: { code: 'BAD_USER_INPUT' } }))).toEqual({
      message: 'a0 is not a valid value of its type.',
      extensions: { code: 'BAD_USER_INPUT', field: 'a0' },
    });
  });
});

describe('a variable whose input object does not fit its type', () => {
  const refused = (message: string) =>
    format(new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } }));

  it('names a field the type does not define, never the value sent', () => {
    expect(
      refused(
        'Variable "$input" got invalid value { proposalId: "13800138000", version: 2 }; Field "version" is not defined by type "ProposalStepInput".',
      ),
    ).toEqual({
      message: 'input.version is not a field of ProposalStepInput.',
      extensions: { code: 'BAD_USER_INPUT', field: 'input.version' },
    });
    expect(
      refused(
        'Variable "$input" got invalid value { c: 1, d: "张三" } at "input.items[0]"; Field "d" is not defined by type "Item". Did you mean "c"?',
      ),
    ).toEqual({
      message: 'input.items.0.d is not a field of Item.',
      extensions: { code: 'BAD_USER_INPUT', field: 'input.items.0.d' },
    });
  });

  it('names a required field left out', () => {
    expect(
      refused(
        'Variable "$input" got invalid value {}; Field "proposalId" of required type "ID!" was not provided.',
      ),
    ).toEqual({
      message: 'input.proposalId is required (ID!) and was not given.',
      extensions: { code: 'BAD_USER_INPUT', field: 'input.proposalId' },
    });
  });

  it('says which type a null was refused for', () => {
    expect(
      refused(
        'Variable "$input" got invalid value null at "input.reason"; Expected non-nullable type "String!" not to be null.',
      ).message,
    ).toBe('input.reason is not a valid value of its type: expected String!.');
  });

  it('does not take a key that is no GraphQL name for a field', () => {
    const message =
      'Variable "$input" got invalid value { "138 0013 8000": 1 }; Field "138 0013 8000" is not defined by type "X".';
    expect(refused(message)).toEqual({
      message: 'input is not a valid value of its type.',
      extensions: { code: 'BAD_USER_INPUT', field: 'input' },
    });
  });
});

describe("graphql-js's refusals of a literal", () => {
  it.each([
    [
      'String cannot represent a non string value: 13800002222',
      'String cannot represent a non string value.',
    ],
    ['Int cannot represent non-integer value: "2026"', 'Int cannot represent non-integer value.'],
    [
      'Int cannot represent non 32-bit signed integer value: 99999999999',
      'Int cannot represent non 32-bit signed integer value.',
    ],
    [
      'Enum "Kind" cannot represent non-enum value: 13800002222.',
      'Enum "Kind" cannot represent non-enum value.',
    ],
    [
      'Value "X13800002222" does not exist in "Kind" enum.',
      'The value does not exist in "Kind" enum.',
    ],
    [
      'DateTime cannot represent an invalid date-time-string 2026-13-01T00:00:00Z.',
      'DateTime cannot represent an invalid date-time-string.',
    ],
    [
      'DateTime cannot represent non string or Date type 13800002222',
      'DateTime cannot represent non string or Date type.',
    ],
    ['Value is not a valid LocalDate: 13800002222', 'Value is not a valid LocalDate.'],
    ['Expected value of type "O", found "张三 13800002222".', 'Expected value of type "O".'],
    [
      'Expected value of type "Int", found "x"; Int cannot represent non-integer value: "x"',
      'Expected value of type "Int".',
    ],
  ])('say what was expected, not the value: %s', (message, expected) => {
    expect(withoutValues(message)).toBe(expected);
    const masked = maskError(
      {
        message,
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
        locations: [{ line: 1, column: 9 }],
      },
      undefined,
    );
    expect(masked.message).toBe(expected);
    expect(masked.locations).toEqual([{ line: 1, column: 9 }]);
  });

  it('keep messages that hold no value', () => {
    for (const message of [
      'Cannot query field "phone" on type "Member".',
      'Field "y" is not defined by type "O". Did you mean "x"?',
    ]) {
      expect(withoutValues(message)).toBe(message);
    }
  });
});
