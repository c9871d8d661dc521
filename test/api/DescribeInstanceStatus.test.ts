/**
 * DescribeInstanceStatus through the SDK v3: running instances only unless IncludeAllInstances, the status of each
 * state (ok / initializing / not-applicable), filters, pagination, MaxResults with ids, unknown ids and filters,
 * DryRun.
 */
import {
  DescribeInstanceStatusCommand,
  DescribeInstanceStatusCommandInput,
  Instance,
  InstanceStatus,
  StopInstancesCommand,
} from '@aws-sdk/client-ec2';
import { DRY_RUN, launch, launchRunning, MISSING } from '../helpers/api';
import { createNetwork, TestNetwork } from '../helpers/network';
import { expectEc2Error, startTestServer, TestServer } from '../helpers/server';

let t: TestServer;
let net: TestNetwork;
let running: Instance;
let runningB: Instance;
let stopped: Instance;
let pending: Instance;

const status = (input: DescribeInstanceStatusCommandInput) => t.ec2.send(new DescribeInstanceStatusCommand(input));
const idsOf = (list?: InstanceStatus[]) => (list ?? []).map((s) => s.InstanceId!);

beforeAll(async () => {
  t = await startTestServer({ pendingMs: 1000, stoppingMs: 1000 });
  net = await createNetwork(t.ec2);
  running = await launchRunning(t, net);
  runningB = await launchRunning(t, net, { NetworkInterfaces: [{ DeviceIndex: 0, SubnetId: net.subnetB }] });
  stopped = await launchRunning(t, net);
  await t.ec2.send(new StopInstancesCommand({ InstanceIds: [stopped.InstanceId!] }));
  t.advance(1000);
  pending = await launch(t, net);
});
afterAll(() => t.close());

const mine = () => [running, runningB, stopped, pending].map((i) => i.InstanceId!);

describe('behaviour', () => {
  it('running instances only by default', async () => {
    expect(idsOf((await status({ InstanceIds: mine() })).InstanceStatuses)).toEqual([running.InstanceId, runningB.InstanceId]);
    expect(idsOf((await status({})).InstanceStatuses)).toEqual([running.InstanceId, runningB.InstanceId]);
  });

  it('a running instance: ok, reachability passed, with zone and state', async () => {
    const [s] = (await status({ InstanceIds: [running.InstanceId!] })).InstanceStatuses!;
    expect(s).toMatchObject({
      InstanceId: running.InstanceId,
      AvailabilityZone: 'us-east-1a',
      InstanceState: { Code: 16, Name: 'running' },
      InstanceStatus: { Status: 'ok', Details: [{ Name: 'reachability', Status: 'passed' }] },
      SystemStatus: { Status: 'ok', Details: [{ Name: 'reachability', Status: 'passed' }] },
    });
  });

  it('IncludeAllInstances: pending is initializing, stopped is not-applicable', async () => {
    const out = await status({ InstanceIds: mine(), IncludeAllInstances: true });
    const byId = new Map(out.InstanceStatuses!.map((s) => [s.InstanceId, s]));
    expect(byId.size).toBe(4);
    expect(byId.get(pending.InstanceId)).toMatchObject({ InstanceState: { Code: 0, Name: 'pending' }, InstanceStatus: { Status: 'initializing' } });
    expect(byId.get(stopped.InstanceId)).toMatchObject({ InstanceState: { Code: 80, Name: 'stopped' }, InstanceStatus: { Status: 'not-applicable' }, SystemStatus: { Status: 'not-applicable' } });
  });

  it.each([
    ['availability-zone', ['us-east-1b'], () => [runningB]],
    ['instance-state-name', ['stopped'], () => [stopped]],
    ['instance-state-code', ['0'], () => [pending]],
    ['instance-status.status', ['initializing'], () => [pending]],
    ['system-status.status', ['not-applicable'], () => [stopped]],
    ['instance-status.reachability', ['passed'], () => [running, runningB]],
  ])('filter %s (with IncludeAllInstances)', async (Name, Values, expected) => {
    const out = await status({ IncludeAllInstances: true, Filters: [{ Name, Values }] });
    expect(idsOf(out.InstanceStatuses)).toEqual(expected().map((i) => i.InstanceId));
  });

  it('pages with MaxResults / NextToken', async () => {
    const more = [];
    for (let k = 0; k < 5; k++) more.push(await launch(t, net));
    t.advance(1000);
    const first = await status({ MaxResults: 5 });
    expect(first.InstanceStatuses).toHaveLength(5);
    const second = await status({ MaxResults: 5, NextToken: first.NextToken });
    expect(second.NextToken).toBeUndefined();
    expect([...idsOf(first.InstanceStatuses), ...idsOf(second.InstanceStatuses)]).toEqual([
      running.InstanceId,
      runningB.InstanceId,
      pending.InstanceId,
      ...more.map((i) => i.InstanceId),
    ]);
  });
});

describe('errors', () => {
  it('unknown ids and malformed ids', async () => {
    await expectEc2Error(status({ InstanceIds: [MISSING.instance] }), { code: 'InvalidInstanceID.NotFound', message: `The instance ID '${MISSING.instance}' does not exist` });
    await expectEc2Error(status({ InstanceIds: ['i-12'] }), { code: 'InvalidInstanceID.Malformed', message: 'Invalid id: "i-12"' });
  });

  it('an unknown filter', async () => {
    await expectEc2Error(status({ Filters: [{ Name: 'state', Values: ['x'] }] }), { code: 'InvalidParameterValue', message: "The filter 'state' is invalid" });
  });

  it('MaxResults with ids, and below 5', async () => {
    await expectEc2Error(status({ InstanceIds: [running.InstanceId!], MaxResults: 5 }), {
      code: 'InvalidParameterCombination',
      message: 'The parameter instancesSet cannot be used with the parameter maxResults',
    });
    await expectEc2Error(status({ MaxResults: 4 }), { code: 'InvalidParameterValue', message: 'Value ( 4 ) for parameter maxResults is invalid. Expecting a value greater than 5.' });
  });

  it('DryRun: 412', async () => {
    await expectEc2Error(status({ DryRun: true }), DRY_RUN);
  });
});
