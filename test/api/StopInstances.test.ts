/**
 * StopInstances through the SDK v3: the state-change response, stopping -> stopped through the back end,
 * IncorrectInstanceState (never running, shutting down, terminated), disableApiStop, unknown ids, all-or-nothing
 * batches, DryRun. Interfaces stay attached while stopped.
 */
import { ModifyInstanceAttributeCommand, StopInstancesCommand, TerminateInstancesCommand } from '@aws-sdk/client-ec2';
import { DRY_RUN, launch, launchRunning, MISSING, snapshot } from '../helpers/api';
import { createNetwork, describeInstance, describeInterface, TestNetwork } from '../helpers/network';
import { expectEc2Error, startTestServer, TestServer } from '../helpers/server';

let t: TestServer;
let net: TestNetwork;

beforeAll(async () => {
  t = await startTestServer({ pendingMs: 1000, stoppingMs: 1000, shuttingDownMs: 1000 });
});
afterAll(() => t.close());
beforeEach(async () => {
  net = await createNetwork(t.ec2);
});

const stop = (ids: string[], extra: { DryRun?: boolean; Force?: boolean; Hibernate?: boolean } = {}) =>
  t.ec2.send(new StopInstancesCommand({ InstanceIds: ids, ...extra }));
const change = (id: string, from: [number, string], to: [number, string]) => ({
  InstanceId: id,
  PreviousState: { Code: from[0], Name: from[1] },
  CurrentState: { Code: to[0], Name: to[1] },
});

describe('validation', () => {
  it('malformed and unknown ids (all unknown ones named)', async () => {
    await expectEc2Error(stop(['i-1']), { code: 'InvalidInstanceID.Malformed', message: 'Invalid id: "i-1"' });
    const i = await launchRunning(t, net);
    const other = 'i-0fedcba9876543210';
    await expectEc2Error(stop([i.InstanceId!, MISSING.instance, other]), {
      code: 'InvalidInstanceID.NotFound',
      message: `The instance IDs '${MISSING.instance}, ${other}' do not exist`,
    });
    expect((await describeInstance(t.ec2, i.InstanceId!)).State!.Name).toBe('running');
  });
});

describe('errors', () => {
  it('a pending instance has never reached running', async () => {
    const i = await launch(t, net);
    await expectEc2Error(stop([i.InstanceId!]), {
      code: 'IncorrectInstanceState',
      message: `Instance '${i.InstanceId}' cannot be stopped as it has never reached the 'running' state.`,
    });
  });

  it('shutting-down and terminated instances cannot be stopped', async () => {
    const i = await launchRunning(t, net);
    await t.ec2.send(new TerminateInstancesCommand({ InstanceIds: [i.InstanceId!] }));
    const error = { code: 'IncorrectInstanceState', message: `This instance '${i.InstanceId}' is not in a state from which it can be stopped.` };
    await expectEc2Error(stop([i.InstanceId!]), error);
    t.advance(1000);
    await expectEc2Error(stop([i.InstanceId!]), error);
  });

  it('disableApiStop: OperationNotPermitted until the attribute is turned off', async () => {
    const i = await launchRunning(t, net, { DisableApiStop: true });
    await expectEc2Error(stop([i.InstanceId!]), {
      code: 'OperationNotPermitted',
      message: `The instance '${i.InstanceId}' may not be stopped. Modify its 'disableApiStop' instance attribute and try again.`,
    });
    expect((await describeInstance(t.ec2, i.InstanceId!)).State!.Name).toBe('running');
    await t.ec2.send(new ModifyInstanceAttributeCommand({ InstanceId: i.InstanceId, DisableApiStop: { Value: false } }));
    expect((await stop([i.InstanceId!])).StoppingInstances![0].CurrentState!.Name).toBe('stopping');
  });

  it('all or nothing: one instance that cannot stop keeps the others running', async () => {
    const a = await launchRunning(t, net);
    const b = await launch(t, net); // pending
    await expectEc2Error(stop([a.InstanceId!, b.InstanceId!]), {
      code: 'IncorrectInstanceState',
      message: `Instance '${b.InstanceId}' cannot be stopped as it has never reached the 'running' state.`,
    });
    expect((await describeInstance(t.ec2, a.InstanceId!)).State!.Name).toBe('running');
  });
});

describe('behaviour', () => {
  it('running -> stopping (response) -> stopped after the delay; state reason; interfaces stay attached', async () => {
    const i = await launchRunning(t, net, { NetworkInterfaces: [{ DeviceIndex: 0, SubnetId: net.subnetA1 }, { DeviceIndex: 1, SubnetId: net.subnetA2 }] });
    const out = await stop([i.InstanceId!], { Force: true, Hibernate: false });
    expect(out.StoppingInstances).toEqual([change(i.InstanceId!, [16, 'running'], [64, 'stopping'])]);
    expect((await describeInstance(t.ec2, i.InstanceId!)).State).toEqual({ Code: 64, Name: 'stopping' });
    t.advance(999);
    expect((await describeInstance(t.ec2, i.InstanceId!)).State!.Name).toBe('stopping');
    t.advance(1);
    const stopped = await describeInstance(t.ec2, i.InstanceId!);
    expect(stopped.State).toEqual({ Code: 80, Name: 'stopped' });
    expect(stopped.StateReason).toEqual({ Code: 'Client.UserInitiatedShutdown', Message: 'Client.UserInitiatedShutdown: User initiated shutdown' });
    expect(stopped.NetworkInterfaces!.map((n) => [n.NetworkInterfaceId, n.PrivateIpAddress, n.Attachment!.Status])).toEqual(
      i.NetworkInterfaces!.map((n) => [n.NetworkInterfaceId, n.PrivateIpAddress, 'attached']),
    );
    expect((await describeInterface(t.ec2, i.NetworkInterfaces![1].NetworkInterfaceId!)).Status).toBe('in-use');
  });

  it('stopping an instance that is stopping or stopped changes nothing', async () => {
    const i = await launchRunning(t, net);
    await stop([i.InstanceId!]);
    expect((await stop([i.InstanceId!])).StoppingInstances).toEqual([change(i.InstanceId!, [64, 'stopping'], [64, 'stopping'])]);
    t.advance(1000);
    expect((await stop([i.InstanceId!])).StoppingInstances).toEqual([change(i.InstanceId!, [80, 'stopped'], [80, 'stopped'])]);
  });

  it('several instances in one call', async () => {
    const a = await launchRunning(t, net);
    const b = await launchRunning(t, net);
    const out = await stop([a.InstanceId!, b.InstanceId!]);
    expect(out.StoppingInstances!.map((c) => [c.InstanceId, c.CurrentState!.Name])).toEqual([
      [a.InstanceId, 'stopping'],
      [b.InstanceId, 'stopping'],
    ]);
  });

  it('DryRun: 412 and the instance keeps running (no stop scheduled)', async () => {
    const i = await launchRunning(t, net);
    const before = await snapshot(t.ec2);
    await expectEc2Error(stop([i.InstanceId!], { DryRun: true }), DRY_RUN);
    expect(await snapshot(t.ec2)).toEqual(before);
    t.advance(5000);
    expect((await describeInstance(t.ec2, i.InstanceId!)).State!.Name).toBe('running');
  });

  it('DryRun reports the error the call would have', async () => {
    const i = await launch(t, net);
    await expectEc2Error(stop([i.InstanceId!], { DryRun: true }), {
      code: 'IncorrectInstanceState',
      message: `Instance '${i.InstanceId}' cannot be stopped as it has never reached the 'running' state.`,
    });
  });
});
