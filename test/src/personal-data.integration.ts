import 'reflect-metadata';
import {
  PERSONAL_DATA_FIELDS,
  PERSONAL_DATA_NAMES,
  STAFF_SURFACES,
  SURFACES_WITHOUT_PERSONAL_DATA,
  type Surface,
} from '@cppcc/toolkit';
import {
  apiSchemaOf,
  composeContracts,
  composeSupergraph,
  printSubgraphs,
  readSupergraphConfig,
} from '@cppcc/scripts';
import {
  buildSchema,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  type GraphQLSchema,
} from 'graphql';

/** Every `Type.field` of a schema: output and input fields alike. */
function coordinates(schema: GraphQLSchema): string[] {
  return Object.values(schema.getTypeMap()).flatMap((type) =>
    !type.name.startsWith('__') &&
    (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type))
      ? Object.keys(type.getFields()).map((field) => `${type.name}.${field}`)
      : [],
  );
}

/**
 * Inputs through which a department hands the graph personal data it holds itself: it is written,
 * never read back on that surface. The petitions bureau registers its own case with the
 * petitioners' names (`PetitionCase.petitioners` is staff-only).
 */
const PERSONAL_DATA_INPUTS: Partial<Record<Surface, string[]>> = {
  department: ['RegisterPetitionCaseInput.petitioners'],
};

describe('personal data', () => {
  let supergraph: GraphQLSchema;
  let apiSchemas: Map<Surface, GraphQLSchema>;
  beforeAll(async () => {
    const entries = readSupergraphConfig();
    const sdls = await printSubgraphs(entries);
    supergraph = buildSchema(composeSupergraph(entries, sdls));
    apiSchemas = new Map(
      [...composeContracts(entries, sdls)].map(([surface, sdl]) => [surface, apiSchemaOf(sdl)]),
    );
  });

  it('is listed by fields the graph has (the list cannot name what is gone)', () => {
    const all = coordinates(supergraph);
    expect(PERSONAL_DATA_FIELDS.filter((field) => !all.includes(field))).toEqual([]);
  });

  it.each(SURFACES_WITHOUT_PERSONAL_DATA)(
    'is absent from the %s contract: no listed field, no field named like personal data',
    (surface) => {
      const offered = coordinates(apiSchemas.get(surface)!).filter(
        (field) => !PERSONAL_DATA_INPUTS[surface]?.includes(field),
      );
      expect(offered.filter((field) => PERSONAL_DATA_FIELDS.includes(field))).toEqual([]);
      expect(offered.filter((field) => PERSONAL_DATA_NAMES.test(field.split('.')[1]))).toEqual([]);
    },
  );

  it('is on the staff surfaces that need it, where roles unmask it', () => {
    const onStaff = STAFF_SURFACES.flatMap((surface) => coordinates(apiSchemas.get(surface)!));
    expect(PERSONAL_DATA_FIELDS.filter((field) => !onStaff.includes(field))).toEqual([]);
  });
});
