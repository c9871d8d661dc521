/**
 * MonitorInstances / UnmonitorInstances through the SDK v3: the call answers `pending` (`disabling`), the back end
 * moves the instance to `enabled` (`disabled`), the instance view and the monitoring-state filter follow, an
 * instance already there answers its state, RunInstances' Monitoring, unknown ids, DryRun.
 */
import { DescribeInstancesCommand, MonitorInstancesCommand, UnmonitorInstancesCommand } from '@aws-sdk/client-ec2';
import { DRY_RUN, launchRunning, MISSING } from '../helpers/api';
import { useTestServer } from '../helpers/env';
import { describeInstance, TestNetwork } from '../helpers/network';
import { expectEc2Error, TestServer } from '../helpers/server';

let t: TestServer;
let net: TestNetwork;
useTestServer({ network: 'once' }, (env) => ({ t, net } = env));

const monitor = (InstanceIds: string[], DryRun?: boolean) => t.ec2.send(new MonitorInstancesCommand({ InstanceIds, DryRun }));
const unmonitor = (InstanceIds: string[], DryRun?: boolean) => t.ec2.send(new UnmonitorInstancesCommand({ InstanceIds, DryRun }));
const monitoringOf = async (id: string) => (await describeInstance(t.ec2, id)).Monitoring?.State;
const withState = async (state: string) =>
  (await t.ec2.send(new DescribeInstancesCommand({ Filters: [{ Name: 'monitoring-state', Values: [state] }] }))).Reservations!.flatMap((r) =>
    r.Instances!.map((i) => i.InstanceId),
  );

it('enables: pending in the answer, enabled once the back end moves; disables the same way through disabling', async () => {
  const a = (await launchRunning(t, net)).InstanceId!;
  const b = (await launchRunning(t, net)).InstanceId!;
  expect(await monitoringOf(a)).toBe('disabled');

  const on = await monitor([a, b]);
  expect(on.InstanceMonitorings).toEqual([
    { InstanceId: a, Monitoring: { State: 'pending' } },
    { InstanceId: b, Monitoring: { State: 'pending' } },
  ]);
  t.advance(0);
  expect(await monitoringOf(a)).toBe('enabled');
  expect(await withState('enabled')).toEqual(expect.arrayContaining([a, b]));

  // already enabled: nothing to switch
  expect((await monitor([a])).InstanceMonitorings).toEqual([{ InstanceId: a, Monitoring: { State: 'enabled' } }]);

  const off = await unmonitor([a]);
  expect(off.InstanceMonitorings).toEqual([{ InstanceId: a, Monitoring: { State: 'disabling' } }]);
  t.advance(0);
  expect(await monitoringOf(a)).toBe('disabled');
  expect(await monitoringOf(b)).toBe('enabled');
  expect(await withState('enabled')).not.toContain(a);
});

it("RunInstances' Monitoring.Enabled launches with detailed monitoring on", async () => {
  const id = (await launchRunning(t, net, { Monitoring: { Enabled: true } })).InstanceId!;
  expect(await monitoringOf(id)).toBe('enabled');
  expect((await unmonitor([id])).InstanceMonitorings![0].Monitoring).toEqual({ State: 'disabling' });
});

it('unknown and malformed ids fail the whole call; DryRun changes nothing', async () => {
  const id = (await launchRunning(t, net)).InstanceId!;
  await expectEc2Error(monitor([id, MISSING.instance]), { code: 'InvalidInstanceID.NotFound', message: `The instance ID '${MISSING.instance}' does not exist` });
  await expectEc2Error(unmonitor(['i-']), { code: 'InvalidInstanceID.Malformed', message: 'Invalid id: "i-"' });
  expect(await monitoringOf(id)).toBe('disabled');
  await expectEc2Error(monitor([id], true), DRY_RUN);
  t.advance(0);
  expect(await monitoringOf(id)).toBe('disabled');
});
