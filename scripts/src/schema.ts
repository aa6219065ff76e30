/**
 * npm run schema            prints every subgraph's SDL and composes schema/supergraph.graphql
 * npm run schema -- --check fails when a checked-in file differs from what the code prints
 */
import 'reflect-metadata';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import {
  REPO_ROOT,
  SUPERGRAPH_FILE,
  composeSupergraph,
  printSubgraphs,
  readSupergraphConfig,
} from './schema-pipeline';

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const entries = readSupergraphConfig();
  const sdls = await printSubgraphs(entries);
  const outputs = new Map(entries.map((entry) => [entry.file, sdls.get(entry.name)!]));
  outputs.set(SUPERGRAPH_FILE, composeSupergraph(entries, sdls));
  const stale: string[] = [];
  for (const [file, content] of outputs) {
    const current = existsSync(file) ? readFileSync(file, 'utf8') : null;
    if (current === content) continue;
    stale.push(relative(REPO_ROOT, file));
    if (!check) writeFileSync(file, content);
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
