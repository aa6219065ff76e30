import {
  Kind,
  visit,
  type ConstDirectiveNode,
  type DirectiveNode,
  type DocumentNode,
  type FieldDefinitionNode,
  type InputValueDefinitionNode,
  type TypeNode,
} from 'graphql';
import { Directive } from 'type-graphql';
import { STAFF_SURFACES, SURFACES, type OutsideSurface, type Surface } from '@cppcc/contract';

/*
 * The surfaces themselves (`SURFACES`, `SURFACE_LEVELS`, `STAFF_SURFACES`) are data the gateway
 * reads too: they live in @cppcc/contract, which loads no type-graphql. Here are the decorators
 * that place a subgraph's fields on them.
 */

/** The inclusion tag of a surface: its contract holds exactly the elements tagged with it. */
export function surfaceTag(surface: Surface): string {
  return surface;
}

/*
 * How a subgraph author says where a field is offered. The decorators leave marks in the SDL
 * type-graphql prints; `offerBySurfaces` reads them once, when the subgraph schema is built, and
 * writes the inclusion tags (`@tag(name: "<surface>")`) the contracts are composed from:
 *
 * - a field with no mark is on the type's default surfaces: the staff surfaces, or those the
 *   type names with `@OnSurfaces` on its class (staff surfaces only);
 * - `@OnSurfaces(...)` on a field offers it on exactly those surfaces, `department` and `public`
 *   included when named;
 * - `@HiddenOn(...)` on a field takes those surfaces off the type's default;
 * - `@FieldsOn('department' | 'public', [...])` on a class names the fields of that type (in this
 *   subgraph) that are also offered there: nothing reaches those two surfaces unless named;
 * - `@OnSurfacesOfItsNodes()` on a class (connections and edges, which hold no data of their
 *   own) offers its fields wherever the type they wrap offers a field.
 *
 * Arguments go where their field goes; enums, input types and scalars on every surface (a
 * contract holds them only when an offered field or argument uses them); a union where all its
 * members are.
 */
const DEFAULT_MARK = 'surfaceDefault';
const HIDDEN_MARK = 'hiddenOn';
const FIELDS_ON_MARK = 'fieldsOn';
const WRAPPER_MARK = 'onSurfacesOfItsNodes';
const TAG = 'tag';

type AnyDecorator = MethodDecorator & PropertyDecorator & ClassDecorator;

function directives(...sdl: string[]): AnyDecorator {
  const decorators = sdl.map((text) => Directive(text));
  return ((target: object, key?: string | symbol, descriptor?: PropertyDescriptor) => {
    for (const decorate of decorators)
      (decorate as (...args: unknown[]) => void)(target, key, descriptor);
  }) as AnyDecorator;
}

const list = (values: readonly string[]) => `[${values.map((v) => JSON.stringify(v)).join(', ')}]`;

/**
 * On a field: offers it on exactly these surfaces. On a type (class): the default surfaces of its
 * fields in this subgraph, staff surfaces only (name `department` and `public` fields with
 * `@FieldsOn`, so that a field added later does not reach them unseen).
 */
export function OnSurfaces(...surfaces: Surface[]): AnyDecorator {
  const onField = directives(
    ...surfaces.map((surface) => `@${TAG}(name: "${surfaceTag(surface)}")`),
  );
  const onType = directives(`@${DEFAULT_MARK}(surfaces: ${list(surfaces)})`);
  return ((target: object, key?: string | symbol, descriptor?: PropertyDescriptor) => {
    if (key !== undefined) return onField(target, key, descriptor!);
    const outside = surfaces.filter(
      (surface) => !(STAFF_SURFACES as readonly string[]).includes(surface),
    );
    if (outside.length)
      throw new Error(
        `@OnSurfaces on the class ${(target as { name?: string }).name} names ${outside.join(', ')}: a type's default is staff surfaces only; name its ${outside.join(' and ')} fields with @FieldsOn`,
      );
    return onType(target as Parameters<ClassDecorator>[0]);
  }) as AnyDecorator;
}

/** On a field: offers it on its type's default surfaces less these (e.g. not on `home`). */
export function HiddenOn(...surfaces: Surface[]): AnyDecorator {
  return directives(`@${HIDDEN_MARK}(surfaces: ${list(surfaces)})`);
}

/**
 * On a type (class): these of its fields in this subgraph are also offered on `department` or
 * `public` (or both), beside the type's default surfaces. A name the type does not have fails the build.
 */
export function FieldsOn(
  surfaces: OutsideSurface | readonly OutsideSurface[],
  fields: readonly string[],
): ClassDecorator {
  const named = typeof surfaces === 'string' ? [surfaces] : surfaces;
  return directives(`@${FIELDS_ON_MARK}(surface: ${list(named)}, fields: ${list(fields)})`);
}

/**
 * On a type (class) that only wraps others, as connections and edges do: its fields are offered
 * on every surface where each wrapped type (the object types of its fields, in this subgraph)
 * offers at least one field.
 */
export function OnSurfacesOfItsNodes(): ClassDecorator {
  return directives(`@${WRAPPER_MARK}`);
}

function stringArgument(directive: ConstDirectiveNode, name: string): string[] {
  const argument = directive.arguments?.find((candidate) => candidate.name.value === name);
  if (!argument) return [];
  const value = argument.value;
  if (value.kind === Kind.STRING) return [value.value];
  if (value.kind === Kind.LIST)
    return value.values.flatMap((item) => (item.kind === Kind.STRING ? [item.value] : []));
  return [];
}

const isMark = (directive: ConstDirectiveNode) =>
  [DEFAULT_MARK, HIDDEN_MARK, FIELDS_ON_MARK, WRAPPER_MARK].includes(directive.name.value);

function tagNames(directives: readonly ConstDirectiveNode[] | undefined): string[] {
  return (directives ?? [])
    .filter((directive) => directive.name.value === TAG)
    .flatMap((directive) => stringArgument(directive, 'name'));
}

function tagDirectives(surfaces: readonly Surface[]): ConstDirectiveNode[] {
  return SURFACES.filter((surface) => surfaces.includes(surface)).map((surface) => ({
    kind: Kind.DIRECTIVE,
    name: { kind: Kind.NAME, value: TAG },
    arguments: [
      {
        kind: Kind.ARGUMENT,
        name: { kind: Kind.NAME, value: 'name' },
        value: { kind: Kind.STRING, value: surfaceTag(surface) },
      },
    ],
  }));
}

const withoutTagsAndMarks = (directives: readonly ConstDirectiveNode[] | undefined) =>
  (directives ?? []).filter((directive) => directive.name.value !== TAG && !isMark(directive));

function asSurfaces(names: string[], where: string): Surface[] {
  for (const name of names)
    if (!(SURFACES as readonly string[]).includes(name))
      throw new Error(
        `${where} is tagged "${name}", which is not a surface (${SURFACES.join(', ')})`,
      );
  return names as Surface[];
}

interface ObjectLike {
  readonly name: { readonly value: string };
  readonly directives?: readonly ConstDirectiveNode[];
  readonly fields?: readonly FieldDefinitionNode[];
}

function offerFields<T extends ObjectLike>(node: T): T {
  const typeName = node.name.value;
  const marks = node.directives ?? [];
  const defaults = marks.find((directive) => directive.name.value === DEFAULT_MARK);
  const typeDefault: Surface[] = defaults
    ? asSurfaces(stringArgument(defaults, 'surfaces'), typeName)
    : [...STAFF_SURFACES];
  const named = new Map<string, Surface[]>();
  for (const mark of marks.filter((directive) => directive.name.value === FIELDS_ON_MARK)) {
    const surfaces = asSurfaces(stringArgument(mark, 'surface'), `@FieldsOn on ${typeName}`);
    for (const field of stringArgument(mark, 'fields')) {
      if (!node.fields?.some((candidate) => candidate.name.value === field))
        throw new Error(
          `@FieldsOn("${surfaces.join('", "')}") names ${typeName}.${field}, which this subgraph does not define`,
        );
      named.set(field, [...(named.get(field) ?? []), ...surfaces]);
    }
  }
  const fields = node.fields?.map((field) => {
    const where = `${typeName}.${field.name.value}`;
    const explicit = asSurfaces(tagNames(field.directives), where);
    const hidden = (field.directives ?? [])
      .filter((directive) => directive.name.value === HIDDEN_MARK)
      .flatMap((directive) => asSurfaces(stringArgument(directive, 'surfaces'), where));
    const also = named.get(field.name.value) ?? [];
    if (explicit.length && (hidden.length || also.length))
      throw new Error(
        `${where} is given its surfaces by @OnSurfaces and also by @HiddenOn or @FieldsOn: say it once`,
      );
    const contradicted = also.filter((surface) => hidden.includes(surface));
    if (contradicted.length)
      throw new Error(
        `${where} is hidden on ${contradicted.join(', ')} by @HiddenOn and named there by @FieldsOn`,
      );
    const surfaces = explicit.length
      ? explicit
      : [...typeDefault.filter((surface) => !hidden.includes(surface)), ...also];
    const tags = tagDirectives(surfaces);
    // An argument goes wherever its field goes: tagged for every surface, it is left to the field.
    const offerArgument = (argument: InputValueDefinitionNode): InputValueDefinitionNode => ({
      ...argument,
      directives: [...withoutTagsAndMarks(argument.directives), ...tagDirectives(SURFACES)],
    });
    return {
      ...field,
      arguments: field.arguments?.map(offerArgument),
      directives: [...withoutTagsAndMarks(field.directives), ...tags],
    };
  });
  return { ...node, fields, directives: withoutTagsAndMarks(node.directives) };
}

function offerEverywhere<T extends { readonly directives?: readonly ConstDirectiveNode[] }>(
  node: T,
): T {
  return {
    ...node,
    directives: [...withoutTagsAndMarks(node.directives), ...tagDirectives(SURFACES)],
  };
}

/**
 * Turns the surface marks of a subgraph's SDL into inclusion tags: every field tagged with the
 * surfaces it is offered on (as the rules above say), its arguments with it, and every enum,
 * input type, scalar and union tagged with all surfaces. Throws on a mark that names no surface
 * or a field the type does not define.
 */
export function offerBySurfaces(document: DocumentNode): DocumentNode {
  const offered = visit(document, {
    ObjectTypeDefinition: offerFields,
    ObjectTypeExtension: offerFields,
    InterfaceTypeDefinition: offerFields,
    InterfaceTypeExtension: offerFields,
    EnumTypeDefinition: offerEverywhere,
    EnumTypeExtension: offerEverywhere,
    InputObjectTypeDefinition: offerEverywhere,
    InputObjectTypeExtension: offerEverywhere,
    ScalarTypeDefinition: offerEverywhere,
  }) as DocumentNode;
  return offerWrappers(document, offered);
}

function namedType(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type);
}

/**
 * Gives the fields of every `@OnSurfacesOfItsNodes` type the surfaces of what it wraps, and every
 * union the surfaces on which all its members (in this subgraph) offer a field.
 */
function offerWrappers(marked: DocumentNode, offered: DocumentNode): DocumentNode {
  const wrappers = new Set(
    marked.definitions.flatMap((definition) =>
      definition.kind === Kind.OBJECT_TYPE_DEFINITION &&
      definition.directives?.some((directive) => directive.name.value === WRAPPER_MARK)
        ? [definition.name.value]
        : [],
    ),
  );
  const objects = new Map(
    offered.definitions.flatMap((definition) =>
      definition.kind === Kind.OBJECT_TYPE_DEFINITION
        ? [[definition.name.value, definition] as const]
        : [],
    ),
  );
  const surfacesOfType = (name: string, seen: Set<string>): Surface[] => {
    const type = objects.get(name);
    if (!type || seen.has(name)) return [];
    if (!wrappers.has(name))
      return SURFACES.filter((surface) =>
        type.fields?.some((field) => surfacesOfTags(field.directives).includes(surface)),
      );
    const wrapped = (type.fields ?? [])
      .filter((field) => objects.has(namedType(field.type)))
      .map((field) => surfacesOfType(namedType(field.type), new Set([...seen, name])));
    return SURFACES.filter((surface) => wrapped.every((surfaces) => surfaces.includes(surface)));
  };
  return visit(offered, {
    UnionTypeDefinition(node) {
      const members = (node.types ?? []).filter((member) => objects.has(member.name.value));
      const surfaces = SURFACES.filter((surface) =>
        members.every((member) => surfacesOfType(member.name.value, new Set()).includes(surface)),
      );
      return {
        ...node,
        directives: [...withoutTagsAndMarks(node.directives), ...tagDirectives(surfaces)],
      };
    },
    ObjectTypeDefinition(node) {
      if (!wrappers.has(node.name.value)) return undefined;
      const tags = tagDirectives(surfacesOfType(node.name.value, new Set()));
      return {
        ...node,
        fields: node.fields?.map((field) => ({
          ...field,
          directives: [...withoutTagsAndMarks(field.directives), ...tags],
        })),
      };
    },
  }) as DocumentNode;
}

/** The surfaces an element is offered on, read from its inclusion tags. */
export function surfacesOfTags(directives: readonly DirectiveNode[] | undefined): Surface[] {
  // A tag's name is a string literal, never a variable: the directives are constant in SDL.
  const tags = tagNames(directives as readonly ConstDirectiveNode[] | undefined);
  return SURFACES.filter((surface) => tags.includes(surfaceTag(surface)));
}

/**
 * Every field that carries personal data, as `Type.field`: offered on staff surfaces only (and
 * masked there unless the caller's role needs it), never on `department` or `public`. A test
 * checks each against the contracts; add a field here when you add one that holds a person's
 * name, phone, ID number, address or contact.
 */
export const PERSONAL_DATA_FIELDS: readonly string[] = [
  'Member.phone',
  'Participant.name',
  'Participant.phone',
  'Participant.idNumber',
  'Demand.residentName',
  'Demand.residentContact',
  'PetitionCase.petitioners',
];

/**
 * Field names that look like personal data: on `department` or `public` such a field fails the
 * same test unless it is shown not to be (e.g. a department's office phone would be named for it).
 */
export const PERSONAL_DATA_NAMES = /phone|idNumber|address|contact|residentName|petitioner|birth/i;

/** The surfaces on which no personal data is offered. */
export const SURFACES_WITHOUT_PERSONAL_DATA: readonly Surface[] = ['department', 'public'];
