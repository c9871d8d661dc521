/**
 * CPU options through the SDK v3: RunInstances' CpuOptions (directly and from a launch template) is what the
 * instance shows, both counts or neither (AWS's rule and message), values from the type's valid lists;
 * ModifyInstanceCpuOptions on a stopped instance only; a type change goes back to the new type's defaults.
 */
import {
  CreateLaunchTemplateCommand,
  ModifyInstanceAttributeCommand,
  ModifyInstanceCpuOptionsCommand,
  StopInstancesCommand,
} from '@aws-sdk/client-ec2';
import { DRY_RUN, launch, launchRunning, MISSING } from '../helpers/api';
import { useTestServer } from '../helpers/env';
import { describeInstance, TestNetwork } from '../helpers/network';
import { expectEc2Error, TestServer } from '../helpers/server';

let t: TestServer;
let net: TestNetwork;
useTestServer({ network: 'once' }, (env) => ({ t, net } = env));

const cpuOf = async (id: string) => (await describeInstance(t.ec2, id)).CpuOptions;
const BOTH = { code: 'MissingParameter', message: 'When specifying CpuOptions you must specify both CoreCount and ThreadsPerCore.' };

it("RunInstances' CpuOptions is what the instance shows; without it, the type's defaults", async () => {
  const plain = await launch(t, net, { InstanceType: 'm5.2xlarge' });
  expect(await cpuOf(plain.InstanceId!)).toEqual({ CoreCount: 4, ThreadsPerCore: 2 });
  const tuned = await launch(t, net, { InstanceType: 'm5.2xlarge', CpuOptions: { CoreCount: 2, ThreadsPerCore: 1 } });
  expect(tuned.CpuOptions).toEqual({ CoreCount: 2, ThreadsPerCore: 1 });
  expect(await cpuOf(tuned.InstanceId!)).toEqual({ CoreCount: 2, ThreadsPerCore: 1 });

  const { LaunchTemplate } = await t.ec2.send(
    new CreateLaunchTemplateCommand({ LaunchTemplateName: 'cpu', LaunchTemplateData: { InstanceType: 'c5.xlarge', CpuOptions: { CoreCount: 2, ThreadsPerCore: 1 } } }),
  );
  const fromTemplate = await launch(t, net, { InstanceType: undefined, LaunchTemplate: { LaunchTemplateId: LaunchTemplate!.LaunchTemplateId } });
  expect(await cpuOf(fromTemplate.InstanceId!)).toEqual({ CoreCount: 2, ThreadsPerCore: 1 });
});

it('refuses one count without the other, counts the type does not list, and a type without CPU options', async () => {
  await expectEc2Error(launch(t, net, { InstanceType: 'm5.2xlarge', CpuOptions: { CoreCount: 2 } }), BOTH);
  await expectEc2Error(launch(t, net, { InstanceType: 'm5.2xlarge', CpuOptions: { ThreadsPerCore: 1 } }), BOTH);
  await expectEc2Error(launch(t, net, { InstanceType: 'm5.2xlarge', CpuOptions: { CoreCount: 8, ThreadsPerCore: 2 } }), {
    code: 'InvalidParameterValue',
    message: 'Value (8) for parameter CoreCount is invalid for instance type m5.2xlarge.',
  });
  await expectEc2Error(launch(t, net, { InstanceType: 'm5.2xlarge', CpuOptions: { CoreCount: 4, ThreadsPerCore: 3 } }), {
    code: 'InvalidParameterValue',
    message: 'Value (3) for parameter ThreadsPerCore is invalid for instance type m5.2xlarge.',
  });
  await expectEc2Error(launch(t, net, { InstanceType: 't2.micro', CpuOptions: { CoreCount: 1, ThreadsPerCore: 1 } }), {
    code: 'InvalidParameterValue',
    message: 'CPU options are not supported for instance type t2.micro.',
  });
});

it('ModifyInstanceCpuOptions changes a stopped instance only; a type change resets to its defaults', async () => {
  const id = (await launchRunning(t, net, { InstanceType: 'm5.2xlarge' })).InstanceId!;
  const modify = (CoreCount?: number, ThreadsPerCore?: number, DryRun?: boolean) =>
    t.ec2.send(new ModifyInstanceCpuOptionsCommand({ InstanceId: id, CoreCount, ThreadsPerCore, DryRun }));
  await expectEc2Error(modify(2, 1), { code: 'IncorrectInstanceState', message: `The instance '${id}' is not in the 'stopped' state.` });
  await t.ec2.send(new StopInstancesCommand({ InstanceIds: [id] }));
  t.advance(10_000);
  await expectEc2Error(modify(2), BOTH);
  await expectEc2Error(modify(2, 1, true), DRY_RUN);
  expect(await cpuOf(id)).toEqual({ CoreCount: 4, ThreadsPerCore: 2 });
  const out = await modify(2, 1);
  expect({ InstanceId: out.InstanceId, CoreCount: out.CoreCount, ThreadsPerCore: out.ThreadsPerCore }).toEqual({ InstanceId: id, CoreCount: 2, ThreadsPerCore: 1 });
  expect(await cpuOf(id)).toEqual({ CoreCount: 2, ThreadsPerCore: 1 });

  await t.ec2.send(new ModifyInstanceAttributeCommand({ InstanceId: id, InstanceType: { Value: 'c5.xlarge' } }));
  expect(await cpuOf(id)).toEqual({ CoreCount: 2, ThreadsPerCore: 2 });
  await expectEc2Error(t.ec2.send(new ModifyInstanceCpuOptionsCommand({ InstanceId: MISSING.instance, CoreCount: 1, ThreadsPerCore: 1 })), {
    code: 'InvalidInstanceID.NotFound',
    message: `The instance ID '${MISSING.instance}' does not exist`,
  });
});
