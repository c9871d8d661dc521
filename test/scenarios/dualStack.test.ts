/**
 * The story of issue 15 through the SDK v3: a dual-stack VPC with two subnets, an instance with three interfaces
 * each holding IPv6 addresses and a /28 prefix, a hot-attached fourth; IMDS lists it all; terminate frees every
 * address and prefix (the subnets' counts are back where they started).
 */
import {
  AttachNetworkInterfaceCommand,
  CreateNetworkInterfaceCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  DeleteNetworkInterfaceCommand,
  DescribeInstancesCommand,
  DescribeNetworkInterfacesCommand,
  RunInstancesCommand,
  TerminateInstancesCommand,
} from '@aws-sdk/client-ec2';
import { formatCidr6, parseCidr6 } from '../../src/domain/cidr6';
import { startTestServer, TestServer } from '../helpers/server';
import { AMI, availableIps, describeInstance } from '../helpers/network';

let t: TestServer;
beforeEach(async () => {
  t = await startTestServer({ pendingMs: 1000, attachMs: 500, detachMs: 500, shuttingDownMs: 1000 });
});
afterEach(() => t.close());

/** The k-th block of length `len` inside `outer`. */
const nth = (outer: string, len: number, k: number) => {
  const c = parseCidr6(outer)!;
  return formatCidr6({ base: c.base + (BigInt(k) << BigInt(128 - len)), prefix: len });
};

it('a dual-stack instance with prefixes on every interface, seen by IMDS, freed by terminate', async () => {
  const vpc = (await t.ec2.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16', AmazonProvidedIpv6CidrBlock: true }))).Vpc!;
  const block56 = vpc.Ipv6CidrBlockAssociationSet![0].Ipv6CidrBlock!;
  const subnet = async (k: number) =>
    (
      await t.ec2.send(
        new CreateSubnetCommand({ VpcId: vpc.VpcId!, CidrBlock: `10.0.${k}.0/24`, Ipv6CidrBlock: nth(block56, 64, k), AvailabilityZone: 'us-east-1a' }),
      )
    ).Subnet!.SubnetId!;
  const [a, b] = [await subnet(1), await subnet(2)];
  const start = { a: await availableIps(t.ec2, a), b: await availableIps(t.ec2, b) };

  const nic = (DeviceIndex: number, SubnetId: string) => ({ DeviceIndex, SubnetId, Ipv6AddressCount: 2, Ipv4PrefixCount: 1 });
  const run = await t.ec2.send(
    new RunInstancesCommand({
      ImageId: AMI,
      MinCount: 1,
      MaxCount: 1,
      InstanceType: 'm5.xlarge', // 4 interfaces
      NetworkInterfaces: [nic(0, a), { ...nic(1, b), Ipv6PrefixCount: 1 }, nic(2, a)],
    }),
  );
  const instanceId = run.Instances![0].InstanceId!;
  t.advance(2_000);
  const fourth = (await t.ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: b, Ipv6AddressCount: 1, Ipv4PrefixCount: 1, Ipv6PrefixCount: 1 })))
    .NetworkInterface!;
  await t.ec2.send(new AttachNetworkInterfaceCommand({ NetworkInterfaceId: fourth.NetworkInterfaceId!, InstanceId: instanceId, DeviceIndex: 3 }));
  t.advance(1_000);

  const inst = await describeInstance(t.ec2, instanceId);
  const byIndex = new Map(inst.NetworkInterfaces!.map((ni) => [ni.Attachment!.DeviceIndex!, ni]));
  expect([...byIndex.keys()].sort()).toEqual([0, 1, 2, 3]);
  const a64 = nth(block56, 64, 1);
  const b64 = nth(block56, 64, 2);
  const addr = (block: string, k: number) => formatCidr6({ base: parseCidr6(block)!.base + BigInt(k), prefix: 128 }).replace('/128', '');
  // subnet a: device 0 then 2; subnet b: device 1 then the hot-attached 3
  expect(byIndex.get(0)!.Ipv4Prefixes).toEqual([{ Ipv4Prefix: '10.0.1.16/28' }]);
  expect(byIndex.get(2)!.Ipv4Prefixes).toEqual([{ Ipv4Prefix: '10.0.1.32/28' }]);
  expect(byIndex.get(1)!.Ipv4Prefixes).toEqual([{ Ipv4Prefix: '10.0.2.16/28' }]);
  expect(byIndex.get(3)!.Ipv4Prefixes).toEqual([{ Ipv4Prefix: '10.0.2.32/28' }]);
  expect(byIndex.get(0)!.Ipv6Addresses!.map((x) => x.Ipv6Address)).toEqual([addr(a64, 4), addr(a64, 5)]);
  expect(byIndex.get(2)!.Ipv6Addresses!.map((x) => x.Ipv6Address)).toEqual([addr(a64, 6), addr(a64, 7)]);
  expect(byIndex.get(1)!.Ipv6Prefixes).toEqual([{ Ipv6Prefix: nth(b64, 80, 1) }]);
  expect(byIndex.get(3)!.Ipv6Prefixes).toEqual([{ Ipv6Prefix: nth(b64, 80, 2) }]);
  expect(byIndex.get(3)!.Ipv6Addresses!.map((x) => x.Ipv6Address)).toEqual([addr(b64, 6)]);

  // DescribeInstances finds the instance by any interface's prefix
  const found = await t.ec2.send(
    new DescribeInstancesCommand({ Filters: [{ Name: 'network-interface.ipv4-prefixes.ipv4-prefix', Values: ['10.0.2.32/28'] }] }),
  );
  expect(found.Reservations!.flatMap((r) => r.Instances!.map((i) => i.InstanceId))).toEqual([instanceId]);

  // IMDS lists addresses and prefixes under each MAC
  const imds = async (mac: string, key: string) =>
    (await fetch(`${t.url}/_ec2lite/imds/${instanceId}/latest/meta-data/network/interfaces/macs/${mac}/${key}`)).text();
  for (const [index, ni] of byIndex) {
    expect(await imds(ni.MacAddress!, 'ipv4-prefix')).toBe(ni.Ipv4Prefixes![0].Ipv4Prefix);
    expect(await imds(ni.MacAddress!, 'ipv6s')).toBe(ni.Ipv6Addresses!.map((x) => x.Ipv6Address).join('\n'));
    const listing = (await imds(ni.MacAddress!, '')).split('\n');
    expect(listing).toEqual(expect.arrayContaining(['ipv4-prefix', 'ipv6s', 'subnet-ipv6-cidr-blocks']));
    if (index === 1 || index === 3) expect(await imds(ni.MacAddress!, 'ipv6-prefix')).toBe(ni.Ipv6Prefixes![0].Ipv6Prefix);
    else expect(listing).not.toContain('ipv6-prefix');
  }

  // the broadcast document lists the prefixes with each interface
  const doc = await (await fetch(`${t.url}/_ec2lite/broadcast?fresh=true&account=123456789012`)).text();
  const eniXml = doc.slice(doc.indexOf(`<networkInterface name="${fourth.NetworkInterfaceId}">`));
  const own = eniXml.slice(0, eniXml.indexOf('</networkInterface>'));
  expect(own).toMatch(/<ipv4Prefixes>\s*<value>10\.0\.2\.32\/28<\/value>\s*<\/ipv4Prefixes>/);
  expect(own).toContain(`<value>${nth(b64, 80, 2)}</value>`);

  // terminate: the three launch interfaces go with their addresses and prefixes; the attached one stays until deleted
  await t.ec2.send(new TerminateInstancesCommand({ InstanceIds: [instanceId] }));
  t.advance(5_000);
  await t.ec2.send(new DeleteNetworkInterfaceCommand({ NetworkInterfaceId: fourth.NetworkInterfaceId! }));
  expect({ a: await availableIps(t.ec2, a), b: await availableIps(t.ec2, b) }).toEqual(start);
  const left = await t.ec2.send(
    new DescribeNetworkInterfacesCommand({ Filters: [{ Name: 'ipv4-prefixes.ipv4-prefix', Values: ['10.0.1.16/28', '10.0.1.32/28', '10.0.2.16/28', '10.0.2.32/28'] }] }),
  );
  expect(left.NetworkInterfaces).toEqual([]);
  // every address and prefix is free again: a new interface gets the first ones back
  const again = (await t.ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: b, Ipv6AddressCount: 1, Ipv4PrefixCount: 1, Ipv6PrefixCount: 1 })))
    .NetworkInterface!;
  expect([again.PrivateIpAddress, again.Ipv4Prefixes, again.Ipv6Addresses![0].Ipv6Address, again.Ipv6Prefixes]).toEqual([
    '10.0.2.4',
    [{ Ipv4Prefix: '10.0.2.16/28' }],
    addr(b64, 4),
    [{ Ipv6Prefix: nth(b64, 80, 1) }],
  ]);
});
