/**
 * End-to-end stories of the multi-NIC model through the SDK v3: launch with 3 NICs in 2 subnets of one zone,
 * the pending rule, hot/cold attach and detach, stop/start, and what terminate leaves behind.
 */
import {
  AttachNetworkInterfaceCommand,
  CreateNetworkInterfaceCommand,
  DeleteNetworkInterfaceCommand,
  DescribeNetworkInterfacesCommand,
  DetachNetworkInterfaceCommand,
  ModifyNetworkInterfaceAttributeCommand,
  StartInstancesCommand,
  StopInstancesCommand,
  TerminateInstancesCommand,
} from '@aws-sdk/client-ec2';
import { expectEc2Error, startTestServer, TestServer } from '../helpers/server';
import { availableIps, createNetwork, describeInstance, describeInterface, runOne, TestNetwork } from '../helpers/network';

let t: TestServer;
let net: TestNetwork;

beforeEach(async () => {
  // Delays make the intermediate states observable; the manual clock moves only when the test says so.
  t = await startTestServer({ pendingMs: 1000, stoppingMs: 1000, shuttingDownMs: 1000, attachMs: 500, detachMs: 500 });
  net = await createNetwork(t.ec2);
});
afterEach(() => t.close());

const threeNics = () => [
  { DeviceIndex: 0, SubnetId: net.subnetA1 },
  { DeviceIndex: 1, SubnetId: net.subnetA2, SecondaryPrivateIpAddressCount: 1 },
  { DeviceIndex: 2, SubnetId: net.subnetA1, DeleteOnTermination: false },
];

describe('launch with three interfaces in two subnets of one zone', () => {
  it('shows every interface with its own addresses, MAC, device index and delete-on-termination', async () => {
    const launched = await runOne(t.ec2, { NetworkInterfaces: threeNics() });
    expect(launched.State).toEqual({ Code: 0, Name: 'pending' });
    expect(launched.NetworkInterfaces!.map((n) => [n.Attachment!.DeviceIndex, n.Attachment!.Status, n.Attachment!.DeleteOnTermination, n.SubnetId, n.PrivateIpAddress])).toEqual([
      [0, 'attaching', true, net.subnetA1, '10.0.1.4'],
      [1, 'attaching', true, net.subnetA2, '10.0.2.4'],
      [2, 'attaching', false, net.subnetA1, '10.0.1.5'],
    ]);
    expect(launched).toMatchObject({ SubnetId: net.subnetA1, VpcId: net.vpcId, PrivateIpAddress: '10.0.1.4', Placement: { AvailabilityZone: 'us-east-1a' } });
    const macs = launched.NetworkInterfaces!.map((n) => n.MacAddress!);
    expect(new Set(macs).size).toBe(3);
    for (const mac of macs) expect(mac).toMatch(/^02(:[0-9a-f]{2}){5}$/);
    expect(launched.NetworkInterfaces![1].PrivateIpAddresses!.map((p) => [p.PrivateIpAddress, p.Primary])).toEqual([
      ['10.0.2.4', true],
      ['10.0.2.5', false],
    ]);

    t.advance(1000);
    const running = await describeInstance(t.ec2, launched.InstanceId!);
    expect(running.State).toEqual({ Code: 16, Name: 'running' });
    expect(running.NetworkInterfaces!.map((n) => n.Attachment!.Status)).toEqual(['attached', 'attached', 'attached']);
    expect(running.NetworkInterfaces!.map((n) => n.MacAddress)).toEqual(macs);
    const enis = await t.ec2.send(new DescribeNetworkInterfacesCommand({ Filters: [{ Name: 'attachment.instance-id', Values: [launched.InstanceId!] }] }));
    expect(enis.NetworkInterfaces!.map((n) => [n.Status, n.Attachment!.InstanceId, n.Attachment!.InstanceOwnerId])).toEqual([
      ['in-use', launched.InstanceId, '123456789012'],
      ['in-use', launched.InstanceId, '123456789012'],
      ['in-use', launched.InstanceId, '123456789012'],
    ]);
    expect(await availableIps(t.ec2, net.subnetA1)).toBe(251 - 2);
    expect(await availableIps(t.ec2, net.subnetA2)).toBe(251 - 2);
  });

  it('keeps interfaces, addresses and MACs across stop and start', async () => {
    const i = await runOne(t.ec2, { NetworkInterfaces: threeNics() });
    t.advance(1000);
    const before = await describeInstance(t.ec2, i.InstanceId!);
    const stop = await t.ec2.send(new StopInstancesCommand({ InstanceIds: [i.InstanceId!] }));
    expect(stop.StoppingInstances).toEqual([{ InstanceId: i.InstanceId, PreviousState: { Code: 16, Name: 'running' }, CurrentState: { Code: 64, Name: 'stopping' } }]);
    expect((await describeInstance(t.ec2, i.InstanceId!)).State!.Name).toBe('stopping');
    t.advance(1000);
    const stopped = await describeInstance(t.ec2, i.InstanceId!);
    expect(stopped.State).toEqual({ Code: 80, Name: 'stopped' });
    expect(stopped.StateReason).toEqual({ Code: 'Client.UserInitiatedShutdown', Message: 'Client.UserInitiatedShutdown: User initiated shutdown' });
    const start = await t.ec2.send(new StartInstancesCommand({ InstanceIds: [i.InstanceId!] }));
    expect(start.StartingInstances![0].CurrentState).toEqual({ Code: 0, Name: 'pending' });
    t.advance(1000);
    const after = await describeInstance(t.ec2, i.InstanceId!);
    expect(after.State!.Name).toBe('running');
    const view = (x: typeof after) => x.NetworkInterfaces!.map((n) => [n.NetworkInterfaceId, n.MacAddress, n.PrivateIpAddress, n.Attachment!.DeviceIndex]);
    expect(view(after)).toEqual(view(before));
  });
});

describe('the pending rule and the attachment state machine', () => {
  it('refuses attach and detach while the instance is pending', async () => {
    const i = await runOne(t.ec2, { InstanceType: 'm5.xlarge', NetworkInterfaces: threeNics() });
    const spare = (await t.ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: net.subnetA2 }))).NetworkInterface!;
    await expectEc2Error(t.ec2.send(new AttachNetworkInterfaceCommand({ NetworkInterfaceId: spare.NetworkInterfaceId, InstanceId: i.InstanceId, DeviceIndex: 3 })), {
      code: 'IncorrectState',
      message: `Instance '${i.InstanceId}' is not 'running' or 'stopped'`,
    });
    await expectEc2Error(t.ec2.send(new DetachNetworkInterfaceCommand({ AttachmentId: i.NetworkInterfaces![1].Attachment!.AttachmentId })), {
      code: 'IncorrectState',
      message: 'The instance is not in a valid state for this operation',
    });
  });

  it('hot attach passes through attaching; hot detach through detaching; then the interface is available', async () => {
    const i = await runOne(t.ec2, { NetworkInterfaces: [{ DeviceIndex: 0, SubnetId: net.subnetA1 }] });
    t.advance(1000);
    const eni = (await t.ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: net.subnetA2 }))).NetworkInterface!;
    const { AttachmentId, NetworkCardIndex } = await t.ec2.send(
      new AttachNetworkInterfaceCommand({ NetworkInterfaceId: eni.NetworkInterfaceId, InstanceId: i.InstanceId, DeviceIndex: 1 }),
    );
    expect(AttachmentId).toMatch(/^eni-attach-[0-9a-f]{17}$/);
    expect(NetworkCardIndex).toBe(0);
    let seen = await describeInterface(t.ec2, eni.NetworkInterfaceId!);
    expect([seen.Status, seen.Attachment!.Status, seen.Attachment!.DeleteOnTermination]).toEqual(['in-use', 'attaching', false]);
    t.advance(500);
    seen = await describeInterface(t.ec2, eni.NetworkInterfaceId!);
    expect(seen.Attachment!.Status).toBe('attached');

    await t.ec2.send(new DetachNetworkInterfaceCommand({ AttachmentId }));
    seen = await describeInterface(t.ec2, eni.NetworkInterfaceId!);
    expect([seen.Status, seen.Attachment!.Status]).toEqual(['in-use', 'detaching']);
    // a second detach while detaching is a no-op that succeeds
    await t.ec2.send(new DetachNetworkInterfaceCommand({ AttachmentId }));
    t.advance(500);
    seen = await describeInterface(t.ec2, eni.NetworkInterfaceId!);
    expect(seen.Status).toBe('available');
    expect(seen.Attachment).toBeUndefined();
    expect(seen.PrivateIpAddress).toBe(eni.PrivateIpAddress);
  });

  it('cold attach and cold detach on a stopped instance take effect at once', async () => {
    const i = await runOne(t.ec2, { NetworkInterfaces: [{ DeviceIndex: 0, SubnetId: net.subnetA1 }] });
    t.advance(1000);
    await t.ec2.send(new StopInstancesCommand({ InstanceIds: [i.InstanceId!] }));
    t.advance(1000);
    const eni = (await t.ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: net.subnetA1 }))).NetworkInterface!;
    const { AttachmentId } = await t.ec2.send(new AttachNetworkInterfaceCommand({ NetworkInterfaceId: eni.NetworkInterfaceId, InstanceId: i.InstanceId, DeviceIndex: 1 }));
    expect((await describeInterface(t.ec2, eni.NetworkInterfaceId!)).Attachment!.Status).toBe('attached');
    await t.ec2.send(new DetachNetworkInterfaceCommand({ AttachmentId }));
    expect((await describeInterface(t.ec2, eni.NetworkInterfaceId!)).Status).toBe('available');
  });

  it('never detaches the primary interface', async () => {
    const i = await runOne(t.ec2, { NetworkInterfaces: [{ DeviceIndex: 0, SubnetId: net.subnetA1 }] });
    t.advance(1000);
    await expectEc2Error(t.ec2.send(new DetachNetworkInterfaceCommand({ AttachmentId: i.NetworkInterfaces![0].Attachment!.AttachmentId })), {
      code: 'OperationNotPermitted',
      message: 'The network interface at device index 0 and networkCard index 0 cannot be detached.',
    });
  });
});

describe('terminate: delete-on-termination decides what survives', () => {
  it('deletes DOT interfaces and returns their addresses; detaches the others, which keep theirs', async () => {
    const spare = (await t.ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: net.subnetA2 }))).NetworkInterface!;
    const i = await runOne(t.ec2, { InstanceType: 'm5.xlarge', NetworkInterfaces: threeNics() });
    t.advance(1000);
    await t.ec2.send(new AttachNetworkInterfaceCommand({ NetworkInterfaceId: spare.NetworkInterfaceId, InstanceId: i.InstanceId, DeviceIndex: 3 }));
    t.advance(500);
    // flip DOT on the spare: it must now be deleted with the instance
    const spareAttachment = (await describeInterface(t.ec2, spare.NetworkInterfaceId!)).Attachment!;
    await t.ec2.send(
      new ModifyNetworkInterfaceAttributeCommand({
        NetworkInterfaceId: spare.NetworkInterfaceId,
        Attachment: { AttachmentId: spareAttachment.AttachmentId, DeleteOnTermination: true },
      }),
    );
    const [eth0, eth1, eth2] = i.NetworkInterfaces!.sort((a, b) => a.Attachment!.DeviceIndex! - b.Attachment!.DeviceIndex!);

    const term = await t.ec2.send(new TerminateInstancesCommand({ InstanceIds: [i.InstanceId!] }));
    expect(term.TerminatingInstances![0].CurrentState).toEqual({ Code: 32, Name: 'shutting-down' });
    // Nothing is released before the instance is terminated
    expect((await describeInterface(t.ec2, eth0.NetworkInterfaceId!)).Status).toBe('in-use');
    t.advance(1000);
    const gone = await describeInstance(t.ec2, i.InstanceId!);
    expect(gone.State).toEqual({ Code: 48, Name: 'terminated' });
    expect(gone.NetworkInterfaces).toEqual([]);

    const left = await t.ec2.send(new DescribeNetworkInterfacesCommand({ Filters: [{ Name: 'vpc-id', Values: [net.vpcId] }] }));
    expect(left.NetworkInterfaces!.map((n) => [n.NetworkInterfaceId, n.Status, n.PrivateIpAddress])).toEqual([[eth2.NetworkInterfaceId, 'available', eth2.PrivateIpAddress]]);
    for (const eni of [eth0, eth1, spare]) {
      await expectEc2Error(t.ec2.send(new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: [eni.NetworkInterfaceId!] })), {
        code: 'InvalidNetworkInterfaceID.NotFound',
        message: `The networkInterface ID '${eni.NetworkInterfaceId}' does not exist`,
      });
    }
    expect(await availableIps(t.ec2, net.subnetA1)).toBe(250); // only eth2 keeps its address
    expect(await availableIps(t.ec2, net.subnetA2)).toBe(251);
    // the surviving interface can be deleted now, returning its address too
    await t.ec2.send(new DeleteNetworkInterfaceCommand({ NetworkInterfaceId: eth2.NetworkInterfaceId }));
    expect(await availableIps(t.ec2, net.subnetA1)).toBe(251);
  });
});
