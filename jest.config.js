// Jest projects: `unit` (everything that needs no system package) and `browser` (Playwright + Debian chromium).
// Both use ts-jest against the root tsconfig; a summary reporter prints a plain "N passed, N failed" line.

const common = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  rootDir: __dirname,
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
};

module.exports = {
  reporters: ['default', '<rootDir>/test/summary-reporter.js'],
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/ui/', '<rootDir>/test/playground/'],
    },
    {
      ...common,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/ui/**/*.test.ts', '<rootDir>/test/playground/**/*.test.ts'],
    },
  ],
};
