import {
  AssignIpv6AddressesCommand,
  AssignPrivateIpAddressesCommand,
  CreateNetworkInterfaceCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  DeleteNetworkInterfaceCommand,
  DescribeNetworkInterfacesCommand,
  UnassignIpv6AddressesCommand,
  UnassignPrivateIpAddressesCommand,
} from '@aws-sdk/client-ec2';
import { expectEc2Error, TestServer } from '../helpers/server';
import { useTestServer } from '../helpers/env';
import { formatCidr6, parseCidr6 } from '../../src/domain/cidr6';

/** The k-th block of length `len` inside the /64 `v6` ("…::"), in canonical text. */
const block = (v6: string, len: number, k: number) => {
  const base = parseCidr6(`${v6}/64`)!.base;
  return formatCidr6({ base: base + (BigInt(k) << BigInt(128 - len)), prefix: len });
};
import { availableIps, describeInterface } from '../helpers/network';

let t: TestServer;
useTestServer({}, (env) => ({ t } = env));

let n = 0;
/** A dual-stack VPC with one subnet of the given IPv4 size; `v6` is the /64 without its length ("…::"). */
async function network(size = 24): Promise<{ vpcId: string; subnetId: string; base: string; v6: string }> {
  n++;
  const vpc = (await t.ec2.send(new CreateVpcCommand({ CidrBlock: `10.${n}.0.0/16`, AmazonProvidedIpv6CidrBlock: true }))).Vpc!;
  const block64 = vpc.Ipv6CidrBlockAssociationSet![0].Ipv6CidrBlock!.replace('/56', '/64');
  const subnet = (
    await t.ec2.send(new CreateSubnetCommand({ VpcId: vpc.VpcId!, CidrBlock: `10.${n}.1.0/${size}`, Ipv6CidrBlock: block64, AvailabilityZone: 'us-east-1a' }))
  ).Subnet!;
  return { vpcId: vpc.VpcId!, subnetId: subnet.SubnetId!, base: `10.${n}.1.`, v6: block64.replace('/64', '') };
}

describe('IPv4 prefixes', () => {
  it('CreateNetworkInterface takes aligned /28s that no address overlaps, 16 addresses each off the subnet count', async () => {
    const net = await network();
    const before = await availableIps(t.ec2, net.subnetId);
    const eni = (await t.ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: net.subnetId, Ipv4PrefixCount: 2 }))).NetworkInterface!;
    expect(eni.PrivateIpAddress).toBe(`${net.base}4`);
    expect(eni.Ipv4Prefixes).toEqual([{ Ipv4Prefix: `${net.base}16/28` }, { Ipv4Prefix: `${net.base}32/28` }]);
    expect(await availableIps(t.ec2, net.subnetId)).toBe(before - 1 - 32);
    // automatic addresses skip the prefixes
    const other = (await t.ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: net.subnetId, SecondaryPrivateIpAddressCount: 11 }))).NetworkInterface!;
    expect(other.PrivateIpAddresses!.map((p) => p.PrivateIpAddress)).toEqual([
      ...[5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15].map((k) => `${net.base}${k}`),
      `${net.base}48`,
    ]);
    // a named address inside a prefix, or a prefix over an address, is in use
    await expectEc2Error(t.ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: net.subnetId, PrivateIpAddress: `${net.base}20` })), {
      code: 'InvalidIPAddress.InUse',
      message: 'The specified address is already in use.',
    });
    await expectEc2Error(t.ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: net.subnetId, Ipv4Prefixes: [{ Ipv4Prefix: `${net.base}48/28` }] })), {
      code: 'InvalidIPAddress.InUse',
      message: `Prefix ${net.base}48/28 is in use.`,
    });
    await expectEc2Error(t.ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: net.subnetId, Ipv4Prefixes: [{ Ipv4Prefix: `${net.base}64/27` }] })), {
      code: 'InvalidParameterValue',
      message: `The prefix ${net.base}64/27 is invalid. Only /28 prefixes are supported.`,
    });
    await expectEc2Error(
      t.ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: net.subnetId, Ipv4PrefixCount: 1, Ipv4Prefixes: [{ Ipv4Prefix: `${net.base}64/28` }] })),
      { code: 'InvalidParameterCombination', message: 'You may specify either IPv4 prefixes or an IPv4 prefix count, but not both.' },
    );
    const named = (await t.ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: net.subnetId, Ipv4Prefixes: [{ Ipv4Prefix: `${net.base}64/28` }] })))
      .NetworkInterface!;
    expect(named.Ipv4Prefixes).toEqual([{ Ipv4Prefix: `${net.base}64/28` }]);
    // deleting the interface frees its prefixes
    await t.ec2.send(new DeleteNetworkInterfaceCommand({ NetworkInterfaceId: eni.NetworkInterfaceId! }));
    await t.ec2.send(new DeleteNetworkInterfaceCommand({ NetworkInterfaceId: other.NetworkInterfaceId! }));
    await t.ec2.send(new DeleteNetworkInterfaceCommand({ NetworkInterfaceId: named.NetworkInterfaceId! }));
    expect(await availableIps(t.ec2, net.subnetId)).toBe(before);
  });

  it('AssignPrivateIpAddresses / UnassignPrivateIpAddresses add and remove prefixes; Describe filters by prefix', async () => {
    const net = await network();
    const eni = (await t.ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: net.subnetId }))).NetworkInterface!;
    const id = eni.NetworkInterfaceId!;
    const added = await t.ec2.send(new AssignPrivateIpAddressesCommand({ NetworkInterfaceId: id, Ipv4PrefixCount: 1 }));
    expect(added.AssignedIpv4Prefixes).toEqual([{ Ipv4Prefix: `${net.base}16/28` }]);
    expect(added.AssignedPrivateIpAddresses).toEqual([]);
    // the last /28 holds the reserved broadcast address
    await expectEc2Error(t.ec2.send(new AssignPrivateIpAddressesCommand({ NetworkInterfaceId: id, Ipv4Prefixes: [`${net.base}240/28`] })), {
      code: 'InvalidIPAddress.InUse',
      message: `Prefix ${net.base}240/28 is in use.`,
    });
    const named = await t.ec2.send(new AssignPrivateIpAddressesCommand({ NetworkInterfaceId: id, Ipv4Prefixes: [`${net.base}224/28`] }));
    expect(named.AssignedIpv4Prefixes).toEqual([{ Ipv4Prefix: `${net.base}224/28` }]);
    await expectEc2Error(t.ec2.send(new AssignPrivateIpAddressesCommand({ NetworkInterfaceId: id, Ipv4PrefixCount: 1, SecondaryPrivateIpAddressCount: 1 })), {
      code: 'InvalidParameterCombination',
      message: 'You may specify either IP addresses or prefixes, but not both.',
    });
    const found = await t.ec2.send(new DescribeNetworkInterfacesCommand({ Filters: [{ Name: 'ipv4-prefixes.ipv4-prefix', Values: [`${net.base}16/28`] }] }));
    expect(found.NetworkInterfaces!.map((e) => e.NetworkInterfaceId)).toEqual([id]);
    await expectEc2Error(t.ec2.send(new UnassignPrivateIpAddressesCommand({ NetworkInterfaceId: id, Ipv4Prefixes: [`${net.base}32/28`] })), {
      code: 'InvalidParameterValue',
      message: `Some of the specified prefixes are not assigned to interface ${id}`,
    });
    await t.ec2.send(new UnassignPrivateIpAddressesCommand({ NetworkInterfaceId: id, Ipv4Prefixes: [`${net.base}16/28`] }));
    expect((await describeInterface(t.ec2, id)).Ipv4Prefixes).toEqual([{ Ipv4Prefix: `${net.base}224/28` }]);
  });

  it('8 parallel assignments into one small subnet never overlap', async () => {
    const net = await network(25); // 8 /28s, the first and last hold reserved addresses: 6 can be delegated
    const enis: string[] = [];
    for (let i = 0; i < 8; i++) {
      enis.push((await t.ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: net.subnetId }))).NetworkInterface!.NetworkInterfaceId!);
    }
    const results = await Promise.allSettled(enis.map((id) => t.ec2.send(new AssignPrivateIpAddressesCommand({ NetworkInterfaceId: id, Ipv4PrefixCount: 1 }))));
    const granted = results.flatMap((r) => (r.status === 'fulfilled' ? r.value.AssignedIpv4Prefixes!.map((p) => p.Ipv4Prefix!) : []));
    expect(granted.sort()).toEqual([16, 32, 48, 64, 80, 96].map((k) => `${net.base}${k}/28`).sort());
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused).toHaveLength(2);
    for (const r of refused) {
      expect(r.reason.name).toBe('InsufficientCidrBlocks');
      expect(r.reason.message).toBe('The specified subnet does not have enough free cidr blocks to satisfy the request.');
    }
    expect(await availableIps(t.ec2, net.subnetId)).toBe(128 - 5 - 8 - 6 * 16);
  });
});

describe('IPv6 prefixes', () => {
  it('/80s of the subnet /64 on create, assign and unassign; addresses never land in one', async () => {
    const net = await network();
    const eni = (await t.ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: net.subnetId, Ipv6PrefixCount: 1, Ipv6AddressCount: 1 }))).NetworkInterface!;
    const id = eni.NetworkInterfaceId!;
    expect(eni.Ipv6Prefixes).toEqual([{ Ipv6Prefix: block(net.v6, 80, 1) }]);
    expect(eni.Ipv6Addresses).toEqual([{ Ipv6Address: `${net.v6}4`, IsPrimaryIpv6: false }]);
    const added = await t.ec2.send(new AssignIpv6AddressesCommand({ NetworkInterfaceId: id, Ipv6PrefixCount: 2 }));
    const p2 = block(net.v6, 80, 2);
    const p3 = block(net.v6, 80, 3);
    expect(added.AssignedIpv6Prefixes).toEqual([p2, p3]);
    expect(added.AssignedIpv6Addresses).toEqual([]);
    // the /80 holding the interface addresses cannot be delegated; a named address in a prefix is in use
    await expectEc2Error(t.ec2.send(new AssignIpv6AddressesCommand({ NetworkInterfaceId: id, Ipv6Prefixes: [`${net.v6}/80`] })), {
      code: 'InvalidIPAddress.InUse',
    });
    await expectEc2Error(t.ec2.send(new AssignIpv6AddressesCommand({ NetworkInterfaceId: id, Ipv6Addresses: [p2.replace('/80', '').replace(/::$/, '::9')] })), {
      code: 'InvalidIPAddress.InUse',
    });
    await expectEc2Error(t.ec2.send(new AssignIpv6AddressesCommand({ NetworkInterfaceId: id, Ipv6Prefixes: [`${net.v6}/64`] })), {
      code: 'InvalidParameterValue',
      message: `The prefix ${net.v6}/64 is invalid. Only /80 prefixes are supported.`,
    });
    const found = await t.ec2.send(new DescribeNetworkInterfacesCommand({ Filters: [{ Name: 'ipv6-prefixes.ipv6-prefix', Values: [p3] }] }));
    expect(found.NetworkInterfaces!.map((e) => e.NetworkInterfaceId)).toEqual([id]);
    const removed = await t.ec2.send(new UnassignIpv6AddressesCommand({ NetworkInterfaceId: id, Ipv6Prefixes: [p2] }));
    expect(removed.UnassignedIpv6Prefixes).toEqual([p2]);
    expect((await describeInterface(t.ec2, id)).Ipv6Prefixes!.map((p) => p.Ipv6Prefix)).toHaveLength(2);
  });

  it('needs an IPv6 block on the subnet', async () => {
    n++;
    const vpc = (await t.ec2.send(new CreateVpcCommand({ CidrBlock: `10.${n}.0.0/16` }))).Vpc!;
    const subnet = (await t.ec2.send(new CreateSubnetCommand({ VpcId: vpc.VpcId!, CidrBlock: `10.${n}.1.0/24` }))).Subnet!;
    await expectEc2Error(t.ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: subnet.SubnetId!, Ipv6PrefixCount: 1 })), {
      code: 'InvalidParameterValue',
      message: `The subnet ${subnet.SubnetId} does not have an IPv6 CIDR block associated with it.`,
    });
  });
});
