/**
 * The library API itself: startEc2lite's options and controls, connectEc2lite over the admin API, and what
 * mockEc2lite does beyond the shared scenarios (targets, identity from the client's config, user overrides,
 * shared runtimes, restore).
 */
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  CreateVpcCommand,
  DescribeAvailabilityZonesCommand,
  DescribeRegionsCommand,
  DescribeVpcsCommand,
  EC2Client,
  EC2ServiceException,
} from '@aws-sdk/client-ec2';
import { mockClient } from 'aws-sdk-client-mock';
import { connectEc2lite, mockEc2lite, startEc2lite } from '../../src/index';

const backendState = async (endpoint: string) => (await (await fetch(`${endpoint}/_ec2lite/backend`)).json()) as { now: string; paused: boolean };

describe('startEc2lite', () => {
  it('listens on a free port with the given region and account, and stops cleanly (twice is fine)', async () => {
    const server = await startEc2lite({ region: 'eu-central-1', account: '111122223333' });
    expect(server.port).toBeGreaterThan(0);
    expect(server.endpoint).toBe(`http://127.0.0.1:${server.port}`);
    const ec2 = new EC2Client({ ...server.clientConfig(), maxAttempts: 1 });
    expect(server.clientConfig()).toEqual({ endpoint: server.endpoint, region: 'eu-central-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
    const zones = await ec2.send(new DescribeAvailabilityZonesCommand({}));
    expect(zones.AvailabilityZones![0].ZoneName).toBe('eu-central-1a');
    expect((await ec2.send(new DescribeVpcsCommand({}))).Vpcs![0].OwnerId).toBe('111122223333');
    const other = new EC2Client({ ...server.clientConfig({ account: '444455556666', region: 'us-west-2' }), maxAttempts: 1 });
    expect((await other.send(new DescribeVpcsCommand({}))).Vpcs![0]).toMatchObject({ OwnerId: '444455556666', CidrBlock: '172.31.0.0/16' });
    ec2.destroy();
    other.destroy();
    await server.stop();
    await server.stop();
    await expect(fetch(server.endpoint)).rejects.toThrow();
  });

  it('manual clock: time moves only with advance(); pause/resume; the same controls over HTTP with connectEc2lite', async () => {
    const server = await startEc2lite({ clock: 'manual' });
    try {
      expect(await backendState(server.endpoint)).toMatchObject({ now: '2026-01-01T00:00:00.000Z', paused: false });
      expect(server.advance(5000)).toBe(0);
      expect((await backendState(server.endpoint)).now).toBe('2026-01-01T00:00:05.000Z');
      server.pause();
      expect(server.runtime.backend.isPaused).toBe(true);
      server.resume();
      const remote = connectEc2lite(`${server.endpoint}/`);
      expect(await remote.advance(1500)).toBe(0);
      expect((await backendState(server.endpoint)).now).toBe('2026-01-01T00:00:06.500Z');
      await remote.pause();
      expect(await backendState(server.endpoint)).toMatchObject({ paused: true });
      await remote.resume();
      expect(server.runtime.backend.isPaused).toBe(false);
      const ec2 = new EC2Client({ ...server.clientConfig(), maxAttempts: 1 });
      const vpcId = (await ec2.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16' }))).Vpc!.VpcId!;
      await remote.reset();
      await expect(ec2.send(new DescribeVpcsCommand({ VpcIds: [vpcId] }))).rejects.toMatchObject({ name: 'InvalidVpcID.NotFound' });
      ec2.destroy();
    } finally {
      await server.stop();
    }
  });

  it('passes back-end delays and other server options through to the configuration', async () => {
    const server = await startEc2lite({ pendingMs: 1, stoppingMs: 2, shuttingDownMs: 3, attachMs: 4, detachMs: 5, terminatedTtlMs: 6, seed: 7, config: { tickMs: 0, pendingMs: 99 } });
    try {
      expect(server.runtime.config).toMatchObject({ pendingMs: 1, stoppingMs: 2, shuttingDownMs: 3, attachMs: 4, detachMs: 5, terminatedTtlMs: 6, seed: 7, tickMs: 0, logLevel: 'silent', port: 0, host: '127.0.0.1' });
    } finally {
      await server.stop();
    }
  });

  it('keeps state in a db file across restarts', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ec2lite-lib-'));
    const db = path.join(dir, 'state.db');
    try {
      const first = await startEc2lite({ db });
      let ec2 = new EC2Client({ ...first.clientConfig(), maxAttempts: 1 });
      const vpcId = (await ec2.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16' }))).Vpc!.VpcId!;
      ec2.destroy();
      await first.stop();
      const second = await startEc2lite({ db });
      ec2 = new EC2Client({ ...second.clientConfig(), maxAttempts: 1 });
      expect((await ec2.send(new DescribeVpcsCommand({ VpcIds: [vpcId] }))).Vpcs).toHaveLength(1);
      ec2.destroy();
      await second.stop();
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('rejects when the port is taken, leaving nothing open', async () => {
    const server = await startEc2lite();
    try {
      await expect(startEc2lite({ port: server.port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    } finally {
      await server.stop();
    }
  });
});

describe('mockEc2lite', () => {
  it('takes the region and the account (12-digit access key id) from each client, with defaults when unset', async () => {
    const mock = mockEc2lite(EC2Client, { region: 'ap-south-1', account: '999988887777' });
    try {
      const bare = new EC2Client({});
      const zones = await bare.send(new DescribeAvailabilityZonesCommand({}));
      expect(zones.AvailabilityZones!.map((z) => z.RegionName)).toContain(process.env.AWS_REGION ?? 'ap-south-1');
      const tokyo = new EC2Client({ region: 'ap-northeast-1', credentials: { accessKeyId: '123412341234', secretAccessKey: 'x' } });
      expect((await tokyo.send(new DescribeVpcsCommand({}))).Vpcs![0].OwnerId).toBe('123412341234');
      const named = new EC2Client({ region: 'eu-west-1', credentials: async () => ({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'x' }) });
      expect((await named.send(new DescribeVpcsCommand({}))).Vpcs![0].OwnerId).toBe('999988887777');
    } finally {
      mock.restore();
    }
  });

  it('lets aws-sdk-client-mock behaviours win for the commands they name; everything else reaches ec2lite', async () => {
    const mock = mockEc2lite(EC2Client);
    try {
      (mock.stub as unknown as ReturnType<typeof mockClient>).on(DescribeRegionsCommand).resolves({ Regions: [{ RegionName: 'mars-1' }] });
      const ec2 = new EC2Client({ region: 'us-east-1' });
      expect((await ec2.send(new DescribeRegionsCommand({}))).Regions).toEqual([{ RegionName: 'mars-1' }]);
      expect((await ec2.send(new DescribeVpcsCommand({}))).Vpcs).toHaveLength(1);
    } finally {
      mock.restore();
    }
  });

  it('accepts a stub made with mockClient (fully typed), and one client instance', async () => {
    const stub = mockClient(EC2Client);
    const mock = mockEc2lite(stub, { seed: 1 });
    expect(mock.stub).toBe(stub);
    const ec2 = new EC2Client({ region: 'us-east-1' });
    await ec2.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16' }));
    expect(stub.commandCalls(CreateVpcCommand)).toHaveLength(1);
    mock.restore();

    const one = new EC2Client({ region: 'us-east-1' });
    const only = mockEc2lite(one);
    expect((await one.send(new DescribeVpcsCommand({}))).Vpcs).toHaveLength(1);
    only.restore();
  });

  it('shares state with a server through `runtime`; restore() puts send back and leaves a shared runtime open', async () => {
    const server = await startEc2lite();
    const original = EC2Client.prototype.send;
    const httpClient = new EC2Client({ ...server.clientConfig(), maxAttempts: 1 });
    const vpcId = (await httpClient.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16' }))).Vpc!.VpcId!;
    const inProcessClient = new EC2Client({ region: server.runtime.config.region });
    const mock = mockEc2lite(inProcessClient, { runtime: server.runtime });
    expect((await inProcessClient.send(new DescribeVpcsCommand({ VpcIds: [vpcId] }))).Vpcs).toHaveLength(1);
    mock.restore();
    expect(EC2Client.prototype.send).toBe(original);
    expect((await httpClient.send(new DescribeVpcsCommand({ VpcIds: [vpcId] }))).Vpcs).toHaveLength(1); // still open
    httpClient.destroy();
    await server.stop();
  });

  it('rejects a runtime that is not an ec2lite one, before stubbing anything', () => {
    const client = new EC2Client({});
    expect(() => mockEc2lite(client, { runtime: {} as never })).toThrow(TypeError);
    expect(Object.prototype.hasOwnProperty.call(client, 'send')).toBe(false);
  });

  it('errors are EC2ServiceException with a hidden $response stand-in', async () => {
    const mock = mockEc2lite(EC2Client);
    try {
      const e = (await new EC2Client({ region: 'us-east-1' }).send(new DescribeVpcsCommand({ VpcIds: ['vpc-1'] })).catch((x) => x)) as EC2ServiceException & {
        $response: { statusCode: number; headers: Record<string, string> };
      };
      expect(e).toBeInstanceOf(EC2ServiceException);
      expect(e).toMatchObject({ name: 'InvalidVpcID.Malformed', $fault: 'client', $metadata: { httpStatusCode: 400, attempts: 1 } });
      expect(e.$response.statusCode).toBe(400);
      expect(e.$response.headers['x-amzn-requestid']).toBe(e.$metadata.requestId);
      expect(Object.keys(e)).not.toContain('$response');
    } finally {
      mock.restore();
    }
  });
});
