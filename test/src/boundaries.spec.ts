// The rules in eslint.config.mjs that keep each service on the shared packages alone, each shared
// package on the ones below it and the gateway on @cppcc/contract, run through ESLint's own API
// (`new ESLint()`, `lintText`, `lintFiles`) on the repository's configuration: it reports an import
// across services (by package name or by path), a shared package reaching up, the gateway loading
// the subgraph kit or the ORM, lets the shared packages through, and finds nothing in the real tree.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');

/** A file's text linted as if it were the file at `path` (relative to the repository root). */
type Sample = readonly [path: string, code: string];

// ESLint loads eslint.config.mjs with a dynamic import(), which jest's module sandbox refuses
// without --experimental-vm-modules: the API runs in a child Node process, once for every sample.
const LINT = `
import { ESLint } from 'eslint';
import { join } from 'node:path';
const { root, samples } = JSON.parse(process.argv[1]);
const eslint = new ESLint({ cwd: root });
const only = (messages) =>
  messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => ({ line: m.line, message: m.message }));
const texts = [];
for (const [path, code] of samples) {
  const [result] = await eslint.lintText(code, { filePath: join(root, path) });
  texts.push(only(result.messages).map((m) => m.message));
}
const tree = (await eslint.lintFiles(['services/*/src/**/*.ts', 'packages/*/src/**/*.ts', 'gateway/src/**/*.ts'])).map((result) => ({
  file: result.filePath,
  found: only(result.messages),
}));
process.stdout.write(JSON.stringify({ texts, tree }));
`;

function lint(samples: readonly Sample[]): {
  texts: string[][];
  tree: Array<{ file: string; found: Array<{ line: number; message: string }> }>;
} {
  const out = execFileSync(
    process.execPath,
    ['--input-type=module', '-e', LINT, JSON.stringify({ root: ROOT, samples })],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  return JSON.parse(out);
}

const REPORTED: Sample[] = [
  ['services/channels/src/proposal/extra.ts', `import { stableId } from '@cppcc/organization';`],
  ['services/channels/src/extra.ts', `export { deliberationSubgraph } from '@cppcc/deliberation';`],
  ['services/deliberation/src/extra.ts', `import type { HomeKind } from '@cppcc/organization';`],
  ['services/organization/src/extra.ts', `import { generateChannelsDemo } from '@cppcc/demo';`],
  ['services/organization/src/extra.ts', `import { startGateway } from '@cppcc/gateway';`],
  ['services/channels/src/extra.ts', `import { migrateAll } from '@cppcc/scripts';`],
  ['services/toolkit/src/extra.ts', `import { channelsSubgraph } from '@cppcc/channels';`],
  [
    'services/channels/src/proposal/extra.ts',
    `import { HomeKind } from '../../../organization/src/home/home.entity';`,
  ],
  [
    'services/deliberation/src/extra.ts',
    `import { createRandom } from '../../../demo/src/random';`,
  ],
  ['services/organization/src/extra.ts', `import { errors } from '../../toolkit/src/errors';`],
  [
    'services/organization/src/extra.ts',
    `import { report } from '../../../packages/reporting/src/report';`,
  ],
  ['packages/contract/src/extra.ts', `import { OnSurfaces } from '@cppcc/toolkit';`],
  ['packages/contract/src/extra.ts', `import { Field } from 'type-graphql';`],
  ['packages/contract/src/extra.ts', `import type { EntityManager } from '@mikro-orm/postgresql';`],
  ['packages/reporting/src/extra.ts', `import { followHomes } from '@cppcc/organization-feed';`],
  ['packages/organization-feed/src/extra.ts', `import { Home } from '@cppcc/organization';`],
  ['gateway/src/extra.ts', `import { SURFACES } from '@cppcc/toolkit';`],
  ['gateway/src/extra.ts', `import { MikroORM } from '@mikro-orm/core';`],
];

const ALLOWED: Sample[] = [
  ['services/channels/src/extra.ts', `import { DomainError } from '@cppcc/toolkit';`],
  ['services/channels/src/extra.ts', `import { startTestSubgraph } from '@cppcc/toolkit/testing';`],
  ['services/channels/src/extra.ts', `import { periodOf } from '@cppcc/reporting';`],
  ['services/channels/src/extra.ts', `import { followHomes } from '@cppcc/organization-feed';`],
  ['services/channels/src/extra.ts', `import { ErrorCode } from '@cppcc/contract';`],
  ['services/toolkit/src/extra.ts', `import { ErrorCode } from '@cppcc/contract';`],
  ['packages/organization-feed/src/extra.ts', `import { executeIn } from '@cppcc/toolkit';`],
  ['gateway/src/extra.ts', `import { SURFACES } from '@cppcc/contract';`],
  ['services/channels/src/proposal/extra.ts', `import { Proposal } from './proposal.entity';`],
  ['services/channels/src/proposal/extra.ts', `import { Demand } from '../demand/demand.entity';`],
  // Outside services/ the demo, the scripts and the tests may use every service.
  ['demo/src/extra.ts', `import { PROPOSAL_STEPS } from '@cppcc/channels';`],
  ['scripts/src/extra.ts', `import { organizationSubgraph } from '@cppcc/organization';`],
];

describe('a service imports the shared packages and nothing else of the repository', () => {
  let linted: ReturnType<typeof lint>;
  beforeAll(() => {
    linted = lint([...REPORTED, ...ALLOWED]);
  });

  it.each(REPORTED.map((sample, i) => [...sample, i] as const))(
    'reports %s importing: %s',
    (_path, _code, i) => {
      const errors = linted.texts[i];
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(/@cppcc\/(toolkit|contract)/);
    },
  );

  it.each(ALLOWED.map((sample, i) => [...sample, REPORTED.length + i] as const))(
    'lets %s import: %s',
    (_path, _code, i) => {
      expect(linted.texts[i]).toEqual([]);
    },
  );

  it('finds no such import in the services as they are', () => {
    expect(linted.tree.length).toBeGreaterThan(100);
    const found = linted.tree.flatMap(({ file, found }) =>
      found.map(({ line, message }) => `${file}:${line}: ${message}`),
    );
    expect(found).toEqual([]);
  });
});
