/**
 * Security group rules by id, through the SDK v3: ModifySecurityGroupRules replaces a rule in place (same id,
 * direction and tags), UpdateSecurityGroupRuleDescriptions(Ingress|Egress) by rule id or by IpPermissions; errors
 * and DryRun as AWS answers them. ModifyVpcTenancy sits here too (a VPC attribute set by its own call).
 */
import {
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  CreateVpcCommand,
  DescribeSecurityGroupRulesCommand,
  DescribeVpcsCommand,
  ModifySecurityGroupRulesCommand,
  ModifyVpcTenancyCommand,
  SecurityGroupRule,
  UpdateSecurityGroupRuleDescriptionsEgressCommand,
  UpdateSecurityGroupRuleDescriptionsIngressCommand,
} from '@aws-sdk/client-ec2';
import { DRY_RUN } from '../helpers/api';
import { useTestServer } from '../helpers/env';
import { expectEc2Error, TestServer } from '../helpers/server';

let t: TestServer;
useTestServer({}, (env) => ({ t } = env));

let vpcId: string;
beforeAll(async () => {
  vpcId = (await t.ec2.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16' }))).Vpc!.VpcId!;
});

let n = 0;
/** A new group with two ingress rules (ssh from a /24, https from anywhere) and AWS's default egress rule. */
async function groupWithRules(): Promise<{ groupId: string; ssh: SecurityGroupRule; https: SecurityGroupRule; egress: SecurityGroupRule }> {
  const groupId = (await t.ec2.send(new CreateSecurityGroupCommand({ GroupName: `rules-${++n}`, Description: 'rules', VpcId: vpcId }))).GroupId!;
  const out = await t.ec2.send(
    new AuthorizeSecurityGroupIngressCommand({
      GroupId: groupId,
      IpPermissions: [
        { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '10.1.0.0/24', Description: 'office' }] },
        { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
      ],
      TagSpecifications: [{ ResourceType: 'security-group-rule', Tags: [{ Key: 'team', Value: 'net' }] }],
    }),
  );
  const [ssh, https] = out.SecurityGroupRules!;
  const egress = (await rulesOf(groupId)).find((r) => r.IsEgress)!;
  return { groupId, ssh, https, egress };
}

const rulesOf = async (groupId: string) =>
  (await t.ec2.send(new DescribeSecurityGroupRulesCommand({ Filters: [{ Name: 'group-id', Values: [groupId] }] }))).SecurityGroupRules!;
const rule = async (groupId: string, id: string) => (await rulesOf(groupId)).find((r) => r.SecurityGroupRuleId === id);

describe('ModifySecurityGroupRules', () => {
  it('replaces a rule in place: same id, direction and tags; new protocol, ports, peer and description', async () => {
    const { groupId, ssh } = await groupWithRules();
    const out = await t.ec2.send(
      new ModifySecurityGroupRulesCommand({
        GroupId: groupId,
        SecurityGroupRules: [
          {
            SecurityGroupRuleId: ssh.SecurityGroupRuleId,
            SecurityGroupRule: { IpProtocol: 'udp', FromPort: 53, ToPort: 53, CidrIpv4: '10.2.0.0/16', Description: 'dns' },
          },
        ],
      }),
    );
    expect(out.Return).toBe(true);
    expect(await rule(groupId, ssh.SecurityGroupRuleId!)).toMatchObject({
      SecurityGroupRuleId: ssh.SecurityGroupRuleId,
      IsEgress: false,
      IpProtocol: 'udp',
      FromPort: 53,
      ToPort: 53,
      CidrIpv4: '10.2.0.0/16',
      Description: 'dns',
      Tags: [{ Key: 'team', Value: 'net' }],
    });
    expect(await rulesOf(groupId)).toHaveLength(3);
  });

  it('can point a rule at another group instead of a CIDR', async () => {
    const { groupId, https } = await groupWithRules();
    const peer = (await t.ec2.send(new CreateSecurityGroupCommand({ GroupName: `peer-${++n}`, Description: 'peer', VpcId: vpcId }))).GroupId!;
    await t.ec2.send(
      new ModifySecurityGroupRulesCommand({
        GroupId: groupId,
        SecurityGroupRules: [{ SecurityGroupRuleId: https.SecurityGroupRuleId, SecurityGroupRule: { IpProtocol: '-1', ReferencedGroupId: peer } }],
      }),
    );
    const changed = await rule(groupId, https.SecurityGroupRuleId!);
    expect(changed).toMatchObject({ IpProtocol: '-1', ReferencedGroupInfo: { GroupId: peer, UserId: '123456789012' } });
    expect(changed!.CidrIpv4).toBeUndefined();
  });

  it('refuses an unknown rule, a rule of another group, two peers or none, and a copy of another rule', async () => {
    const { groupId, ssh, https } = await groupWithRules();
    const other = await groupWithRules();
    const modify = (id: string, r: object) =>
      t.ec2.send(new ModifySecurityGroupRulesCommand({ GroupId: groupId, SecurityGroupRules: [{ SecurityGroupRuleId: id, SecurityGroupRule: r }] }));
    await expectEc2Error(modify('sgr-0123456789abcdef0', { IpProtocol: 'tcp', FromPort: 1, ToPort: 1, CidrIpv4: '1.1.1.1/32' }), {
      code: 'InvalidSecurityGroupRuleId.NotFound',
      message: "The security group rule ID 'sgr-0123456789abcdef0' does not exist",
    });
    await expectEc2Error(modify(other.ssh.SecurityGroupRuleId!, { IpProtocol: 'tcp', FromPort: 1, ToPort: 1, CidrIpv4: '1.1.1.1/32' }), {
      code: 'InvalidSecurityGroupRuleId.NotFound',
    });
    await expectEc2Error(modify(ssh.SecurityGroupRuleId!, { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIpv4: '1.1.1.1/32', ReferencedGroupId: other.groupId }), {
      code: 'InvalidParameterCombination',
      message: 'Only one of cidrIp, cidrIpv6, prefixListId, or referencedGroupId can be specified',
    });
    await expectEc2Error(modify(ssh.SecurityGroupRuleId!, { IpProtocol: 'tcp', FromPort: 22, ToPort: 22 }), {
      code: 'MissingParameter',
      message: 'The request must contain exactly one of: cidrIp, cidrIpv6, prefixListId, or referencedGroupId',
    });
    // AWS's own wording for a missing protocol or TCP/UDP port here (moto's AWS-verified test)
    await expectEc2Error(modify(ssh.SecurityGroupRuleId!, { FromPort: 22, ToPort: 22, CidrIpv4: '1.1.1.1/32' }), {
      code: 'InvalidParameterValue',
      message: "Invalid value 'null' for protocol. VPC security group rules must specify protocols explicitly.",
    });
    await expectEc2Error(modify(ssh.SecurityGroupRuleId!, { IpProtocol: 'udp', ToPort: 22, CidrIpv4: '1.1.1.1/32' }), {
      code: 'InvalidParameterValue',
      message: 'Invalid value for portRange. Must specify both from and to ports with TCP/UDP.',
    });
    await expectEc2Error(modify(ssh.SecurityGroupRuleId!, { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIpv4: '0.0.0.0/0' }), {
      code: 'InvalidPermission.Duplicate',
      message: 'the specified rule "peer: 0.0.0.0/0, TCP, from port: 443, to port: 443, ALLOW" already exists',
    });
    // Nothing changed by the refused calls.
    expect(await rule(groupId, ssh.SecurityGroupRuleId!)).toMatchObject({ FromPort: 22, CidrIpv4: '10.1.0.0/24', Description: 'office' });
    expect(await rule(groupId, https.SecurityGroupRuleId!)).toMatchObject({ FromPort: 443, CidrIpv4: '0.0.0.0/0' });
  });

  it('DescribeSecurityGroupRules reads group-id filter values as ids: a malformed one is refused', async () => {
    const describeByGroup = (id: string) => t.ec2.send(new DescribeSecurityGroupRulesCommand({ Filters: [{ Name: 'group-id', Values: [id] }] }));
    await expectEc2Error(describeByGroup('foobar'), { code: 'InvalidGroupId.Malformed', message: "The security group ID 'foobar' is malformed" });
    expect((await describeByGroup('sg-005216b55886f0fdc')).SecurityGroupRules).toEqual([]);
  });

  it('DryRun validates and changes nothing', async () => {
    const { groupId, ssh } = await groupWithRules();
    const input = {
      GroupId: groupId,
      SecurityGroupRules: [{ SecurityGroupRuleId: ssh.SecurityGroupRuleId, SecurityGroupRule: { IpProtocol: 'tcp', FromPort: 2222, ToPort: 2222, CidrIpv4: '10.1.0.0/24' } }],
    };
    await expectEc2Error(t.ec2.send(new ModifySecurityGroupRulesCommand({ ...input, DryRun: true })), DRY_RUN);
    expect(await rule(groupId, ssh.SecurityGroupRuleId!)).toMatchObject({ FromPort: 22 });
  });
});

describe('UpdateSecurityGroupRuleDescriptions', () => {
  it('sets descriptions by rule id (ingress and egress)', async () => {
    const { groupId, https, egress } = await groupWithRules();
    const ingressOut = await t.ec2.send(
      new UpdateSecurityGroupRuleDescriptionsIngressCommand({
        GroupId: groupId,
        SecurityGroupRuleDescriptions: [{ SecurityGroupRuleId: https.SecurityGroupRuleId, Description: 'public web' }],
      }),
    );
    expect(ingressOut.Return).toBe(true);
    await t.ec2.send(
      new UpdateSecurityGroupRuleDescriptionsEgressCommand({
        GroupId: groupId,
        SecurityGroupRuleDescriptions: [{ SecurityGroupRuleId: egress.SecurityGroupRuleId, Description: 'anywhere' }],
      }),
    );
    expect(await rule(groupId, https.SecurityGroupRuleId!)).toMatchObject({ Description: 'public web', FromPort: 443 });
    expect(await rule(groupId, egress.SecurityGroupRuleId!)).toMatchObject({ Description: 'anywhere', IsEgress: true });
  });

  it('sets descriptions by IpPermissions; a peer without a description clears it', async () => {
    const { groupId, ssh, https } = await groupWithRules();
    await t.ec2.send(
      new UpdateSecurityGroupRuleDescriptionsIngressCommand({
        GroupId: groupId,
        IpPermissions: [
          { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '10.1.0.0/24' }] },
          { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '0.0.0.0/0', Description: 'web' }] },
        ],
      }),
    );
    expect((await rule(groupId, ssh.SecurityGroupRuleId!))!.Description).toBeUndefined();
    expect(await rule(groupId, https.SecurityGroupRuleId!)).toMatchObject({ Description: 'web' });
  });

  it('refuses a permission that matches no rule, a rule of the other direction, and both forms at once', async () => {
    const { groupId, ssh, egress } = await groupWithRules();
    await expectEc2Error(
      t.ec2.send(
        new UpdateSecurityGroupRuleDescriptionsIngressCommand({
          GroupId: groupId,
          IpPermissions: [{ IpProtocol: 'tcp', FromPort: 23, ToPort: 23, IpRanges: [{ CidrIp: '10.1.0.0/24', Description: 'x' }] }],
        }),
      ),
      { code: 'InvalidPermission.NotFound', message: 'The specified rule does not exist in this security group.' },
    );
    await expectEc2Error(
      t.ec2.send(
        new UpdateSecurityGroupRuleDescriptionsIngressCommand({
          GroupId: groupId,
          SecurityGroupRuleDescriptions: [{ SecurityGroupRuleId: egress.SecurityGroupRuleId, Description: 'x' }],
        }),
      ),
      { code: 'InvalidSecurityGroupRuleId.NotFound', message: `The security group rule ID '${egress.SecurityGroupRuleId}' does not exist` },
    );
    await expectEc2Error(
      t.ec2.send(
        new UpdateSecurityGroupRuleDescriptionsIngressCommand({
          GroupId: groupId,
          IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '10.1.0.0/24' }] }],
          SecurityGroupRuleDescriptions: [{ SecurityGroupRuleId: ssh.SecurityGroupRuleId, Description: 'x' }],
        }),
      ),
      {
        code: 'InvalidParameterCombination',
        message: "The parameter 'ipPermissions' may not be used in combination with 'securityGroupRuleDescriptions'.",
      },
    );
    expect(await rule(groupId, ssh.SecurityGroupRuleId!)).toMatchObject({ Description: 'office' });
  });
});

describe('ModifyVpcTenancy', () => {
  it('turns a dedicated VPC into a default one; DryRun changes nothing', async () => {
    const dedicated = (await t.ec2.send(new CreateVpcCommand({ CidrBlock: '10.9.0.0/16', InstanceTenancy: 'dedicated' }))).Vpc!.VpcId!;
    const tenancy = async () => (await t.ec2.send(new DescribeVpcsCommand({ VpcIds: [dedicated] }))).Vpcs![0].InstanceTenancy;
    expect(await tenancy()).toBe('dedicated');
    await expectEc2Error(t.ec2.send(new ModifyVpcTenancyCommand({ VpcId: dedicated, InstanceTenancy: 'default', DryRun: true })), DRY_RUN);
    expect(await tenancy()).toBe('dedicated');
    const out = await t.ec2.send(new ModifyVpcTenancyCommand({ VpcId: dedicated, InstanceTenancy: 'default' }));
    expect(out.ReturnValue).toBe(true);
    expect(await tenancy()).toBe('default');
  });

  it('refuses an unknown VPC', async () => {
    await expectEc2Error(t.ec2.send(new ModifyVpcTenancyCommand({ VpcId: 'vpc-0123456789abcdef0', InstanceTenancy: 'default' })), {
      code: 'InvalidVpcID.NotFound',
      message: "The vpc ID 'vpc-0123456789abcdef0' does not exist",
    });
  });
});
