/** Tests run against real PostgreSQL and Meilisearch; see tests/global-setup.ts. */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  globalSetup: '<rootDir>/tests/global-setup.ts',
  globalTeardown: '<rootDir>/tests/global-teardown.ts',
  setupFiles: ['reflect-metadata'],
  testTimeout: 60000,
  maxWorkers: 2,
  // meilisearch ships as an ES module only; let ts-jest compile it like our sources.
  transformIgnorePatterns: ['/node_modules/(?!meilisearch/)'],
  transform: { '^.+\\.[tj]s$': ['ts-jest', { isolatedModules: true, diagnostics: false, tsconfig: { allowJs: true } }] },
};
