/**
 * DetachNetworkInterface through the SDK v3: unknown / malformed attachment, the primary, the pending rule, hot
 * detach (detaching, then available), cold detach (stopped: at once), detach while detaching (no-op), Force,
 * DryRun.
 */
import {
  AttachNetworkInterfaceCommand,
  DetachNetworkInterfaceCommand,
  DetachNetworkInterfaceCommandInput,
  StopInstancesCommand,
} from '@aws-sdk/client-ec2';
import { createEni, DRY_RUN, launch, launchRunning, MISSING, snapshot } from '../helpers/api';
import { availableIps, createNetwork, describeInstance, describeInterface, TestNetwork } from '../helpers/network';
import { expectEc2Error, startTestServer, TestServer } from '../helpers/server';

let t: TestServer;
let net: TestNetwork;

beforeEach(async () => {
  t = await startTestServer({ pendingMs: 1000, stoppingMs: 1000, shuttingDownMs: 1000, attachMs: 500, detachMs: 500 });
  net = await createNetwork(t.ec2);
});
afterEach(() => t.close());

const detach = (input: DetachNetworkInterfaceCommandInput) => t.ec2.send(new DetachNetworkInterfaceCommand(input));

/** A running instance with a second interface attached (attached, unless `settle` is false). */
async function withSecondary(settle = true) {
  const i = await launchRunning(t, net);
  const eni = await createEni(t.ec2, net.subnetA2, { SecondaryPrivateIpAddressCount: 1 });
  const { AttachmentId } = await t.ec2.send(
    new AttachNetworkInterfaceCommand({ NetworkInterfaceId: eni.NetworkInterfaceId, InstanceId: i.InstanceId, DeviceIndex: 1 }),
  );
  if (settle) t.advance(500);
  return { i, eni, attachmentId: AttachmentId! };
}

describe('validation', () => {
  it('rejects a malformed attachment id', async () => {
    await expectEc2Error(detach({ AttachmentId: 'eni-attach-zz' }), {
      code: 'InvalidAttachmentID.Malformed',
      message: 'Invalid id: "eni-attach-zz" (expecting "eni-attach-...")',
    });
    await expectEc2Error(detach({ AttachmentId: MISSING.eni }), {
      code: 'InvalidAttachmentID.Malformed',
      message: `Invalid id: "${MISSING.eni}" (expecting "eni-attach-...")`,
    });
  });
});

describe('errors', () => {
  it('unknown attachment', async () => {
    await expectEc2Error(detach({ AttachmentId: MISSING.attachment }), {
      code: 'InvalidAttachmentID.NotFound',
      message: `The network interface attachment ID '${MISSING.attachment}' does not exist`,
    });
  });

  it('the primary interface (device index 0) cannot be detached, running or stopped', async () => {
    const i = await launchRunning(t, net);
    const primary = i.NetworkInterfaces![0].Attachment!.AttachmentId!;
    const error = { code: 'OperationNotPermitted', message: 'The network interface at device index 0 and networkCard index 0 cannot be detached.' };
    await expectEc2Error(detach({ AttachmentId: primary }), error);
    await expectEc2Error(detach({ AttachmentId: primary, Force: true }), error);
    await t.ec2.send(new StopInstancesCommand({ InstanceIds: [i.InstanceId!] }));
    t.advance(1000);
    await expectEc2Error(detach({ AttachmentId: primary }), error);
    expect((await describeInstance(t.ec2, i.InstanceId!)).NetworkInterfaces!.map((n) => n.Attachment!.Status)).toEqual(['attached']);
  });

  it('IncorrectState while the instance is pending (the pending rule)', async () => {
    const i = await launch(t, net, { NetworkInterfaces: [{ DeviceIndex: 0, SubnetId: net.subnetA1 }, { DeviceIndex: 1, SubnetId: net.subnetA2 }] });
    const second = i.NetworkInterfaces!.find((n) => n.Attachment!.DeviceIndex === 1)!;
    await expectEc2Error(detach({ AttachmentId: second.Attachment!.AttachmentId }), {
      code: 'IncorrectState',
      message: 'The instance is not in a valid state for this operation',
    });
    // after the instance runs, the same call works
    t.advance(1000);
    await detach({ AttachmentId: second.Attachment!.AttachmentId });
    expect((await describeInterface(t.ec2, second.NetworkInterfaceId!)).Attachment!.Status).toBe('detaching');
  });
});

describe('behaviour', () => {
  it('hot detach: detaching (still in-use), then the back end frees it; the interface keeps its addresses', async () => {
    const { i, eni, attachmentId } = await withSecondary();
    const free = await availableIps(t.ec2, net.subnetA2);
    await detach({ AttachmentId: attachmentId });
    let seen = await describeInterface(t.ec2, eni.NetworkInterfaceId!);
    expect([seen.Status, seen.Attachment!.Status, seen.Attachment!.AttachmentId]).toEqual(['in-use', 'detaching', attachmentId]);
    expect((await describeInstance(t.ec2, i.InstanceId!)).NetworkInterfaces!.map((n) => n.Attachment!.Status)).toEqual(['attached', 'detaching']);
    t.advance(499);
    expect((await describeInterface(t.ec2, eni.NetworkInterfaceId!)).Attachment!.Status).toBe('detaching');
    t.advance(1);
    seen = await describeInterface(t.ec2, eni.NetworkInterfaceId!);
    expect(seen.Status).toBe('available');
    expect(seen.Attachment).toBeUndefined();
    expect(seen.PrivateIpAddresses).toEqual(eni.PrivateIpAddresses);
    expect(seen.MacAddress).toBe(eni.MacAddress);
    expect(await availableIps(t.ec2, net.subnetA2)).toBe(free);
    expect((await describeInstance(t.ec2, i.InstanceId!)).NetworkInterfaces!.map((n) => n.NetworkInterfaceId)).toEqual([i.NetworkInterfaces![0].NetworkInterfaceId]);
    // the attachment is gone: detaching it again is NotFound
    await expectEc2Error(detach({ AttachmentId: attachmentId }), {
      code: 'InvalidAttachmentID.NotFound',
      message: `The network interface attachment ID '${attachmentId}' does not exist`,
    });
  });

  it('detach while attaching moves to detaching', async () => {
    const { eni, attachmentId } = await withSecondary(false);
    expect((await describeInterface(t.ec2, eni.NetworkInterfaceId!)).Attachment!.Status).toBe('attaching');
    await detach({ AttachmentId: attachmentId });
    expect((await describeInterface(t.ec2, eni.NetworkInterfaceId!)).Attachment!.Status).toBe('detaching');
    t.advance(500);
    const seen = await describeInterface(t.ec2, eni.NetworkInterfaceId!);
    expect([seen.Status, seen.Attachment]).toEqual(['available', undefined]);
  });

  it('detach while already detaching is a no-op that succeeds (Force too)', async () => {
    const { eni, attachmentId } = await withSecondary();
    await detach({ AttachmentId: attachmentId });
    t.advance(300);
    await detach({ AttachmentId: attachmentId });
    await detach({ AttachmentId: attachmentId, Force: true });
    // the original deadline still holds: 200 ms more
    t.advance(200);
    expect((await describeInterface(t.ec2, eni.NetworkInterfaceId!)).Status).toBe('available');
  });

  it('detach during stopping: detaching, and it completes when the instance is stopped', async () => {
    const { i, eni, attachmentId } = await withSecondary();
    await t.ec2.send(new StopInstancesCommand({ InstanceIds: [i.InstanceId!] }));
    await detach({ AttachmentId: attachmentId });
    expect((await describeInterface(t.ec2, eni.NetworkInterfaceId!)).Attachment!.Status).toBe('detaching');
    t.advance(1000);
    expect((await describeInterface(t.ec2, eni.NetworkInterfaceId!)).Status).toBe('available');
  });

  it('cold detach on a stopped instance: available at once', async () => {
    const { i, eni, attachmentId } = await withSecondary();
    await t.ec2.send(new StopInstancesCommand({ InstanceIds: [i.InstanceId!] }));
    t.advance(1000);
    await detach({ AttachmentId: attachmentId, Force: true });
    const seen = await describeInterface(t.ec2, eni.NetworkInterfaceId!);
    expect([seen.Status, seen.Attachment]).toEqual(['available', undefined]);
  });

  it('DryRun: 412 and nothing changes', async () => {
    const { attachmentId } = await withSecondary();
    const before = await snapshot(t.ec2);
    await expectEc2Error(detach({ AttachmentId: attachmentId, DryRun: true }), DRY_RUN);
    expect(await snapshot(t.ec2)).toEqual(before);
    t.advance(10_000);
    expect(await snapshot(t.ec2)).toEqual(before);
  });

  it('DryRun reports the error the call would have', async () => {
    const i = await launchRunning(t, net);
    await expectEc2Error(detach({ AttachmentId: i.NetworkInterfaces![0].Attachment!.AttachmentId, DryRun: true }), {
      code: 'OperationNotPermitted',
      message: 'The network interface at device index 0 and networkCard index 0 cannot be detached.',
    });
  });
});
