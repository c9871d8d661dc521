/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  setupFiles: ['<rootDir>/test/helpers/setup.ts'],
  // `npm test` type-checks everything with tsc first, so ts-jest only transpiles (isolatedModules in tsconfig).
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  testTimeout: 30000,
  // Two workers even on a 2-core machine (jest's default there is one): many suites mostly wait on child
  // processes (the packed-tarball install compiling better-sqlite3, aws-cli, boto3, the CLI), and the other worker
  // runs meanwhile. Keeps \`npm test\` inside its time budget as the suite grows.
  maxWorkers: 2,
  // Each of the two workers ran ~70 suites and ended at 1.2–1.5 GB of RSS; exiting that took longer than
  // jest's 500 ms grace and printed "A worker process has failed to exit gracefully" (no handle was left open:
  // every suite's handles were checked at its teardown). A worker past this size after a suite is replaced, so
  // none grows that large; the run takes no longer.
  workerIdleMemoryLimit: '700MB',
  // The Terraform and Ansible suites run in a jest process of their own (jest.clients.config.js, `npm run
  // test:clients`), which `npm test` starts beside this one: they mostly wait on the tools' fixed delays.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/clients/(terraform|ansible)\\.test\\.ts$'],
};
