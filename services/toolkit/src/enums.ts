import { registerEnumType } from 'type-graphql';

/** The values of an enum declared with `describedEnum`: `EnumValue<typeof SessionKind>`. */
export type EnumValue<Enum> = Enum[keyof Enum];

/**
 * A GraphQL enum declared once: its name, its description, and each value with its description,
 * in the order the schema lists them. Registered with type-graphql (`registerEnumType`, every
 * value described through `valuesConfig`), and returned as a frozen object whose keys are the
 * values themselves, so code reads as with a TypeScript string enum (`SessionKind.FORUM ===
 * 'FORUM'`); declare its type beside it: `export type SessionKind = EnumValue<typeof SessionKind>`.
 */
export function describedEnum<const Values extends Record<string, string>>(
  name: string,
  description: string,
  values: Values,
): { readonly [Value in keyof Values & string]: Value } {
  const keys = Object.keys(values);
  const enumObject = Object.freeze(Object.fromEntries(keys.map((key) => [key, key])));
  registerEnumType(enumObject, {
    name,
    description,
    valuesConfig: Object.fromEntries(keys.map((key) => [key, { description: values[key] }])),
  });
  return enumObject as { readonly [Value in keyof Values & string]: Value };
}
