import {
  CreateSubnetCommand,
  CreateVpcCommand,
  DeleteVpcCommand,
  DescribeAccountAttributesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcAttributeCommand,
  DescribeVpcsCommand,
  ModifyVpcAttributeCommand,
} from '@aws-sdk/client-ec2';
import { expectEc2Error, rawQuery, TestServer } from '../helpers/server';
import { useTestServer } from '../helpers/env';

let t: TestServer;
useTestServer({}, (env) => ({ t } = env));

describe('default VPC', () => {
  it('exists on first use with one default /20 subnet per zone', async () => {
    const vpcs = await t.ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'is-default', Values: ['true'] }] }));
    expect(vpcs.Vpcs).toHaveLength(1);
    const vpc = vpcs.Vpcs![0];
    expect(vpc).toMatchObject({ CidrBlock: '172.31.0.0/16', IsDefault: true, State: 'available', OwnerId: '123456789012', InstanceTenancy: 'default' });
    expect(vpc.VpcId).toMatch(/^vpc-[0-9a-f]{17}$/);
    const subnets = await t.ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpc.VpcId!] }] }));
    expect(subnets.Subnets!.map((s) => [s.AvailabilityZone, s.CidrBlock, s.DefaultForAz, s.MapPublicIpOnLaunch, s.AvailableIpAddressCount])).toEqual([
      ['us-east-1a', '172.31.0.0/20', true, true, 4091],
      ['us-east-1b', '172.31.16.0/20', true, true, 4091],
      ['us-east-1c', '172.31.32.0/20', true, true, 4091],
      ['us-east-1d', '172.31.48.0/20', true, true, 4091],
      ['us-east-1e', '172.31.64.0/20', true, true, 4091],
      ['us-east-1f', '172.31.80.0/20', true, true, 4091],
    ]);
    const groups = await t.ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpc.VpcId!] }] }));
    expect(groups.SecurityGroups!.map((g) => g.GroupName)).toEqual(['default']);
    const attrs = await t.ec2.send(new DescribeAccountAttributesCommand({ AttributeNames: ['default-vpc'] }));
    expect(attrs.AccountAttributes).toEqual([{ AttributeName: 'default-vpc', AttributeValues: [{ AttributeValue: vpc.VpcId }] }]);
  });

  it('is separate per region and per account (12-digit access key id)', async () => {
    const own = (await t.ec2.send(new DescribeVpcsCommand({}))).Vpcs!.map((v) => v.VpcId);
    const other = t.client({ region: 'eu-west-1' });
    const there = (await other.send(new DescribeVpcsCommand({}))).Vpcs!;
    expect(there).toHaveLength(1);
    expect(own).not.toContain(there[0].VpcId);
    const subnets = await other.send(new DescribeSubnetsCommand({}));
    expect(subnets.Subnets!.map((s) => s.AvailabilityZone)).toEqual(['eu-west-1a', 'eu-west-1b', 'eu-west-1c']);
    const acct = t.client({ accessKeyId: '210987654321' });
    const theirs = (await acct.send(new DescribeVpcsCommand({}))).Vpcs!;
    expect(theirs[0].OwnerId).toBe('210987654321');
    await expectEc2Error(acct.send(new DescribeVpcsCommand({ VpcIds: [own[0]!] })), {
      code: 'InvalidVpcID.NotFound',
      message: `The vpc ID '${own[0]}' does not exist`,
    });
  });
});

describe('CreateVpc', () => {
  it('creates a VPC (reported pending, then available) with tags, a default group and a main route table', async () => {
    const out = await t.ec2.send(
      new CreateVpcCommand({ CidrBlock: '10.1.0.0/16', TagSpecifications: [{ ResourceType: 'vpc', Tags: [{ Key: 'Name', Value: 'a b' }] }] }),
    );
    expect(out.Vpc).toMatchObject({ CidrBlock: '10.1.0.0/16', State: 'pending', IsDefault: false, Tags: [{ Key: 'Name', Value: 'a b' }] });
    expect(out.Vpc!.CidrBlockAssociationSet).toEqual([
      { AssociationId: expect.stringMatching(/^vpc-cidr-assoc-/), CidrBlock: '10.1.0.0/16', CidrBlockState: { State: 'associated' } },
    ]);
    const vpcId = out.Vpc!.VpcId!;
    const described = await t.ec2.send(new DescribeVpcsCommand({ VpcIds: [vpcId] }));
    expect(described.Vpcs![0].State).toBe('available');
    const byTag = await t.ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'tag:Name', Values: ['a*'] }] }));
    expect(byTag.Vpcs!.map((v) => v.VpcId)).toEqual([vpcId]);
    const groups = await t.ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }] }));
    expect(groups.SecurityGroups).toHaveLength(1);
    expect(groups.SecurityGroups![0]).toMatchObject({ GroupName: 'default', Description: 'default VPC security group' });
  });

  it.each([
    ['10.0.0.0/8', 'InvalidVpc.Range', "The CIDR '10.0.0.0/8' is invalid."],
    ['10.0.0.0/29', 'InvalidVpc.Range', "The CIDR '10.0.0.0/29' is invalid."],
    ['10.0.0.300/16', 'InvalidParameterValue', 'Value (10.0.0.300/16) for parameter cidrBlock is invalid. This is not a valid CIDR block.'],
    ['abc', 'InvalidParameterValue', 'Value (abc) for parameter cidrBlock is invalid. This is not a valid CIDR block.'],
  ])('rejects CIDR %s', async (cidr, code, message) => {
    await expectEc2Error(t.ec2.send(new CreateVpcCommand({ CidrBlock: cidr })), { code, message });
  });

  it('needs a CIDR block', async () => {
    await expectEc2Error(t.ec2.send(new CreateVpcCommand({})), {
      code: 'MissingParameter',
      message: "Either 'cidrBlock' or 'ipv4IpamPoolId' should be provided.",
    });
  });

  it('DryRun validates and creates nothing', async () => {
    const before = (await t.ec2.send(new DescribeVpcsCommand({}))).Vpcs!.length;
    await expectEc2Error(t.ec2.send(new CreateVpcCommand({ CidrBlock: '10.9.0.0/16', DryRun: true })), { code: 'DryRunOperation', status: 412 });
    await expectEc2Error(t.ec2.send(new CreateVpcCommand({ CidrBlock: '10.9.0.0/8', DryRun: true })), { code: 'InvalidVpc.Range' });
    expect((await t.ec2.send(new DescribeVpcsCommand({}))).Vpcs!.length).toBe(before);
  });
});

describe('DescribeVpcs', () => {
  it('reports unknown and malformed ids as AWS does', async () => {
    await expectEc2Error(t.ec2.send(new DescribeVpcsCommand({ VpcIds: ['vpc-0123456789abcdef0'] })), {
      code: 'InvalidVpcID.NotFound',
      message: "The vpc ID 'vpc-0123456789abcdef0' does not exist",
    });
    await expectEc2Error(t.ec2.send(new DescribeVpcsCommand({ VpcIds: ['vpc-xyz'] })), {
      code: 'InvalidVpcID.Malformed',
      message: 'Invalid id: "vpc-xyz" (expecting "vpc-...")',
    });
  });

  it('paginates with MaxResults and NextToken', async () => {
    for (let i = 0; i < 6; i++) await t.ec2.send(new CreateVpcCommand({ CidrBlock: `10.${100 + i}.0.0/16` }));
    const all = (await t.ec2.send(new DescribeVpcsCommand({}))).Vpcs!.map((v) => v.VpcId);
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await t.ec2.send(new DescribeVpcsCommand({ MaxResults: 5, NextToken: token }));
      expect(page.Vpcs!.length).toBeLessThanOrEqual(5);
      seen.push(...page.Vpcs!.map((v) => v.VpcId!));
      token = page.NextToken;
      pages++;
    } while (token);
    expect(seen).toEqual(all);
    expect(pages).toBe(Math.ceil(all.length / 5));
  });

  it('rejects MaxResults out of range and foreign tokens', async () => {
    await expectEc2Error(t.ec2.send(new DescribeVpcsCommand({ MaxResults: 1 })), {
      code: 'InvalidParameterValue',
      message: 'Value ( 1 ) for parameter maxResults is invalid. Expecting a value greater than 5.',
    });
    await expectEc2Error(t.ec2.send(new DescribeVpcsCommand({ NextToken: 'bogus' })), {
      code: 'InvalidParameterValue',
      message: 'Value ( bogus ) for parameter NextToken is invalid. The token is invalid.',
    });
  });
});

describe('VPC attributes and deletion', () => {
  it('modifies and describes DNS attributes one at a time', async () => {
    const vpcId = (await t.ec2.send(new CreateVpcCommand({ CidrBlock: '10.2.0.0/16' }))).Vpc!.VpcId!;
    const before = await t.ec2.send(new DescribeVpcAttributeCommand({ VpcId: vpcId, Attribute: 'enableDnsHostnames' }));
    expect(before.EnableDnsHostnames).toEqual({ Value: false });
    await t.ec2.send(new ModifyVpcAttributeCommand({ VpcId: vpcId, EnableDnsHostnames: { Value: true } }));
    const after = await t.ec2.send(new DescribeVpcAttributeCommand({ VpcId: vpcId, Attribute: 'enableDnsHostnames' }));
    expect(after).toMatchObject({ VpcId: vpcId, EnableDnsHostnames: { Value: true } });
    await expectEc2Error(
      t.ec2.send(new ModifyVpcAttributeCommand({ VpcId: vpcId, EnableDnsSupport: { Value: true }, EnableDnsHostnames: { Value: true } })),
      { code: 'InvalidParameterCombination', message: 'Fields for multiple attribute types specified: enableDnsHostnames, enableDnsSupport' },
    );
  });

  it('refuses to delete a VPC with subnets, then deletes it once empty', async () => {
    const vpcId = (await t.ec2.send(new CreateVpcCommand({ CidrBlock: '10.3.0.0/16' }))).Vpc!.VpcId!;
    await t.ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: '10.3.1.0/24' }));
    await expectEc2Error(t.ec2.send(new DeleteVpcCommand({ VpcId: vpcId })), {
      code: 'DependencyViolation',
      message: `The vpc '${vpcId}' has dependencies and cannot be deleted.`,
    });
    const subnets = await t.ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }] }));
    const { DeleteSubnetCommand } = await import('@aws-sdk/client-ec2');
    await t.ec2.send(new DeleteSubnetCommand({ SubnetId: subnets.Subnets![0].SubnetId }));
    await t.ec2.send(new DeleteVpcCommand({ VpcId: vpcId }));
    await expectEc2Error(t.ec2.send(new DescribeVpcsCommand({ VpcIds: [vpcId] })), { code: 'InvalidVpcID.NotFound' });
    const groups = await t.ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }] }));
    expect(groups.SecurityGroups).toEqual([]);
  });

  it('raw HTTP: missing VpcId is MissingParameter naming vpcId', async () => {
    const res = await rawQuery(t.url, { Action: 'DeleteVpc', Version: '2016-11-15' });
    expect(res).toMatchObject({ status: 400, code: 'MissingParameter', message: 'The request must contain the parameter vpcId' });
  });
});
