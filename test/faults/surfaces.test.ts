/**
 * Every way to set a fault plan: the library (startEc2lite's `faults` option and controls, connectEc2lite over HTTP,
 * mockEc2lite in-process), and the real command (flags, EC2LITE_* variables, `ec2lite faults …`).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DescribeRegionsCommand, DescribeVpcsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { connectEc2lite, mockEc2lite, startEc2lite } from '../../src/index';
import { runCli, startServerProcess } from '../helpers/process';

const THROTTLED = { name: 'RequestLimitExceeded', message: 'Request limit exceeded.', $metadata: { httpStatusCode: 503 } };
const client = (endpoint: string, accessKeyId = 'test') =>
  new EC2Client({ endpoint, region: 'us-east-1', credentials: { accessKeyId, secretAccessKey: 'x' }, maxAttempts: 1 });

describe('library', () => {
  it('startEc2lite takes a plan for every account, its controls and connectEc2lite change it, reset comes back to it', async () => {
    const server = await startEc2lite({ clock: 'manual', faults: { seed: 1, rules: [{ action: 'DescribeRegions', error: 'InternalError', count: 1 }] } });
    const ec2 = client(server.endpoint);
    try {
      await expect(ec2.send(new DescribeRegionsCommand({}))).rejects.toMatchObject({ name: 'InternalError', $metadata: { httpStatusCode: 500 } });
      await ec2.send(new DescribeRegionsCommand({}));
      expect(server.faults.get().accounts['123456789012']).toMatchObject({ counters: { calls: { DescribeRegions: 2 } } });

      server.faults.set({ account: '123456789012', rules: [{ action: 'DescribeVpcs', error: 'RequestLimitExceeded', count: 1 }] });
      await expect(ec2.send(new DescribeVpcsCommand({}))).rejects.toMatchObject(THROTTLED);
      expect(() => server.faults.set({ rules: [{ action: 'DescribeVpcs', error: 'Nope' as never }] })).toThrow(/rules\[0\]\.error must be one of/);

      const remote = connectEc2lite(server.endpoint);
      const plan = await remote.faults.set({ account: '111122223333', throttling: true });
      expect(plan).toMatchObject({ account: '111122223333', throttling: {}, seed: expect.any(Number) });
      expect((await remote.faults.get('111122223333')).plans).toEqual([plan]);
      await remote.faults.clear('111122223333');
      expect((await remote.faults.get()).plans.map((p) => p.account)).toEqual(['*', '123456789012']);
      await expect(remote.faults.set({ account: 'x' })).rejects.toThrow(/HTTP 400.*account must be 12 digits/);

      server.reset();
      expect(server.faults.get().plans).toEqual([expect.objectContaining({ account: '*', seed: 1 })]);
      await expect(ec2.send(new DescribeRegionsCommand({}))).rejects.toMatchObject({ name: 'InternalError' });
    } finally {
      ec2.destroy();
      await server.stop();
    }
  });

  it('mockEc2lite applies the plan in-process too', async () => {
    const mock = mockEc2lite(EC2Client, { faults: { rules: [{ action: 'DescribeVpcs', error: 'RequestLimitExceeded', count: 1 }] } });
    try {
      const ec2 = new EC2Client({ region: 'us-east-1' });
      await expect(ec2.send(new DescribeVpcsCommand({}))).rejects.toMatchObject(THROTTLED);
      expect((await ec2.send(new DescribeVpcsCommand({}))).Vpcs!.length).toBe(1);
      expect(mock.faults.get().accounts['123456789012']).toMatchObject({ counters: { injected: { DescribeVpcs: { RequestLimitExceeded: 1 } } } });
    } finally {
      mock.restore();
    }
  });
});

describe('command line', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ec2lite-faults-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('--help documents the fault flags and the faults command', async () => {
    const { stdout } = await runCli(['--help']);
    for (const s of ['--faults', 'EC2LITE_FAULTS', '--fault-seed', '--throttling', '--consistency-ms', 'EC2LITE_CONSISTENCY_MS', 'faults show|set|fail|clear']) {
      expect(stdout).toContain(s);
    }
  });

  it('rejects a bad plan or throttling mode with exit code 2', async () => {
    const bad = await runCli(['--faults', '{"rules": [{"error": "Nope"}]}']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--faults: rules[0].error must be one of RequestLimitExceeded, InternalError, Unavailable');
    const missing = await runCli(['--faults', `@${path.join(dir, 'none.json')}`]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--faults: cannot read');
    const mode = await runCli(['--throttling', 'sometimes']);
    expect(mode.code).toBe(2);
    expect(mode.stderr).toContain("--throttling: expected off or aws, got 'sometimes'");
  });

  it('--faults @file and EC2LITE_THROTTLING set the start-up plan; `ec2lite faults` shows, sets, fails and clears', async () => {
    const file = path.join(dir, 'plan.json');
    fs.writeFileSync(file, JSON.stringify({ rules: [{ action: 'DescribeRegions', error: 'Unavailable', count: 1 }] }));
    const s = await startServerProcess(['--faults', `@${file}`, '--fault-seed', '9'], { EC2LITE_THROTTLING: 'aws', EC2LITE_CONSISTENCY_MS: '1500' });
    const endpoint = ['--endpoint', s.url];
    const ec2 = client(s.url);
    try {
      await expect(ec2.send(new DescribeRegionsCommand({}))).rejects.toMatchObject({ name: 'Unavailable', $metadata: { httpStatusCode: 503 } });
      const shown = await runCli(['faults', 'show', ...endpoint]);
      expect(shown.code).toBe(0);
      expect(JSON.parse(shown.stdout).plans).toEqual([
        { account: '*', seed: 9, rules: [{ action: 'DescribeRegions', error: 'Unavailable', count: 1 }], capacity: [], throttling: {}, consistency: { delayMs: 1500 } },
      ]);

      const mine = client(s.url, '111122223333');
      const failed = await runCli(['faults', 'fail', 'DescribeVpcs', 'RequestLimitExceeded', '--count', '2', '--account', '111122223333', ...endpoint]);
      expect(failed.code).toBe(0);
      expect(JSON.parse(failed.stdout).plan).toMatchObject({ account: '111122223333', rules: [{ action: 'DescribeVpcs', error: 'RequestLimitExceeded', count: 2 }] });
      await expect(mine.send(new DescribeVpcsCommand({}))).rejects.toMatchObject(THROTTLED);
      await expect(mine.send(new DescribeVpcsCommand({}))).rejects.toMatchObject(THROTTLED);
      await mine.send(new DescribeVpcsCommand({}));
      mine.destroy();

      const set = await runCli(['faults', 'set', '{"throttling": {"buckets": {"DescribeVpcs": {"size": 1, "refillPerSecond": 1}}}}', '--account', '111122223333', ...endpoint]);
      expect(JSON.parse(set.stdout).plan).toMatchObject({ account: '111122223333', throttling: { buckets: { DescribeVpcs: { size: 1, refillPerSecond: 1 } } } });
      const invalid = await runCli(['faults', 'set', '{"rules": [{"rate": 3}]}', ...endpoint]);
      expect(invalid.code).toBe(1);
      expect(invalid.stderr).toContain('HTTP 400');
      const badRate = await runCli(['faults', 'fail', 'DescribeVpcs', 'InternalError', '--rate', '2', ...endpoint]);
      expect(badRate.code).toBe(1);
      expect(badRate.stderr).toContain('--rate must be between 0 and 1');

      const cleared = await runCli(['faults', 'clear', '--account', '111122223333', ...endpoint]);
      expect(JSON.parse(cleared.stdout)).toEqual({ cleared: ['111122223333'] });
      expect(JSON.parse((await runCli(['faults', 'clear', ...endpoint])).stdout)).toEqual({ cleared: ['*'] });
      expect(JSON.parse((await runCli(['faults', 'show', ...endpoint])).stdout)).toEqual({ plans: [], accounts: {} });
    } finally {
      ec2.destroy();
      s.child.kill('SIGTERM');
      await s.exited;
    }
  });
});
