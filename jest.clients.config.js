/** The client suites (Terraform, Ansible): `npm run test:clients`, also the last step of `npm test`. */
const base = require('./jest.config');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  testMatch: ['<rootDir>/test/clients/terraform.test.ts', '<rootDir>/test/clients/ansible.test.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  // Both suites spend much of their time in the tools' own waits: side by side they finish sooner.
  maxWorkers: 2,
};
