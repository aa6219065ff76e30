// The jest configuration every package shares: swc for speed (the type checker runs separately),
// decorators with metadata as type-graphql and MikroORM need, a database server per run.
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    keepClassNames: true,
    target: 'es2022',
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

/** @returns {import('jest').Config} */
module.exports = function preset(rootDir) {
  return {
    rootDir,
    testEnvironment: 'node',
    transform: { '^.+\\.ts$': ['@swc/jest', swc] },
    testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.integration.ts'],
    globalSetup: require.resolve('@cppcc/devkit/dist/testing/global-setup.js'),
    globalTeardown: require.resolve('@cppcc/devkit/dist/testing/global-teardown.js'),
    setupFiles: ['reflect-metadata'],
    testTimeout: 60_000,
    // Test files run in parallel, each on its own database; two workers fit the two cores.
    maxWorkers: 2,
  };
};
