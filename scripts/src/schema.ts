/**
 * npm run schema            prints every subgraph's SDL, composes schema/supergraph.graphql and
 *                           the contract of each surface in schema/contracts/, and prints the API
 *                           schema each surface's clients see in schema/api/
 * npm run schema -- --check fails when a checked-in file differs from what the code prints
 */
import 'reflect-metadata';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import {
  REPO_ROOT,
  apiSchemaFile,
  printApiSchemas,
  TRUSTED_DOCUMENTS_MANIFEST,
  buildTrustedDocumentsManifest,
  SUPERGRAPH_FILE,
  composeContracts,
  composeSupergraph,
  contractFile,
  printSubgraphs,
  readSupergraphConfig,
} from './schema-pipeline';

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const entries = readSupergraphConfig();
  const sdls = await printSubgraphs(entries);
  const outputs = new Map(entries.map((entry) => [entry.file, sdls.get(entry.name)!]));
  outputs.set(SUPERGRAPH_FILE, composeSupergraph(entries, sdls));
  const contracts = composeContracts(entries, sdls);
  for (const [surface, sdl] of contracts) outputs.set(contractFile(surface), sdl);
  for (const [surface, sdl] of printApiSchemas(contracts)) outputs.set(apiSchemaFile(surface), sdl);
  outputs.set(TRUSTED_DOCUMENTS_MANIFEST, buildTrustedDocumentsManifest(contracts));
  const stale: string[] = [];
  for (const [file, content] of outputs) {
    const current = existsSync(file) ? readFileSync(file, 'utf8') : null;
    if (current === content) continue;
    stale.push(relative(REPO_ROOT, file));
    if (check) continue;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  if (check && stale.length) {
    console.error(`Stale schema files (run npm run schema): ${stale.join(', ')}`);
    process.exit(1);
  }
  console.log(stale.length ? `Wrote ${stale.join(', ')}` : 'Schema files are up to date.');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
