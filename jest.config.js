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
  // Node tears a big worker down slowly after its `exit` event: ~750 ms at 0.7–0.85 GB, 1.8–1.9 s at 1.1–1.2 GB
  // in a full run, past jest's default 500 ms grace, so jest printed "A worker process has failed to exit
  // gracefully" and killed it. Nothing was left open: every suite's referenced handles were listed at its
  // teardown and only jest's IPC pipe remained. So: a worker past 700 MB after a suite is replaced (they grew to
  // 1.5 GB), and the grace is long enough for the teardown even while the client suites load the machine.
  workerIdleMemoryLimit: '700MB',
  workerGracefulExitTimeout: 3000,
  // The Terraform and Ansible suites run in a jest process of their own (jest.clients.config.js, `npm run
  // test:clients`), which `npm test` starts beside this one: they mostly wait on the tools' fixed delays.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/clients/(terraform|ansible)\\.test\\.ts$'],
};
