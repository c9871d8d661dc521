/**
 * AttachNetworkInterface through the SDK v3: validation, every error with AWS's code and message, the check order
 * of docs/behavior.md "Attach check order" (ENI unknown, instance unknown, in use, index range, index taken, zone, VPC,
 * limit, state: when two rules fail the first one wins), hot and cold attach, DryRun.
 */
import {
  AttachNetworkInterfaceCommand,
  AttachNetworkInterfaceCommandInput,
  CreateSubnetCommand,
  CreateTagsCommand,
  DetachNetworkInterfaceCommand,
  StopInstancesCommand,
  TerminateInstancesCommand,
} from '@aws-sdk/client-ec2';
import { createEni, DRY_RUN, launch, launchRunning, MISSING, snapshot } from '../helpers/api';
import { createNetwork, describeInstance, describeInterface, TestNetwork } from '../helpers/network';
import { expectEc2Error, startTestServer, TestServer } from '../helpers/server';

let t: TestServer;
let net: TestNetwork;

beforeAll(async () => {
  t = await startTestServer({ pendingMs: 1000, stoppingMs: 1000, shuttingDownMs: 1000, attachMs: 500, detachMs: 500 });
});
afterAll(() => t.close());
beforeEach(async () => {
  net = await createNetwork(t.ec2);
});

const attach = (input: Partial<AttachNetworkInterfaceCommandInput>) =>
  t.ec2.send(new AttachNetworkInterfaceCommand({ DeviceIndex: 1, ...input } as AttachNetworkInterfaceCommandInput));

const inUse = (eni: string) => ({ code: 'InvalidNetworkInterface.InUse', message: `Interface: [${eni}] in use.` });
const taken = (i: string, index = 1) => ({
  code: 'InvalidParameterValue',
  message: `Instance '${i}' already has an interface attached at device index '${index}'.`,
});
const badIndex = (n: number) => ({ code: 'InvalidParameterValue', message: `Value (${n}) for parameter deviceIndex is invalid.` });
const ZONE = { code: 'InvalidParameterValue', message: 'Network interface zone invalid for instance' };
const VPC = { code: 'InvalidParameterValue', message: 'Network interface vpc invalid for instance' };
const limit = (n: number, type: string) => ({ code: 'AttachmentLimitExceeded', message: `Interface count ${n} exceeds the limit for ${type}` });
const state = (i: string) => ({ code: 'IncorrectState', message: `Instance '${i}' is not 'running' or 'stopped'` });

/** A second VPC with one subnet in zone a. */
async function otherVpcSubnet(zone = 'us-east-1a'): Promise<string> {
  const other = await createNetwork(t.ec2, '10.9.0.0/16');
  return zone === 'us-east-1a' ? other.subnetA1 : other.subnetB;
}

describe('validation', () => {
  it('rejects malformed interface and instance ids before looking anything up', async () => {
    await expectEc2Error(attach({ NetworkInterfaceId: 'eni-xyz', InstanceId: MISSING.instance }), {
      code: 'InvalidNetworkInterfaceId.Malformed',
      message: 'Invalid id: "eni-xyz" (expecting "eni-...")',
    });
    await expectEc2Error(attach({ NetworkInterfaceId: MISSING.eni, InstanceId: 'i-nothex!' }), {
      code: 'InvalidInstanceID.Malformed',
      message: 'Invalid id: "i-nothex!"',
    });
  });

  it.each([64, -1, 1000])('rejects device index %i outside the range', async (index) => {
    const i = await launchRunning(t, net);
    const eni = await createEni(t.ec2, net.subnetA1);
    await expectEc2Error(attach({ NetworkInterfaceId: eni.NetworkInterfaceId, InstanceId: i.InstanceId, DeviceIndex: index }), badIndex(index));
    expect((await describeInterface(t.ec2, eni.NetworkInterfaceId!)).Status).toBe('available');
  });

  it('rejects a network card the instance type does not have', async () => {
    const i = await launchRunning(t, net);
    const eni = await createEni(t.ec2, net.subnetA1);
    await expectEc2Error(attach({ NetworkInterfaceId: eni.NetworkInterfaceId, InstanceId: i.InstanceId, NetworkCardIndex: 1 }), {
      code: 'InvalidParameterValue',
      message: 'Value (1) for parameter networkCardIndex is invalid.',
    });
  });
});

describe('errors', () => {
  it('unknown interface', async () => {
    const i = await launchRunning(t, net);
    await expectEc2Error(attach({ NetworkInterfaceId: MISSING.eni, InstanceId: i.InstanceId }), {
      code: 'InvalidNetworkInterfaceID.NotFound',
      message: `The networkInterface ID '${MISSING.eni}' does not exist`,
    });
  });

  it('unknown instance', async () => {
    const eni = await createEni(t.ec2, net.subnetA1);
    await expectEc2Error(attach({ NetworkInterfaceId: eni.NetworkInterfaceId, InstanceId: MISSING.instance }), {
      code: 'InvalidInstanceID.NotFound',
      message: `The instance ID '${MISSING.instance}' does not exist`,
    });
  });

  it('interface already attached (attached, attaching or detaching), to this or another instance', async () => {
    const a = await launchRunning(t, net, { InstanceType: 'm5.xlarge' });
    const b = await launchRunning(t, net, { InstanceType: 'm5.xlarge' });
    const eni = (await createEni(t.ec2, net.subnetA1)).NetworkInterfaceId!;
    const { AttachmentId } = await attach({ NetworkInterfaceId: eni, InstanceId: a.InstanceId });
    // attaching
    await expectEc2Error(attach({ NetworkInterfaceId: eni, InstanceId: b.InstanceId }), inUse(eni));
    t.advance(500);
    // attached: same instance at another index, and another instance
    await expectEc2Error(attach({ NetworkInterfaceId: eni, InstanceId: a.InstanceId, DeviceIndex: 2 }), inUse(eni));
    await expectEc2Error(attach({ NetworkInterfaceId: eni, InstanceId: b.InstanceId }), inUse(eni));
    // detaching
    await t.ec2.send(new DetachNetworkInterfaceCommand({ AttachmentId }));
    expect((await describeInterface(t.ec2, eni)).Attachment!.Status).toBe('detaching');
    await expectEc2Error(attach({ NetworkInterfaceId: eni, InstanceId: b.InstanceId }), inUse(eni));
    // the primary of an instance is in use too
    await expectEc2Error(attach({ NetworkInterfaceId: a.NetworkInterfaces![0].NetworkInterfaceId, InstanceId: b.InstanceId }), inUse(a.NetworkInterfaces![0].NetworkInterfaceId!));
  });

  it('device index taken by an attached, an attaching and a detaching interface', async () => {
    const i = await launchRunning(t, net, { InstanceType: 'm5.xlarge' });
    const [e1, e2, e3] = await Promise.all([1, 2, 3].map(() => createEni(t.ec2, net.subnetA1)));
    // the primary holds index 0
    await expectEc2Error(attach({ NetworkInterfaceId: e1.NetworkInterfaceId, InstanceId: i.InstanceId, DeviceIndex: 0 }), taken(i.InstanceId!, 0));
    const first = await attach({ NetworkInterfaceId: e1.NetworkInterfaceId, InstanceId: i.InstanceId, DeviceIndex: 1 });
    // attaching
    await expectEc2Error(attach({ NetworkInterfaceId: e2.NetworkInterfaceId, InstanceId: i.InstanceId, DeviceIndex: 1 }), taken(i.InstanceId!));
    t.advance(500);
    // attached
    await expectEc2Error(attach({ NetworkInterfaceId: e2.NetworkInterfaceId, InstanceId: i.InstanceId, DeviceIndex: 1 }), taken(i.InstanceId!));
    // detaching
    await t.ec2.send(new DetachNetworkInterfaceCommand({ AttachmentId: first.AttachmentId }));
    await expectEc2Error(attach({ NetworkInterfaceId: e3.NetworkInterfaceId, InstanceId: i.InstanceId, DeviceIndex: 1 }), taken(i.InstanceId!));
    // once detached the index is free again
    t.advance(500);
    await attach({ NetworkInterfaceId: e3.NetworkInterfaceId, InstanceId: i.InstanceId, DeviceIndex: 1 });
    expect((await describeInterface(t.ec2, e3.NetworkInterfaceId!)).Attachment).toMatchObject({ DeviceIndex: 1, InstanceId: i.InstanceId });
  });

  it('interface in another zone', async () => {
    const i = await launchRunning(t, net);
    const eni = await createEni(t.ec2, net.subnetB);
    await expectEc2Error(attach({ NetworkInterfaceId: eni.NetworkInterfaceId, InstanceId: i.InstanceId }), ZONE);
  });

  it('interface in another VPC (same zone)', async () => {
    const i = await launchRunning(t, net);
    const eni = await createEni(t.ec2, await otherVpcSubnet());
    await expectEc2Error(attach({ NetworkInterfaceId: eni.NetworkInterfaceId, InstanceId: i.InstanceId }), VPC);
  });

  it('AttachmentLimitExceeded counts existing interfaces plus this one', async () => {
    // m5.large allows 3
    const i = await launchRunning(t, net, {
      InstanceType: 'm5.large',
      NetworkInterfaces: [0, 1, 2].map((d) => ({ DeviceIndex: d, SubnetId: net.subnetA1 })),
    });
    const eni = await createEni(t.ec2, net.subnetA1);
    await expectEc2Error(attach({ NetworkInterfaceId: eni.NetworkInterfaceId, InstanceId: i.InstanceId, DeviceIndex: 3 }), limit(4, 'm5.large'));
    // t3.micro allows 2: the third is refused
    const small = await launchRunning(t, net, { InstanceType: 't3.micro' });
    await attach({ NetworkInterfaceId: eni.NetworkInterfaceId, InstanceId: small.InstanceId, DeviceIndex: 1 });
    const third = await createEni(t.ec2, net.subnetA1);
    await expectEc2Error(attach({ NetworkInterfaceId: third.NetworkInterfaceId, InstanceId: small.InstanceId, DeviceIndex: 2 }), limit(3, 't3.micro'));
  });

  it('the limit counts attaching and detaching interfaces', async () => {
    const i = await launchRunning(t, net, { InstanceType: 't3.micro' });
    const [e1, e2] = await Promise.all([1, 2].map(() => createEni(t.ec2, net.subnetA1)));
    const { AttachmentId } = await attach({ NetworkInterfaceId: e1.NetworkInterfaceId, InstanceId: i.InstanceId, DeviceIndex: 1 });
    await expectEc2Error(attach({ NetworkInterfaceId: e2.NetworkInterfaceId, InstanceId: i.InstanceId, DeviceIndex: 2 }), limit(3, 't3.micro'));
    t.advance(500);
    await t.ec2.send(new DetachNetworkInterfaceCommand({ AttachmentId }));
    await expectEc2Error(attach({ NetworkInterfaceId: e2.NetworkInterfaceId, InstanceId: i.InstanceId, DeviceIndex: 2 }), limit(3, 't3.micro'));
    t.advance(500);
    await attach({ NetworkInterfaceId: e2.NetworkInterfaceId, InstanceId: i.InstanceId, DeviceIndex: 2 });
  });

  it('IncorrectState unless the instance is running or stopped: pending, stopping, shutting-down, terminated', async () => {
    const eni = (await createEni(t.ec2, net.subnetA1)).NetworkInterfaceId!;
    const pending = await launch(t, net);
    await expectEc2Error(attach({ NetworkInterfaceId: eni, InstanceId: pending.InstanceId }), state(pending.InstanceId!));

    const stopping = await launchRunning(t, net);
    await t.ec2.send(new StopInstancesCommand({ InstanceIds: [stopping.InstanceId!] }));
    await expectEc2Error(attach({ NetworkInterfaceId: eni, InstanceId: stopping.InstanceId }), state(stopping.InstanceId!));

    const dying = await launchRunning(t, net);
    await t.ec2.send(new TerminateInstancesCommand({ InstanceIds: [dying.InstanceId!] }));
    await expectEc2Error(attach({ NetworkInterfaceId: eni, InstanceId: dying.InstanceId }), state(dying.InstanceId!));
    t.advance(1000);
    expect((await describeInstance(t.ec2, dying.InstanceId!)).State!.Name).toBe('terminated');
    await expectEc2Error(attach({ NetworkInterfaceId: eni, InstanceId: dying.InstanceId }), state(dying.InstanceId!));
    expect((await describeInterface(t.ec2, eni)).Status).toBe('available');
  });
});

describe('check order: when two rules fail, the first one wins', () => {
  it('unknown interface before unknown instance', async () => {
    await expectEc2Error(attach({ NetworkInterfaceId: MISSING.eni, InstanceId: MISSING.instance }), {
      code: 'InvalidNetworkInterfaceID.NotFound',
      message: `The networkInterface ID '${MISSING.eni}' does not exist`,
    });
  });

  it('unknown instance before interface in use', async () => {
    const i = await launchRunning(t, net);
    const primary = i.NetworkInterfaces![0].NetworkInterfaceId!;
    await expectEc2Error(attach({ NetworkInterfaceId: primary, InstanceId: MISSING.instance }), {
      code: 'InvalidInstanceID.NotFound',
      message: `The instance ID '${MISSING.instance}' does not exist`,
    });
  });

  it('in use before index range', async () => {
    const a = await launchRunning(t, net);
    const b = await launchRunning(t, net);
    await expectEc2Error(attach({ NetworkInterfaceId: a.NetworkInterfaces![0].NetworkInterfaceId, InstanceId: b.InstanceId, DeviceIndex: 64 }), inUse(a.NetworkInterfaces![0].NetworkInterfaceId!));
  });

  it('index range before zone', async () => {
    const i = await launchRunning(t, net);
    const eni = await createEni(t.ec2, net.subnetB);
    await expectEc2Error(attach({ NetworkInterfaceId: eni.NetworkInterfaceId, InstanceId: i.InstanceId, DeviceIndex: 64 }), badIndex(64));
  });

  it('index taken before zone', async () => {
    const i = await launchRunning(t, net, { NetworkInterfaces: [{ DeviceIndex: 0, SubnetId: net.subnetA1 }, { DeviceIndex: 1, SubnetId: net.subnetA2 }] });
    const eni = await createEni(t.ec2, net.subnetB);
    await expectEc2Error(attach({ NetworkInterfaceId: eni.NetworkInterfaceId, InstanceId: i.InstanceId, DeviceIndex: 1 }), taken(i.InstanceId!));
  });

  it('zone before VPC', async () => {
    const i = await launchRunning(t, net);
    const eni = await createEni(t.ec2, await otherVpcSubnet('us-east-1b'));
    await expectEc2Error(attach({ NetworkInterfaceId: eni.NetworkInterfaceId, InstanceId: i.InstanceId }), ZONE);
  });

  it('VPC before limit', async () => {
    const i = await launchRunning(t, net, { InstanceType: 't3.micro', NetworkInterfaces: [0, 1].map((d) => ({ DeviceIndex: d, SubnetId: net.subnetA1 })) });
    const eni = await createEni(t.ec2, await otherVpcSubnet());
    await expectEc2Error(attach({ NetworkInterfaceId: eni.NetworkInterfaceId, InstanceId: i.InstanceId, DeviceIndex: 2 }), VPC);
  });

  it('limit before state (a pending instance already at its limit)', async () => {
    const i = await launch(t, net, { InstanceType: 't3.micro', NetworkInterfaces: [0, 1].map((d) => ({ DeviceIndex: d, SubnetId: net.subnetA1 })) });
    const eni = await createEni(t.ec2, net.subnetA1);
    await expectEc2Error(attach({ NetworkInterfaceId: eni.NetworkInterfaceId, InstanceId: i.InstanceId, DeviceIndex: 2 }), limit(3, 't3.micro'));
  });

  it('index taken before state (pending)', async () => {
    const i = await launch(t, net, { InstanceType: 'm5.xlarge', NetworkInterfaces: [0, 1].map((d) => ({ DeviceIndex: d, SubnetId: net.subnetA1 })) });
    const eni = await createEni(t.ec2, net.subnetA1);
    await expectEc2Error(attach({ NetworkInterfaceId: eni.NetworkInterfaceId, InstanceId: i.InstanceId, DeviceIndex: 1 }), taken(i.InstanceId!));
  });

  it('zone before state (pending)', async () => {
    const i = await launch(t, net);
    const eni = await createEni(t.ec2, net.subnetB);
    await expectEc2Error(attach({ NetworkInterfaceId: eni.NetworkInterfaceId, InstanceId: i.InstanceId }), ZONE);
  });
});

describe('behaviour', () => {
  it('hot attach to a running instance: attaching, then attached by the back end; DOT false; resources move with the interface', async () => {
    const i = await launchRunning(t, net);
    const eni = await createEni(t.ec2, net.subnetA2, { SecondaryPrivateIpAddressCount: 1, Description: 'data' });
    await t.ec2.send(new CreateTagsCommand({ Resources: [eni.NetworkInterfaceId!], Tags: [{ Key: 'role', Value: 'data' }] }));
    const out = await attach({ NetworkInterfaceId: eni.NetworkInterfaceId, InstanceId: i.InstanceId, DeviceIndex: 1 });
    expect(out.AttachmentId).toMatch(/^eni-attach-[0-9a-f]{17}$/);
    expect(out.NetworkCardIndex).toBe(0);

    let seen = await describeInterface(t.ec2, eni.NetworkInterfaceId!);
    expect(seen.Status).toBe('in-use');
    expect(seen.Attachment).toMatchObject({
      AttachmentId: out.AttachmentId,
      InstanceId: i.InstanceId,
      InstanceOwnerId: '123456789012',
      DeviceIndex: 1,
      NetworkCardIndex: 0,
      DeleteOnTermination: false,
      Status: 'attaching',
    });
    expect(seen.Attachment!.AttachTime).toBeInstanceOf(Date);
    t.advance(499);
    expect((await describeInterface(t.ec2, eni.NetworkInterfaceId!)).Attachment!.Status).toBe('attaching');
    t.advance(1);
    seen = await describeInterface(t.ec2, eni.NetworkInterfaceId!);
    expect(seen.Attachment!.Status).toBe('attached');
    // the interface keeps its own addresses, MAC, description and tags
    expect(seen.PrivateIpAddresses).toEqual(eni.PrivateIpAddresses);
    expect(seen.MacAddress).toBe(eni.MacAddress);
    expect(seen.Description).toBe('data');
    expect(seen.TagSet).toEqual([{ Key: 'role', Value: 'data' }]);

    const inst = await describeInstance(t.ec2, i.InstanceId!);
    const nic = inst.NetworkInterfaces!.find((n) => n.NetworkInterfaceId === eni.NetworkInterfaceId)!;
    expect(nic.Attachment).toMatchObject({ AttachmentId: out.AttachmentId, DeviceIndex: 1, Status: 'attached', DeleteOnTermination: false });
    expect(nic.PrivateIpAddresses!.map((p) => p.PrivateIpAddress)).toEqual(eni.PrivateIpAddresses!.map((p) => p.PrivateIpAddress));
    // the instance's own top-level addresses still come from the primary
    expect(inst.PrivateIpAddress).toBe(i.PrivateIpAddress);
  });

  it('cold attach to a stopped instance: attached at once', async () => {
    const i = await launchRunning(t, net);
    await t.ec2.send(new StopInstancesCommand({ InstanceIds: [i.InstanceId!] }));
    t.advance(1000);
    const eni = await createEni(t.ec2, net.subnetA1);
    await attach({ NetworkInterfaceId: eni.NetworkInterfaceId, InstanceId: i.InstanceId, DeviceIndex: 5 });
    const seen = await describeInterface(t.ec2, eni.NetworkInterfaceId!);
    expect([seen.Status, seen.Attachment!.Status, seen.Attachment!.DeviceIndex]).toEqual(['in-use', 'attached', 5]);
  });

  it('an interface in another subnet of the same zone and VPC attaches', async () => {
    const i = await launchRunning(t, net);
    const extra = (await t.ec2.send(new CreateSubnetCommand({ VpcId: net.vpcId, CidrBlock: '10.0.50.0/24', AvailabilityZone: 'us-east-1a' }))).Subnet!.SubnetId!;
    const eni = await createEni(t.ec2, extra);
    await attach({ NetworkInterfaceId: eni.NetworkInterfaceId, InstanceId: i.InstanceId });
    expect((await describeInterface(t.ec2, eni.NetworkInterfaceId!)).Attachment!.InstanceId).toBe(i.InstanceId);
  });

  it('DryRun: 412 DryRunOperation and nothing changes', async () => {
    const i = await launchRunning(t, net);
    const eni = await createEni(t.ec2, net.subnetA1);
    const before = await snapshot(t.ec2);
    const scheduled = t.runtime.backend.list();
    await expectEc2Error(
      t.ec2.send(new AttachNetworkInterfaceCommand({ NetworkInterfaceId: eni.NetworkInterfaceId, InstanceId: i.InstanceId, DeviceIndex: 1, DryRun: true })),
      DRY_RUN,
    );
    expect(await snapshot(t.ec2)).toEqual(before);
    expect(t.runtime.backend.list()).toEqual(scheduled);
    t.advance(10_000);
    expect(await snapshot(t.ec2)).toEqual(before); // no transition was left scheduled either
    // the real call still works
    await attach({ NetworkInterfaceId: eni.NetworkInterfaceId, InstanceId: i.InstanceId, DeviceIndex: 1 });
  });

  it('DryRun reports the error the call would have', async () => {
    const i = await launch(t, net);
    const eni = await createEni(t.ec2, net.subnetA1);
    await expectEc2Error(
      t.ec2.send(new AttachNetworkInterfaceCommand({ NetworkInterfaceId: eni.NetworkInterfaceId, InstanceId: i.InstanceId, DeviceIndex: 1, DryRun: true })),
      state(i.InstanceId!),
    );
  });
});
