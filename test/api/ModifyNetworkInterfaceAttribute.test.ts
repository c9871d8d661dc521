/**
 * ModifyNetworkInterfaceAttribute through the SDK v3: one attribute per call (Description, SourceDestCheck, groups,
 * Attachment.DeleteOnTermination), errors with AWS's codes and messages, the effect on the instance view and on
 * terminate, DryRun.
 */
import {
  CreateSecurityGroupCommand,
  DescribeNetworkInterfacesCommand,
  DescribeSecurityGroupsCommand,
  ModifyNetworkInterfaceAttributeCommand,
  ModifyNetworkInterfaceAttributeCommandInput,
  TerminateInstancesCommand,
} from '@aws-sdk/client-ec2';
import { createEni, DRY_RUN, launchRunning, MISSING, snapshot } from '../helpers/api';
import { createNetwork, describeInstance, describeInterface, TestNetwork } from '../helpers/network';
import { expectEc2Error, TestServer } from '../helpers/server';
import { useTestServer } from '../helpers/env';

let t: TestServer;
let net: TestNetwork;

useTestServer({ network: 'each' }, (env) => ({ t, net } = env));

const modify = (input: ModifyNetworkInterfaceAttributeCommandInput) => t.ec2.send(new ModifyNetworkInterfaceAttributeCommand(input));
const group = async (vpcId: string, name: string) =>
  (await t.ec2.send(new CreateSecurityGroupCommand({ VpcId: vpcId, GroupName: name, Description: name }))).GroupId!;

describe('validation', () => {
  it('malformed and unknown interface', async () => {
    await expectEc2Error(modify({ NetworkInterfaceId: 'eni-q', Description: { Value: 'x' } }), {
      code: 'InvalidNetworkInterfaceId.Malformed',
      message: 'Invalid id: "eni-q" (expecting "eni-...")',
    });
    await expectEc2Error(modify({ NetworkInterfaceId: MISSING.eni, Description: { Value: 'x' } }), {
      code: 'InvalidNetworkInterfaceID.NotFound',
      message: `The networkInterface ID '${MISSING.eni}' does not exist`,
    });
  });

  it('no attribute at all, and two attributes at once', async () => {
    const eni = await createEni(t.ec2, net.subnetA1);
    await expectEc2Error(modify({ NetworkInterfaceId: eni.NetworkInterfaceId }), { code: 'MissingParameter', message: 'Missing attribute value' });
    await expectEc2Error(modify({ NetworkInterfaceId: eni.NetworkInterfaceId, Description: { Value: 'x' }, SourceDestCheck: { Value: false } }), {
      code: 'InvalidParameterCombination',
      message: 'Only one attribute can be modified at a time.',
    });
    const seen = await describeInterface(t.ec2, eni.NetworkInterfaceId!);
    expect([seen.Description, seen.SourceDestCheck]).toEqual(['', true]);
  });
});

describe('errors', () => {
  it('groups: unknown, from another VPC, more than five', async () => {
    const eni = await createEni(t.ec2, net.subnetA1);
    await expectEc2Error(modify({ NetworkInterfaceId: eni.NetworkInterfaceId, Groups: [MISSING.sg] }), {
      code: 'InvalidGroup.NotFound',
      message: `The security group '${MISSING.sg}' does not exist`,
    });
    const other = await createNetwork(t.ec2, '10.8.0.0/16');
    const foreign = await group(other.vpcId, 'foreign');
    await expectEc2Error(modify({ NetworkInterfaceId: eni.NetworkInterfaceId, Groups: [foreign] }), {
      code: 'InvalidParameter',
      message: `Security group ${foreign} and subnet ${net.subnetA1} belong to different networks.`,
    });
    const six = await Promise.all([1, 2, 3, 4, 5, 6].map((k) => group(net.vpcId, `m${k}`)));
    await expectEc2Error(modify({ NetworkInterfaceId: eni.NetworkInterfaceId, Groups: six }), {
      code: 'SecurityGroupsPerInterfaceLimitExceeded',
      message: 'The maximum number of security groups per interface has been reached.',
    });
    expect((await describeInterface(t.ec2, eni.NetworkInterfaceId!)).Groups!.map((g) => g.GroupName)).toEqual(['default']);
  });

  it('Attachment on an interface that is not attached, or with another attachment id', async () => {
    const eni = await createEni(t.ec2, net.subnetA1);
    await expectEc2Error(modify({ NetworkInterfaceId: eni.NetworkInterfaceId, Attachment: { AttachmentId: 'eni-attach-0123456789abcdef0', DeleteOnTermination: true } }), {
      code: 'InvalidAttachmentID.NotFound',
      message: "The network interface attachment ID 'eni-attach-0123456789abcdef0' does not exist",
    });
    const i = await launchRunning(t, net);
    const primary = i.NetworkInterfaces![0];
    await expectEc2Error(modify({ NetworkInterfaceId: primary.NetworkInterfaceId, Attachment: { AttachmentId: 'eni-attach-0123456789abcdef0', DeleteOnTermination: false } }), {
      code: 'InvalidAttachmentID.NotFound',
      message: "The network interface attachment ID 'eni-attach-0123456789abcdef0' does not exist",
    });
    expect((await describeInterface(t.ec2, primary.NetworkInterfaceId!)).Attachment!.DeleteOnTermination).toBe(true);
  });
});

describe('behaviour', () => {
  it('Description: set, then set to empty', async () => {
    const eni = await createEni(t.ec2, net.subnetA1);
    await modify({ NetworkInterfaceId: eni.NetworkInterfaceId, Description: { Value: 'front end' } });
    expect((await describeInterface(t.ec2, eni.NetworkInterfaceId!)).Description).toBe('front end');
    const byDesc = await t.ec2.send(new DescribeNetworkInterfacesCommand({ Filters: [{ Name: 'description', Values: ['front end'] }] }));
    expect(byDesc.NetworkInterfaces!.map((n) => n.NetworkInterfaceId)).toEqual([eni.NetworkInterfaceId]);
    await modify({ NetworkInterfaceId: eni.NetworkInterfaceId, Description: { Value: '' } });
    expect((await describeInterface(t.ec2, eni.NetworkInterfaceId!)).Description).toBe('');
  });

  it('SourceDestCheck: off and on again; the instance mirrors its primary', async () => {
    const i = await launchRunning(t, net);
    const primary = i.NetworkInterfaces![0].NetworkInterfaceId!;
    await modify({ NetworkInterfaceId: primary, SourceDestCheck: { Value: false } });
    expect((await describeInterface(t.ec2, primary)).SourceDestCheck).toBe(false);
    expect((await describeInstance(t.ec2, i.InstanceId!)).SourceDestCheck).toBe(false);
    await modify({ NetworkInterfaceId: primary, SourceDestCheck: { Value: true } });
    expect((await describeInstance(t.ec2, i.InstanceId!)).SourceDestCheck).toBe(true);
  });

  it('groups are replaced; on the primary the instance shows the new set', async () => {
    const i = await launchRunning(t, net);
    const primary = i.NetworkInterfaces![0].NetworkInterfaceId!;
    const g1 = await group(net.vpcId, 'a');
    const g2 = await group(net.vpcId, 'b');
    await modify({ NetworkInterfaceId: primary, Groups: [g1, g2] });
    const expected = [
      { GroupId: g1, GroupName: 'a' },
      { GroupId: g2, GroupName: 'b' },
    ];
    const byId = (x: { GroupId?: string }, y: { GroupId?: string }) => (x.GroupId! < y.GroupId! ? -1 : 1);
    expect([...(await describeInterface(t.ec2, primary)).Groups!].sort(byId)).toEqual([...expected].sort(byId));
    expect([...(await describeInstance(t.ec2, i.InstanceId!)).SecurityGroups!].sort(byId)).toEqual([...expected].sort(byId));
    // the default group is no longer referenced by the interface
    const def = await t.ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'vpc-id', Values: [net.vpcId] }, { Name: 'group-name', Values: ['default'] }] }));
    const users = await t.ec2.send(new DescribeNetworkInterfacesCommand({ Filters: [{ Name: 'group-id', Values: [def.SecurityGroups![0].GroupId!] }] }));
    expect(users.NetworkInterfaces).toEqual([]);
  });

  it('Attachment.DeleteOnTermination can be turned off on the primary, which then survives terminate', async () => {
    const i = await launchRunning(t, net);
    const primary = i.NetworkInterfaces![0];
    await modify({ NetworkInterfaceId: primary.NetworkInterfaceId, Attachment: { AttachmentId: primary.Attachment!.AttachmentId, DeleteOnTermination: false } });
    expect((await describeInterface(t.ec2, primary.NetworkInterfaceId!)).Attachment!.DeleteOnTermination).toBe(false);
    expect((await describeInstance(t.ec2, i.InstanceId!)).NetworkInterfaces![0].Attachment!.DeleteOnTermination).toBe(false);
    await t.ec2.send(new TerminateInstancesCommand({ InstanceIds: [i.InstanceId!] }));
    t.advance(1000);
    const left = await describeInterface(t.ec2, primary.NetworkInterfaceId!);
    expect([left.Status, left.Attachment, left.PrivateIpAddress]).toEqual(['available', undefined, primary.PrivateIpAddress]);
  });

  it('DryRun: 412 and nothing changes', async () => {
    const eni = await createEni(t.ec2, net.subnetA1);
    const before = await snapshot(t.ec2);
    await expectEc2Error(modify({ NetworkInterfaceId: eni.NetworkInterfaceId, Description: { Value: 'dry' }, DryRun: true }), DRY_RUN);
    await expectEc2Error(modify({ NetworkInterfaceId: eni.NetworkInterfaceId, SourceDestCheck: { Value: false }, DryRun: true }), DRY_RUN);
    expect(await snapshot(t.ec2)).toEqual(before);
  });

  it('DryRun reports the error the call would have', async () => {
    const eni = await createEni(t.ec2, net.subnetA1);
    await expectEc2Error(modify({ NetworkInterfaceId: eni.NetworkInterfaceId, DryRun: true }), { code: 'MissingParameter', message: 'Missing attribute value' });
  });
});
