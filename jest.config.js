/** Native ESM: the @actions/* packages ship only ES modules. */
const shared = {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  // Tests import describe/test/expect from @jest/globals, whose matchers are typed; a test that forgets fails here.
  injectGlobals: false,
  testMatch: ['**/*.test.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.test.json' }]
  },
  // Out of the temporary folder, which the run checks is left empty (test/support/global-teardown.ts).
  cacheDirectory: '<rootDir>/node_modules/.cache/jest',
  setupFilesAfterEnv: ['<rootDir>/test/support/temp-cleanup.ts']
};

/** Two projects in one run, so they share the workers: `npm run test:unit` or `npm run test:e2e` runs one. */
export default {
  projects: [
    { ...shared, displayName: 'unit', roots: ['<rootDir>/test/unit', '<rootDir>/test/fakes'] },
    {
      ...shared,
      displayName: 'e2e',
      roots: ['<rootDir>/test/e2e'],
      // The end-to-end tests run dist/: rebuilt first when it was built from other sources.
      globalSetup: '<rootDir>/test/support/fresh-build.ts'
    }
  ],
  // Jest reads these from the run's config, not from a project's.
  testTimeout: 60000,
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts'
};
