/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  setupFiles: ['<rootDir>/test/helpers/setup.ts'],
  // `npm test` type-checks everything with tsc first, so ts-jest only transpiles (isolatedModules in tsconfig).
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  testTimeout: 30000,
  // The Terraform and Ansible suites run after the rest (jest.clients.config.js, `npm run test:clients`): their
  // subprocesses would take the CPU from the timing-bound tests running beside them.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/clients/(terraform|ansible)\\.test\\.ts$'],
};
