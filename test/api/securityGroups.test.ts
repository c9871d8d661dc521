import {
  AuthorizeSecurityGroupEgressCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  CreateVpcCommand,
  DeleteSecurityGroupCommand,
  DescribeSecurityGroupRulesCommand,
  DescribeSecurityGroupsCommand,
  RevokeSecurityGroupIngressCommand,
} from '@aws-sdk/client-ec2';
import { expectEc2Error, startTestServer, TestServer } from '../helpers/server';

let t: TestServer;
let vpcId: string;
beforeAll(async () => {
  t = await startTestServer();
  vpcId = (await t.ec2.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16' }))).Vpc!.VpcId!;
});
afterAll(() => t.close());

const group = async (name: string) =>
  (await t.ec2.send(new CreateSecurityGroupCommand({ GroupName: name, Description: `${name} group`, VpcId: vpcId }))).GroupId!;

describe('CreateSecurityGroup', () => {
  it('creates a group that allows all egress and no ingress', async () => {
    const id = await group('web');
    const out = await t.ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [id] }));
    expect(out.SecurityGroups![0]).toMatchObject({
      GroupId: id,
      GroupName: 'web',
      Description: 'web group',
      VpcId: vpcId,
      OwnerId: '123456789012',
      IpPermissions: [],
      IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }], UserIdGroupPairs: [], Ipv6Ranges: [], PrefixListIds: [] }],
    });
  });

  it('rejects a duplicate name in the VPC and sg-* names', async () => {
    await group('dup');
    await expectEc2Error(t.ec2.send(new CreateSecurityGroupCommand({ GroupName: 'dup', Description: 'd', VpcId: vpcId })), {
      code: 'InvalidGroup.Duplicate',
      message: `The security group 'dup' already exists for VPC '${vpcId}'`,
    });
    await expectEc2Error(t.ec2.send(new CreateSecurityGroupCommand({ GroupName: 'sg-1', Description: 'd', VpcId: vpcId })), {
      code: 'InvalidParameterValue',
    });
  });

  it('goes to the default VPC without VpcId', async () => {
    const id = (await t.ec2.send(new CreateSecurityGroupCommand({ GroupName: 'in-default', Description: 'd' }))).GroupId!;
    const out = await t.ec2.send(new DescribeSecurityGroupsCommand({ GroupNames: ['in-default'] }));
    expect(out.SecurityGroups!.map((g) => g.GroupId)).toEqual([id]);
  });
});

describe('rules', () => {
  it('authorizes ingress (CIDR and group peers), groups them by protocol and ports, and rejects duplicates', async () => {
    const web = await group('rules-web');
    const db = await group('rules-db');
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
    await expectEc2Error(
      t.ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: db, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, IpRanges: [{ CidrIp: '10.0.0.0/24' }] }] })),
      { code: 'InvalidPermission.Duplicate', message: 'the specified rule "peer: 10.0.0.0/24, TCP, from port: 5432, to port: 5432, ALLOW" already exists' },
    );
    // the web group is referenced by db's rule
    await expectEc2Error(t.ec2.send(new DeleteSecurityGroupCommand({ GroupId: web })), {
      code: 'DependencyViolation',
      message: `resource ${web} has a dependent object`,
    });
  });

  it('accepts the legacy top-level form and revokes by permission; revoking again is InvalidPermission.NotFound', async () => {
    const id = await group('legacy');
    await t.ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: id, IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: '0.0.0.0/0' }));
    const filtered = await t.ec2.send(
      new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'ip-permission.from-port', Values: ['22'] }, { Name: 'group-id', Values: [id] }] }),
    );
    expect(filtered.SecurityGroups!.map((g) => g.GroupId)).toEqual([id]);
    const revoke = () =>
      t.ec2.send(new RevokeSecurityGroupIngressCommand({ GroupId: id, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] }));
    expect((await revoke()).Return).toBe(true);
    await expectEc2Error(revoke(), { code: 'InvalidPermission.NotFound', message: 'The specified rule does not exist in this security group.' });
  });

  it('authorizes egress, lists rules with DescribeSecurityGroupRules, and formats ALL rules', async () => {
    const id = await group('egress');
    await expectEc2Error(
      t.ec2.send(new AuthorizeSecurityGroupEgressCommand({ GroupId: id, IpPermissions: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] })),
      { code: 'InvalidPermission.Duplicate', message: 'the specified rule "peer: 0.0.0.0/0, ALL, ALLOW" already exists' },
    );
    await t.ec2.send(new AuthorizeSecurityGroupEgressCommand({ GroupId: id, IpPermissions: [{ IpProtocol: 'udp', FromPort: 53, ToPort: 53, IpRanges: [{ CidrIp: '10.0.0.2/32' }] }] }));
    const rules = await t.ec2.send(new DescribeSecurityGroupRulesCommand({ Filters: [{ Name: 'group-id', Values: [id] }] }));
    expect(rules.SecurityGroupRules!.map((r) => [r.IsEgress, r.IpProtocol, r.FromPort, r.ToPort, r.CidrIpv4])).toEqual([
      [true, '-1', -1, -1, '0.0.0.0/0'],
      [true, 'udp', 53, 53, '10.0.0.2/32'],
    ]);
  });

  it('validates protocol, ports and CIDRs', async () => {
    const id = await group('validate');
    await expectEc2Error(t.ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: id, IpPermissions: [{ IpProtocol: 'tcp', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] })), {
      code: 'InvalidParameterValue',
      message: "Invalid value 'Must specify both from and to ports with TCP/UDP.' for portRange.",
    });
    await expectEc2Error(
      t.ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: id, IpPermissions: [{ IpProtocol: 'tcp', FromPort: -1, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] })),
      { code: 'InvalidParameterValue', message: 'TCP/UDP (from) port (-1) out of range' },
    );
    await expectEc2Error(t.ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: id, IpPermissions: [{ IpProtocol: 'bogus', FromPort: 1, ToPort: 2, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] })), {
      code: 'InvalidParameterValue',
      message: "Invalid value 'bogus' for IP protocol. Unknown protocol.",
    });
    await expectEc2Error(t.ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: id, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 1, ToPort: 2 }] })), {
      code: 'MissingParameter',
      message: 'Missing source specification: include source security group or CIDR information',
    });
    await expectEc2Error(
      t.ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: id, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 1, ToPort: 2, IpRanges: [{ CidrIp: '1.2.3/8' }] }] })),
      { code: 'InvalidParameterValue', message: 'Value (1.2.3/8) for parameter cidrIp is invalid. This is not a valid CIDR block.' },
    );
    await expectEc2Error(
      t.ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: 'sg-00000000000000000', IpPermissions: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] })),
      { code: 'InvalidGroup.NotFound', message: "The security group 'sg-00000000000000000' does not exist" },
    );
  });
});

describe('DeleteSecurityGroup', () => {
  it('deletes by id, refuses the default group', async () => {
    const id = await group('doomed');
    const out = await t.ec2.send(new DeleteSecurityGroupCommand({ GroupId: id }));
    expect(out).toMatchObject({ Return: true, GroupId: id });
    await expectEc2Error(t.ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [id] })), { code: 'InvalidGroup.NotFound' });
    const def = (await t.ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }, { Name: 'group-name', Values: ['default'] }] })))
      .SecurityGroups![0].GroupId!;
    await expectEc2Error(t.ec2.send(new DeleteSecurityGroupCommand({ GroupId: def })), {
      code: 'CannotDelete',
      message: `the specified group: "${def}" name: "default" cannot be deleted by a user`,
    });
  });
});
