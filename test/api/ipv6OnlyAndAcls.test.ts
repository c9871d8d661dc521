import {
  AssociateVpcCidrBlockCommand,
  AttachNetworkInterfaceCommand,
  CreateNetworkAclCommand,
  CreateNetworkInterfaceCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  DescribeNetworkAclsCommand,
  RunInstancesCommand,
  type NetworkAclEntry,
} from '@aws-sdk/client-ec2';
import { expectEc2Error, TestServer } from '../helpers/server';
import { useTestServer } from '../helpers/env';
import { AMI, describeInstance } from '../helpers/network';

let t: TestServer;
useTestServer({}, (env) => ({ t } = env));

let n = 0;
async function dualStackVpc() {
  n++;
  const vpc = (await t.ec2.send(new CreateVpcCommand({ CidrBlock: `10.${n}.0.0/16`, AmazonProvidedIpv6CidrBlock: true }))).Vpc!;
  const block56 = vpc.Ipv6CidrBlockAssociationSet![0].Ipv6CidrBlock!;
  // the first /64 of the VPC's /56
  return { vpcId: vpc.VpcId!, block64: () => block56.replace('/56', '/64') };
}

describe('interfaces in IPv6-only subnets', () => {
  it('have no private IPv4, one IPv6 address by default, and launch too', async () => {
    const { vpcId, block64 } = await dualStackVpc();
    const subnet = (await t.ec2.send(new CreateSubnetCommand({ VpcId: vpcId, Ipv6Native: true, Ipv6CidrBlock: block64(), AvailabilityZone: 'us-east-1a' })))
      .Subnet!;
    const eni = (await t.ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: subnet.SubnetId! }))).NetworkInterface!;
    expect(eni.PrivateIpAddress).toBeUndefined();
    expect(eni.PrivateIpAddresses).toEqual([]);
    expect(eni.Ipv6Native).toBe(true);
    expect(eni.Ipv6Addresses).toEqual([{ Ipv6Address: block64().replace('/64', '4'), IsPrimaryIpv6: false }]);
    await expectEc2Error(t.ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: subnet.SubnetId!, SecondaryPrivateIpAddressCount: 1 })), {
      code: 'InsufficientFreeAddressesInSubnet',
    });
    const out = await t.ec2.send(new RunInstancesCommand({ ImageId: AMI, MinCount: 1, MaxCount: 1, InstanceType: 'm5.large', SubnetId: subnet.SubnetId! }));
    const inst = await describeInstance(t.ec2, out.Instances![0].InstanceId!);
    expect(inst.PrivateIpAddress).toBeUndefined();
    expect(inst.NetworkInterfaces![0].Ipv6Addresses).toEqual([{ Ipv6Address: block64().replace('/64', '5'), IsPrimaryIpv6: false }]);
  });
});

describe('AttachNetworkInterface and the IPv6 limit', () => {
  it("refuses an interface holding more IPv6 addresses (and prefixes) than the instance type's per-interface limit", async () => {
    const { vpcId, block64 } = await dualStackVpc();
    const subnetId = (
      await t.ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: `10.${n}.1.0/24`, Ipv6CidrBlock: block64(), AvailabilityZone: 'us-east-1a' }))
    ).Subnet!.SubnetId!;
    // t2.micro: 2 IPv6 addresses per interface
    const inst = (await t.ec2.send(new RunInstancesCommand({ ImageId: AMI, MinCount: 1, MaxCount: 1, InstanceType: 't2.micro', SubnetId: subnetId }))).Instances![0];
    t.advance(10_000);
    const eni = (await t.ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: subnetId, Ipv6AddressCount: 2, Ipv6PrefixCount: 1 }))).NetworkInterface!;
    await expectEc2Error(
      t.ec2.send(new AttachNetworkInterfaceCommand({ NetworkInterfaceId: eni.NetworkInterfaceId!, InstanceId: inst.InstanceId!, DeviceIndex: 1 })),
      { code: 'InvalidParameterValue', message: 'You can assign a maximum of 2 IPv6 addresses to this network interface.' },
    );
    const fits = (await t.ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: subnetId, Ipv6AddressCount: 1, Ipv6PrefixCount: 1 }))).NetworkInterface!;
    const attached = await t.ec2.send(
      new AttachNetworkInterfaceCommand({ NetworkInterfaceId: fits.NetworkInterfaceId!, InstanceId: inst.InstanceId!, DeviceIndex: 1 }),
    );
    expect(attached.AttachmentId).toMatch(/^eni-attach-/);
  });
});

describe('network ACLs of IPv6 VPCs', () => {
  const v6 = (entries: NetworkAclEntry[]) =>
    entries.filter((e) => e.Ipv6CidrBlock).map((e) => [e.Egress, e.RuleNumber, e.RuleAction, e.Ipv6CidrBlock]);
  const aclsOf = async (vpcId: string) =>
    (await t.ec2.send(new DescribeNetworkAclsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }] }))).NetworkAcls!;

  it('the default ACL gains rule 101 allow and the 32768 deny for ::/0 in both directions', async () => {
    const { vpcId } = await dualStackVpc();
    const [acl] = await aclsOf(vpcId);
    expect(v6(acl.Entries!)).toEqual([
      [true, 101, 'allow', '::/0'],
      [true, 32768, 'deny', '::/0'],
      [false, 101, 'allow', '::/0'],
      [false, 32768, 'deny', '::/0'],
    ]);
    // a new ACL of the VPC has the IPv6 catch-all deny only
    const custom = (await t.ec2.send(new CreateNetworkAclCommand({ VpcId: vpcId }))).NetworkAcl!;
    expect(v6(custom.Entries!)).toEqual([
      [true, 32768, 'deny', '::/0'],
      [false, 32768, 'deny', '::/0'],
    ]);
  });

  it('so do the ACLs of a VPC that is given an IPv6 block later', async () => {
    n++;
    const vpcId = (await t.ec2.send(new CreateVpcCommand({ CidrBlock: `10.${n}.0.0/16` }))).Vpc!.VpcId!;
    const custom = (await t.ec2.send(new CreateNetworkAclCommand({ VpcId: vpcId }))).NetworkAcl!;
    expect(v6(custom.Entries!)).toEqual([]);
    await t.ec2.send(new AssociateVpcCidrBlockCommand({ VpcId: vpcId, AmazonProvidedIpv6CidrBlock: true }));
    const acls = await aclsOf(vpcId);
    const byDefault = new Map(acls.map((a) => [a.IsDefault, a]));
    expect(v6(byDefault.get(true)!.Entries!)).toHaveLength(4);
    expect(v6(byDefault.get(false)!.Entries!)).toEqual([
      [true, 32768, 'deny', '::/0'],
      [false, 32768, 'deny', '::/0'],
    ]);
  });
});
