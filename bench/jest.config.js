// The harness's pure parts only (percentiles, rendering, /proc parsing): no database, no load.
const preset = require('../jest.preset')(__dirname);
module.exports = {
  ...preset,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  globalSetup: undefined,
  globalTeardown: undefined,
};
