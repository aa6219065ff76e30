import 'reflect-metadata';
import {
  TRUSTED_DOCUMENTS_MANIFEST,
  buildTrustedDocumentsManifest,
  composeContracts,
  composeSupergraph,
  contractFile,
  printSubgraphs,
  readSupergraphConfig,
  SUPERGRAPH_FILE,
} from '@cppcc/scripts';
import { readFileSync } from 'node:fs';

describe('the checked-in schema files', () => {
  const entries = readSupergraphConfig();
  let printed: Map<string, string>;
  beforeAll(async () => {
    printed = await printSubgraphs(entries);
  });

  it('name the three subgraphs of the design', () => {
    expect(entries.map((entry) => entry.name)).toEqual([
      'organization',
      'deliberation',
      'channels',
    ]);
  });

  it.each(['organization', 'deliberation', 'channels'])(
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
    expect(readFileSync(TRUSTED_DOCUMENTS_MANIFEST, 'utf8')).toBe(
      buildTrustedDocumentsManifest(contracts),
    );
  });

  it('compose into the checked-in supergraph', () => {
    expect(composeSupergraph(entries, printed)).toBe(readFileSync(SUPERGRAPH_FILE, 'utf8'));
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
