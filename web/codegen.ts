import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed operations for each folder of src/operations/, against the API schema of the narrowest
 * surface it runs on (scripts/api-schemas.mjs prints them from schema/contracts/ and checks the
 * operations against the other surfaces): a schema change that breaks a page breaks the build.
 */
const FOLDERS: Record<string, string> = {
  office: 'county',
  home: 'home',
  department: 'department',
  public: 'public',
};

const config: CodegenConfig = {
  overwrite: true,
  silent: true,
  generates: Object.fromEntries(
    Object.entries(FOLDERS).map(([folder, surface]) => [
      `src/generated/gql/${folder}/`,
      {
        schema: `src/generated/schema/${surface}.graphql`,
        documents: `src/operations/${folder}/*.graphql`,
        preset: 'client',
        presetConfig: { fragmentMasking: false },
        config: {
          useTypeImports: true,
          enumsAsTypes: true,
          skipTypename: false,
          scalars: { Date: 'string', DateTime: 'string' },
        },
      },
    ]),
  ),
};

export default config;
