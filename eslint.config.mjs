// Lint rules every package shares; type-aware rules would need a program per package and
// double the run time, so the type checker (`npm run typecheck`) covers what they would catch.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// A service builds, ships and runs alone (its Dockerfile copies only the toolkit beside it), so it
// depends on the toolkit and nothing else of the repository: never on another service, the demo
// data, the gateway, the scripts, the bench or the end-to-end tests, whether by package name or by
// a relative path out of its folder. test/src/boundaries.spec.ts proves the rule reports both.
// Every folder under services/ but the toolkit is a service: a new one is covered by being there.
const SERVICES = readdirSync(join(dirname(fileURLToPath(import.meta.url)), 'services'), {
  withFileTypes: true,
})
  .filter((entry) => entry.isDirectory() && entry.name !== 'toolkit')
  .map((entry) => entry.name);
const WORKSPACES_OUTSIDE_SERVICES = ['demo', 'gateway', 'scripts', 'bench', 'test'];

function serviceBoundaries(service) {
  const others = [...SERVICES, 'toolkit'].filter((name) => name !== service);
  const message =
    service === 'toolkit'
      ? 'The toolkit is what services build on: it imports no service and no workspace outside services/.'
      : `services/${service} depends on @cppcc/toolkit only: import nothing of another service, the demo, the gateway or the scripts (move shared code into the toolkit).`;
  return {
    files: [`services/${service}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@cppcc/*', '!@cppcc/toolkit', '!@cppcc/toolkit/*'], message },
            {
              // `../../channels/src/…` or `../../../demo/src/…`: the same imports by their paths.
              regex: `^(\\.\\./)+(services/)?(${[...others, ...WORKSPACES_OUTSIDE_SERVICES].join('|')})(/|$)`,
              message,
            },
          ],
        },
      ],
    },
  };
}

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
  ...[...SERVICES, 'toolkit'].map(serviceBoundaries),
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
