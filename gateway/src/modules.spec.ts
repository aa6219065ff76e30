// The gateway's process loads none of the subgraphs' runtime: no MikroORM, no type-graphql, no
// knex, no @apollo/subgraph, nothing of the subgraph kit (@cppcc/toolkit). Its built entry is run
// as it runs in production, in a process of its own, with a configuration it refuses: by then
// every module its entry imports is loaded, and the list of them is written out as it exits.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ENTRY = join(__dirname, '../dist/main.js');

/** Packages whose loading in the gateway would mean it carries a subgraph's runtime. */
const FORBIDDEN = [
  /\/node_modules\/@mikro-orm\//,
  /\/node_modules\/type-graphql\//,
  /\/node_modules\/knex\//,
  /\/node_modules\/@apollo\/subgraph\//,
  /\/node_modules\/class-validator\//,
  /\/services\/toolkit\//,
];

function modulesLoadedBy(entry: string, env: Record<string, string>): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'cppcc-gateway-modules-'));
  try {
    const list = join(dir, 'modules.json');
    const preload = join(dir, 'preload.js');
    writeFileSync(
      preload,
      `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(list)}, JSON.stringify(Object.keys(require.cache))));`,
    );
    const result = spawnSync(process.execPath, ['--require', preload, entry], {
      env: { PATH: process.env.PATH ?? '', ...env },
      encoding: 'utf8',
      timeout: 30_000,
    });
    // The configuration below is refused: the entry says why and exits with 2.
    expect(result.stderr).toContain('PORT');
    expect(result.status).toBe(2);
    return (JSON.parse(readFileSync(list, 'utf8')) as string[]).map((path) =>
      path.replaceAll('\\', '/'),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("the gateway's process", () => {
  let modules: string[];
  beforeAll(() => {
    modules = modulesLoadedBy(ENTRY, { PORT: 'not-a-port' });
  });

  it('has loaded everything its entry imports, the contract among them', () => {
    expect(modules).toEqual(
      expect.arrayContaining([expect.stringMatching(/gateway\/dist\/gateway\.js$/)]),
    );
    expect(modules.some((path) => /\/packages\/contract\/dist\//.test(path))).toBe(true);
    expect(modules.some((path) => /\/node_modules\/@apollo\/gateway\//.test(path))).toBe(true);
  });

  it.each(FORBIDDEN.map((pattern) => [pattern.source] as const))(
    'loads nothing matching %s',
    (source) => {
      const pattern = new RegExp(source);
      expect(modules.filter((path) => pattern.test(path))).toEqual([]);
    },
  );
});
