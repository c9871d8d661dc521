/**
 * The "Show it": real retrying clients through the fault plan. The SDK v3's standard retry strategy (the
 * default: 3 attempts) and boto3's standard and adaptive modes get through throttling and injected 5xx with the
 * number of attempts expected, counted on the server; a waiter survives eventual consistency; a launch loop that
 * ignores NotFound fails under the plan and passes once it retries. Back-off delays are 0 so nothing sleeps.
 */
import * as path from 'node:path';
import { CreateTagsCommand, DescribeInstancesCommand, DescribeVpcsCommand, EC2Client, RunInstancesCommand, waitUntilInstanceRunning } from '@aws-sdk/client-ec2';
import { ConfiguredRetryStrategy, DEFAULT_MAX_ATTEMPTS } from '@smithy/core/retry';
import { describeWithTool, run, awsEnv } from '../clients/tools';
import { AMI, createNetwork, TestNetwork } from '../helpers/network';
import { startTestServer, TestServer } from '../helpers/server';
import type { FaultPlanInput } from '../../src/faults/plan';

const ACCOUNT = '123456789012';

let t: TestServer;
let net: TestNetwork;
beforeAll(async () => {
  t = await startTestServer();
});
beforeEach(async () => {
  net = await createNetwork(t.ec2);
});
afterEach(() => t.runtime.reset());
afterAll(() => t.close());

/** The SDK's default (standard) retry strategy, with its back-off delay at 0 ms. */
function retryingClient(): EC2Client {
  const c = new EC2Client({
    endpoint: t.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    retryStrategy: new ConfiguredRetryStrategy(DEFAULT_MAX_ATTEMPTS, 0),
  });
  return c;
}

const setPlan = (plan: FaultPlanInput) => t.runtime.faults.set({ account: '*', rules: [], capacity: [], ...plan } as never);
const counters = () => (t.runtime.faults.view(ACCOUNT).accounts[ACCOUNT] as { counters: { calls: Record<string, number>; injected: Record<string, Record<string, number>> } }).counters;

describe('SDK v3, default retry strategy', () => {
  let ec2: EC2Client;
  beforeAll(() => {
    ec2 = retryingClient();
  });
  afterAll(() => ec2.destroy());

  it.each([
    ['RequestLimitExceeded', 503],
    ['InternalError', 500],
    ['Unavailable', 503],
  ])('gets through two %s answers on the third attempt', async (error) => {
    expect(DEFAULT_MAX_ATTEMPTS).toBe(3);
    setPlan({ rules: [{ action: 'DescribeVpcs', error: error as 'InternalError', count: 2 }] });
    const out = await ec2.send(new DescribeVpcsCommand({}));
    expect(out.Vpcs!.length).toBe(2);
    expect(out.$metadata.attempts).toBe(3);
    expect(counters()).toMatchObject({ calls: { DescribeVpcs: 3 }, injected: { DescribeVpcs: { [error]: 2 } } });
  });

  it('gives up after three attempts with the last error', async () => {
    setPlan({ rules: [{ action: 'DescribeVpcs', error: 'RequestLimitExceeded', count: 3 }] });
    const e = await ec2.send(new DescribeVpcsCommand({})).catch((x) => x);
    expect({ name: e.name, message: e.message, status: e.$metadata.httpStatusCode, attempts: e.$metadata.attempts }).toEqual({
      name: 'RequestLimitExceeded',
      message: 'Request limit exceeded.',
      status: 503,
      attempts: 3,
    });
    expect(counters().calls.DescribeVpcs).toBe(3);
  });

  it('gets through an empty token bucket once the clock has refilled it', async () => {
    setPlan({ throttling: { buckets: { DescribeVpcs: { size: 1, refillPerSecond: 1 } } } });
    await ec2.send(new DescribeVpcsCommand({}));
    // Retries with no time passing find the bucket still empty: throttled three times.
    await expect(ec2.send(new DescribeVpcsCommand({}))).rejects.toMatchObject({ name: 'RequestLimitExceeded', $metadata: { attempts: 3 } });
    t.advance(1000);
    expect((await ec2.send(new DescribeVpcsCommand({}))).$metadata.attempts).toBe(1);
    expect(counters()).toMatchObject({ calls: { DescribeVpcs: 5 }, injected: { DescribeVpcs: { RequestLimitExceeded: 3 } } });
  });

  it('retries InsufficientInstanceCapacity (a 500), as SDKs do, and launches once', async () => {
    setPlan({ capacity: [{ instanceType: 'c5.large', zone: 'us-east-1a', count: 1 }] });
    const out = await ec2.send(new RunInstancesCommand({ ImageId: AMI, MinCount: 1, MaxCount: 1, InstanceType: 'c5.large', SubnetId: net.subnetA1 }));
    expect(out.$metadata.attempts).toBe(2);
    expect(counters()).toMatchObject({ calls: { RunInstances: 2 }, injected: { RunInstances: { InsufficientInstanceCapacity: 1 } } });
    expect((await t.ec2.send(new DescribeInstancesCommand({}))).Reservations!.map((r) => r.Instances!.length)).toEqual([1]);
  });
});

describe('eventual consistency', () => {
  it('waitUntilInstanceRunning survives InvalidInstanceID.NotFound right after RunInstances', async () => {
    setPlan({ consistency: { delayMs: 2000 } });
    const id = (await t.ec2.send(new RunInstancesCommand({ ImageId: AMI, MinCount: 1, MaxCount: 1, SubnetId: net.subnetA1 }))).Instances![0].InstanceId!;
    const waiting = waitUntilInstanceRunning({ client: t.ec2, maxWaitTime: 20, minDelay: 0.01, maxDelay: 0.02 }, { InstanceIds: [id] });
    // Let the waiter see NotFound at least once, then let the plan's 2 s pass on the server's clock.
    while (!counters().injected.DescribeInstances) await new Promise((resolve) => setImmediate(resolve));
    t.advance(2000);
    const result = await waiting;
    expect(result.state).toBe('SUCCESS');
    const c = counters();
    expect(c.injected.DescribeInstances['InvalidInstanceID.NotFound']).toBeGreaterThanOrEqual(1);
    expect(c.calls.DescribeInstances).toBe(c.injected.DescribeInstances['InvalidInstanceID.NotFound'] + 1);
  });

  /** A user's launch-and-tag loop: `retries` = how many NotFound answers it tolerates, `pause` its sleep. */
  async function launchAndName(retries: number, pause: () => void): Promise<{ id: string; attempts: number }> {
    const ec2 = t.ec2;
    const id = (await ec2.send(new RunInstancesCommand({ ImageId: AMI, MinCount: 1, MaxCount: 1, SubnetId: net.subnetA1 }))).Instances![0].InstanceId!;
    for (let attempt = 1; ; attempt++) {
      try {
        await ec2.send(new CreateTagsCommand({ Resources: [id], Tags: [{ Key: 'Name', Value: 'web' }] }));
        return { id, attempts: attempt };
      } catch (e) {
        if ((e as Error).name !== 'InvalidInstanceID.NotFound' || attempt > retries) throw e;
        pause();
      }
    }
  }

  it('a launch loop that ignores NotFound passes without the plan and fails under it', async () => {
    await expect(launchAndName(0, () => undefined)).resolves.toMatchObject({ attempts: 1 });
    setPlan({ consistency: { delayMs: 2000 } });
    await expect(launchAndName(0, () => undefined)).rejects.toMatchObject({ name: 'InvalidInstanceID.NotFound' });
  });

  it('the same loop passes once it retries with a pause', async () => {
    setPlan({ consistency: { delayMs: 2000 } });
    const { id, attempts } = await launchAndName(10, () => t.advance(500));
    expect(attempts).toBe(5); // NotFound at 0, 500, 1000 and 1500 ms; tagged at 2000 ms
    t.advance(2000); // and the tag itself lags as long
    const seen = (await t.ec2.send(new DescribeInstancesCommand({ InstanceIds: [id] }))).Reservations![0].Instances![0];
    expect(seen.Tags).toEqual([{ Key: 'Name', Value: 'web' }]);
  });
});

describeWithTool('boto3', 'boto3 retry modes', () => {
  it.each(['standard', 'adaptive'])('%s mode gets through throttling and injected 5xx in three attempts', async (mode) => {
    setPlan({
      rules: [
        { action: 'DescribeVpcs', error: 'RequestLimitExceeded', count: 2 },
        { action: 'DescribeRegions', error: 'InternalError', count: 2 },
        { action: 'DescribeAvailabilityZones', error: 'Unavailable', count: 2 },
        { action: 'DescribeKeyPairs', error: 'RequestLimitExceeded', count: 3 },
      ],
    });
    const r = await run('python3', ['-B', path.join(__dirname, 'boto3_retries.py'), t.url, mode], { env: awsEnv() });
    if (r.code !== 0) throw new Error(`boto3_retries.py exited ${r.code}:\n${r.stderr}`);
    expect(JSON.parse(r.stdout)).toEqual({
      DescribeVpcs: { ok: true, retries: 2 },
      DescribeRegions: { ok: true, retries: 2 },
      DescribeAvailabilityZones: { ok: true, retries: 2 },
      DescribeKeyPairs: { ok: false, code: 'RequestLimitExceeded', status: 503, retries: 2, message: 'Request limit exceeded.' },
    });
    expect(counters().calls).toEqual({ DescribeVpcs: 3, DescribeRegions: 3, DescribeAvailabilityZones: 3, DescribeKeyPairs: 3 });
  });
});
