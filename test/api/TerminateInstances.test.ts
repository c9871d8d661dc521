/**
 * TerminateInstances through the SDK v3: the state-change response from every state, shutting-down -> terminated
 * through the back end, disableApiTermination, delete-on-termination at terminate, terminated instances vanishing
 * after terminatedTtlMs, unknown ids, DryRun.
 */
import { DescribeInstancesCommand, ModifyInstanceAttributeCommand, StopInstancesCommand, TerminateInstancesCommand } from '@aws-sdk/client-ec2';
import { DRY_RUN, launch, launchRunning, MISSING, snapshot } from '../helpers/api';
import { availableIps, createNetwork, describeInstance, describeInterface, TestNetwork } from '../helpers/network';
import { expectEc2Error, startTestServer, TestServer } from '../helpers/server';

let t: TestServer;
let net: TestNetwork;
const TTL = 60_000;

beforeAll(async () => {
  t = await startTestServer({ pendingMs: 1000, stoppingMs: 1000, shuttingDownMs: 1000, terminatedTtlMs: TTL });
});
afterAll(() => t.close());
beforeEach(async () => {
  net = await createNetwork(t.ec2);
});

const terminate = (ids: string[], DryRun?: boolean) => t.ec2.send(new TerminateInstancesCommand({ InstanceIds: ids, DryRun }));
const protectedError = (id: string) => ({
  code: 'OperationNotPermitted',
  message: `The instance '${id}' may not be terminated. Modify its 'disableApiTermination' instance attribute and try again.`,
});

describe('validation', () => {
  it('malformed and unknown ids', async () => {
    await expectEc2Error(terminate(['instance-1']), { code: 'InvalidInstanceID.Malformed', message: 'Invalid id: "instance-1"' });
    await expectEc2Error(terminate([MISSING.instance]), { code: 'InvalidInstanceID.NotFound', message: `The instance ID '${MISSING.instance}' does not exist` });
  });
});

describe('errors', () => {
  it('disableApiTermination: OperationNotPermitted until turned off; in a batch nothing is terminated', async () => {
    const guarded = await launchRunning(t, net, { DisableApiTermination: true });
    const free = await launchRunning(t, net);
    await expectEc2Error(terminate([guarded.InstanceId!]), protectedError(guarded.InstanceId!));
    await expectEc2Error(terminate([free.InstanceId!, guarded.InstanceId!]), protectedError(guarded.InstanceId!));
    expect((await describeInstance(t.ec2, free.InstanceId!)).State!.Name).toBe('running');
    expect((await describeInstance(t.ec2, guarded.InstanceId!)).State!.Name).toBe('running');
    await t.ec2.send(new ModifyInstanceAttributeCommand({ InstanceId: guarded.InstanceId, DisableApiTermination: { Value: false } }));
    expect((await terminate([guarded.InstanceId!])).TerminatingInstances![0].CurrentState).toEqual({ Code: 32, Name: 'shutting-down' });
  });
});

describe('behaviour', () => {
  it('from running, pending and stopped: shutting-down, then terminated after the delay', async () => {
    const running = await launchRunning(t, net);
    const stopped = await launchRunning(t, net);
    await t.ec2.send(new StopInstancesCommand({ InstanceIds: [stopped.InstanceId!] }));
    t.advance(1000);
    const pending = await launch(t, net);
    const out = await terminate([running.InstanceId!, pending.InstanceId!, stopped.InstanceId!]);
    expect(out.TerminatingInstances!.map((c) => [c.InstanceId, c.PreviousState, c.CurrentState])).toEqual([
      [running.InstanceId, { Code: 16, Name: 'running' }, { Code: 32, Name: 'shutting-down' }],
      [pending.InstanceId, { Code: 0, Name: 'pending' }, { Code: 32, Name: 'shutting-down' }],
      [stopped.InstanceId, { Code: 80, Name: 'stopped' }, { Code: 32, Name: 'shutting-down' }],
    ]);
    // the pending instance does not come up any more
    t.advance(999);
    expect((await describeInstance(t.ec2, pending.InstanceId!)).State!.Name).toBe('shutting-down');
    t.advance(1);
    for (const i of [running, pending, stopped]) expect((await describeInstance(t.ec2, i.InstanceId!)).State).toEqual({ Code: 48, Name: 'terminated' });
    // terminating again changes nothing
    expect((await terminate([running.InstanceId!])).TerminatingInstances![0]).toMatchObject({
      PreviousState: { Code: 48, Name: 'terminated' },
      CurrentState: { Code: 48, Name: 'terminated' },
    });
  });

  it('terminating a shutting-down instance changes nothing', async () => {
    const i = await launchRunning(t, net);
    await terminate([i.InstanceId!]);
    expect((await terminate([i.InstanceId!])).TerminatingInstances![0]).toMatchObject({
      PreviousState: { Code: 32, Name: 'shutting-down' },
      CurrentState: { Code: 32, Name: 'shutting-down' },
    });
  });

  it('at terminated: DOT interfaces are deleted (addresses back), the others detached and available', async () => {
    const i = await launchRunning(t, net, {
      NetworkInterfaces: [
        { DeviceIndex: 0, SubnetId: net.subnetA1, SecondaryPrivateIpAddressCount: 1 },
        { DeviceIndex: 1, SubnetId: net.subnetA2, DeleteOnTermination: false },
      ],
    });
    const [eth0, eth1] = i.NetworkInterfaces!;
    expect(await availableIps(t.ec2, net.subnetA1)).toBe(249);
    await terminate([i.InstanceId!]);
    // nothing released before terminated
    expect((await describeInterface(t.ec2, eth0.NetworkInterfaceId!)).Status).toBe('in-use');
    t.advance(1000);
    expect(await availableIps(t.ec2, net.subnetA1)).toBe(251);
    expect(await availableIps(t.ec2, net.subnetA2)).toBe(250);
    const kept = await describeInterface(t.ec2, eth1.NetworkInterfaceId!);
    expect([kept.Status, kept.Attachment, kept.PrivateIpAddress, kept.MacAddress]).toEqual(['available', undefined, eth1.PrivateIpAddress, eth1.MacAddress]);
    const gone = await describeInstance(t.ec2, i.InstanceId!);
    expect(gone.NetworkInterfaces).toEqual([]);
    expect(gone.StateReason).toEqual({ Code: 'Client.UserInitiatedShutdown', Message: 'Client.UserInitiatedShutdown: User initiated shutdown' });
  });

  it('terminated instances stay visible for terminatedTtlMs, then vanish', async () => {
    const i = await launchRunning(t, net);
    await terminate([i.InstanceId!]);
    t.advance(1000);
    t.advance(TTL - 1);
    expect((await describeInstance(t.ec2, i.InstanceId!)).State!.Name).toBe('terminated');
    t.advance(1);
    await expectEc2Error(t.ec2.send(new DescribeInstancesCommand({ InstanceIds: [i.InstanceId!] })), {
      code: 'InvalidInstanceID.NotFound',
      message: `The instance ID '${i.InstanceId}' does not exist`,
    });
    const byFilter = await t.ec2.send(new DescribeInstancesCommand({ Filters: [{ Name: 'instance-id', Values: [i.InstanceId!] }] }));
    expect(byFilter.Reservations).toEqual([]);
    await expectEc2Error(terminate([i.InstanceId!]), { code: 'InvalidInstanceID.NotFound', message: `The instance ID '${i.InstanceId}' does not exist` });
  });

  it('DryRun: 412 and the instance keeps running', async () => {
    const i = await launchRunning(t, net);
    const before = await snapshot(t.ec2);
    await expectEc2Error(terminate([i.InstanceId!], true), DRY_RUN);
    expect(await snapshot(t.ec2)).toEqual(before);
    t.advance(5000);
    expect((await describeInstance(t.ec2, i.InstanceId!)).State!.Name).toBe('running');
  });

  it('DryRun reports the error the call would have', async () => {
    const i = await launchRunning(t, net, { DisableApiTermination: true });
    await expectEc2Error(terminate([i.InstanceId!], true), protectedError(i.InstanceId!));
  });
});
