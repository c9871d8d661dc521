/**
 * THE shared scenario suite: what a JavaScript test suite does with ec2lite, written once against `Target` and run
 * over HTTP (scenarios.http.test.ts), in-process (scenarios.inProcess.test.ts), and in both at once with the
 * transcripts compared call by call (equivalence.test.ts).
 *
 * Extension point: a scenario is `{ name, options?, run(t) }`; add one to a group below (or a new group to
 * SCENARIOS) and all three files pick it up. Each scenario gets a fresh emulator built with `options` (plus the
 * runner's own, e.g. a seed), and must not depend on wall-clock time (the equivalence run uses a manual clock;
 * move time with `t.advance(ms)`, hold transitions with `t.pause()`).
 */
import {
  AttachNetworkInterfaceCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateNetworkInterfaceCommand,
  DescribeInstancesCommand,
  DescribeNetworkInterfacesCommand,
  DetachNetworkInterfaceCommand,
  RunInstancesCommand,
  TerminateInstancesCommand,
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  CreateTagsCommand,
  CreateVpcCommand,
  DeleteSecurityGroupCommand,
  DeleteSubnetCommand,
  DeleteTagsCommand,
  DeleteVpcCommand,
  DescribeAccountAttributesCommand,
  DescribeAvailabilityZonesCommand,
  DescribeLocalGatewaysCommand,
  DescribeSecurityGroupRulesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeTagsCommand,
  DescribeVpcAttributeCommand,
  DescribeVpcsCommand,
  ModifySubnetAttributeCommand,
  ModifyVpcAttributeCommand,
  paginateDescribeVpcs,
  RevokeSecurityGroupIngressCommand,
} from '@aws-sdk/client-ec2';
import type { Ec2liteOptions } from '../../src/index';
import { Target, TargetFactory, errorFields } from './targets';

export interface Scenario {
  name: string;
  /** Emulator options for this scenario (e.g. back-end delays). */
  options?: Ec2liteOptions;
  run(t: Target): Promise<void>;
}

export interface ExpectedError {
  code: string;
  message?: string | RegExp;
  /** Default 400. */
  status?: number;
}

/** The call must fail with exactly this EC2 error, shaped as the SDK shapes it. */
export async function expectEc2Error(call: Promise<unknown>, expected: ExpectedError): Promise<void> {
  let caught: unknown;
  try {
    await call;
  } catch (e) {
    caught = e;
  }
  if (!caught) throw new Error(`expected ${expected.code}, but the call succeeded`);
  const status = expected.status ?? 400;
  const got = errorFields(caught);
  expect(got).toMatchObject({
    isEC2ServiceException: true,
    name: expected.code,
    Code: expected.code,
    httpStatusCode: status,
    $fault: status >= 500 ? 'server' : 'client',
  });
  if (expected.message instanceof RegExp) expect(got.message).toMatch(expected.message);
  else if (expected.message !== undefined) {
    expect(got.message).toBe(expected.message);
    expect(got.Error).toEqual({ Code: expected.code, Message: expected.message });
  }
}

const createVpc = async (t: Target, cidr: string) => (await t.ec2.send(new CreateVpcCommand({ CidrBlock: cidr }))).Vpc!.VpcId!;

// ---------------------------------------------------------------------------------------------------------------

const NETWORK_SCENARIOS: Scenario[] = [
  {
    name: 'default VPC, zones and account attributes exist on first use, per region and per account',
    async run(t) {
      const vpcs = await t.ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'is-default', Values: ['true'] }] }));
      expect(vpcs.Vpcs).toHaveLength(1);
      const vpc = vpcs.Vpcs![0];
      expect(vpc).toMatchObject({ CidrBlock: '172.31.0.0/16', IsDefault: true, State: 'available', OwnerId: '123456789012' });
      const subnets = await t.ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpc.VpcId!] }] }));
      expect(subnets.Subnets!.map((s) => [s.AvailabilityZone, s.CidrBlock, s.DefaultForAz, s.MapPublicIpOnLaunch, s.AvailableIpAddressCount])).toEqual([
        ['us-east-1a', '172.31.0.0/20', true, true, 4091],
        ['us-east-1b', '172.31.16.0/20', true, true, 4091],
        ['us-east-1c', '172.31.32.0/20', true, true, 4091],
        ['us-east-1d', '172.31.48.0/20', true, true, 4091],
        ['us-east-1e', '172.31.64.0/20', true, true, 4091],
        ['us-east-1f', '172.31.80.0/20', true, true, 4091],
      ]);
      const zones = await t.ec2.send(new DescribeAvailabilityZonesCommand({}));
      expect(zones.AvailabilityZones!.map((z) => z.ZoneName)).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c', 'us-east-1d', 'us-east-1e', 'us-east-1f']);
      const attrs = await t.ec2.send(new DescribeAccountAttributesCommand({ AttributeNames: ['default-vpc'] }));
      expect(attrs.AccountAttributes).toEqual([{ AttributeName: 'default-vpc', AttributeValues: [{ AttributeValue: vpc.VpcId }] }]);

      const ireland = t.client({ region: 'eu-west-1' });
      const there = (await ireland.send(new DescribeSubnetsCommand({}))).Subnets!;
      expect(there.map((s) => s.AvailabilityZone)).toEqual(['eu-west-1a', 'eu-west-1b', 'eu-west-1c']);
      const other = t.client({ account: '210987654321' });
      const theirs = (await other.send(new DescribeVpcsCommand({}))).Vpcs!;
      expect(theirs.map((v) => v.OwnerId)).toEqual(['210987654321']);
      await expectEc2Error(other.send(new DescribeVpcsCommand({ VpcIds: [vpc.VpcId!] })), {
        code: 'InvalidVpcID.NotFound',
        message: `The vpc ID '${vpc.VpcId}' does not exist`,
      });
    },
  },
  {
    name: 'VPC lifecycle: create with tags, attributes, dependencies, delete',
    async run(t) {
      const created = await t.ec2.send(
        new CreateVpcCommand({ CidrBlock: '10.1.0.0/16', TagSpecifications: [{ ResourceType: 'vpc', Tags: [{ Key: 'Name', Value: 'a b' }] }] }),
      );
      expect(created.Vpc).toMatchObject({ CidrBlock: '10.1.0.0/16', IsDefault: false, Tags: [{ Key: 'Name', Value: 'a b' }] });
      const vpcId = created.Vpc!.VpcId!;
      expect(vpcId).toMatch(/^vpc-[0-9a-f]{17}$/);
      const described = (await t.ec2.send(new DescribeVpcsCommand({ VpcIds: [vpcId] }))).Vpcs![0];
      expect(described).toMatchObject({ VpcId: vpcId, State: 'available', CidrBlockAssociationSet: [{ CidrBlock: '10.1.0.0/16', CidrBlockState: { State: 'associated' } }] });

      const before = await t.ec2.send(new DescribeVpcAttributeCommand({ VpcId: vpcId, Attribute: 'enableDnsHostnames' }));
      expect(before.EnableDnsHostnames).toEqual({ Value: false });
      await t.ec2.send(new ModifyVpcAttributeCommand({ VpcId: vpcId, EnableDnsHostnames: { Value: true } }));
      const after = await t.ec2.send(new DescribeVpcAttributeCommand({ VpcId: vpcId, Attribute: 'enableDnsHostnames' }));
      expect(after).toMatchObject({ VpcId: vpcId, EnableDnsHostnames: { Value: true } });

      const subnetId = (await t.ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: '10.1.1.0/24' }))).Subnet!.SubnetId!;
      await expectEc2Error(t.ec2.send(new DeleteVpcCommand({ VpcId: vpcId })), {
        code: 'DependencyViolation',
        message: `The vpc '${vpcId}' has dependencies and cannot be deleted.`,
      });
      await t.ec2.send(new DeleteSubnetCommand({ SubnetId: subnetId }));
      const deleted = await t.ec2.send(new DeleteVpcCommand({ VpcId: vpcId }));
      expect(Object.keys(deleted)).toEqual(['$metadata']);
      expect(deleted.$metadata.httpStatusCode).toBe(200);
      await expectEc2Error(t.ec2.send(new DescribeVpcsCommand({ VpcIds: [vpcId] })), {
        code: 'InvalidVpcID.NotFound',
        message: `The vpc ID '${vpcId}' does not exist`,
      });
    },
  },
  {
    name: 'subnets: zones, conflicts, filters, attributes',
    async run(t) {
      const vpcId = await createVpc(t, '10.0.0.0/16');
      const subnet = (await t.ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: '10.0.1.0/24', AvailabilityZone: 'us-east-1b' }))).Subnet!;
      expect(subnet).toMatchObject({ VpcId: vpcId, CidrBlock: '10.0.1.0/24', AvailabilityZone: 'us-east-1b', AvailableIpAddressCount: 251, DefaultForAz: false, MapPublicIpOnLaunch: false });
      await expectEc2Error(t.ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: '10.0.1.128/25' })), {
        code: 'InvalidSubnet.Conflict',
        message: "The CIDR '10.0.1.128/25' conflicts with another subnet",
      });
      await expectEc2Error(t.ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: 'not-a-cidr' })), {
        code: 'InvalidParameterValue',
        message: 'Value (not-a-cidr) for parameter cidrBlock is invalid. This is not a valid CIDR block.',
      });
      await expectEc2Error(t.ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: '10.0.9.0/24', AvailabilityZone: 'us-east-1z' })), {
        code: 'InvalidParameterValue',
        message:
          'Value (us-east-1z) for parameter availabilityZone is invalid. Subnets can currently only be created in the following availability zones: us-east-1a, us-east-1b, us-east-1c, us-east-1d, us-east-1e, us-east-1f.',
      });
      await t.ec2.send(new ModifySubnetAttributeCommand({ SubnetId: subnet.SubnetId, MapPublicIpOnLaunch: { Value: true } }));
      const mapped = await t.ec2.send(
        new DescribeSubnetsCommand({ Filters: [{ Name: 'map-public-ip-on-launch', Values: ['true'] }, { Name: 'vpc-id', Values: [vpcId] }] }),
      );
      expect(mapped.Subnets!.map((s) => s.SubnetId)).toEqual([subnet.SubnetId]);
      await t.ec2.send(new DeleteSubnetCommand({ SubnetId: subnet.SubnetId }));
      await expectEc2Error(t.ec2.send(new DescribeSubnetsCommand({ SubnetIds: [subnet.SubnetId!] })), {
        code: 'InvalidSubnetID.NotFound',
        message: `The subnet ID '${subnet.SubnetId}' does not exist`,
      });
    },
  },
  {
    name: 'security groups: rules, duplicates, references, revoke, delete',
    async run(t) {
      const vpcId = await createVpc(t, '10.0.0.0/16');
      const group = async (name: string) =>
        (await t.ec2.send(new CreateSecurityGroupCommand({ GroupName: name, Description: `${name} group`, VpcId: vpcId }))).GroupId!;
      const web = await group('web');
      const db = await group('db');
      await expectEc2Error(t.ec2.send(new CreateSecurityGroupCommand({ GroupName: 'web', Description: 'd', VpcId: vpcId })), {
        code: 'InvalidGroup.Duplicate',
        message: `The security group 'web' already exists for VPC '${vpcId}'`,
      });
      const out = await t.ec2.send(
        new AuthorizeSecurityGroupIngressCommand({
          GroupId: db,
          IpPermissions: [
            { IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, UserIdGroupPairs: [{ GroupId: web, Description: 'from web' }], IpRanges: [{ CidrIp: '10.0.0.0/24' }] },
          ],
        }),
      );
      expect(out.Return).toBe(true);
      expect(out.SecurityGroupRules!.map((r) => [r.IpProtocol, r.FromPort, r.ToPort, r.CidrIpv4, r.ReferencedGroupInfo?.GroupId, r.IsEgress])).toEqual([
        ['tcp', 5432, 5432, '10.0.0.0/24', undefined, false],
        ['tcp', 5432, 5432, undefined, web, false],
      ]);
      const g = (await t.ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [db] }))).SecurityGroups![0];
      expect(g.IpPermissions).toEqual([
        {
          IpProtocol: 'tcp',
          FromPort: 5432,
          ToPort: 5432,
          IpRanges: [{ CidrIp: '10.0.0.0/24' }],
          UserIdGroupPairs: [{ GroupId: web, UserId: '123456789012', Description: 'from web' }],
          Ipv6Ranges: [],
          PrefixListIds: [],
        },
      ]);
      const rules = await t.ec2.send(new DescribeSecurityGroupRulesCommand({ Filters: [{ Name: 'group-id', Values: [db] }] }));
      expect(rules.SecurityGroupRules!.filter((r) => !r.IsEgress)).toHaveLength(2);
      await expectEc2Error(
        t.ec2.send(
          new AuthorizeSecurityGroupIngressCommand({ GroupId: db, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, IpRanges: [{ CidrIp: '10.0.0.0/24' }] }] }),
        ),
        { code: 'InvalidPermission.Duplicate', message: 'the specified rule "peer: 10.0.0.0/24, TCP, from port: 5432, to port: 5432, ALLOW" already exists' },
      );
      await expectEc2Error(t.ec2.send(new DeleteSecurityGroupCommand({ GroupId: web })), {
        code: 'DependencyViolation',
        message: `resource ${web} has a dependent object`,
      });
      await t.ec2.send(
        new RevokeSecurityGroupIngressCommand({ GroupId: db, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, UserIdGroupPairs: [{ GroupId: web }] }] }),
      );
      await t.ec2.send(new DeleteSecurityGroupCommand({ GroupId: web }));
      await expectEc2Error(t.ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [web] })), {
        code: 'InvalidGroup.NotFound',
        message: `The security group '${web}' does not exist`,
      });
    },
  },
  {
    name: 'tags: create, overwrite, odd values, filters, delete',
    async run(t) {
      const id = await createVpc(t, '10.0.0.0/16');
      await t.ec2.send(
        new CreateTagsCommand({
          Resources: [id],
          Tags: [
            { Key: 'Name', Value: 'one' },
            { Key: 'empty', Value: '' },
            { Key: 'odd', Value: ' spaced & <xml> "quoted" é✓ ' },
          ],
        }),
      );
      await t.ec2.send(new CreateTagsCommand({ Resources: [id], Tags: [{ Key: 'Name', Value: 'two' }] }));
      const out = await t.ec2.send(new DescribeTagsCommand({ Filters: [{ Name: 'resource-id', Values: [id] }] }));
      expect(out.Tags).toEqual([
        { Key: 'Name', Value: 'two', ResourceType: 'vpc', ResourceId: id },
        { Key: 'empty', Value: '', ResourceType: 'vpc', ResourceId: id },
        { Key: 'odd', Value: ' spaced & <xml> "quoted" é✓ ', ResourceType: 'vpc', ResourceId: id },
      ]);
      const byTag = await t.ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'tag:Name', Values: ['two'] }] }));
      expect(byTag.Vpcs!.map((v) => v.VpcId)).toEqual([id]);
      await t.ec2.send(new DeleteTagsCommand({ Resources: [id], Tags: [{ Key: 'Name' }, { Key: 'empty' }] }));
      const after = await t.ec2.send(new DescribeTagsCommand({ Filters: [{ Name: 'resource-id', Values: [id] }] }));
      expect(after.Tags!.map((x) => x.Key)).toEqual(['odd']);
      await expectEc2Error(t.ec2.send(new CreateTagsCommand({ Resources: [id], Tags: [{ Key: 'aws:x', Value: 'v' }] })), {
        code: 'InvalidParameterValue',
        message: "Value ( aws:x ) for parameter key is invalid. Tag keys starting with 'aws:' are reserved for internal use",
      });
      await expectEc2Error(t.ec2.send(new CreateTagsCommand({ Resources: ['bogus-1'], Tags: [{ Key: 'k', Value: 'v' }] })), {
        code: 'InvalidID',
        message: "The ID 'bogus-1' is not valid",
      });
    },
  },
  {
    name: 'request errors: malformed ids, bad filters, missing parameters, unsupported actions',
    async run(t) {
      await expectEc2Error(t.ec2.send(new DescribeVpcsCommand({ VpcIds: ['vpc-xyz'] })), {
        code: 'InvalidVpcID.Malformed',
        message: 'Invalid id: "vpc-xyz" (expecting "vpc-...")',
      });
      await expectEc2Error(t.ec2.send(new DescribeSubnetsCommand({ SubnetIds: ['subnet-12'] })), {
        code: 'InvalidSubnetID.Malformed',
        message: 'Invalid id: "subnet-12" (expecting "subnet-...")',
      });
      await expectEc2Error(t.ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'bogus', Values: ['x'] }] })), {
        code: 'InvalidParameterValue',
        message: "The filter 'bogus' is invalid",
      });
      // The SDK does not check required members: the emulator names the missing one as AWS does.
      await expectEc2Error(t.ec2.send(new DeleteVpcCommand({} as never)), {
        code: 'MissingParameter',
        message: 'The request must contain the parameter vpcId',
      });
      await expectEc2Error(t.ec2.send(new CreateVpcCommand({})), {
        code: 'MissingParameter',
        message: "Either 'cidrBlock' or 'ipv4IpamPoolId' should be provided.",
      });
      // An enum value the model does not list.
      await expectEc2Error(t.ec2.send(new DescribeVpcAttributeCommand({ VpcId: 'vpc-0123456789abcdef0', Attribute: 'bogus' as never })), {
        code: 'InvalidParameterValue',
        message: 'Value (bogus) for parameter attribute is invalid.',
      });
      // A member the SDK's model lacks is not sent at all (so no UnknownParameter), in-process too.
      expect((await t.ec2.send(new DescribeVpcsCommand({ Bogus: 'x' } as never))).Vpcs).toHaveLength(1);
      // An action ec2lite does not implement.
      await expectEc2Error(t.ec2.send(new DescribeLocalGatewaysCommand({})), {
        code: 'InvalidAction',
        message: 'The action DescribeLocalGateways is not valid for this web service.',
      });
    },
  },
  {
    name: 'DryRun: 412 DryRunOperation and nothing changes; errors found on the way win',
    async run(t) {
      const count = async () => (await t.ec2.send(new DescribeVpcsCommand({}))).Vpcs!.length;
      const before = await count();
      await expectEc2Error(t.ec2.send(new CreateVpcCommand({ CidrBlock: '10.9.0.0/16', DryRun: true })), {
        code: 'DryRunOperation',
        message: 'Request would have succeeded, but DryRun flag is set.',
        status: 412,
      });
      expect(await count()).toBe(before);
      await expectEc2Error(t.ec2.send(new CreateVpcCommand({ CidrBlock: '10.9.0.0/8', DryRun: true })), { code: 'InvalidVpc.Range' });
      await expectEc2Error(t.ec2.send(new DeleteVpcCommand({ VpcId: 'vpc-0123456789abcdef0', DryRun: true })), {
        code: 'InvalidVpcID.NotFound',
        message: "The vpc ID 'vpc-0123456789abcdef0' does not exist",
      });
      await expectEc2Error(t.ec2.send(new DescribeVpcsCommand({ DryRun: true })), { code: 'DryRunOperation', status: 412 });
    },
  },
  {
    name: 'pagination: MaxResults/NextToken by hand and with the SDK paginator; bad values',
    async run(t) {
      for (let i = 0; i < 6; i++) await createVpc(t, `10.${100 + i}.0.0/16`);
      const all = (await t.ec2.send(new DescribeVpcsCommand({}))).Vpcs!.map((v) => v.VpcId);
      expect(all).toHaveLength(7);
      const first = await t.ec2.send(new DescribeVpcsCommand({ MaxResults: 5 }));
      expect(first.Vpcs).toHaveLength(5);
      expect(first.NextToken).toEqual(expect.any(String));
      const second = await t.ec2.send(new DescribeVpcsCommand({ MaxResults: 5, NextToken: first.NextToken }));
      expect(second.Vpcs).toHaveLength(2);
      expect('NextToken' in second).toBe(false);
      expect([...first.Vpcs!, ...second.Vpcs!].map((v) => v.VpcId)).toEqual(all);

      const paged: string[] = [];
      for await (const page of paginateDescribeVpcs({ client: t.ec2, pageSize: 5 }, {})) paged.push(...page.Vpcs!.map((v) => v.VpcId!));
      expect(paged).toEqual(all);

      await expectEc2Error(t.ec2.send(new DescribeVpcsCommand({ MaxResults: 1 })), {
        code: 'InvalidParameterValue',
        message: 'Value ( 1 ) for parameter maxResults is invalid. Expecting a value greater than 5.',
      });
      await expectEc2Error(t.ec2.send(new DescribeVpcsCommand({ NextToken: 'bogus' })), {
        code: 'InvalidParameterValue',
        message: 'Value ( bogus ) for parameter NextToken is invalid. The token is invalid.',
      });
    },
  },
  {
    name: 'controls: reset wipes every account and region; advance and pause/resume are callable',
    async run(t) {
      const vpcId = await createVpc(t, '10.7.0.0/16');
      const ireland = t.client({ region: 'eu-west-1' });
      const defaultThere = (await ireland.send(new DescribeVpcsCommand({}))).Vpcs![0].VpcId!;
      t.pause();
      expect(t.advance(1000)).toBe(0);
      t.resume();
      t.reset();
      await expectEc2Error(t.ec2.send(new DescribeVpcsCommand({ VpcIds: [vpcId] })), { code: 'InvalidVpcID.NotFound' });
      const after = (await ireland.send(new DescribeVpcsCommand({}))).Vpcs!;
      expect(after).toHaveLength(1);
      expect(after[0].VpcId).not.toBe(defaultThere); // a new default VPC
    },
  },
];

/**
 * Compute scenarios: launch with NICs, the attachment state machine stepped with `t.advance(ms)`, terminate.
 * Note for the cross-mode comparison: RunInstances carries an SDK-generated ClientToken (a fresh UUID per call);
 * equivalence.test.ts masks ClientToken values.
 */
const networkFor = async (t: Target) => {
  const vpcId = await createVpc(t, '10.0.0.0/16');
  const subnet = async (cidr: string) =>
    (await t.ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: cidr, AvailabilityZone: 'us-east-1a' }))).Subnet!.SubnetId!;
  return { vpcId, a: await subnet('10.0.1.0/24'), b: await subnet('10.0.2.0/24') };
};

const INSTANCE_SCENARIOS: Scenario[] = [
  {
    name: 'launch with NICs in two subnets: pending then running, addresses and attachments',
    options: { pendingMs: 1000 },
    async run(t) {
      const net = await networkFor(t);
      const run = await t.ec2.send(
        new RunInstancesCommand({
          ImageId: 'ami-760aaa0f',
          MinCount: 1,
          MaxCount: 1,
          InstanceType: 'm5.large',
          NetworkInterfaces: [
            { DeviceIndex: 0, SubnetId: net.a },
            { DeviceIndex: 1, SubnetId: net.b, SecondaryPrivateIpAddressCount: 1 },
            { DeviceIndex: 2, SubnetId: net.a, DeleteOnTermination: false },
          ],
        }),
      );
      const i = run.Instances![0];
      expect(i.State).toEqual({ Code: 0, Name: 'pending' });
      expect(i.NetworkInterfaces!.map((n) => [n.Attachment!.DeviceIndex, n.Attachment!.Status, n.PrivateIpAddress])).toEqual([
        [0, 'attaching', '10.0.1.4'],
        [1, 'attaching', '10.0.2.4'],
        [2, 'attaching', '10.0.1.5'],
      ]);
      t.advance(1000);
      const described = (await t.ec2.send(new DescribeInstancesCommand({ InstanceIds: [i.InstanceId!] }))).Reservations![0].Instances![0];
      expect(described.State).toEqual({ Code: 16, Name: 'running' });
      expect(described.NetworkInterfaces!.map((n) => n.Attachment!.Status)).toEqual(['attached', 'attached', 'attached']);
      expect(described.LaunchTime).toBeInstanceOf(Date);
      await expectEc2Error(
        t.ec2.send(new RunInstancesCommand({ ImageId: 'ami-760aaa0f', MinCount: 1, MaxCount: 1, SubnetId: net.a, NetworkInterfaces: [{ DeviceIndex: 0, SubnetId: net.a }] })),
        { code: 'InvalidParameterCombination', message: 'Network interfaces and an instance-level subnet ID may not be specified on the same request' },
      );
    },
  },
  {
    name: 'attach and detach: pending rule, hot attach through attaching, detach through detaching',
    options: { pendingMs: 1000, attachMs: 500, detachMs: 500 },
    async run(t) {
      const net = await networkFor(t);
      const i = (await t.ec2.send(new RunInstancesCommand({ ImageId: 'ami-760aaa0f', MinCount: 1, MaxCount: 1, InstanceType: 'm5.large', SubnetId: net.a })))
        .Instances![0];
      const eni = (await t.ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: net.b }))).NetworkInterface!.NetworkInterfaceId!;
      await expectEc2Error(t.ec2.send(new AttachNetworkInterfaceCommand({ NetworkInterfaceId: eni, InstanceId: i.InstanceId, DeviceIndex: 1 })), {
        code: 'IncorrectState',
        message: `Instance '${i.InstanceId}' is not 'running' or 'stopped'`,
      });
      t.advance(1000);
      const { AttachmentId } = await t.ec2.send(new AttachNetworkInterfaceCommand({ NetworkInterfaceId: eni, InstanceId: i.InstanceId, DeviceIndex: 1 }));
      const status = async () => (await t.ec2.send(new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: [eni] }))).NetworkInterfaces![0];
      expect((await status()).Attachment!.Status).toBe('attaching');
      t.advance(500);
      expect((await status()).Attachment!.Status).toBe('attached');
      await t.ec2.send(new DetachNetworkInterfaceCommand({ AttachmentId }));
      expect((await status()).Attachment!.Status).toBe('detaching');
      t.advance(500);
      const after = await status();
      expect(after.Status).toBe('available');
      expect(after.Attachment).toBeUndefined();
      await expectEc2Error(t.ec2.send(new DetachNetworkInterfaceCommand({ AttachmentId: i.NetworkInterfaces![0].Attachment!.AttachmentId })), {
        code: 'OperationNotPermitted',
        message: 'The network interface at device index 0 and networkCard index 0 cannot be detached.',
      });
    },
  },
  {
    name: 'terminate: delete-on-termination interfaces go, the others stay available with their addresses',
    options: { shuttingDownMs: 1000 },
    async run(t) {
      const net = await networkFor(t);
      const i = (
        await t.ec2.send(
          new RunInstancesCommand({
            ImageId: 'ami-760aaa0f',
            MinCount: 1,
            MaxCount: 1,
            InstanceType: 'm5.large',
            NetworkInterfaces: [
              { DeviceIndex: 0, SubnetId: net.a },
              { DeviceIndex: 1, SubnetId: net.b, DeleteOnTermination: false },
            ],
          }),
        )
      ).Instances![0];
      const kept = i.NetworkInterfaces!.find((n) => n.Attachment!.DeviceIndex === 1)!;
      const term = await t.ec2.send(new TerminateInstancesCommand({ InstanceIds: [i.InstanceId!] }));
      expect(term.TerminatingInstances![0].CurrentState).toEqual({ Code: 32, Name: 'shutting-down' });
      t.advance(1000);
      const enis = await t.ec2.send(new DescribeNetworkInterfacesCommand({ Filters: [{ Name: 'vpc-id', Values: [net.vpcId] }] }));
      expect(enis.NetworkInterfaces!.map((n) => [n.NetworkInterfaceId, n.Status, n.PrivateIpAddress])).toEqual([
        [kept.NetworkInterfaceId, 'available', kept.PrivateIpAddress],
      ]);
      const subnets = await t.ec2.send(new DescribeSubnetsCommand({ SubnetIds: [net.a, net.b] }));
      expect(subnets.Subnets!.map((s) => s.AvailableIpAddressCount)).toEqual([251, 250]);
    },
  },
];


export const SCENARIOS: readonly Scenario[] = [...NETWORK_SCENARIOS, ...INSTANCE_SCENARIOS];

/** Registers every scenario as a jest test against fresh targets from `factory`. */
export function runScenarios(label: string, factory: TargetFactory, baseOptions: Ec2liteOptions = {}): void {
  describe(`scenarios (${label})`, () => {
    it.each(SCENARIOS.map((s) => [s.name, s] as const))('%s', async (_name, scenario) => {
      const t = await factory({ ...baseOptions, ...scenario.options });
      try {
        await scenario.run(t);
      } finally {
        await t.close();
      }
    });
  });
}
