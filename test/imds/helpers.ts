/** What IMDS should say about an instance's interfaces, derived from the API; and readers for the two clients. */
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { DescribeInstanceTypesCommand, DescribeSubnetsCommand, DescribeVpcsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { MetadataService } from '@aws-sdk/ec2-metadata-service';
import { describeInstance } from '../helpers/network';

export type InterfaceKeys = Record<string, string | Record<string, string>>;
export type Interfaces = Record<string, InterfaceKeys>;

/** network/interfaces/macs/<mac>/… as DescribeInstances, DescribeSubnets and DescribeVpcs describe them. */
export async function expectedInterfaces(ec2: EC2Client, instanceId: string): Promise<Interfaces> {
  const instance = await describeInstance(ec2, instanceId);
  const nics = instance.NetworkInterfaces!;
  const subnets = (await ec2.send(new DescribeSubnetsCommand({ SubnetIds: [...new Set(nics.map((n) => n.SubnetId!))] }))).Subnets!;
  const vpcs = (await ec2.send(new DescribeVpcsCommand({ VpcIds: [...new Set(nics.map((n) => n.VpcId!))] }))).Vpcs!;
  const [type] = (await ec2.send(new DescribeInstanceTypesCommand({ InstanceTypes: [instance.InstanceType!] }))).InstanceTypes!;
  // AWS serves network-card only on types with several cards (404 elsewhere).
  const multiCard = type.NetworkInfo!.MaximumNetworkCards! > 1;
  const out: Interfaces = {};
  for (const n of nics) {
    const ips = [...n.PrivateIpAddresses!].sort((a, b) => Number(b.Primary) - Number(a.Primary));
    const publics = ips.filter((ip) => ip.Association?.PublicIp);
    const vpcCidr = vpcs.find((v) => v.VpcId === n.VpcId)!.CidrBlock!;
    const keys: InterfaceKeys = {
      'device-number': String(n.Attachment!.DeviceIndex),
      'interface-id': n.NetworkInterfaceId!,
      'local-hostname': n.PrivateDnsName!,
      'local-ipv4s': ips.map((ip) => ip.PrivateIpAddress).join('\n'),
      mac: n.MacAddress!,
      'owner-id': n.OwnerId!,
      'security-group-ids': n.Groups!.map((g) => g.GroupId).join('\n'),
      'security-groups': n.Groups!.map((g) => g.GroupName).join('\n'),
      'subnet-id': n.SubnetId!,
      'subnet-ipv4-cidr-block': subnets.find((s) => s.SubnetId === n.SubnetId)!.CidrBlock!,
      'vpc-id': n.VpcId!,
      'vpc-ipv4-cidr-block': vpcCidr,
      'vpc-ipv4-cidr-blocks': vpcCidr,
    };
    if (multiCard) keys['network-card'] = String(n.Attachment!.NetworkCardIndex);
    if (publics.length > 0) {
      keys['ipv4-associations'] = Object.fromEntries(publics.map((ip) => [ip.Association!.PublicIp!, ip.PrivateIpAddress!]));
      keys['public-hostname'] = publics[0].Association!.PublicDnsName!;
      keys['public-ipv4s'] = publics.map((ip) => ip.Association!.PublicIp).join('\n');
    }
    out[n.MacAddress!] = keys;
  }
  return out;
}

/** Reads every interface directory through @aws-sdk/ec2-metadata-service (IMDSv2: it fetches a token first). */
export async function readWithJsClient(ms: MetadataService): Promise<Interfaces> {
  const get = (p: string) => ms.request(`/latest/meta-data/${p}`, {});
  const out: Interfaces = {};
  for (const entry of (await get('network/interfaces/macs/')).split('\n').filter(Boolean)) {
    expect(entry.endsWith('/')).toBe(true); // directory entries end with '/'
    const mac = entry.slice(0, -1);
    const keys: InterfaceKeys = {};
    for (const key of (await get(`network/interfaces/macs/${mac}/`)).split('\n')) {
      if (key.endsWith('/')) {
        const sub = key.slice(0, -1);
        const children = (await get(`network/interfaces/macs/${mac}/${sub}/`)).split('\n');
        keys[sub] = Object.fromEntries(await Promise.all(children.map(async (c) => [c, await get(`network/interfaces/macs/${mac}/${sub}/${c}`)])));
      } else {
        keys[key] = await get(`network/interfaces/macs/${mac}/${key}`);
      }
    }
    out[mac] = keys;
  }
  return out;
}

export interface BotocoreResult {
  endpoint: string;
  token: boolean;
  region: string | null;
  instanceId: string | null;
  mac: string | null;
  macs: Interfaces;
}

const SCRIPT = path.join(__dirname, 'botocore_imds.py');

/** Runs botocore's IMDS fetcher in a child python (asynchronously: the in-process server must keep answering). */
export async function readWithBotocore(endpoint: string): Promise<BotocoreResult> {
  const { stdout } = await promisify(execFile)('python3', [SCRIPT], {
    env: {
      ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('AWS_'))),
      AWS_EC2_METADATA_SERVICE_ENDPOINT: endpoint,
      AWS_EC2_METADATA_DISABLED: 'false',
      AWS_CONFIG_FILE: path.join(__dirname, 'no-such-aws-config'),
      AWS_SHARED_CREDENTIALS_FILE: path.join(__dirname, 'no-such-aws-credentials'),
    },
    timeout: 20_000,
  });
  return JSON.parse(stdout) as BotocoreResult;
}
