/**
 * DescribeInstanceAttribute through the SDK v3: each attribute answers alone with its value (network attributes
 * from the primary interface), unknown attribute / instance, DryRun.
 */
import {
  CreateSecurityGroupCommand,
  DescribeInstanceAttributeCommand,
  DescribeInstanceAttributeCommandInput,
  Instance,
  ModifyNetworkInterfaceAttributeCommand,
} from '@aws-sdk/client-ec2';
import { DRY_RUN, launchRunning, MISSING } from '../helpers/api';
import { createNetwork, TestNetwork } from '../helpers/network';
import { expectEc2Error, startTestServer, TestServer } from '../helpers/server';

let t: TestServer;
let net: TestNetwork;
let i: Instance;
let web: string;
const USER_DATA = Buffer.from('#!/bin/sh\necho hi\n').toString('base64');

beforeAll(async () => {
  t = await startTestServer();
  net = await createNetwork(t.ec2);
  web = (await t.ec2.send(new CreateSecurityGroupCommand({ VpcId: net.vpcId, GroupName: 'web', Description: 'web' }))).GroupId!;
  i = await launchRunning(t, net, {
    InstanceType: 't3.small',
    UserData: USER_DATA,
    DisableApiTermination: true,
    DisableApiStop: true,
    InstanceInitiatedShutdownBehavior: 'terminate',
    EbsOptimized: true,
    NetworkInterfaces: [{ DeviceIndex: 0, SubnetId: net.subnetA1, Groups: [web] }],
  });
  await t.ec2.send(new ModifyNetworkInterfaceAttributeCommand({ NetworkInterfaceId: i.NetworkInterfaces![0].NetworkInterfaceId, SourceDestCheck: { Value: false } }));
});
afterAll(() => t.close());

const attr = async (input: Partial<DescribeInstanceAttributeCommandInput>) => {
  const { $metadata, ...rest } = await t.ec2.send(new DescribeInstanceAttributeCommand({ InstanceId: i.InstanceId, ...input } as DescribeInstanceAttributeCommandInput));
  void $metadata;
  return rest;
};

describe('behaviour', () => {
  it.each([
    ['instanceType', () => ({ InstanceType: { Value: 't3.small' } })],
    ['userData', () => ({ UserData: { Value: USER_DATA } })],
    ['disableApiTermination', () => ({ DisableApiTermination: { Value: true } })],
    ['disableApiStop', () => ({ DisableApiStop: { Value: true } })],
    ['instanceInitiatedShutdownBehavior', () => ({ InstanceInitiatedShutdownBehavior: { Value: 'terminate' } })],
    ['sourceDestCheck', () => ({ SourceDestCheck: { Value: false } })],
    ['groupSet', () => ({ Groups: [{ GroupId: web, GroupName: 'web' }] })],
    ['ebsOptimized', () => ({ EbsOptimized: { Value: true } })],
    ['enaSupport', () => ({ EnaSupport: { Value: true } })],
    // The image's root volume (before issue 17 part 1 instances had no volumes and this was [])
    [
      'blockDeviceMapping',
      () => ({
        BlockDeviceMappings: [
          { DeviceName: '/dev/xvda', Ebs: { AttachTime: i.LaunchTime, DeleteOnTermination: true, Status: 'attached', VolumeId: i.BlockDeviceMappings![0].Ebs!.VolumeId } },
        ],
      }),
    ],
    ['productCodes', () => ({ ProductCodes: [] })],
  ])('%s', async (Attribute, expected) => {
    expect(await attr({ Attribute: Attribute as DescribeInstanceAttributeCommandInput['Attribute'] })).toEqual({ InstanceId: i.InstanceId, ...expected() });
  });

  it('rootDeviceName matches the instance', async () => {
    const out = await attr({ Attribute: 'rootDeviceName' });
    expect(out.RootDeviceName!.Value).toBe(i.RootDeviceName);
    expect(out.RootDeviceName!.Value).toMatch(/^\/dev\//);
  });

  it('userData of an instance launched without it is empty', async () => {
    const plain = await launchRunning(t, net);
    expect(await attr({ InstanceId: plain.InstanceId, Attribute: 'userData' })).toEqual({ InstanceId: plain.InstanceId, UserData: {} });
    expect(await attr({ InstanceId: plain.InstanceId, Attribute: 'disableApiTermination' })).toEqual({ InstanceId: plain.InstanceId, DisableApiTermination: { Value: false } });
    expect(await attr({ InstanceId: plain.InstanceId, Attribute: 'instanceInitiatedShutdownBehavior' })).toEqual({
      InstanceId: plain.InstanceId,
      InstanceInitiatedShutdownBehavior: { Value: 'stop' },
    });
  });
});

describe('errors', () => {
  it('an attribute outside the enum', async () => {
    await expectEc2Error(attr({ Attribute: 'colour' as never }), { code: 'InvalidParameterValue', message: /colour/ });
  });

  it('unknown and malformed instance', async () => {
    await expectEc2Error(attr({ InstanceId: MISSING.instance, Attribute: 'instanceType' }), {
      code: 'InvalidInstanceID.NotFound',
      message: `The instance ID '${MISSING.instance}' does not exist`,
    });
    await expectEc2Error(attr({ InstanceId: 'i-abc', Attribute: 'instanceType' }), { code: 'InvalidInstanceID.Malformed', message: 'Invalid id: "i-abc"' });
  });

  it('DryRun: 412', async () => {
    await expectEc2Error(attr({ Attribute: 'instanceType', DryRun: true }), DRY_RUN);
  });
});
