/**
 * npm run explain -- [--database-url URL] [--large-table N]
 *
 * EXPLAIN (ANALYZE, FORMAT JSON) of each main query (scripts/src/explain-queries.ts) on a loaded
 * database (DATABASE_URL; load one with `npm run demo -- --preset city` and start the stack once,
 * so the homes' projections are there); prints how each reads its tables and exits 1 when a table
 * of more than 10,000 rows (or N) is read by a sequential scan.
 */
import { parseArgs } from 'node:util';
import { explainMainQueries } from './explain-queries';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'database-url': { type: 'string' },
      'large-table': { type: 'string' },
    },
  });
  const url = values['database-url'] ?? process.env.DATABASE_URL;
  if (!url) {
    console.error('Give the loaded database: --database-url URL or DATABASE_URL.');
    process.exit(2);
  }
  const largeTable = Number(values['large-table'] ?? 10_000);
  const { results } = await explainMainQueries(url, { largeTable });
  let failed = 0;
  for (const result of results) {
    const verdict = result.seqScans.length ? 'SEQ SCAN' : 'ok';
    if (result.seqScans.length) failed += 1;
    console.log(`${verdict.padEnd(8)} ${String(result.ms).padStart(6)} ms  ${result.name}`);
    const reads = [...new Set(result.scans.map((scan) => `${scan.table}: ${scan.how}`))];
    console.log(`${' '.repeat(18)}${reads.join(', ')}`);
    for (const scan of result.seqScans) {
      console.log(
        `${' '.repeat(18)}reads all ${scan.rows.toLocaleString('en')} rows of ${scan.table}`,
      );
    }
  }
  if (failed) {
    console.error(`\n${failed} of ${results.length} main queries read a large table sequentially.`);
    process.exit(1);
  }
  console.log(`\nAll ${results.length} main queries read large tables through indexes.`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
