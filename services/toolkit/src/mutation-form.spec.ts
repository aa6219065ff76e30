import { BadUserInputError } from '@cppcc/contract';
import { printSchema } from 'graphql';
import { Mutation, Query, Resolver, buildSchema } from 'type-graphql';
import {
  ChangeInput,
  StepInputArg,
  deprecatedArg,
  inputOrDeprecatedArgs,
  stepInputType,
  withInputPaths,
} from './mutation-form';

interface MarkPilot {
  homeId: string;
  cohortYear: number | null;
  note?: string | null;
}

function fieldOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof BadUserInputError) return error.field;
    throw error;
  }
  return undefined;
}

describe('a mutation in its one form or its deprecated one', () => {
  it('takes the values from input', () => {
    expect(
      inputOrDeprecatedArgs<MarkPilot>({ homeId: 'h', cohortYear: 2020 }, {}, [
        'homeId',
        'cohortYear',
      ]),
    ).toEqual({ homeId: 'h', cohortYear: 2020 });
  });

  it('takes them from the deprecated arguments when input is left out', () => {
    expect(
      inputOrDeprecatedArgs<MarkPilot>(null, { homeId: 'h', cohortYear: 2020, note: null }, [
        'homeId',
        'cohortYear',
      ]),
    ).toEqual({ homeId: 'h', cohortYear: 2020 });
  });

  it('merges an input with a deprecated argument beside it (updateHome(id:, input:))', () => {
    expect(
      inputOrDeprecatedArgs<MarkPilot>({ cohortYear: 2020 }, { homeId: 'h' }, [
        'homeId',
        'cohortYear',
      ]),
    ).toEqual({ homeId: 'h', cohortYear: 2020 });
  });

  it('refuses a value given both ways, naming the input field', () => {
    expect(
      fieldOf(() =>
        inputOrDeprecatedArgs<MarkPilot>({ homeId: 'a', cohortYear: 2020 }, { homeId: 'b' }, [
          'homeId',
        ]),
      ),
    ).toBe('input.homeId');
  });

  it('refuses a required value given neither way, naming the input field', () => {
    expect(
      fieldOf(() =>
        inputOrDeprecatedArgs<MarkPilot>({ homeId: 'h' }, { cohortYear: null }, [
          'homeId',
          'cohortYear',
        ]),
      ),
    ).toBe('input.cohortYear');
  });

  it('describes a deprecated argument as the input field it stands for', () => {
    expect(deprecatedArg('markHomeAsPilot', 'homeId')).toEqual({
      nullable: true,
      deprecationReason: 'Use markHomeAsPilot(input:)',
      description: 'The older form of `input.homeId`; give one or the other.',
    });
  });
});

describe('the errors of a mutation called in its input form', () => {
  const failing = (field: string) => () =>
    Promise.reject(new BadUserInputError('Not a title.', field));

  it('name the field under input when the caller used input', async () => {
    await expect(withInputPaths(true, failing('items.0.title'))).rejects.toMatchObject({
      field: 'input.items.0.title',
      extensions: { code: 'BAD_USER_INPUT', field: 'input.items.0.title' },
    });
  });

  it('keep the path as it is for the deprecated form, or when it already starts at input', async () => {
    await expect(withInputPaths(false, failing('items.0.title'))).rejects.toMatchObject({
      field: 'items.0.title',
    });
    await expect(withInputPaths(true, failing('input.name'))).rejects.toMatchObject({
      field: 'input.name',
    });
  });

  it('pass other errors and results through', async () => {
    await expect(withInputPaths(true, () => Promise.resolve(7))).resolves.toBe(7);
    await expect(withInputPaths(true, () => Promise.reject(new Error('boom')))).rejects.toThrow(
      'boom',
    );
  });
});

describe('the input of a step, declared once', () => {
  const ThingStepInput = stepInputType('ThingStepInput', { idField: 'thingId', what: 'the thing' });

  @Resolver()
  class ThingResolver {
    @Query(() => String, { description: 'Always ok.' })
    ok(): string {
      return 'ok';
    }

    @Mutation(() => String, { description: 'Takes a step.' })
    stepThing(@StepInputArg(ThingStepInput) input: InstanceType<typeof ThingStepInput>): string {
      return input.thingId;
    }
  }

  it('names the record and the version the caller last saw, each described', async () => {
    const printed = printSchema(await buildSchema({ resolvers: [ThingResolver], validate: false }));
    expect(printed).toContain('"""The thing and, optionally, the version you last saw."""');
    expect(printed).toContain('input: ThingStepInput!');
    expect(printed).toMatch(/"""The thing\."""\n {2}thingId: ID!/);
    expect(printed).toMatch(/expectedVersion: Int\n/);
    expect(printed).toContain('The thing a step applies to, and the version the caller last saw.');
  });

  it('refuses, where the resolver is declared, an input type stepInputType did not make', () => {
    class Other extends ChangeInput {}
    expect(() => StepInputArg(Other)).toThrow('Other is not made by stepInputType');
  });
});
