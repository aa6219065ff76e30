/**
 * What `npm run schema` writes, computed without writing: each subgraph's SDL, the supergraph, the
 * contract and API schema of each surface, the deprecations, the changelog and (in this repository)
 * the registered operations, with the check of the change against the files committed at HEAD.
 */
import { SURFACES, type Surface } from '@cppcc/toolkit';
import { printSchema } from 'graphql';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CHANGELOG_MARK, changelogEntry, writeChangelog } from './schema-changelog';
import {
  checkChanges,
  committedFile,
  readBaseline,
  recordDeprecations,
  type ChangeCheck,
} from './schema-changes';
import {
  REPO_ROOT,
  apiSchemaOf,
  buildTrustedDocumentsManifest,
  composeContracts,
  composeSupergraph,
  printApiSchemas,
  TRUSTED_DOCUMENTS_MANIFEST,
  type SubgraphEntry,
} from './schema-pipeline';

/** Where the schema files of a repository lie, under its root. */
export function schemaLayout(root: string) {
  return {
    supergraph: resolve(root, 'schema/supergraph.graphql'),
    contract: (surface: Surface) => resolve(root, `schema/contracts/${surface}.graphql`),
    api: (surface: Surface) => resolve(root, `schema/api/${surface}.graphql`),
    deprecations: resolve(root, 'schema/deprecations.json'),
    changelog: resolve(root, 'schema/CHANGELOG.md'),
  };
}

/** The name the whole graph's API schema goes by in the check (beside the surfaces' names). */
export const GRAPH = 'graph';

export interface SchemaRun {
  root: string;
  entries: SubgraphEntry[];
  /** The SDL each subgraph prints. */
  sdls: Map<string, string>;
  /** Today, YYYY-MM-DD (UTC) unless given. */
  today?: string;
}

export interface SchemaFiles {
  /** Every file and the content `npm run schema` writes to it. */
  outputs: Map<string, string>;
  check: ChangeCheck;
}

const CHANGELOG_START = `# Schema changelog

What changed in the graph's schema, per surface, for front-end and department developers. The API
each surface's clients see is \`schema/api/<surface>.graphql\`; nothing is removed or narrowed
without a deprecation in an earlier commit (\`schema/deprecations.json\`).
`;

/** Computes every schema file and checks the change against the files committed at HEAD. */
export async function schemaFiles(run: SchemaRun): Promise<SchemaFiles> {
  const layout = schemaLayout(run.root);
  const today = run.today ?? new Date().toISOString().slice(0, 10);
  const outputs = new Map(run.entries.map((entry) => [entry.file, run.sdls.get(entry.name)!]));
  const supergraph = composeSupergraph(run.entries, run.sdls);
  outputs.set(layout.supergraph, supergraph);
  const contracts = composeContracts(run.entries, run.sdls);
  for (const [surface, sdl] of contracts) outputs.set(layout.contract(surface), sdl);
  const apiSchemas = printApiSchemas(contracts);
  for (const [surface, sdl] of apiSchemas) outputs.set(layout.api(surface), sdl);

  const baseline = readBaseline(
    run.root,
    new Map<string, string>([
      [GRAPH, layout.supergraph],
      ...SURFACES.map((surface) => [surface, layout.api(surface)] as [string, string]),
    ]),
    layout.deprecations,
  );
  // The whole graph is compared through its API schema, as the surfaces are.
  const graphBefore = baseline.schemas.get(GRAPH);
  baseline.schemas.set(GRAPH, graphBefore ? printed(graphBefore) : null);
  const graph = apiSchemaOf(supergraph);
  const now = new Map<string, string>([[GRAPH, printed(supergraph)], ...apiSchemas]);
  const check = await checkChanges(baseline, now);

  const recorded = existsSync(layout.deprecations)
    ? JSON.parse(readFileSync(layout.deprecations, 'utf8'))
    : baseline.deprecations;
  const deprecations = recordDeprecations(graph, recorded, today, baseline.commit);
  outputs.set(layout.deprecations, `${JSON.stringify(deprecations, null, 2)}\n`);

  const current = existsSync(layout.changelog)
    ? readFileSync(layout.changelog, 'utf8')
    : `${CHANGELOG_START}\n${CHANGELOG_MARK}\n`;
  const entry = changelogEntry(check, SURFACES, today, baseline.commit);
  outputs.set(
    layout.changelog,
    writeChangelog(current, committedFile(run.root, layout.changelog, baseline.commit), entry),
  );
  return { outputs, check };
}

/** A supergraph's API schema as SDL, for the inspector. */
function printed(supergraphSdl: string): string {
  return printSchema(apiSchemaOf(supergraphSdl));
}

/** This repository's schema files, with its registered operations. */
export async function repositorySchemaFiles(
  entries: SubgraphEntry[],
  sdls: Map<string, string>,
): Promise<SchemaFiles> {
  const files = await schemaFiles({ root: REPO_ROOT, entries, sdls });
  const contracts = new Map(
    SURFACES.map((surface) => [
      surface,
      files.outputs.get(schemaLayout(REPO_ROOT).contract(surface))!,
    ]),
  );
  files.outputs.set(TRUSTED_DOCUMENTS_MANIFEST, buildTrustedDocumentsManifest(contracts));
  return files;
}
