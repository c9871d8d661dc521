/**
 * The SDK v3 waiters against ec2lite: with the default 0-ms back-end delays every waiter succeeds on its first
 * poll (docs/decisions.md "Back-end delays default to 0"); with a delay the waiter keeps polling until the back end has
 * moved on; failure acceptors (terminated while waiting for running, an unknown interface) end the wait at once.
 */
import {
  CreateNetworkInterfaceCommand,
  DetachNetworkInterfaceCommand,
  AttachNetworkInterfaceCommand,
  EC2Client,
  RunInstancesCommand,
  StopInstancesCommand,
  TerminateInstancesCommand,
  waitUntilInstanceExists,
  waitUntilInstanceRunning,
  waitUntilInstanceStopped,
  waitUntilInstanceTerminated,
  waitUntilNetworkInterfaceAvailable,
} from '@aws-sdk/client-ec2';
import { MISSING } from '../helpers/api';
import { AMI, createNetwork, describeInstance, TestNetwork } from '../helpers/network';
import { startTestServer, TestServer } from '../helpers/server';

/** A client that counts its Describe* polls and may run a hook after each. */
function countingClient(t: TestServer): { client: EC2Client; polls: () => number; afterPoll: (fn: (n: number) => void) => void } {
  const client = t.client();
  let n = 0;
  let hook: (n: number) => void = () => {};
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const out = await next(args).catch((e: unknown) => {
        if (String(context.commandName).startsWith('Describe')) hook(++n);
        throw e;
      });
      if (String(context.commandName).startsWith('Describe')) hook(++n);
      return out;
    },
    { step: 'initialize', name: 'pollCounter' },
  );
  return { client, polls: () => n, afterPoll: (fn) => (hook = fn) };
}

const FAST = { minDelay: 0.02, maxDelay: 0.05, maxWaitTime: 5 };

describe('with 0-ms delays: success on the first poll', () => {
  let t: TestServer;
  let net: TestNetwork;
  beforeAll(async () => {
    t = await startTestServer();
    net = await createNetwork(t.ec2);
  });
  afterAll(() => t.close());

  const launch = async () =>
    (await t.ec2.send(new RunInstancesCommand({ ImageId: AMI, MinCount: 1, MaxCount: 1, InstanceType: 'm5.large', SubnetId: net.subnetA1 }))).Instances![0].InstanceId!;

  it('InstanceExists and InstanceRunning right after RunInstances', async () => {
    const id = await launch();
    const c = countingClient(t);
    expect((await waitUntilInstanceExists({ client: c.client, ...FAST }, { InstanceIds: [id] })).state).toBe('SUCCESS');
    expect((await waitUntilInstanceRunning({ client: c.client, ...FAST }, { InstanceIds: [id] })).state).toBe('SUCCESS');
    expect(c.polls()).toBe(2);
  });

  it('InstanceStopped right after StopInstances, InstanceTerminated right after TerminateInstances', async () => {
    const id = await launch();
    const c = countingClient(t);
    await t.ec2.send(new StopInstancesCommand({ InstanceIds: [id] }));
    expect((await waitUntilInstanceStopped({ client: c.client, ...FAST }, { InstanceIds: [id] })).state).toBe('SUCCESS');
    await t.ec2.send(new TerminateInstancesCommand({ InstanceIds: [id] }));
    expect((await waitUntilInstanceTerminated({ client: c.client, ...FAST }, { InstanceIds: [id] })).state).toBe('SUCCESS');
    expect(c.polls()).toBe(2);
  });

  it('NetworkInterfaceAvailable after create and after a hot detach', async () => {
    const id = await launch();
    const eni = (await t.ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: net.subnetA1 }))).NetworkInterface!.NetworkInterfaceId!;
    const c = countingClient(t);
    expect((await waitUntilNetworkInterfaceAvailable({ client: c.client, ...FAST }, { NetworkInterfaceIds: [eni] })).state).toBe('SUCCESS');
    const { AttachmentId } = await t.ec2.send(new AttachNetworkInterfaceCommand({ NetworkInterfaceId: eni, InstanceId: id, DeviceIndex: 1 }));
    await t.ec2.send(new DetachNetworkInterfaceCommand({ AttachmentId }));
    expect((await waitUntilNetworkInterfaceAvailable({ client: c.client, ...FAST }, { NetworkInterfaceIds: [eni] })).state).toBe('SUCCESS');
    expect(c.polls()).toBe(2);
  });

  it('InstanceRunning fails at once on a terminated instance', async () => {
    const id = await launch();
    await t.ec2.send(new TerminateInstancesCommand({ InstanceIds: [id] }));
    const c = countingClient(t);
    await expect(waitUntilInstanceRunning({ client: c.client, ...FAST }, { InstanceIds: [id] })).rejects.toThrow(/"state":"FAILURE"/);
    expect(c.polls()).toBe(1);
  });

  it('NetworkInterfaceAvailable fails at once on an unknown interface', async () => {
    const c = countingClient(t);
    await expect(waitUntilNetworkInterfaceAvailable({ client: c.client, ...FAST }, { NetworkInterfaceIds: [MISSING.eni] })).rejects.toThrow(/"state":"FAILURE"/);
    expect(c.polls()).toBe(1);
  });
});

describe('with delays: the waiter polls until the back end moves on', () => {
  let t: TestServer;
  let net: TestNetwork;
  beforeAll(async () => {
    t = await startTestServer({ pendingMs: 1000, stoppingMs: 1000, detachMs: 500, attachMs: 500 });
    net = await createNetwork(t.ec2);
  });
  afterAll(() => t.close());

  it('InstanceRunning: pending on the first poll, running once the clock has moved', async () => {
    const id = (await t.ec2.send(new RunInstancesCommand({ ImageId: AMI, MinCount: 1, MaxCount: 1, SubnetId: net.subnetA1 }))).Instances![0].InstanceId!;
    const c = countingClient(t);
    c.afterPoll((n) => n === 2 && t.advance(1000)); // two pending polls, then the back end moves
    expect((await waitUntilInstanceRunning({ client: c.client, ...FAST }, { InstanceIds: [id] })).state).toBe('SUCCESS');
    expect(c.polls()).toBe(3);
    expect((await describeInstance(t.ec2, id)).State!.Name).toBe('running');
  });

  it('NetworkInterfaceAvailable: detaching on the first poll, available after the detach delay', async () => {
    const id = (await t.ec2.send(new RunInstancesCommand({ ImageId: AMI, MinCount: 1, MaxCount: 1, SubnetId: net.subnetA1 }))).Instances![0].InstanceId!;
    t.advance(1000);
    const eni = (await t.ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: net.subnetA1 }))).NetworkInterface!.NetworkInterfaceId!;
    const { AttachmentId } = await t.ec2.send(new AttachNetworkInterfaceCommand({ NetworkInterfaceId: eni, InstanceId: id, DeviceIndex: 1 }));
    t.advance(500);
    await t.ec2.send(new DetachNetworkInterfaceCommand({ AttachmentId }));
    const c = countingClient(t);
    c.afterPoll((n) => n === 1 && t.advance(500));
    expect((await waitUntilNetworkInterfaceAvailable({ client: c.client, ...FAST }, { NetworkInterfaceIds: [eni] })).state).toBe('SUCCESS');
    expect(c.polls()).toBe(2);
  });

  it('a waiter that never sees its state times out (nothing moves behind the client\'s back)', async () => {
    const id = (await t.ec2.send(new RunInstancesCommand({ ImageId: AMI, MinCount: 1, MaxCount: 1, SubnetId: net.subnetA1 }))).Instances![0].InstanceId!;
    await expect(waitUntilInstanceRunning({ client: t.ec2, minDelay: 0.02, maxDelay: 0.05, maxWaitTime: 0.3 }, { InstanceIds: [id] })).rejects.toThrow(/"state":"TIMEOUT"/);
    expect((await describeInstance(t.ec2, id)).State!.Name).toBe('pending');
  });
});
