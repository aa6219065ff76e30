import 'reflect-metadata';
import {
  GENERATED_HEADER,
  TRUSTED_DOCUMENTS_MANIFEST,
  apiSchemaFile,
  descriptionCoverage,
  printApiSchemas,
  buildTrustedDocumentsManifest,
  composeContracts,
  composeSupergraph,
  contractFile,
  printSubgraphs,
  readSupergraphConfig,
  REPO_ROOT,
  SUPERGRAPH_FILE,
} from '@cppcc/scripts';
import { buildSchema } from 'graphql';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

describe('the checked-in schema files', () => {
  const entries = readSupergraphConfig();
  let printed: Map<string, string>;
  beforeAll(async () => {
    printed = await printSubgraphs(entries);
  });

  it('name the subgraphs of the design, each a workspace of services/', () => {
    // The organization serves the change feeds the others follow.
    expect(entries.map((entry) => entry.name)).toContain('organization');
    for (const entry of entries) {
      expect(existsSync(resolve(REPO_ROOT, entry.folder, 'package.json'))).toBe(true);
      expect(entry.file).toBe(resolve(REPO_ROOT, 'schema/subgraphs', `${entry.name}.graphql`));
    }
  });

  it.each(readSupergraphConfig().map((entry) => entry.name))(
    'hold what the %s subgraph prints today (run npm run schema)',
    (name) => {
      const entry = entries.find((candidate) => candidate.name === name)!;
      expect(readFileSync(entry.file, 'utf8')).toBe(printed.get(name));
    },
  );

  it('hold the contract of every surface and the registered operations as the code builds them', () => {
    const contracts = composeContracts(entries, printed);
    for (const [surface, sdl] of contracts)
      expect({ surface, sdl: readFileSync(contractFile(surface), 'utf8') }).toEqual({
        surface,
        sdl,
      });
    for (const [surface, sdl] of printApiSchemas(contracts))
      expect({ surface, sdl: readFileSync(apiSchemaFile(surface), 'utf8') }).toEqual({
        surface,
        sdl,
      });
    expect(readFileSync(TRUSTED_DOCUMENTS_MANIFEST, 'utf8')).toBe(
      buildTrustedDocumentsManifest(contracts),
    );
  });

  it('compose into the checked-in supergraph', () => {
    expect(composeSupergraph(entries, printed)).toBe(readFileSync(SUPERGRAPH_FILE, 'utf8'));
  });

  it('print, per surface, the API schema its clients see: no federation machinery, nothing hidden', () => {
    const contracts = composeContracts(entries, printed);
    const city = readFileSync(apiSchemaFile('city'), 'utf8');
    const publicSchema = readFileSync(apiSchemaFile('public'), 'utf8');
    for (const sdl of [city, publicSchema]) {
      expect(sdl).not.toMatch(/@(join__|link|inaccessible|tag|key|shareable|external|requires)\b/);
      expect(sdl).not.toMatch(/\b(join|link)__/);
      expect(() => buildSchema(sdl)).not.toThrow();
    }
    // The public surface writes nothing; the city's contract still marks what it hides.
    expect(publicSchema).not.toMatch(/^type Mutation/m);
    expect(city).toMatch(/^type Mutation/m);
    expect(contracts.get('public')).toMatch(/@inaccessible/);
  });

  it('start every generated schema file with the do-not-edit line', () => {
    const files = [
      ...entries.map((entry) => entry.file),
      SUPERGRAPH_FILE,
      ...(['city', 'county', 'home', 'department', 'public'] as const).flatMap((surface) => [
        contractFile(surface),
        apiSchemaFile(surface),
      ]),
    ];
    for (const file of files)
      expect({ file, first: readFileSync(file, 'utf8').split('\n')[0] }).toEqual({
        file,
        first: GENERATED_HEADER,
      });
  });

  it('describe at least 95% of the supergraph: types, fields, arguments, input fields, enum values', () => {
    const coverage = descriptionCoverage(buildSchema(composeSupergraph(entries, printed)));
    const ratio = coverage.described / coverage.total;
    // The list of what is missing is the message a failing run shows.
    expect({ ratio: ratio >= 0.95, missing: ratio >= 0.95 ? [] : coverage.missing }).toEqual({
      ratio: true,
      missing: [],
    });
  });

  it('count an undescribed field, argument and enum value as missing', () => {
    const coverage = descriptionCoverage(
      buildSchema(`
        type Query { "Described." a(x: Int): E  b: Int }
        "Described." enum E { "Described." ON OFF }
      `),
    );
    expect(coverage).toEqual({
      total: 6,
      described: 3,
      missing: ['Query.a(x)', 'Query.b', 'E.OFF'],
    });
  });

  it('refuse to compose when two subgraphs disagree on a shared type', () => {
    const broken = new Map(printed);
    broken.set(
      'channels',
      `${printed.get('channels')}\ntype PageInfo @shareable { hasNextPage: Int! }\n`,
    );
    expect(() => composeSupergraph(entries, broken)).toThrow(/do not compose|PageInfo/);
  });
});
