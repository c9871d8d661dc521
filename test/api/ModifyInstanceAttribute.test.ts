/**
 * ModifyInstanceAttribute through the SDK v3: one attribute per call, in the typed or the Attribute/Value form;
 * instanceType and userData only while stopped; source/dest check and groups act on the primary interface (groups
 * only with a single interface); protection flags; errors; DryRun. ResetInstanceAttribute.
 */
import {
  CreateSecurityGroupCommand,
  DescribeInstanceAttributeCommand,
  ModifyInstanceAttributeCommand,
  ModifyInstanceAttributeCommandInput,
  ResetInstanceAttributeCommand,
  StopInstancesCommand,
} from '@aws-sdk/client-ec2';
import { DRY_RUN, launchRunning, MISSING, snapshot } from '../helpers/api';
import { describeInstance, describeInterface, TestNetwork } from '../helpers/network';

import { expectEc2Error, TestServer } from '../helpers/server';
import { useTestServer } from '../helpers/env';

let t: TestServer;
let net: TestNetwork;

useTestServer({ network: 'each' }, (env) => ({ t, net } = env));

const modify = (input: ModifyInstanceAttributeCommandInput) => t.ec2.send(new ModifyInstanceAttributeCommand(input));
const stopped = async () => {
  const i = await launchRunning(t, net);
  await t.ec2.send(new StopInstancesCommand({ InstanceIds: [i.InstanceId!] }));
  expect((await describeInstance(t.ec2, i.InstanceId!)).State!.Name).toBe('stopped');
  return i;
};
const notStopped = (id: string) => ({ code: 'IncorrectInstanceState', message: `The instance '${id}' is not in the 'stopped' state.` });

describe('validation', () => {
  it('no attribute, and two attributes at once', async () => {
    const i = await launchRunning(t, net);
    await expectEc2Error(modify({ InstanceId: i.InstanceId }), { code: 'MissingParameter', message: 'The request must contain the parameter attribute' });
    await expectEc2Error(modify({ InstanceId: i.InstanceId, DisableApiStop: { Value: true }, DisableApiTermination: { Value: true } }), {
      code: 'InvalidParameterCombination',
      message: 'Fields for multiple attribute types specified: disableApiTermination, disableApiStop',
    });
  });

  it('Attribute without Value, bad values, unknown instance type', async () => {
    const i = await stopped();
    await expectEc2Error(modify({ InstanceId: i.InstanceId, Attribute: 'instanceType' }), { code: 'MissingParameter', message: 'The request must contain the parameter value' });
    await expectEc2Error(modify({ InstanceId: i.InstanceId, Attribute: 'disableApiTermination', Value: 'maybe' }), {
      code: 'InvalidParameterValue',
      message: 'Value (maybe) for parameter disableApiTermination is invalid.',
    });
    await expectEc2Error(modify({ InstanceId: i.InstanceId, InstanceInitiatedShutdownBehavior: { Value: 'hibernate' } }), {
      code: 'InvalidParameterValue',
      message: 'Value (hibernate) for parameter instanceInitiatedShutdownBehavior is invalid.',
    });
    await expectEc2Error(modify({ InstanceId: i.InstanceId, InstanceType: { Value: 't9.mega' } }), { code: 'InvalidParameterValue', message: "Invalid value 't9.mega' for InstanceType." });
  });

  it('unknown instance', async () => {
    await expectEc2Error(modify({ InstanceId: MISSING.instance, DisableApiStop: { Value: true } }), {
      code: 'InvalidInstanceID.NotFound',
      message: `The instance ID '${MISSING.instance}' does not exist`,
    });
  });
});

describe('errors', () => {
  it('instanceType and userData need a stopped instance', async () => {
    const i = await launchRunning(t, net);
    await expectEc2Error(modify({ InstanceId: i.InstanceId, InstanceType: { Value: 'm5.xlarge' } }), notStopped(i.InstanceId!));
    await expectEc2Error(modify({ InstanceId: i.InstanceId, Attribute: 'instanceType', Value: 'm5.xlarge' }), notStopped(i.InstanceId!));
    await expectEc2Error(modify({ InstanceId: i.InstanceId, UserData: { Value: new TextEncoder().encode('x') } }), notStopped(i.InstanceId!));
    expect((await describeInstance(t.ec2, i.InstanceId!)).InstanceType).toBe('m5.large');
  });

  it('groups on an instance with several interfaces must be set on an interface instead', async () => {
    const i = await launchRunning(t, net, { NetworkInterfaces: [{ DeviceIndex: 0, SubnetId: net.subnetA1 }, { DeviceIndex: 1, SubnetId: net.subnetA2 }] });
    const g = (await t.ec2.send(new CreateSecurityGroupCommand({ VpcId: net.vpcId, GroupName: 'g', Description: 'g' }))).GroupId!;
    await expectEc2Error(modify({ InstanceId: i.InstanceId, Groups: [g] }), {
      code: 'InvalidInstanceID',
      message: `There are multiple interfaces attached to instance '${i.InstanceId}'. Please specify an interface ID for the operation instead.`,
    });
  });
});

describe('behaviour', () => {
  it('instanceType while stopped (typed and Attribute/Value forms)', async () => {
    const i = await stopped();
    await modify({ InstanceId: i.InstanceId, InstanceType: { Value: 'm5.xlarge' } });
    expect((await describeInstance(t.ec2, i.InstanceId!)).InstanceType).toBe('m5.xlarge');
    await modify({ InstanceId: i.InstanceId, Attribute: 'instanceType', Value: 'c5.large' });
    expect((await describeInstance(t.ec2, i.InstanceId!)).InstanceType).toBe('c5.large');
  });

  it('userData while stopped', async () => {
    const i = await stopped();
    await modify({ InstanceId: i.InstanceId, UserData: { Value: new TextEncoder().encode('hello') } });
    const out = await t.ec2.send(new DescribeInstanceAttributeCommand({ InstanceId: i.InstanceId, Attribute: 'userData' }));
    expect(Buffer.from(out.UserData!.Value!, 'base64').toString()).toBe('hello');
  });

  it('sourceDestCheck acts on the primary interface', async () => {
    const i = await launchRunning(t, net);
    await modify({ InstanceId: i.InstanceId, SourceDestCheck: { Value: false } });
    expect((await describeInterface(t.ec2, i.NetworkInterfaces![0].NetworkInterfaceId!)).SourceDestCheck).toBe(false);
    expect((await describeInstance(t.ec2, i.InstanceId!)).SourceDestCheck).toBe(false);
    await modify({ InstanceId: i.InstanceId, Attribute: 'sourceDestCheck', Value: 'true' });
    expect((await describeInstance(t.ec2, i.InstanceId!)).SourceDestCheck).toBe(true);
  });

  it('groups replace the primary interface\'s groups', async () => {
    const i = await launchRunning(t, net);
    const g = (await t.ec2.send(new CreateSecurityGroupCommand({ VpcId: net.vpcId, GroupName: 'app', Description: 'app' }))).GroupId!;
    await modify({ InstanceId: i.InstanceId, Groups: [g] });
    expect((await describeInstance(t.ec2, i.InstanceId!)).SecurityGroups).toEqual([{ GroupId: g, GroupName: 'app' }]);
    expect((await describeInterface(t.ec2, i.NetworkInterfaces![0].NetworkInterfaceId!)).Groups).toEqual([{ GroupId: g, GroupName: 'app' }]);
  });

  it('disableApiTermination, disableApiStop and shutdown behaviour', async () => {
    const i = await launchRunning(t, net);
    await modify({ InstanceId: i.InstanceId, DisableApiTermination: { Value: true } });
    await modify({ InstanceId: i.InstanceId, Attribute: 'disableApiStop', Value: 'true' });
    await modify({ InstanceId: i.InstanceId, InstanceInitiatedShutdownBehavior: { Value: 'terminate' } });
    const get = async (Attribute: 'disableApiTermination' | 'disableApiStop' | 'instanceInitiatedShutdownBehavior') =>
      t.ec2.send(new DescribeInstanceAttributeCommand({ InstanceId: i.InstanceId, Attribute }));
    expect((await get('disableApiTermination')).DisableApiTermination).toEqual({ Value: true });
    expect((await get('disableApiStop')).DisableApiStop).toEqual({ Value: true });
    expect((await get('instanceInitiatedShutdownBehavior')).InstanceInitiatedShutdownBehavior).toEqual({ Value: 'terminate' });
  });

  it('DryRun: 412 and nothing changes', async () => {
    const i = await stopped();
    const before = await snapshot(t.ec2);
    await expectEc2Error(modify({ InstanceId: i.InstanceId, InstanceType: { Value: 'm5.xlarge' }, DryRun: true }), DRY_RUN);
    await expectEc2Error(modify({ InstanceId: i.InstanceId, SourceDestCheck: { Value: false }, DryRun: true }), DRY_RUN);
    expect(await snapshot(t.ec2)).toEqual(before);
  });

  it('DryRun reports the error the call would have', async () => {
    const i = await launchRunning(t, net);
    await expectEc2Error(modify({ InstanceId: i.InstanceId, InstanceType: { Value: 'm5.xlarge' }, DryRun: true }), notStopped(i.InstanceId!));
  });
});

describe('ResetInstanceAttribute', () => {
  it('sourceDestCheck back to true on the primary interface; kernel and ramdisk only while stopped; no other attribute', async () => {
    const i = await launchRunning(t, net);
    const reset = (Attribute: 'sourceDestCheck' | 'kernel' | 'ramdisk' | 'instanceType', InstanceId = i.InstanceId!) =>
      t.ec2.send(new ResetInstanceAttributeCommand({ InstanceId, Attribute }));
    await modify({ InstanceId: i.InstanceId, SourceDestCheck: { Value: false } });
    await reset('sourceDestCheck');
    expect((await describeInterface(t.ec2, i.NetworkInterfaces![0].NetworkInterfaceId!)).SourceDestCheck).toBe(true);
    await expectEc2Error(reset('kernel'), notStopped(i.InstanceId!));
    await expectEc2Error(reset('instanceType'), {
      code: 'InvalidParameterValue',
      message: 'Value (instanceType) for parameter attribute is invalid. Only kernel, ramdisk and sourceDestCheck can be reset.',
    });
    const s = await stopped();
    expect((await reset('ramdisk', s.InstanceId!)).$metadata.httpStatusCode).toBe(200);
    await expectEc2Error(reset('sourceDestCheck', MISSING.instance), { code: 'InvalidInstanceID.NotFound' });
  });
});
