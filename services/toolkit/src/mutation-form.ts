import { BadUserInputError } from '@cppcc/contract';
import { Arg, Field, ID, InputType, Int } from 'type-graphql';
import { capitalized } from './workflow';

/**
 * The options of an argument that a mutation's `input` now carries: optional, deprecated in favour
 * of `verbNoun(input:)`, and described as the input field it stands for.
 */
export function deprecatedArg(
  mutation: string,
  field: string,
): { nullable: true; deprecationReason: string; description: string } {
  return {
    nullable: true,
    deprecationReason: `Use ${mutation}(input:)`,
    description: `The older form of \`input.${field}\`; give one or the other.`,
  };
}

/**
 * A mutation's arguments in its one form, `verbNoun(input: VerbNounInput!)`, from either that form
 * or the older one it still accepts (the same values as deprecated arguments beside or instead of
 * `input`), so old clients keep working while new ones see one shape. A value given both ways, or
 * a required value given neither way, is BAD_USER_INPUT naming `input.<field>`.
 */
export function inputOrDeprecatedArgs<T extends object>(
  input: Partial<T> | null | undefined,
  deprecated: Partial<T>,
  required: ReadonlyArray<keyof T & string>,
): T {
  const merged: Partial<T> = { ...(input ?? {}) };
  for (const key of Object.keys(deprecated) as Array<keyof T & string>) {
    const value = deprecated[key];
    if (value == null) continue;
    if (merged[key] != null) {
      throw new BadUserInputError(
        `Give ${key} in input or as the deprecated argument, not both.`,
        `input.${key}`,
      );
    }
    merged[key] = value;
  }
  for (const key of required) {
    if (merged[key] == null)
      throw new BadUserInputError(`input.${key} is required.`, `input.${key}`);
  }
  return merged as T;
}

/** How a workflow step fails, said once for every step's input type. */
export const STEP_ERRORS =
  'A step fails, writing nothing, with NOT_FOUND when the record is absent or outside your jurisdiction, CONFLICT when `expectedVersion` is stale, INVALID_TRANSITION (with `currentState`) when the step is not allowed from where the record stands, FORBIDDEN when your role may not take it, and BAD_USER_INPUT (with `field`) for a value that breaks a rule.';

/**
 * The base of the input of every change to a record, a step (`<Noun>StepInput`) or an edit: the
 * version the caller last saw (`checkVersion`). The input adds the field naming its record
 * (`proposalId`) and the change's own values.
 */
@InputType({ description: 'Not a type of the schema: the base of the input types that extend it.' })
export abstract class ChangeInput {
  @Field(() => Int, {
    nullable: true,
    description:
      'The `version` you last saw; when given, the change fails with CONFLICT if the record changed since.',
  })
  expectedVersion?: number | null;
}

/** What each `stepInputType` names, for its argument's description. */
const STEP_INPUT_RECORD = new WeakMap<object, string>();

/**
 * The input type of a workflow's steps, `<Noun>StepInput`: the field naming the record and
 * `expectedVersion`, described once with how a step fails (`STEP_ERRORS`). The record's naming
 * comes from its workflow (`defineWorkflow`'s `idField` and `what`), so the input's field is the
 * one NOT_FOUND names: `export const DemandStepInput = stepInputType('DemandStepInput', DEMAND_WORKFLOW);`
 */
export function stepInputType<Key extends string>(
  name: string,
  record: { readonly idField: Key; readonly what: string },
): new () => ChangeInput & Record<Key, string> {
  const Type = class extends ChangeInput {};
  Object.defineProperty(Type, 'name', { value: name });
  const What = capitalized(record.what);
  STEP_INPUT_RECORD.set(Type, What);
  Field(() => ID, { description: `${What}.` })(Type.prototype, record.idField);
  InputType(name, {
    description: `${What} a step applies to, and the version the caller last saw. ${STEP_ERRORS}`,
  })(Type);
  return Type as unknown as new () => ChangeInput & Record<Key, string>;
}

/**
 * The `input` argument of a step's mutation, described once:
 * `closeDemand(@StepInputArg(DemandStepInput) input: DemandStepInput, …)`.
 */
export function StepInputArg(type: new () => ChangeInput): ReturnType<typeof Arg> {
  const what = STEP_INPUT_RECORD.get(type);
  if (!what) throw new Error(`${type.name} is not made by stepInputType`);
  return Arg('input', () => type, {
    description: `${what} and, optionally, the version you last saw.`,
  });
}

/**
 * The base of the input of a mutation that creates a record (`draftProposal`, `raiseDemand`, …):
 * the caller's key that makes a repeated call return the first record, and refuses the key reused
 * with another input (`idempotencyOf`, `createOnce`).
 */
@InputType({ description: 'Not a type of the schema: the base of the input types that extend it.' })
export abstract class CreateInput {
  @Field(() => String, {
    nullable: true,
    description:
      'A key you choose, 8 to 128 characters: the same key twice (from you) with the same input gives the same record, created once; the same key with another input (any field but this one, in any order) is refused with BAD_USER_INPUT on `input.idempotencyKey` and writes nothing: use a new key for a new record.',
  })
  idempotencyKey?: string | null;
}

/**
 * Runs a mutation's service call so that, when the caller used the `input` form, a
 * BAD_USER_INPUT names the field where the caller put it (`input.items.0.title`, not
 * `items.0.title`): services name the older arguments' paths, which the deprecated form still
 * uses as they are.
 */
export async function withInputPaths<T>(usedInput: boolean, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!usedInput || !(error instanceof BadUserInputError)) throw error;
    if (error.field === 'input' || error.field.startsWith('input.')) throw error;
    throw new BadUserInputError(error.message, `input.${error.field}`);
  }
}
