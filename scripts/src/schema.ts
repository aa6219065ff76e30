/**
 * npm run schema            prints every subgraph's SDL, composes schema/supergraph.graphql and
 *                           the contract of each surface in schema/contracts/, prints the API
 *                           schema each surface's clients see in schema/api/, records the
 *                           deprecations in schema/deprecations.json and the change in
 *                           schema/CHANGELOG.md; it refuses (writes nothing) when the change
 *                           against the files committed at HEAD breaks what was not deprecated
 *                           in an earlier commit
 * npm run schema -- --check fails when a checked-in file differs from what the code prints, or
 *                           when the change is refused
 */
import 'reflect-metadata';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { describeRefused } from './schema-changes';
import { repositorySchemaFiles } from './schema-files';
import { REPO_ROOT, printSubgraphs, readSupergraphConfig } from './schema-pipeline';

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const entries = readSupergraphConfig();
  const { outputs, check: changes } = await repositorySchemaFiles(
    entries,
    await printSubgraphs(entries),
  );
  for (const { schema, change } of changes.dangerous)
    console.warn(`Dangerous on ${schema}: ${change.message}`);
  for (const { schema, change, deprecation } of changes.allowed)
    console.log(`Breaking on ${schema}, deprecated since ${deprecation!.since}: ${change.message}`);
  if (changes.refused.length) {
    console.error(
      `Breaking changes of what was not deprecated in an earlier commit (deprecate first, commit, then remove):\n${describeRefused(changes)}`,
    );
    process.exit(1);
  }
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
