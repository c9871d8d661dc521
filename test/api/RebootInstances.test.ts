/**
 * RebootInstances through the SDK v3: a reboot keeps the instance running (nothing else changes), a shutting-down
 * instance cannot be rebooted, a terminated one is ignored (AWS's API reference), unknown ids, DryRun.
 */
import { RebootInstancesCommand, TerminateInstancesCommand } from '@aws-sdk/client-ec2';
import { DRY_RUN, launchRunning, MISSING, snapshot } from '../helpers/api';
import { createNetwork, describeInstance, TestNetwork } from '../helpers/network';
import { expectEc2Error, startTestServer, TestServer } from '../helpers/server';

let t: TestServer;
let net: TestNetwork;

beforeAll(async () => {
  t = await startTestServer({ pendingMs: 1000, shuttingDownMs: 1000 });
  net = await createNetwork(t.ec2);
});
afterAll(() => t.close());

const reboot = (ids: string[], DryRun?: boolean) => t.ec2.send(new RebootInstancesCommand({ InstanceIds: ids, DryRun }));

describe('validation', () => {
  it('malformed and unknown ids', async () => {
    await expectEc2Error(reboot(['i-']), { code: 'InvalidInstanceID.Malformed', message: 'Invalid id: "i-"' });
    await expectEc2Error(reboot([MISSING.instance]), { code: 'InvalidInstanceID.NotFound', message: `The instance ID '${MISSING.instance}' does not exist` });
  });
});

describe('errors', () => {
  it('a shutting-down instance cannot be rebooted; a terminated one is ignored, as AWS documents', async () => {
    const i = await launchRunning(t, net);
    await t.ec2.send(new TerminateInstancesCommand({ InstanceIds: [i.InstanceId!] }));
    const error = { code: 'IncorrectInstanceState', message: `The instance '${i.InstanceId}' is not in a state from which it can be rebooted.` };
    await expectEc2Error(reboot([i.InstanceId!]), error);
    t.advance(1000);
    const out = await reboot([i.InstanceId!]);
    expect(out.$metadata.httpStatusCode).toBe(200);
    expect((await describeInstance(t.ec2, i.InstanceId!)).State).toEqual({ Code: 48, Name: 'terminated' });
  });
});

describe('behaviour', () => {
  it('a running instance stays running with everything as it was', async () => {
    const i = await launchRunning(t, net);
    const before = await snapshot(t.ec2);
    const out = await reboot([i.InstanceId!]);
    expect(out.$metadata.httpStatusCode).toBe(200);
    expect(await snapshot(t.ec2)).toEqual(before);
    expect((await describeInstance(t.ec2, i.InstanceId!)).State).toEqual({ Code: 16, Name: 'running' });
  });

  it('DryRun: 412', async () => {
    const i = await launchRunning(t, net);
    await expectEc2Error(reboot([i.InstanceId!], true), DRY_RUN);
    await expectEc2Error(reboot([MISSING.instance], true), { code: 'InvalidInstanceID.NotFound', message: `The instance ID '${MISSING.instance}' does not exist` });
  });
});
