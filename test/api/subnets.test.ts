import {
  CreateSubnetCommand,
  CreateVpcCommand,
  DeleteSubnetCommand,
  DescribeSubnetsCommand,
  ModifySubnetAttributeCommand,
} from '@aws-sdk/client-ec2';
import { expectEc2Error, startTestServer, TestServer } from '../helpers/server';

let t: TestServer;
let vpcId: string;
beforeAll(async () => {
  t = await startTestServer();
  vpcId = (await t.ec2.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16' }))).Vpc!.VpcId!;
});
afterAll(() => t.close());

describe('CreateSubnet', () => {
  it('creates a subnet with size - 5 available addresses, zone and zone id', async () => {
    const out = await t.ec2.send(
      new CreateSubnetCommand({
        VpcId: vpcId,
        CidrBlock: '10.0.1.0/24',
        AvailabilityZone: 'us-east-1b',
        TagSpecifications: [{ ResourceType: 'subnet', Tags: [{ Key: 'tier', Value: 'app' }] }],
      }),
    );
    expect(out.Subnet).toMatchObject({
      VpcId: vpcId,
      CidrBlock: '10.0.1.0/24',
      AvailabilityZone: 'us-east-1b',
      AvailabilityZoneId: 'use1-az2',
      AvailableIpAddressCount: 251,
      DefaultForAz: false,
      MapPublicIpOnLaunch: false,
      State: 'available',
      Tags: [{ Key: 'tier', Value: 'app' }],
    });
    expect(out.Subnet!.SubnetArn).toBe(`arn:aws:ec2:us-east-1:123456789012:subnet/${out.Subnet!.SubnetId}`);
  });

  it('takes the zone from AvailabilityZoneId', async () => {
    const out = await t.ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: '10.0.2.0/28', AvailabilityZoneId: 'use1-az3' }));
    expect(out.Subnet).toMatchObject({ AvailabilityZone: 'us-east-1c', AvailableIpAddressCount: 11 });
  });

  it.each([
    ['10.1.0.0/24', 'InvalidSubnet.Range', "The CIDR '10.1.0.0/24' is invalid."],
    ['10.0.0.0/29', 'InvalidSubnet.Range', "The CIDR '10.0.0.0/29' is invalid."],
    ['10.0.1.128/25', 'InvalidSubnet.Conflict', "The CIDR '10.0.1.128/25' conflicts with another subnet"],
    ['10.0.0.0/8', 'InvalidSubnet.Range', "The CIDR '10.0.0.0/8' is invalid."],
    ['not-a-cidr', 'InvalidParameterValue', 'Value (not-a-cidr) for parameter cidrBlock is invalid. This is not a valid CIDR block.'],
  ])('rejects %s', async (cidr, code, message) => {
    await expectEc2Error(t.ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: cidr })), { code, message });
  });

  it('rejects an unknown zone and an unknown VPC', async () => {
    await expectEc2Error(t.ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: '10.0.9.0/24', AvailabilityZone: 'us-east-1z' })), {
      code: 'InvalidParameterValue',
      message:
        'Value (us-east-1z) for parameter availabilityZone is invalid. Subnets can currently only be created in the following availability zones: us-east-1a, us-east-1b, us-east-1c, us-east-1d, us-east-1e, us-east-1f.',
    });
    await expectEc2Error(t.ec2.send(new CreateSubnetCommand({ VpcId: 'vpc-00000000000000000', CidrBlock: '10.0.9.0/24' })), {
      code: 'InvalidVpcID.NotFound',
      message: "The vpc ID 'vpc-00000000000000000' does not exist",
    });
  });
});

describe('DescribeSubnets / ModifySubnetAttribute / DeleteSubnet', () => {
  it('filters by cidr-block, availability-zone and tag, and toggles MapPublicIpOnLaunch', async () => {
    const subnetId = (await t.ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: '10.0.3.0/24', AvailabilityZone: 'us-east-1a' })))
      .Subnet!.SubnetId!;
    const byCidr = await t.ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'cidr-block', Values: ['10.0.3.0/24'] }] }));
    expect(byCidr.Subnets!.map((s) => s.SubnetId)).toEqual([subnetId]);
    const byZone = await t.ec2.send(
      new DescribeSubnetsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }, { Name: 'availability-zone', Values: ['us-east-1a'] }] }),
    );
    expect(byZone.Subnets!.map((s) => s.SubnetId)).toEqual([subnetId]);
    await t.ec2.send(new ModifySubnetAttributeCommand({ SubnetId: subnetId, MapPublicIpOnLaunch: { Value: true } }));
    const mapped = await t.ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'map-public-ip-on-launch', Values: ['true'] }, { Name: 'vpc-id', Values: [vpcId] }] }));
    expect(mapped.Subnets!.map((s) => s.SubnetId)).toEqual([subnetId]);
    await t.ec2.send(new DeleteSubnetCommand({ SubnetId: subnetId }));
    await expectEc2Error(t.ec2.send(new DescribeSubnetsCommand({ SubnetIds: [subnetId] })), {
      code: 'InvalidSubnetID.NotFound',
      message: `The subnet ID '${subnetId}' does not exist`,
    });
    await expectEc2Error(t.ec2.send(new DeleteSubnetCommand({ SubnetId: subnetId })), { code: 'InvalidSubnetID.NotFound' });
  });

  it('pages over explicit ids in creation order, with and without a filter', async () => {
    const vpc = (await t.ec2.send(new CreateVpcCommand({ CidrBlock: '10.9.0.0/16' }))).Vpc!.VpcId!;
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      const zone = i % 2 === 0 ? 'us-east-1a' : 'us-east-1b';
      ids.push((await t.ec2.send(new CreateSubnetCommand({ VpcId: vpc, CidrBlock: `10.9.${i}.0/24`, AvailabilityZone: zone }))).Subnet!.SubnetId!);
    }
    const asked = [...ids].reverse().concat(ids[2]); // any order, one repeated
    const first = await t.ec2.send(new DescribeSubnetsCommand({ SubnetIds: asked, MaxResults: 5 }));
    expect(first.Subnets!.map((s) => s.SubnetId)).toEqual(ids.slice(0, 5));
    const second = await t.ec2.send(new DescribeSubnetsCommand({ SubnetIds: asked, MaxResults: 5, NextToken: first.NextToken }));
    expect(second.Subnets!.map((s) => s.SubnetId)).toEqual(ids.slice(5));
    expect(second.NextToken).toBeUndefined();
    const all = await t.ec2.send(new DescribeSubnetsCommand({ SubnetIds: asked }));
    expect(all.Subnets!.map((s) => s.SubnetId)).toEqual(ids);
    expect(all.NextToken).toBeUndefined();
    // A filter SQL applies (the zone), then one only JS checks (the zone id): the same subnets, paged alike.
    const inZoneB = ids.filter((_, i) => i % 2 === 1);
    const byZone = await t.ec2.send(new DescribeSubnetsCommand({ SubnetIds: asked, Filters: [{ Name: 'availability-zone', Values: ['us-east-1b'] }] }));
    expect(byZone.Subnets!.map((s) => s.SubnetId)).toEqual(inZoneB);
    const byZoneId = { SubnetIds: asked, Filters: [{ Name: 'availability-zone-id', Values: ['use1-az2'] }] };
    expect((await t.ec2.send(new DescribeSubnetsCommand(byZoneId))).Subnets!.map((s) => s.SubnetId)).toEqual(inZoneB);
    const page1 = await t.ec2.send(new DescribeSubnetsCommand({ ...byZoneId, MaxResults: 5 }));
    expect(page1.Subnets!.map((s) => s.SubnetId)).toEqual(inZoneB);
    expect(page1.NextToken).toBeUndefined();
  });

  it('rejects a malformed subnet id', async () => {
    await expectEc2Error(t.ec2.send(new DescribeSubnetsCommand({ SubnetIds: ['subnet-12'] })), {
      code: 'InvalidSubnetID.Malformed',
      message: 'Invalid id: "subnet-12" (expecting "subnet-...")',
    });
  });
});
