/**
 * Instance options RunInstances takes and the instance shows, each with its Modify call, through the SDK v3:
 * PrivateDnsNameOptions (default: the subnet's PrivateDnsNameOptionsOnLaunch), MaintenanceOptions.AutoRecovery and
 * CapacityReservationSpecification.
 */
import {
  DescribeInstancesCommand,
  ModifyInstanceCapacityReservationAttributesCommand,
  ModifyInstanceMaintenanceOptionsCommand,
  ModifyPrivateDnsNameOptionsCommand,
  ModifySubnetAttributeCommand,
  StopInstancesCommand,
} from '@aws-sdk/client-ec2';
import { DRY_RUN, launch, launchRunning, MISSING } from '../helpers/api';
import { useTestServer } from '../helpers/env';
import { describeInstance, TestNetwork } from '../helpers/network';
import { expectEc2Error, TestServer } from '../helpers/server';

let t: TestServer;
let net: TestNetwork;
useTestServer({ network: 'each' }, (env) => ({ t, net } = env));

const notStopped = (id: string) => ({ code: 'IncorrectInstanceState', message: `The instance '${id}' is not in the 'stopped' state.` });

it('RunInstances keeps the three options; without them: the subnet hostname defaults, auto recovery default, open', async () => {
  const plain = await launch(t, net);
  expect(plain).toMatchObject({
    PrivateDnsNameOptions: { HostnameType: 'ip-name', EnableResourceNameDnsARecord: false, EnableResourceNameDnsAAAARecord: false },
    MaintenanceOptions: { AutoRecovery: 'default' },
    CapacityReservationSpecification: { CapacityReservationPreference: 'open' },
  });
  const tuned = await launch(t, net, {
    PrivateDnsNameOptions: { HostnameType: 'resource-name', EnableResourceNameDnsARecord: true },
    MaintenanceOptions: { AutoRecovery: 'disabled' },
    CapacityReservationSpecification: { CapacityReservationPreference: 'none' },
  });
  expect(await describeInstance(t.ec2, tuned.InstanceId!)).toMatchObject({
    PrivateDnsNameOptions: { HostnameType: 'resource-name', EnableResourceNameDnsARecord: true, EnableResourceNameDnsAAAARecord: false },
    MaintenanceOptions: { AutoRecovery: 'disabled' },
    CapacityReservationSpecification: { CapacityReservationPreference: 'none' },
  });
  const byType = await t.ec2.send(new DescribeInstancesCommand({ Filters: [{ Name: 'private-dns-name-options.hostname-type', Values: ['resource-name'] }] }));
  expect(byType.Reservations!.flatMap((r) => r.Instances!.map((i) => i.InstanceId))).toEqual([tuned.InstanceId]);

  await t.ec2.send(new ModifySubnetAttributeCommand({ SubnetId: net.subnetA1, PrivateDnsHostnameTypeOnLaunch: 'resource-name' }));
  await t.ec2.send(new ModifySubnetAttributeCommand({ SubnetId: net.subnetA1, EnableResourceNameDnsARecordOnLaunch: { Value: true } }));
  expect((await launch(t, net)).PrivateDnsNameOptions).toEqual({ HostnameType: 'resource-name', EnableResourceNameDnsARecord: true, EnableResourceNameDnsAAAARecord: false });
});

it('ModifyPrivateDnsNameOptions: records at any time, the hostname type only while stopped', async () => {
  const id = (await launchRunning(t, net)).InstanceId!;
  const modify = (input: object) => t.ec2.send(new ModifyPrivateDnsNameOptionsCommand({ InstanceId: id, ...input }));
  expect((await modify({ EnableResourceNameDnsARecord: true })).Return).toBe(true);
  expect((await describeInstance(t.ec2, id)).PrivateDnsNameOptions).toMatchObject({ HostnameType: 'ip-name', EnableResourceNameDnsARecord: true });
  await expectEc2Error(modify({ PrivateDnsHostnameType: 'resource-name' }), notStopped(id));
  await t.ec2.send(new StopInstancesCommand({ InstanceIds: [id] }));
  t.advance(10_000);
  await expectEc2Error(modify({ PrivateDnsHostnameType: 'resource-name', DryRun: true }), DRY_RUN);
  await modify({ PrivateDnsHostnameType: 'resource-name' });
  expect((await describeInstance(t.ec2, id)).PrivateDnsNameOptions).toEqual({ HostnameType: 'resource-name', EnableResourceNameDnsARecord: true, EnableResourceNameDnsAAAARecord: false });
  await expectEc2Error(t.ec2.send(new ModifyPrivateDnsNameOptionsCommand({ InstanceId: MISSING.instance, EnableResourceNameDnsARecord: true })), {
    code: 'InvalidInstanceID.NotFound',
    message: `The instance ID '${MISSING.instance}' does not exist`,
  });
});

it('ModifyInstanceMaintenanceOptions answers the setting; capacity reservation attributes change while stopped', async () => {
  const id = (await launchRunning(t, net)).InstanceId!;
  const out = await t.ec2.send(new ModifyInstanceMaintenanceOptionsCommand({ InstanceId: id, AutoRecovery: 'disabled' }));
  expect([out.InstanceId, out.AutoRecovery]).toEqual([id, 'disabled']);
  expect((await describeInstance(t.ec2, id)).MaintenanceOptions).toEqual({ AutoRecovery: 'disabled' });

  const spec = { CapacityReservationPreference: 'none' as const };
  await expectEc2Error(t.ec2.send(new ModifyInstanceCapacityReservationAttributesCommand({ InstanceId: id, CapacityReservationSpecification: spec })), notStopped(id));
  await t.ec2.send(new StopInstancesCommand({ InstanceIds: [id] }));
  t.advance(10_000);
  expect((await t.ec2.send(new ModifyInstanceCapacityReservationAttributesCommand({ InstanceId: id, CapacityReservationSpecification: spec }))).Return).toBe(true);
  expect((await describeInstance(t.ec2, id)).CapacityReservationSpecification).toEqual({ CapacityReservationPreference: 'none' });
});
