import {
  AssignIpv6AddressesCommand,
  AttachNetworkInterfaceCommand,
  CreateNetworkInterfaceCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  DeleteNetworkInterfaceCommand,
  DescribeInstancesCommand,
  DescribeNetworkInterfacesCommand,
  ModifySubnetAttributeCommand,
  RunInstancesCommand,
  TerminateInstancesCommand,
  UnassignIpv6AddressesCommand,
} from '@aws-sdk/client-ec2';
import { expectEc2Error, TestServer } from '../helpers/server';
import { useTestServer } from '../helpers/env';
import { AMI, describeInstance, describeInterface } from '../helpers/network';

let t: TestServer;
useTestServer({}, (env) => ({ t } = env));

interface DualStack {
  vpcId: string;
  subnetId: string;
  /** The subnet's /64 and the VPC's /56. */
  block64: string;
  block56: string;
  /** The n-th address of the subnet's /64. */
  addr: (n: number) => string;
}

let n = 0;
/** A dual-stack VPC with one dual-stack subnet in us-east-1a. */
async function dualStack(): Promise<DualStack> {
  n++;
  const vpc = (await t.ec2.send(new CreateVpcCommand({ CidrBlock: `10.${n}.0.0/16`, AmazonProvidedIpv6CidrBlock: true }))).Vpc!;
  const block64 = vpc.Ipv6CidrBlockAssociationSet![0].Ipv6CidrBlock!.replace('/56', '/64');
  const subnetId = (
    await t.ec2.send(new CreateSubnetCommand({ VpcId: vpc.VpcId!, CidrBlock: `10.${n}.1.0/24`, Ipv6CidrBlock: block64, AvailabilityZone: 'us-east-1a' }))
  ).Subnet!.SubnetId!;
  const prefix = block64.replace('/64', '');
  const block56 = vpc.Ipv6CidrBlockAssociationSet![0].Ipv6CidrBlock!;
  return { vpcId: vpc.VpcId!, subnetId, block64, block56, addr: (k: number) => `${prefix}${k.toString(16)}` };
}

const eniIpv6 = async (id: string) => (await describeInterface(t.ec2, id)).Ipv6Addresses!.map((a) => a.Ipv6Address);

describe('CreateNetworkInterface with IPv6', () => {
  it('picks the lowest free addresses after the four reserved ones, or takes named ones', async () => {
    const net = await dualStack();
    const a = (await t.ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: net.subnetId, Ipv6AddressCount: 2 }))).NetworkInterface!;
    expect(a.Ipv6Addresses).toEqual([
      { Ipv6Address: net.addr(4), IsPrimaryIpv6: false },
      { Ipv6Address: net.addr(5), IsPrimaryIpv6: false },
    ]);
    const b = (
      await t.ec2.send(
        new CreateNetworkInterfaceCommand({
          SubnetId: net.subnetId,
          Ipv6Addresses: [{ Ipv6Address: net.addr(0x100) }, { Ipv6Address: net.addr(0x200), IsPrimaryIpv6: true }],
        }),
      )
    ).NetworkInterface!;
    // the primary IPv6 comes first and is the interface's Ipv6Address
    expect(b.Ipv6Addresses).toEqual([
      { Ipv6Address: net.addr(0x200), IsPrimaryIpv6: true },
      { Ipv6Address: net.addr(0x100), IsPrimaryIpv6: false },
    ]);
    expect(b.Ipv6Address).toBe(net.addr(0x200));
    await expectEc2Error(t.ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: net.subnetId, Ipv6Addresses: [{ Ipv6Address: net.addr(5) }] })), {
      code: 'InvalidIPAddress.InUse',
      message: `Address ${net.addr(5)} is in use.`,
    });
    await expectEc2Error(t.ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: net.subnetId, Ipv6Addresses: [{ Ipv6Address: '2001:db8::1' }] })), {
      code: 'InvalidParameterValue',
      message: `Address 2001:db8::1 does not fall within the IPv6 CIDR block of subnet ${net.subnetId}.`,
    });
    await expectEc2Error(
      t.ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: net.subnetId, Ipv6AddressCount: 1, Ipv6Addresses: [{ Ipv6Address: net.addr(9) }] })),
      { code: 'InvalidParameterCombination' },
    );
    // filter by address (pushed down to SQL), also through DescribeInstances' network-interface.* form later
    const found = await t.ec2.send(new DescribeNetworkInterfacesCommand({ Filters: [{ Name: 'ipv6-addresses.ipv6-address', Values: [net.addr(0x100)] }] }));
    expect(found.NetworkInterfaces!.map((e) => e.NetworkInterfaceId)).toEqual([b.NetworkInterfaceId]);

    // the addresses belong to the interface and go with it
    await t.ec2.send(new DeleteNetworkInterfaceCommand({ NetworkInterfaceId: a.NetworkInterfaceId! }));
    const c = (await t.ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: net.subnetId, Ipv6AddressCount: 1 }))).NetworkInterface!;
    expect(c.Ipv6Addresses!.map((x) => x.Ipv6Address)).toEqual([net.addr(4)]);
  });

  it('needs an IPv6 block on the subnet; AssignIpv6AddressOnCreation gives one address', async () => {
    const vpcId = (await t.ec2.send(new CreateVpcCommand({ CidrBlock: '10.200.0.0/16' }))).Vpc!.VpcId!;
    const v4 = (await t.ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: '10.200.1.0/24' }))).Subnet!.SubnetId!;
    await expectEc2Error(t.ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: v4, Ipv6AddressCount: 1 })), {
      code: 'InvalidParameterValue',
      message: `The subnet ${v4} does not have an IPv6 CIDR block associated with it.`,
    });
    const net = await dualStack();
    await t.ec2.send(new ModifySubnetAttributeCommand({ SubnetId: net.subnetId, AssignIpv6AddressOnCreation: { Value: true } }));
    const eni = (await t.ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: net.subnetId }))).NetworkInterface!;
    expect(eni.Ipv6Addresses).toEqual([{ Ipv6Address: net.addr(4), IsPrimaryIpv6: false }]);
  });
});

describe('AssignIpv6Addresses / UnassignIpv6Addresses', () => {
  it('adds counted or named addresses, answers only the new ones, and removes them', async () => {
    const net = await dualStack();
    const eni = (await t.ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: net.subnetId, Ipv6AddressCount: 1 }))).NetworkInterface!.NetworkInterfaceId!;
    const counted = await t.ec2.send(new AssignIpv6AddressesCommand({ NetworkInterfaceId: eni, Ipv6AddressCount: 2 }));
    expect(counted).toMatchObject({ NetworkInterfaceId: eni, AssignedIpv6Addresses: [net.addr(5), net.addr(6)] });
    // non-canonical text is stored canonically
    const named = await t.ec2.send(new AssignIpv6AddressesCommand({ NetworkInterfaceId: eni, Ipv6Addresses: [net.addr(0xabc).toUpperCase()] }));
    expect(named.AssignedIpv6Addresses).toEqual([net.addr(0xabc)]);
    expect(await eniIpv6(eni)).toEqual([net.addr(4), net.addr(5), net.addr(6), net.addr(0xabc)]);

    const out = await t.ec2.send(new UnassignIpv6AddressesCommand({ NetworkInterfaceId: eni, Ipv6Addresses: [net.addr(5), net.addr(0xabc)] }));
    expect(out).toMatchObject({ NetworkInterfaceId: eni, UnassignedIpv6Addresses: [net.addr(5), net.addr(0xabc)] });
    expect(await eniIpv6(eni)).toEqual([net.addr(4), net.addr(6)]);
    await expectEc2Error(t.ec2.send(new UnassignIpv6AddressesCommand({ NetworkInterfaceId: eni, Ipv6Addresses: [net.addr(5)] })), {
      code: 'InvalidParameterValue',
      message: `Some of the specified addresses are not assigned to interface ${eni}`,
    });
    await expectEc2Error(t.ec2.send(new AssignIpv6AddressesCommand({ NetworkInterfaceId: eni })), { code: 'InvalidParameterCombination' });
    await expectEc2Error(t.ec2.send(new AssignIpv6AddressesCommand({ NetworkInterfaceId: 'eni-00000000000000000', Ipv6AddressCount: 1 })), {
      code: 'InvalidNetworkInterfaceID.NotFound',
    });
    // the freed address is the lowest free one again
    expect((await t.ec2.send(new AssignIpv6AddressesCommand({ NetworkInterfaceId: eni, Ipv6AddressCount: 1 }))).AssignedIpv6Addresses).toEqual([net.addr(5)]);
  });

  it("keeps an attached interface within its instance type's IPv6 limit", async () => {
    const net = await dualStack();
    // t2.micro: 2 interfaces, 2 IPv6 addresses per interface
    const instance = (
      await t.ec2.send(new RunInstancesCommand({ ImageId: AMI, MinCount: 1, MaxCount: 1, InstanceType: 't2.micro', SubnetId: net.subnetId }))
    ).Instances![0];
    t.advance(10_000);
    const eni = (await t.ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: net.subnetId, Ipv6AddressCount: 2 }))).NetworkInterface!.NetworkInterfaceId!;
    await t.ec2.send(new AttachNetworkInterfaceCommand({ NetworkInterfaceId: eni, InstanceId: instance.InstanceId!, DeviceIndex: 1 }));
    await expectEc2Error(t.ec2.send(new AssignIpv6AddressesCommand({ NetworkInterfaceId: eni, Ipv6AddressCount: 1 })), {
      code: 'InvalidParameterValue',
      message: 'You can assign a maximum of 2 IPv6 addresses to this network interface.',
    });
    await expectEc2Error(
      t.ec2.send(
        new RunInstancesCommand({
          ImageId: AMI,
          MinCount: 1,
          MaxCount: 1,
          InstanceType: 't2.micro',
          NetworkInterfaces: [{ DeviceIndex: 0, SubnetId: net.subnetId, Ipv6AddressCount: 3 }],
        }),
      ),
      { code: 'InvalidParameterValue', message: 'You can assign a maximum of 2 IPv6 addresses to this network interface.' },
    );
  });
});

describe('RunInstances with IPv6', () => {
  it('gives addresses per interface spec and instance-level; shows them; terminate frees them', async () => {
    const net = await dualStack();
    const out = await t.ec2.send(
      new RunInstancesCommand({
        ImageId: AMI,
        MinCount: 1,
        MaxCount: 1,
        InstanceType: 'm5.large',
        NetworkInterfaces: [
          { DeviceIndex: 0, SubnetId: net.subnetId, Ipv6Addresses: [{ Ipv6Address: net.addr(0x10), IsPrimaryIpv6: true }] },
          { DeviceIndex: 1, SubnetId: net.subnetId, Ipv6AddressCount: 2 },
        ],
      }),
    );
    const inst = out.Instances![0];
    t.advance(10_000);
    const seen = await describeInstance(t.ec2, inst.InstanceId!);
    expect(seen.Ipv6Address).toBe(net.addr(0x10));
    const byIndex = Object.fromEntries(seen.NetworkInterfaces!.map((ni) => [ni.Attachment!.DeviceIndex, ni]));
    expect(byIndex[0].Ipv6Addresses).toEqual([{ Ipv6Address: net.addr(0x10), IsPrimaryIpv6: true }]);
    expect(byIndex[1].Ipv6Addresses).toEqual([
      { Ipv6Address: net.addr(4), IsPrimaryIpv6: false },
      { Ipv6Address: net.addr(5), IsPrimaryIpv6: false },
    ]);
    const byFilter = await t.ec2.send(
      new DescribeInstancesCommand({ Filters: [{ Name: 'network-interface.ipv6-addresses.ipv6-address', Values: [net.addr(5)] }] }),
    );
    expect(byFilter.Reservations!.flatMap((r) => r.Instances!.map((i) => i.InstanceId))).toEqual([inst.InstanceId]);

    // IMDS lists them under each MAC, with the subnet's and the VPC's IPv6 blocks
    const mac = byIndex[1].MacAddress!;
    const imds = async (key: string) => {
      const res = await fetch(`${t.url}/_ec2lite/imds/${inst.InstanceId}/latest/meta-data/network/interfaces/macs/${mac}/${key}`);
      return { status: res.status, body: await res.text() };
    };
    expect(await imds('ipv6s')).toEqual({ status: 200, body: `${net.addr(4)}\n${net.addr(5)}` });
    expect((await imds('subnet-ipv6-cidr-blocks')).body).toBe(net.block64);
    expect((await imds('vpc-ipv6-cidr-blocks')).body).toBe(net.block56);
    const listing = (await imds('')).body.split('\n');
    expect(listing).toEqual(expect.arrayContaining(['ipv6s', 'subnet-ipv6-cidr-blocks', 'vpc-ipv6-cidr-blocks']));

    // the broadcast document lists them with the interface, and the blocks with the VPC and subnet
    const doc = await (await fetch(`${t.url}/_ec2lite/broadcast?fresh=true&account=123456789012`)).text();
    const eniXml = doc.slice(doc.indexOf(`<networkInterface name="${byIndex[1].NetworkInterfaceId}">`));
    const esc = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    expect(eniXml.slice(0, eniXml.indexOf('</networkInterface>'))).toMatch(
      new RegExp(`<ipv6Addresses>\\s*<value>${esc(net.addr(4))}</value>\\s*<value>${esc(net.addr(5))}</value>\\s*</ipv6Addresses>`),
    );
    expect(doc).toContain(`<ipv6Cidr>${net.block56}</ipv6Cidr>`);
    expect(doc).toContain(`<ipv6Cidr>${net.block64}</ipv6Cidr>`);

    // instance-level Ipv6AddressCount
    const second = (
      await t.ec2.send(new RunInstancesCommand({ ImageId: AMI, MinCount: 1, MaxCount: 1, InstanceType: 'm5.large', SubnetId: net.subnetId, Ipv6AddressCount: 1 }))
    ).Instances![0];
    expect(second.NetworkInterfaces![0].Ipv6Addresses).toEqual([{ Ipv6Address: net.addr(6), IsPrimaryIpv6: false }]);

    // delete-on-termination interfaces take their addresses with them
    await t.ec2.send(new TerminateInstancesCommand({ InstanceIds: [inst.InstanceId!] }));
    t.advance(10_000);
    const eni = (await t.ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: net.subnetId, Ipv6AddressCount: 3 }))).NetworkInterface!;
    expect(eni.Ipv6Addresses!.map((a) => a.Ipv6Address)).toEqual([net.addr(4), net.addr(5), net.addr(7)]);
  });

  it('refuses IPv6 on an existing interface spec and fixed addresses for several instances', async () => {
    const net = await dualStack();
    const eni = (await t.ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: net.subnetId }))).NetworkInterface!.NetworkInterfaceId!;
    await expectEc2Error(
      t.ec2.send(
        new RunInstancesCommand({
          ImageId: AMI,
          MinCount: 1,
          MaxCount: 1,
          InstanceType: 'm5.large',
          NetworkInterfaces: [{ DeviceIndex: 0, NetworkInterfaceId: eni, Ipv6AddressCount: 1 }],
        }),
      ),
      { code: 'InvalidParameterCombination' },
    );
    await expectEc2Error(
      t.ec2.send(
        new RunInstancesCommand({
          ImageId: AMI,
          MinCount: 2,
          MaxCount: 2,
          InstanceType: 'm5.large',
          NetworkInterfaces: [{ DeviceIndex: 0, SubnetId: net.subnetId, Ipv6Addresses: [{ Ipv6Address: net.addr(0x20) }] }],
        }),
      ),
      { code: 'InvalidParameterCombination' },
    );
  });
});
