/**
 * The set-up most test files share: one in-process server for the file (closed after it) and, when asked, a fresh
 * test network (a VPC with subnets in two zones) once for the file or before each test. The hooks hand the values
 * to the file's own variables: `useTestServer({ network: 'each' }, (env) => ({ t, net } = env));`.
 */
import type { Config } from '../../src/config';
import { createNetwork, TestNetwork } from './network';
import { rawQuery, startTestServer, TestServer } from './server';

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

export interface RawEnv {
  t: TestServer;
  /** The default VPC of the default scope, read once. */
  defaultVpcId: string;
}

/**
 * The set-up of the wire-level suites (raw HTTP, no SDK): one server for the file, the default VPC's id, and after
 * every test `stillServes`, the suite's check that whatever the test sent, the server still answers.
 */
export function useRawServer(bind: (env: RawEnv) => void, stillServes: (env: RawEnv) => Promise<void>): void {
  const env = {} as RawEnv;
  beforeAll(async () => {
    env.t = await startTestServer();
    const r = await rawQuery(env.t.url, { Action: 'DescribeVpcs', 'Filter.1.Name': 'is-default', 'Filter.1.Value.1': 'true' });
    env.defaultVpcId = /<vpcId>(vpc-[0-9a-f]+)<\/vpcId>/.exec(r.body)![1];
    bind(env);
  });
  afterAll(() => env.t?.close());
  afterEach(() => stillServes(env));
}
