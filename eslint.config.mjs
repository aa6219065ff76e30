// Lint rules every package shares; type-aware rules would need a program per package and
// double the run time, so the type checker (`npm run typecheck`) covers what they would catch.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// A service builds, ships and runs alone (its image copies only the shared packages beside it), so
// it depends on the shared packages and nothing else of the repository: never on another service,
// the demo data, the gateway, the scripts, the bench or the end-to-end tests, whether by package
// name or by a relative path out of its folder. test/src/boundaries.spec.ts proves the rule
// reports both. Each shared package has one audience and imports only the packages below it.
// Every folder under services/ but the toolkit is a service: a new one is covered by being there.
const SERVICES = readdirSync(join(dirname(fileURLToPath(import.meta.url)), 'services'), {
  withFileTypes: true,
})
  .filter((entry) => entry.isDirectory() && entry.name !== 'toolkit')
  .map((entry) => entry.name);
const WORKSPACES_OUTSIDE_SERVICES = ['demo', 'gateway', 'scripts', 'bench', 'test'];
const SHARED = ['contract', 'toolkit', 'organization-feed', 'reporting', 'devkit'];
/** The shared packages each shared package may import. */
const SHARED_IMPORTS = {
  contract: [],
  toolkit: ['contract', 'devkit'],
  'organization-feed': ['contract', 'toolkit', 'devkit'],
  reporting: ['contract', 'toolkit', 'devkit'],
  devkit: [],
};
const FOLDER = {
  contract: 'packages/contract',
  toolkit: 'services/toolkit',
  'organization-feed': 'packages/organization-feed',
  reporting: 'packages/reporting',
  devkit: 'packages/devkit',
};
/** What loads the ORM, type-graphql or the subgraph runtime: never in the gateway's process. */
const SUBGRAPH_RUNTIME = [
  '@mikro-orm/*',
  'type-graphql',
  'type-graphql/*',
  '@apollo/subgraph',
  'knex',
];

function allowOnly(packages) {
  return ['@cppcc/*', ...packages.flatMap((name) => [`!@cppcc/${name}`, `!@cppcc/${name}/*`])];
}

function serviceBoundaries(service) {
  const others = SERVICES.filter((name) => name !== service);
  const message = `services/${service} depends on the shared packages only (${SHARED.map((name) => `@cppcc/${name}`).join(', ')}): import nothing of another service, the demo, the gateway or the scripts (move shared code into a shared package).`;
  return {
    files: [`services/${service}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: allowOnly(SHARED), message },
            {
              // `../../channels/src/…` or `../../../demo/src/…`: the same imports by their paths.
              regex: `^(\\.\\./)+(services/|packages/)?(${[...others, ...SHARED, ...WORKSPACES_OUTSIDE_SERVICES].join('|')})(/|$)`,
              message,
            },
          ],
        },
      ],
    },
  };
}

function sharedBoundaries(name) {
  const allowed = SHARED_IMPORTS[name];
  const message = `@cppcc/${name} imports ${allowed.length ? allowed.map((other) => `@cppcc/${other}`).join(', ') : 'no other package of the repository'} and no service or workspace outside the shared packages.`;
  const patterns = [
    { group: allowOnly(allowed), message },
    {
      regex: `^(\\.\\./)+(services/|packages/)?(${[...SERVICES, ...WORKSPACES_OUTSIDE_SERVICES, ...SHARED.filter((other) => other !== name)].join('|')})(/|$)`,
      message,
    },
  ];
  if (name === 'contract')
    patterns.push({
      group: SUBGRAPH_RUNTIME,
      message:
        'The gateway loads @cppcc/contract: it must not load the ORM, type-graphql or the subgraph runtime (keep those in @cppcc/toolkit).',
    });
  return {
    files: [`${FOLDER[name]}/**/*.ts`],
    rules: { 'no-restricted-imports': ['error', { patterns }] },
  };
}

const gatewayBoundaries = {
  files: ['gateway/**/*.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: [...allowOnly(['contract']), ...SUBGRAPH_RUNTIME],
            message:
              'The gateway depends on @cppcc/contract alone and never loads the ORM, type-graphql or the subgraph runtime (gateway/src/modules.spec.ts checks its process).',
          },
        ],
      },
    ],
  },
};

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '.data/**',
      '**/.turbo/**',
      'web/src/generated/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': ['error', { allow: ['error'] }],
      eqeqeq: ['error', 'smart'],
    },
  },
  ...SERVICES.map(serviceBoundaries),
  ...SHARED.map(sharedBoundaries),
  gatewayBoundaries,
  {
    files: [
      'scripts/**',
      'bench/**',
      'docs/examples/**',
      '**/*.spec.ts',
      '**/*.integration.ts',
      'test/**',
    ],
    rules: { 'no-console': 'off' },
  },
  {
    // Tests read GraphQL answers as plain JSON; typing every shape would add noise, not safety.
    files: ['**/*.spec.ts', '**/*.integration.ts', '**/testing/**', 'test/src/support/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { module: 'writable', require: 'readonly', __dirname: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The explorer's page script runs in the browser, over the UMD globals the page loads.
    files: ['gateway/explorer/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: {
        window: 'readonly',
        document: 'readonly',
        URLSearchParams: 'readonly',
        fetch: 'readonly',
        React: 'readonly',
        ReactDOM: 'readonly',
        GraphiQL: 'readonly',
      },
    },
  },
);
