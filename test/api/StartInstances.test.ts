/**
 * StartInstances through the SDK v3: stopped -> pending -> running, no-ops, IncorrectInstanceState for stopping /
 * shutting-down / terminated, unknown ids, DryRun. Interfaces, addresses and MACs survive stop/start.
 */
import { StartInstancesCommand, StopInstancesCommand, TerminateInstancesCommand } from '@aws-sdk/client-ec2';
import { DRY_RUN, launch, launchRunning, MISSING, snapshot } from '../helpers/api';
import { createNetwork, describeInstance, TestNetwork } from '../helpers/network';
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

const start = (ids: string[], DryRun?: boolean) => t.ec2.send(new StartInstancesCommand({ InstanceIds: ids, DryRun }));
const stopNow = async (id: string) => {
  await t.ec2.send(new StopInstancesCommand({ InstanceIds: [id] }));
  t.advance(1000);
  expect((await describeInstance(t.ec2, id)).State!.Name).toBe('stopped');
};
const cannotStart = (id: string) => ({ code: 'IncorrectInstanceState', message: `The instance '${id}' is not in a state from which it can be started.` });

describe('validation', () => {
  it('malformed and unknown ids', async () => {
    await expectEc2Error(start(['i-zzzzzzzz']), { code: 'InvalidInstanceID.Malformed', message: 'Invalid id: "i-zzzzzzzz"' });
    await expectEc2Error(start([MISSING.instance]), { code: 'InvalidInstanceID.NotFound', message: `The instance ID '${MISSING.instance}' does not exist` });
  });
});

describe('errors', () => {
  it('stopping, shutting-down and terminated instances cannot be started', async () => {
    const i = await launchRunning(t, net);
    await t.ec2.send(new StopInstancesCommand({ InstanceIds: [i.InstanceId!] }));
    await expectEc2Error(start([i.InstanceId!]), cannotStart(i.InstanceId!));
    t.advance(1000);
    await t.ec2.send(new TerminateInstancesCommand({ InstanceIds: [i.InstanceId!] }));
    await expectEc2Error(start([i.InstanceId!]), cannotStart(i.InstanceId!));
    t.advance(1000);
    await expectEc2Error(start([i.InstanceId!]), cannotStart(i.InstanceId!));
  });

  it('all or nothing: a stopped instance stays stopped when another in the call cannot start', async () => {
    const a = await launchRunning(t, net);
    await stopNow(a.InstanceId!);
    const b = await launchRunning(t, net);
    await t.ec2.send(new TerminateInstancesCommand({ InstanceIds: [b.InstanceId!] }));
    await expectEc2Error(start([a.InstanceId!, b.InstanceId!]), cannotStart(b.InstanceId!));
    expect((await describeInstance(t.ec2, a.InstanceId!)).State!.Name).toBe('stopped');
  });
});

describe('behaviour', () => {
  it('stopped -> pending (response) -> running; interfaces, addresses and MACs unchanged', async () => {
    const i = await launchRunning(t, net, { NetworkInterfaces: [{ DeviceIndex: 0, SubnetId: net.subnetA1 }, { DeviceIndex: 1, SubnetId: net.subnetA2, SecondaryPrivateIpAddressCount: 1 }] });
    await stopNow(i.InstanceId!);
    const out = await start([i.InstanceId!]);
    expect(out.StartingInstances).toEqual([
      { InstanceId: i.InstanceId, PreviousState: { Code: 80, Name: 'stopped' }, CurrentState: { Code: 0, Name: 'pending' } },
    ]);
    const pending = await describeInstance(t.ec2, i.InstanceId!);
    expect(pending.State!.Name).toBe('pending');
    expect(pending.StateReason).toEqual({ Code: 'pending', Message: 'pending' });
    t.advance(1000);
    const running = await describeInstance(t.ec2, i.InstanceId!);
    expect(running.State).toEqual({ Code: 16, Name: 'running' });
    const view = (x: typeof i) =>
      x.NetworkInterfaces!.map((n) => [n.NetworkInterfaceId, n.MacAddress, n.PrivateIpAddresses!.map((p) => p.PrivateIpAddress), n.Attachment!.AttachmentId]);
    expect(view(running)).toEqual(view(i));
  });

  it('starting a running or pending instance changes nothing', async () => {
    const i = await launch(t, net);
    expect((await start([i.InstanceId!])).StartingInstances![0]).toMatchObject({ PreviousState: { Name: 'pending' }, CurrentState: { Name: 'pending' } });
    t.advance(1000);
    expect((await start([i.InstanceId!])).StartingInstances![0]).toMatchObject({ PreviousState: { Code: 16, Name: 'running' }, CurrentState: { Code: 16, Name: 'running' } });
  });

  it('DryRun: 412 and the instance stays stopped', async () => {
    const i = await launchRunning(t, net);
    await stopNow(i.InstanceId!);
    const before = await snapshot(t.ec2);
    await expectEc2Error(start([i.InstanceId!], true), DRY_RUN);
    expect(await snapshot(t.ec2)).toEqual(before);
    t.advance(5000);
    expect((await describeInstance(t.ec2, i.InstanceId!)).State!.Name).toBe('stopped');
  });
});
