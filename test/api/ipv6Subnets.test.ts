import {
  AssociateSubnetCidrBlockCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  DescribeSubnetsCommand,
  DisassociateSubnetCidrBlockCommand,
  ModifySubnetAttributeCommand,
} from '@aws-sdk/client-ec2';
import { expectEc2Error, TestServer } from '../helpers/server';
import { useTestServer } from '../helpers/env';

let t: TestServer;
useTestServer({}, (env) => ({ t } = env));

/** A dual-stack VPC and the n-th /64 of its /56. */
async function dualStack(cidr: string) {
  const vpc = (await t.ec2.send(new CreateVpcCommand({ CidrBlock: cidr, AmazonProvidedIpv6CidrBlock: true }))).Vpc!;
  const block = vpc.Ipv6CidrBlockAssociationSet![0].Ipv6CidrBlock!; // e.g. 2600:1f34:5600::/56
  const groups = block.split('::')[0].split(':');
  while (groups.length < 4) groups.push('0');
  const fourth = parseInt(groups[3], 16);
  const nth = (n: number) => `${groups.slice(0, 3).join(':')}:${(fourth + n).toString(16)}::/64`;
  return { vpcId: vpc.VpcId!, block, nth };
}
const subnetOf = async (id: string) => (await t.ec2.send(new DescribeSubnetsCommand({ SubnetIds: [id] }))).Subnets![0];

describe('CreateSubnet with Ipv6CidrBlock', () => {
  it('takes a /64 of the VPC block, shown in Ipv6CidrBlockAssociationSet, and refuses overlaps', async () => {
    const { vpcId, nth } = await dualStack('10.0.0.0/16');
    const out = await t.ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: '10.0.1.0/24', Ipv6CidrBlock: nth(1) }));
    expect(out.Subnet!.Ipv6CidrBlockAssociationSet).toEqual([
      {
        AssociationId: expect.stringMatching(/^subnet-cidr-assoc-[0-9a-f]{17}$/),
        Ipv6CidrBlock: nth(1),
        Ipv6CidrBlockState: { State: 'associated' },
        Ipv6AddressAttribute: 'public',
        IpSource: 'amazon',
      },
    ]);
    expect(out.Subnet).toMatchObject({ CidrBlock: '10.0.1.0/24', Ipv6Native: false, AssignIpv6AddressOnCreation: false });
    await expectEc2Error(t.ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: '10.0.2.0/24', Ipv6CidrBlock: nth(1) })), {
      code: 'InvalidSubnet.Conflict',
      message: `The CIDR '${nth(1)}' conflicts with another subnet`,
    });
    await expectEc2Error(t.ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: '10.0.2.0/24', Ipv6CidrBlock: '2001:db8::/64' })), {
      code: 'InvalidSubnet.Range',
      message: "The IPv6 CIDR '2001:db8::/64' is invalid.",
    });
    await expectEc2Error(t.ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: '10.0.2.0/24', Ipv6CidrBlock: nth(2).replace('/64', '/62') })), {
      code: 'InvalidParameterValue',
      message: `invalid value for parameter ipv6-cidr-block: ${nth(2).replace('/64', '/62')}`,
    });
    await expectEc2Error(t.ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: '10.0.2.0/24', Ipv6CidrBlock: nth(2).replace('/64', '/65') })), {
      code: 'InvalidParameterValue',
      message: `invalid value for parameter ipv6-cidr-block: ${nth(2).replace('/64', '/65')}`,
    });
    // nothing was written by the failed calls
    const listed = await t.ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }] }));
    expect(listed.Subnets).toHaveLength(1);
  });

  it('takes blocks of /44 to /64 in steps of 4, none overlapping another subnet of any size', async () => {
    const { vpcId, block, nth } = await dualStack('10.4.0.0/16');
    await t.ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: '10.4.1.0/24', Ipv6CidrBlock: nth(1) }));
    const sixty = nth(0x10).replace('/64', '/60'); // the second /60 of the /56
    const out = await t.ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: '10.4.2.0/24', Ipv6CidrBlock: sixty }));
    expect(out.Subnet!.Ipv6CidrBlockAssociationSet![0].Ipv6CidrBlock).toBe(sixty);
    // a /64 inside that /60, and the whole /56 over both, conflict
    for (const taken of [nth(0x11), block]) {
      await expectEc2Error(t.ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: '10.4.3.0/24', Ipv6CidrBlock: taken })), {
        code: 'InvalidSubnet.Conflict',
        message: `The CIDR '${taken}' conflicts with another subnet`,
      });
    }
    // larger than the VPC's /56: outside it
    const wide = block.replace('/56', '/52');
    await expectEc2Error(t.ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: '10.4.3.0/24', Ipv6CidrBlock: wide })), {
      code: 'InvalidSubnet.Range',
      message: `The IPv6 CIDR '${wide}' is invalid.`,
    });
  });

  it('needs an IPv6 block on the VPC', async () => {
    const vpcId = (await t.ec2.send(new CreateVpcCommand({ CidrBlock: '10.1.0.0/16' }))).Vpc!.VpcId!;
    await expectEc2Error(t.ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: '10.1.1.0/24', Ipv6CidrBlock: '2600:1f00::/64' })), {
      code: 'InvalidParameterValue',
      message: `The VPC ${vpcId} does not have an IPv6 CIDR block associated with it.`,
    });
  });

  it('makes IPv6-only subnets (Ipv6Native): no IPv4 block, IPv6 assigned, resource names', async () => {
    const { vpcId, nth } = await dualStack('10.2.0.0/16');
    const out = await t.ec2.send(new CreateSubnetCommand({ VpcId: vpcId, Ipv6Native: true, Ipv6CidrBlock: nth(3) }));
    expect(out.Subnet!.CidrBlock).toBeUndefined();
    expect(out.Subnet).toMatchObject({
      Ipv6Native: true,
      AssignIpv6AddressOnCreation: true,
      AvailableIpAddressCount: 0,
      PrivateDnsNameOptionsOnLaunch: { HostnameType: 'resource-name' },
    });
    const native = await t.ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'ipv6-native', Values: ['true'] }] }));
    expect(native.Subnets!.map((s) => s.SubnetId)).toEqual([out.Subnet!.SubnetId]);
    await expectEc2Error(t.ec2.send(new CreateSubnetCommand({ VpcId: vpcId, Ipv6Native: true, CidrBlock: '10.2.1.0/24', Ipv6CidrBlock: nth(4) })), {
      code: 'InvalidParameterCombination',
      message: 'When specifying ipv4 parameters, cidrBlock or ipv4IpamPoolId, you cannot set ipv6Native to true.',
    });
    // without an IPv6 block: missing, also when an IPv4 block is given
    for (const ipv4 of [{}, { CidrBlock: '10.2.1.0/24' }]) {
      await expectEc2Error(t.ec2.send(new CreateSubnetCommand({ VpcId: vpcId, Ipv6Native: true, ...ipv4 })), {
        code: 'MissingParameter',
        message: "Either 'ipv6CidrBlock' or 'ipv6IpamPoolId' should be provided.",
      });
    }
    await expectEc2Error(t.ec2.send(new DisassociateSubnetCidrBlockCommand({ AssociationId: out.Subnet!.Ipv6CidrBlockAssociationSet![0].AssociationId! })), {
      code: 'OperationNotPermitted',
    });
  });
});

describe('AssociateSubnetCidrBlock / DisassociateSubnetCidrBlock', () => {
  it('adds and removes a subnet IPv6 block, filterable by block and association id', async () => {
    const { vpcId, nth } = await dualStack('10.3.0.0/16');
    const subnetId = (await t.ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: '10.3.1.0/24' }))).Subnet!.SubnetId!;
    const out = await t.ec2.send(new AssociateSubnetCidrBlockCommand({ SubnetId: subnetId, Ipv6CidrBlock: nth(5) }));
    expect(out).toMatchObject({ SubnetId: subnetId, Ipv6CidrBlockAssociation: { Ipv6CidrBlock: nth(5), Ipv6CidrBlockState: { State: 'associating' } } });
    const assocId = out.Ipv6CidrBlockAssociation!.AssociationId!;
    expect((await subnetOf(subnetId)).Ipv6CidrBlockAssociationSet![0].Ipv6CidrBlockState).toEqual({ State: 'associated' });
    for (const [name, value] of [
      ['ipv6-cidr-block-association.ipv6-cidr-block', nth(5)],
      ['ipv6-cidr-block-association.association-id', assocId],
      ['ipv6-cidr-block-association.state', 'associated'],
    ]) {
      const found = await t.ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: name, Values: [value] }, { Name: 'vpc-id', Values: [vpcId] }] }));
      expect(found.Subnets!.map((s) => s.SubnetId)).toEqual([subnetId]);
    }
    await expectEc2Error(t.ec2.send(new AssociateSubnetCidrBlockCommand({ SubnetId: subnetId, Ipv6CidrBlock: nth(6) })), {
      code: 'InvalidParameterValue',
      message: `The subnet ${subnetId} already has an IPv6 CIDR block associated with it.`,
    });

    await t.ec2.send(new ModifySubnetAttributeCommand({ SubnetId: subnetId, AssignIpv6AddressOnCreation: { Value: true } }));
    await expectEc2Error(t.ec2.send(new DisassociateSubnetCidrBlockCommand({ AssociationId: assocId })), {
      code: 'InvalidCidrBlock.InUse',
      message: `The subnet IPv6 CIDR block with association ID ${assocId} may not be disassociated, because its subnet has assign-ipv6-address-on-creation set to true.`,
    });
    await t.ec2.send(new ModifySubnetAttributeCommand({ SubnetId: subnetId, AssignIpv6AddressOnCreation: { Value: false } }));
    const gone = await t.ec2.send(new DisassociateSubnetCidrBlockCommand({ AssociationId: assocId }));
    expect(gone).toMatchObject({ SubnetId: subnetId, Ipv6CidrBlockAssociation: { AssociationId: assocId, Ipv6CidrBlockState: { State: 'disassociating' } } });
    expect((await subnetOf(subnetId)).Ipv6CidrBlockAssociationSet).toEqual([]);
    await expectEc2Error(t.ec2.send(new DisassociateSubnetCidrBlockCommand({ AssociationId: assocId })), {
      code: 'InvalidSubnetCidrBlockAssociationID.NotFound',
      message: `The subnet CIDR block with association ID '${assocId}' does not exist`,
    });
    // the block is free again
    await t.ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: '10.3.2.0/24', Ipv6CidrBlock: nth(5) }));
  });
});

describe('ModifySubnetAttribute IPv6 and DNS-name attributes', () => {
  it('stores and returns them', async () => {
    const { vpcId, nth } = await dualStack('10.4.0.0/16');
    const subnetId = (await t.ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: '10.4.1.0/24', Ipv6CidrBlock: nth(0) }))).Subnet!.SubnetId!;
    const modify = (input: Omit<ConstructorParameters<typeof ModifySubnetAttributeCommand>[0], 'SubnetId'>) =>
      t.ec2.send(new ModifySubnetAttributeCommand({ SubnetId: subnetId, ...input }));
    await modify({ AssignIpv6AddressOnCreation: { Value: true } });
    await modify({ EnableDns64: { Value: true } });
    await modify({ EnableResourceNameDnsARecordOnLaunch: { Value: true } });
    await modify({ EnableResourceNameDnsAAAARecordOnLaunch: { Value: true } });
    await modify({ PrivateDnsHostnameTypeOnLaunch: 'resource-name' });
    expect(await subnetOf(subnetId)).toMatchObject({
      AssignIpv6AddressOnCreation: true,
      EnableDns64: true,
      PrivateDnsNameOptionsOnLaunch: { HostnameType: 'resource-name', EnableResourceNameDnsARecord: true, EnableResourceNameDnsAAAARecord: true },
    });
    const byDns64 = await t.ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'enable-dns64', Values: ['true'] }] }));
    expect(byDns64.Subnets!.map((s) => s.SubnetId)).toEqual([subnetId]);
    await modify({ EnableDns64: { Value: false } });
    expect((await subnetOf(subnetId)).EnableDns64).toBe(false);
  });

  it.each([
    ['AssignIpv6AddressOnCreation', 'assign-ipv6-address-on-creation'],
    ['EnableDns64', 'enable-dns64'],
    ['EnableResourceNameDnsAAAARecordOnLaunch', 'enable-resource-name-dns-aaaa-record-on-launch'],
  ])('refuses %s=true on a subnet without IPv6', async (member, wire) => {
    const vpcId = (await t.ec2.send(new CreateVpcCommand({ CidrBlock: '10.5.0.0/16' }))).Vpc!.VpcId!;
    const subnetId = (await t.ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: '10.5.1.0/24' }))).Subnet!.SubnetId!;
    await expectEc2Error(t.ec2.send(new ModifySubnetAttributeCommand({ SubnetId: subnetId, [member]: { Value: true } })), {
      code: 'InvalidParameterValue',
      message: `Invalid value 'true' for ${wire}. Cannot set ${wire} to true unless the subnet (${subnetId}) has an IPv6 CIDR block associated with it.`,
    });
    // false is always fine
    await t.ec2.send(new ModifySubnetAttributeCommand({ SubnetId: subnetId, [member]: { Value: false } }));
  });

  it('accepts the alternative filter names AWS documents', async () => {
    const found = await t.ec2.send(
      new DescribeSubnetsCommand({
        Filters: [
          { Name: 'defaultForAz', Values: ['true'] },
          { Name: 'availabilityZone', Values: ['us-east-1a'] },
          { Name: 'availabilityZoneId', Values: ['use1-az1', 'use1-az2', 'use1-az4', 'use1-az6'] },
          { Name: 'cidr', Values: ['172.31.0.0/20'] },
          { Name: 'cidrBlock', Values: ['172.31.0.0/20'] },
        ],
      }),
    );
    expect(found.Subnets!.map((s) => s.CidrBlock)).toEqual(['172.31.0.0/20']);
  });
});
