/**
 * The set-up most test files share: one in-process server for the file (closed after it) and, when asked, a fresh
 * test network (a VPC with subnets in two zones) once for the file or before each test. The hooks hand the values
 * to the file's own variables: `useTestServer({ network: 'each' }, (env) => ({ t, net } = env));`.
 */
import type { Config } from '../../src/config';
import { createNetwork, TestNetwork } from './network';
import { startTestServer, TestServer } from './server';

export interface TestEnv {
  t: TestServer;
  net: TestNetwork;
}

export function useTestServer(
  opts: { network?: 'none' | 'once' | 'each'; config?: Partial<Config> },
  bind: (env: TestEnv) => void,
): void {
  const env = {} as TestEnv;
  beforeAll(async () => {
    env.t = await startTestServer(opts.config);
    if (opts.network === 'once') env.net = await createNetwork(env.t.ec2);
    bind(env);
  });
  if (opts.network === 'each') {
    beforeEach(async () => {
      env.net = await createNetwork(env.t.ec2);
      bind(env);
    });
  }
  afterAll(() => env.t?.close());
}
