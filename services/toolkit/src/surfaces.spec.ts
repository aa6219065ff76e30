import 'reflect-metadata';
import { parse, print, type DocumentNode } from 'graphql';
import { Field, ObjectType, Query, Resolver, buildSchema } from 'type-graphql';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { FieldsOn, HiddenOn, OnSurfaces, offerBySurfaces, surfacesOfTags } from './surfaces';
import type { Surface } from '@cppcc/contract';

/** The surfaces each `Type.field` (and `Type.field(arg)`) is tagged with, and each other type. */
function offers(document: DocumentNode): Record<string, Surface[]> {
  const result: Record<string, Surface[]> = {};
  for (const definition of document.definitions) {
    if (!('name' in definition) || !definition.name) continue;
    const type = definition.name.value;
    if ('fields' in definition && definition.kind.startsWith('Object')) {
      for (const field of definition.fields ?? []) {
        result[`${type}.${field.name.value}`] = surfacesOfTags(field.directives);
        for (const argument of 'arguments' in field ? (field.arguments ?? []) : [])
          result[`${type}.${field.name.value}(${argument.name.value})`] = surfacesOfTags(
            argument.directives,
          );
      }
    } else if ('directives' in definition) {
      result[type] = surfacesOfTags(definition.directives);
    }
  }
  return result;
}

const offer = (sdl: string) => offers(offerBySurfaces(parse(sdl)));
const ALL: Surface[] = ['city', 'county', 'home', 'department', 'public'];

describe('offering fields by inclusion', () => {
  it('offers a field that says nothing on the staff surfaces only, never on department or public', () => {
    expect(
      offer('type Query { homes(first: Int): [Home] } type Home { id: ID! phone: String }'),
    ).toEqual({
      'Query.homes': ['city', 'county', 'home'],
      'Query.homes(first)': ALL,
      'Home.id': ['city', 'county', 'home'],
      'Home.phone': ['city', 'county', 'home'],
    });
  });

  it('offers a field named by @FieldsOn on department or public beside its type’s default, and nothing else there', () => {
    expect(
      offer(`type Home @surfaceDefault(surfaces: ["city", "county"])
        @fieldsOn(surface: "public", fields: ["name"]) @fieldsOn(surface: "department", fields: ["name", "id"]) {
          id: ID! name: String! leaderPhone: String note: String @hiddenOn(surfaces: ["county"])
          audit: String @tag(name: "city")
        }`),
    ).toEqual({
      'Home.id': ['city', 'county', 'department'],
      'Home.name': ['city', 'county', 'department', 'public'],
      'Home.leaderPhone': ['city', 'county'],
      'Home.note': ['city'],
      'Home.audit': ['city'],
    });
  });

  it('offers enums, inputs and scalars everywhere, and a union where all its members are', () => {
    expect(
      offer(`enum Kind { A } input Filter { kind: Kind } scalar Date
        type A @fieldsOn(surface: "public", fields: ["id"]) { id: ID! }
        type B { id: ID! }
        union AB = A | B  union OnlyA = A`),
    ).toMatchObject({
      Kind: ALL,
      Filter: ALL,
      Date: ALL,
      AB: ['city', 'county', 'home'],
      OnlyA: ['city', 'county', 'home', 'public'],
    });
  });

  it('offers connections and edges where their nodes are', () => {
    expect(
      offer(`type Home @fieldsOn(surface: "public", fields: ["id"]) { id: ID! }
        type Member { id: ID! }
        type PageInfo @fieldsOn(surface: "public", fields: ["hasNextPage"]) @fieldsOn(surface: "department", fields: ["hasNextPage"]) { hasNextPage: Boolean! }
        type HomeEdge @onSurfacesOfItsNodes { cursor: String! node: Home! }
        type HomeConnection @onSurfacesOfItsNodes { edges: [HomeEdge!]! pageInfo: PageInfo! totalCount: Int! }
        type MemberEdge @onSurfacesOfItsNodes { cursor: String! node: Member! }`),
    ).toMatchObject({
      'HomeEdge.cursor': ['city', 'county', 'home', 'public'],
      'HomeConnection.totalCount': ['city', 'county', 'home', 'public'],
      'MemberEdge.node': ['city', 'county', 'home'],
    });
  });

  it('refuses a mark that names a field the type lacks, or one field given its surfaces twice', () => {
    expect(() =>
      offerBySurfaces(
        parse('type Home @fieldsOn(surface: "public", fields: ["nmae"]) { name: String }'),
      ),
    ).toThrow('@FieldsOn("public") names Home.nmae, which this subgraph does not define');
    expect(() =>
      offerBySurfaces(
        parse(
          'type Home @fieldsOn(surface: "public", fields: ["name"]) { name: String @tag(name: "city") }',
        ),
      ),
    ).toThrow('Home.name is given its surfaces by @OnSurfaces and also by @HiddenOn or @FieldsOn');
    expect(() =>
      offerBySurfaces(
        parse(
          'type Home @fieldsOn(surface: "public", fields: ["name"]) { name: String @hiddenOn(surfaces: ["public"]) }',
        ),
      ),
    ).toThrow('Home.name is hidden on public by @HiddenOn and named there by @FieldsOn');
    expect(() =>
      offerBySurfaces(parse('type Home { name: String @tag(name: "everyone") }')),
    ).toThrow('Home.name is tagged "everyone", which is not a surface');
  });

  it('leaves no mark in the SDL it returns', () => {
    const sdl = print(
      offerBySurfaces(
        parse(
          'type Home @surfaceDefault(surfaces: ["city"]) @onSurfacesOfItsNodes { a: Int @hiddenOn(surfaces: ["city"]) }',
        ),
      ),
    );
    expect(sdl).not.toMatch(/surfaceDefault|hiddenOn|fieldsOn|onSurfacesOfItsNodes/);
  });
});

describe('the surface decorators on type-graphql classes', () => {
  @OnSurfaces('city', 'county')
  @FieldsOn(['department', 'public'], ['name'])
  @ObjectType()
  class Committee {
    @Field()
    name: string;

    @Field()
    chairPhone: string;

    @HiddenOn('county')
    @Field()
    budget: number;
  }

  @Resolver()
  class CommitteeResolver {
    @OnSurfaces('city', 'county', 'home', 'department', 'public')
    @Query(() => [Committee])
    committees(): Committee[] {
      return [];
    }
  }

  it('print marks that offer each field as declared', async () => {
    const schema = await buildSchema({
      resolvers: [CommitteeResolver],
      validate: false,
      skipCheck: true,
    });
    expect(offers(offerBySurfaces(parse(printSchemaWithDirectives(schema))))).toEqual({
      'Query.committees': ALL,
      'Committee.name': ['city', 'county', 'department', 'public'],
      'Committee.chairPhone': ['city', 'county'],
      'Committee.budget': ['city'],
    });
  });

  it('refuse a type default that names department or public', () => {
    expect(() => OnSurfaces('city', 'public')(class Home {})).toThrow(
      "@OnSurfaces on the class Home names public: a type's default is staff surfaces only",
    );
  });
});
