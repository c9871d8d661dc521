/**
 * IMDS rules over raw HTTP: IMDSv2 tokens (TTL bounds, X-Forwarded-For, expiry on the manual clock, per-instance
 * binding), HttpTokens / HttpEndpoint, what exists and what answers 404, the content of the common keys, and how
 * the --imds-port listener picks its instance.
 */
import {
  CreateTagsCommand,
  ImportKeyPairCommand,
  Instance,
  ModifyInstanceMetadataOptionsCommand,
  StopInstancesCommand,
  TerminateInstancesCommand,
} from '@aws-sdk/client-ec2';
import { MetadataService } from '@aws-sdk/ec2-metadata-service';
import { startExtraListeners } from '../../src/server/extraListeners';
import { createNetwork, describeInstance, runOne, TestNetwork } from '../helpers/network';
import { startTestServer, TestServer } from '../helpers/server';

let t: TestServer;
let net: TestNetwork;
let inst: Instance;

const USER_DATA = '#!/bin/sh\necho "hello from user-data"\n';

beforeEach(async () => {
  t = await startTestServer();
  net = await createNetwork(t.ec2);
  await t.ec2.send(new ImportKeyPairCommand({ KeyName: 'deploy', PublicKeyMaterial: Buffer.from(PUBLIC_KEY) }));
  const launched = await runOne(t.ec2, {
    KeyName: 'deploy',
    UserData: Buffer.from(USER_DATA).toString('base64'),
    NetworkInterfaces: [{ DeviceIndex: 0, SubnetId: net.subnetA1 }],
    TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'web-1' }, { Key: 'tier', Value: 'front' }] }],
  });
  t.advance();
  inst = await describeInstance(t.ec2, launched.InstanceId!);
});
afterEach(() => t.close());

const base = () => `${t.url}/_ec2lite/imds/${inst.InstanceId}`;

async function get(path: string, headers: Record<string, string> = {}, root = base()): Promise<{ status: number; body: string; type: string | null }> {
  const res = await fetch(`${root}${path}`, { headers });
  return { status: res.status, body: await res.text(), type: res.headers.get('content-type') };
}

async function putToken(url: string, headers: Record<string, string>): Promise<{ status: number; body: string; ttl: string | null }> {
  const res = await fetch(url, { method: 'PUT', headers });
  return { status: res.status, body: await res.text(), ttl: res.headers.get('x-aws-ec2-metadata-token-ttl-seconds') };
}

const TTL = 'X-aws-ec2-metadata-token-ttl-seconds';
const TOKEN = 'X-aws-ec2-metadata-token';

describe('IMDSv2 tokens', () => {
  it('PUT /latest/api/token issues a token for a TTL of 1..21600 seconds, at the root and per instance', async () => {
    for (const url of [`${t.url}/latest/api/token`, `${base()}/latest/api/token`]) {
      const ok = await putToken(url, { [TTL]: '21600' });
      expect([ok.status, ok.ttl]).toEqual([200, '21600']);
      expect(ok.body.length).toBeGreaterThan(20);
      expect((await get('/latest/meta-data/instance-id', { [TOKEN]: ok.body })).body).toBe(inst.InstanceId);
      for (const bad of ['0', '21601', 'abc', '-5', '1.5']) expect((await putToken(url, { [TTL]: bad })).status).toBe(400);
      expect((await putToken(url, {})).status).toBe(400);
      expect((await putToken(url, { [TTL]: '60', 'X-Forwarded-For': '10.0.0.1' })).status).toBe(403);
    }
    expect((await get('/latest/api/token')).status).toBe(405);
  });

  it('a token expires on the clock; an unknown one is refused (401) even when tokens are optional', async () => {
    const { body: token } = await putToken(`${t.url}/latest/api/token`, { [TTL]: '2' });
    expect((await get('/latest/meta-data/ami-id', { [TOKEN]: token })).status).toBe(200);
    t.runtime.services.clock.advance(1999);
    expect((await get('/latest/meta-data/ami-id', { [TOKEN]: token })).status).toBe(200);
    t.runtime.services.clock.advance(1);
    expect((await get('/latest/meta-data/ami-id', { [TOKEN]: token })).status).toBe(401);
    expect((await get('/latest/meta-data/ami-id', { [TOKEN]: 'AQAEAnot-a-token==' })).status).toBe(401);
    expect((await get('/latest/meta-data/ami-id')).status).toBe(200); // IMDSv1 still allowed
  });

  it('a per-instance token serves only its instance; a root token serves every instance', async () => {
    const other = await runOne(t.ec2, { NetworkInterfaces: [{ DeviceIndex: 0, SubnetId: net.subnetA2 }] });
    t.advance();
    const otherBase = `${t.url}/_ec2lite/imds/${other.InstanceId}`;
    const bound = (await putToken(`${base()}/latest/api/token`, { [TTL]: '60' })).body;
    expect((await get('/latest/meta-data/instance-id', { [TOKEN]: bound })).status).toBe(200);
    expect((await get('/latest/meta-data/instance-id', { [TOKEN]: bound }, otherBase)).status).toBe(401);
    const root = (await putToken(`${t.url}/latest/api/token`, { [TTL]: '60' })).body;
    expect((await get('/latest/meta-data/instance-id', { [TOKEN]: root }, otherBase)).body).toBe(other.InstanceId);
  });

  it('HttpTokens=required refuses IMDSv1 (401); the JS client still works, fetching its token at the root', async () => {
    await t.ec2.send(new ModifyInstanceMetadataOptionsCommand({ InstanceId: inst.InstanceId!, HttpTokens: 'required' }));
    expect((await get('/latest/meta-data/instance-id')).status).toBe(401);
    const ms = new MetadataService({ endpoint: base(), retries: 0 });
    expect(await ms.request('/latest/meta-data/instance-id', {})).toBe(inst.InstanceId);
    const v1only = new MetadataService({ endpoint: base(), retries: 0, disableFetchToken: true });
    await expect(v1only.request('/latest/meta-data/instance-id', {})).rejects.toMatchObject({ $metadata: { httpStatusCode: 401 } });
  });

  it('HttpEndpoint=disabled answers 403 to everything, the token request included', async () => {
    await t.ec2.send(new ModifyInstanceMetadataOptionsCommand({ InstanceId: inst.InstanceId!, HttpEndpoint: 'disabled' }));
    expect((await get('/latest/meta-data/instance-id')).status).toBe(403);
    expect((await putToken(`${base()}/latest/api/token`, { [TTL]: '60' })).status).toBe(403);
    await t.ec2.send(new ModifyInstanceMetadataOptionsCommand({ InstanceId: inst.InstanceId!, HttpEndpoint: 'enabled' }));
    expect((await get('/latest/meta-data/instance-id')).status).toBe(200);
  });
});

describe('content', () => {
  it('lists directories with a trailing "/" and answers the common keys as DescribeInstances shows them', async () => {
    const top = (await get('/latest/meta-data/')).body.split('\n');
    expect(top).toEqual([...top].sort());
    expect(top).toEqual(expect.arrayContaining(['ami-id', 'hostname', 'instance-id', 'instance-type', 'local-ipv4', 'mac', 'network/', 'placement/', 'public-keys/', 'security-groups', 'services/']));
    expect(top).not.toContain('public-ipv4'); // no public address: not listed…
    expect((await get('/latest/meta-data/public-ipv4')).status).toBe(404); // …and not found
    expect(top).not.toContain('tags/'); // InstanceMetadataTags disabled
    expect((await get('/latest/')).body).toBe('dynamic\nmeta-data\nuser-data');

    const eth0 = inst.NetworkInterfaces![0];
    const expected: Record<string, string> = {
      'ami-id': inst.ImageId!,
      'instance-id': inst.InstanceId!,
      'instance-type': inst.InstanceType!,
      'local-ipv4': inst.PrivateIpAddress!,
      'local-hostname': inst.PrivateDnsName!,
      hostname: inst.PrivateDnsName!,
      mac: eth0.MacAddress!,
      'reservation-id': (await describeReservation()).ReservationId!,
      'placement/availability-zone': inst.Placement!.AvailabilityZone!,
      'placement/availability-zone-id': inst.Placement!.AvailabilityZoneId!,
      'placement/region': 'us-east-1',
      'security-groups': inst.SecurityGroups!.map((g) => g.GroupName).join('\n'),
      'services/domain': 'amazonaws.com',
      'network/interfaces/macs/': `${eth0.MacAddress}/`,
      'public-keys/': '0=deploy',
      'public-keys/0/openssh-key': PUBLIC_KEY.split(' ').slice(0, 2).join(' '), // the material ImportKeyPair stored
    };
    for (const [path, value] of Object.entries(expected)) {
      const got = await get(`/latest/meta-data/${path}`);
      expect([path, got.status, got.body]).toEqual([path, 200, value]);
      expect(got.type).toMatch(/^text\/plain/);
    }
    // the trailing slash is optional; unknown paths and children of leaves are 404
    expect((await get('/latest/meta-data/placement')).body).toBe('availability-zone\navailability-zone-id\nregion');
    expect((await get('/latest/meta-data/no-such-key')).status).toBe(404);
    expect((await get('/latest/meta-data/instance-id/more')).status).toBe(404);
    expect((await get('/nonsense/meta-data/instance-id')).status).toBe(404);
    expect((await get('/2021-07-15/meta-data/instance-id')).body).toBe(inst.InstanceId); // dated versions = latest
  });

  it('network-card under each MAC only on types with several cards; there device-number repeats across cards', async () => {
    const eth0 = inst.NetworkInterfaces![0].MacAddress!;
    expect((await get(`/latest/meta-data/network/interfaces/macs/${eth0}/`)).body.split('\n')).not.toContain('network-card');
    expect((await get(`/latest/meta-data/network/interfaces/macs/${eth0}/network-card`)).status).toBe(404);

    const p4d = await runOne(t.ec2, {
      InstanceType: 'p4d.24xlarge',
      NetworkInterfaces: [
        { DeviceIndex: 0, SubnetId: net.subnetA1 },
        { DeviceIndex: 0, NetworkCardIndex: 1, SubnetId: net.subnetA2 },
        { DeviceIndex: 1, NetworkCardIndex: 3, SubnetId: net.subnetA2 },
      ],
    });
    t.advance();
    const root = `${t.url}/_ec2lite/imds/${p4d.InstanceId}`;
    const seen = [];
    for (const n of (await describeInstance(t.ec2, p4d.InstanceId!)).NetworkInterfaces!) {
      const dir = `/latest/meta-data/network/interfaces/macs/${n.MacAddress}/`;
      expect((await get(dir, {}, root)).body.split('\n')).toContain('network-card');
      seen.push([(await get(`${dir}network-card`, {}, root)).body, (await get(`${dir}device-number`, {}, root)).body]);
      expect(seen[seen.length - 1]).toEqual([String(n.Attachment!.NetworkCardIndex), String(n.Attachment!.DeviceIndex)]);
    }
    expect(seen.sort()).toEqual([['0', '0'], ['1', '0'], ['3', '1']]);
  });

  it('serves user-data decoded, and the identity document as AWS formats it', async () => {
    expect((await get('/latest/user-data')).body).toBe(USER_DATA);
    const doc = await get('/latest/dynamic/instance-identity/document');
    expect(doc.type).toMatch(/^application\/json/);
    expect(doc.body).toContain('"instanceId" : "');
    expect(JSON.parse(doc.body)).toEqual({
      accountId: '123456789012',
      architecture: 'x86_64',
      availabilityZone: inst.Placement!.AvailabilityZone,
      billingProducts: null,
      devpayProductCodes: null,
      marketplaceProductCodes: null,
      imageId: inst.ImageId,
      instanceId: inst.InstanceId,
      instanceType: inst.InstanceType,
      kernelId: null,
      pendingTime: inst.LaunchTime!.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      privateIp: inst.PrivateIpAddress,
      ramdiskId: null,
      region: 'us-east-1',
      version: '2017-09-30',
    });
  });

  it('shows instance tags only with InstanceMetadataTags=enabled, following CreateTags', async () => {
    expect((await get('/latest/meta-data/tags/instance/Name')).status).toBe(404);
    await t.ec2.send(new ModifyInstanceMetadataOptionsCommand({ InstanceId: inst.InstanceId!, InstanceMetadataTags: 'enabled' }));
    expect((await get('/latest/meta-data/tags/instance')).body).toBe('Name\ntier');
    expect((await get('/latest/meta-data/tags/instance/Name')).body).toBe('web-1');
    await t.ec2.send(new CreateTagsCommand({ Resources: [inst.InstanceId!], Tags: [{ Key: 'tier', Value: 'back' }] }));
    expect((await get('/latest/meta-data/tags/instance/tier')).body).toBe('back');
  });

  it('answers 404 for unknown and terminated instances; a stopped one is still described', async () => {
    expect((await get('/latest/meta-data/instance-id', {}, `${t.url}/_ec2lite/imds/i-0123456789abcdef0`)).status).toBe(404);
    await t.ec2.send(new StopInstancesCommand({ InstanceIds: [inst.InstanceId!] }));
    t.advance();
    expect((await get('/latest/meta-data/instance-id')).status).toBe(200);
    await t.ec2.send(new TerminateInstancesCommand({ InstanceIds: [inst.InstanceId!] }));
    t.advance();
    expect((await get('/latest/meta-data/instance-id')).status).toBe(404);
    expect((await get('/latest/')).status).toBe(404);
  });
});

describe('--imds-port instance selection', () => {
  it('--imds-instance, else the X-Ec2lite-Instance-Id header, else the only running instance, else 404', async () => {
    const extra = await startExtraListeners(t.server, { ...t.runtime.config, imdsPort: 0 });
    const pinned = await startExtraListeners(t.server, { ...t.runtime.config, imdsPort: 0, imdsInstance: inst.InstanceId });
    try {
      const at = (root: string, headers: Record<string, string> = {}) => get('/latest/meta-data/instance-id', headers, root);
      expect((await at(extra.imdsUrl!)).body).toBe(inst.InstanceId); // the only running one
      expect((await get('//latest/meta-data/instance-id', {}, extra.imdsUrl!)).body).toBe(inst.InstanceId); // the JS client's '//'

      const other = await runOne(t.ec2, { NetworkInterfaces: [{ DeviceIndex: 0, SubnetId: net.subnetA2 }] });
      t.advance();
      expect((await at(extra.imdsUrl!)).status).toBe(404); // two running: ambiguous
      expect((await at(extra.imdsUrl!, { 'X-Ec2lite-Instance-Id': other.InstanceId! })).body).toBe(other.InstanceId);
      expect((await at(pinned.imdsUrl!, { 'X-Ec2lite-Instance-Id': other.InstanceId! })).body).toBe(inst.InstanceId);

      // tokens from the listener's root work on the per-instance paths too
      const token = (await putToken(`${extra.imdsUrl}/latest/api/token`, { [TTL]: '60' })).body;
      expect((await get('/latest/meta-data/instance-id', { [TOKEN]: token })).status).toBe(200);
    } finally {
      await extra.close();
      await pinned.close();
    }
  });
});

async function describeReservation() {
  const { DescribeInstancesCommand } = await import('@aws-sdk/client-ec2');
  return (await t.ec2.send(new DescribeInstancesCommand({ InstanceIds: [inst.InstanceId!] }))).Reservations![0];
}

const PUBLIC_KEY =
  'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7pn3s0Iw0tT9E5Cw5ytJd2wX7o1wJ8b6f0Jb5Yb0FvM5f7J0nZlY2b6qkq1kQ0z8pX1v1k9N4hQ3y3uZb7m6b0j8k9P2yqJxJ0Tz9b7C8q7Yb9d3a6Fh5m0sZ2v3x4c5d6e7f8g9h0i1j2k3l4m5n6o7p8q9r0s1t2u3v4w5x6y7z8A9B0C1D2E3F4G5H6I7J8K9L0M1N2O3P4Q5R6S7T8U9V0W1X2Y3Z4a5b6c7d8e9f0g1h2i3j4k5l6m7n8o9p0q1r2s3t4u5v6w7x8y9z0 deploy@example';
