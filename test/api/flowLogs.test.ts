/**
 * VPC flow logs through the SDK v3: on a VPC, a subnet and an interface; destinations (CloudWatch Logs by name or
 * ARN, S3), AWS's checks, duplicates, filters and paging, tags, delete (with its not-found list), and a flow log
 * going with the interface it watches when that is deleted at termination.
 */
import {
  CreateFlowLogsCommand,
  CreateFlowLogsCommandInput,
  DeleteFlowLogsCommand,
  DeleteNetworkInterfaceCommand,
  DescribeFlowLogsCommand,
  TerminateInstancesCommand,
} from '@aws-sdk/client-ec2';
import { createEni, DRY_RUN, launchRunning } from '../helpers/api';
import { useTestServer } from '../helpers/env';
import type { TestNetwork } from '../helpers/network';
import { expectEc2Error, TestServer } from '../helpers/server';

let t: TestServer;
let net: TestNetwork;
useTestServer({ network: 'each' }, (env) => ({ t, net } = env));

const ROLE = 'arn:aws:iam::123456789012:role/flow-logs';
const create = (input: Partial<CreateFlowLogsCommandInput>) =>
  t.ec2.send(new CreateFlowLogsCommand({ ResourceType: 'VPC', ResourceIds: [net.vpcId], TrafficType: 'ALL', ...input } as CreateFlowLogsCommandInput));
const describeAll = async (input: object = {}) => (await t.ec2.send(new DescribeFlowLogsCommand(input))).FlowLogs!;

it('creates a CloudWatch Logs flow log on a VPC with AWS defaults and tags', async () => {
  const out = await create({ LogGroupName: 'vpc-logs', DeliverLogsPermissionArn: ROLE, TagSpecifications: [{ ResourceType: 'vpc-flow-log', Tags: [{ Key: 'Name', Value: 'fl1' }] }] });
  expect(out.FlowLogIds).toHaveLength(1);
  expect(out.FlowLogIds![0]).toMatch(/^fl-[0-9a-f]{17}$/);
  expect(out.Unsuccessful).toEqual([]);
  const [log] = await describeAll({ FlowLogIds: out.FlowLogIds });
  expect(log).toMatchObject({
    FlowLogId: out.FlowLogIds![0],
    ResourceId: net.vpcId,
    TrafficType: 'ALL',
    LogDestinationType: 'cloud-watch-logs',
    LogGroupName: 'vpc-logs',
    LogDestination: 'arn:aws:logs:us-east-1:123456789012:log-group:vpc-logs',
    DeliverLogsPermissionArn: ROLE,
    DeliverLogsStatus: 'SUCCESS',
    FlowLogStatus: 'ACTIVE',
    MaxAggregationInterval: 600,
    LogFormat: expect.stringMatching(/^\$\{version\} \$\{account-id\} \$\{interface-id\} .* \$\{log-status\}$/),
    Tags: [{ Key: 'Name', Value: 'fl1' }],
  });
  expect(log.CreationTime).toBeInstanceOf(Date);
});

it('creates S3 flow logs on a subnet and on several interfaces at once', async () => {
  const eni1 = (await createEni(t.ec2, net.subnetA1)).NetworkInterfaceId!;
  const eni2 = (await createEni(t.ec2, net.subnetA1)).NetworkInterfaceId!;
  const s3 = 'arn:aws:s3:::flow-bucket/prefix/';
  const subnetLog = await create({ ResourceType: 'Subnet', ResourceIds: [net.subnetA1], TrafficType: 'REJECT', LogDestinationType: 's3', LogDestination: s3, MaxAggregationInterval: 60, DestinationOptions: { FileFormat: 'parquet', HiveCompatiblePartitions: true, PerHourPartition: false } });
  const eniLogs = await create({ ResourceType: 'NetworkInterface', ResourceIds: [eni1, eni2], TrafficType: 'ACCEPT', LogDestinationType: 's3', LogDestination: s3 });
  expect(eniLogs.FlowLogIds).toHaveLength(2);
  const [s] = await describeAll({ FlowLogIds: subnetLog.FlowLogIds });
  expect(s).toMatchObject({ ResourceId: net.subnetA1, TrafficType: 'REJECT', LogDestinationType: 's3', LogDestination: s3, MaxAggregationInterval: 60, DestinationOptions: { FileFormat: 'parquet', HiveCompatiblePartitions: true, PerHourPartition: false } });
  expect(s.LogGroupName).toBeUndefined();
  // Filters: by resource, by traffic type, by destination type; paging over all of them.
  expect((await describeAll({ Filter: [{ Name: 'resource-id', Values: [eni2] }] })).map((f) => f.ResourceId)).toEqual([eni2]);
  expect((await describeAll({ Filter: [{ Name: 'traffic-type', Values: ['ACCEPT'] }] })).map((f) => f.ResourceId).sort()).toEqual([eni1, eni2].sort());
  const mine = { Name: 'resource-id', Values: [net.subnetA1, eni1, eni2] };
  expect(await describeAll({ Filter: [mine, { Name: 'log-destination-type', Values: ['s3'] }] })).toHaveLength(3);
  expect(await describeAll({ Filter: [mine, { Name: 'log-destination-type', Values: ['cloud-watch-logs'] }] })).toEqual([]);
  const page1 = await t.ec2.send(new DescribeFlowLogsCommand({ MaxResults: 2 }));
  expect(page1.FlowLogs).toHaveLength(2);
  const page2 = await t.ec2.send(new DescribeFlowLogsCommand({ MaxResults: 2, NextToken: page1.NextToken }));
  expect(page2.FlowLogs!.map((f) => f.FlowLogId)).not.toContain(page1.FlowLogs![0].FlowLogId);
  expect(page1.FlowLogs!.length + page2.FlowLogs!.length).toBeGreaterThanOrEqual(3);
});

it("refuses what AWS refuses, before anything is written", async () => {
  await expectEc2Error(create({}), { code: 'InvalidParameter', message: "LogDestination can't be empty if LogGroupName is not provided." });
  await expectEc2Error(create({ LogGroupName: 'g' }), {
    code: 'InvalidParameter',
    message: "DeliverLogsPermissionArn can't be empty if LogDestinationType is cloud-watch-logs.",
  });
  await expectEc2Error(create({ LogDestinationType: 's3', LogGroupName: 'g', LogDestination: 'arn:aws:s3:::b' }), {
    code: 'InvalidParameter',
    message: 'LogDestination type must be cloud-watch-logs if LogGroupName is provided.',
  });
  await expectEc2Error(create({ LogDestinationType: 's3', LogDestination: 'arn:aws:s3:::b', MaxAggregationInterval: 30 }), { code: 'InvalidParameter' });
  await expectEc2Error(create({ ResourceIds: [net.vpcId, 'vpc-0123456789abcdef0'], LogDestinationType: 's3', LogDestination: 'arn:aws:s3:::b' }), {
    code: 'InvalidVpcID.NotFound',
    message: "The vpc ID 'vpc-0123456789abcdef0' does not exist",
  });
  await expectEc2Error(create({ ResourceType: 'NetworkInterface', ResourceIds: ['eni-0123456789abcdef0'], LogDestinationType: 's3', LogDestination: 'arn:aws:s3:::b' }), {
    code: 'InvalidNetworkInterfaceID.NotFound',
  });
  await expectEc2Error(create({ LogDestinationType: 's3', LogDestination: 'arn:aws:s3:::b', DryRun: true }), DRY_RUN);
  expect(await describeAll({ Filter: [{ Name: 'resource-id', Values: [net.vpcId] }] })).toEqual([]);
});

it('refuses a second flow log of a resource to the same destination, not to another one', async () => {
  await create({ LogDestinationType: 's3', LogDestination: 'arn:aws:s3:::one' });
  await expectEc2Error(create({ LogDestinationType: 's3', LogDestination: 'arn:aws:s3:::one', TrafficType: 'REJECT' }), {
    code: 'FlowLogAlreadyExists',
    message: 'Error. There is an existing Flow Log with the same configuration and log destination.',
  });
  await create({ LogDestinationType: 's3', LogDestination: 'arn:aws:s3:::two' });
  expect(await describeAll({ Filter: [{ Name: 'resource-id', Values: [net.vpcId] }] })).toHaveLength(2);
});

it('deletes flow logs; unknown ids are listed and nothing is deleted', async () => {
  const { FlowLogIds } = await create({ LogDestinationType: 's3', LogDestination: 'arn:aws:s3:::b' });
  await expectEc2Error(t.ec2.send(new DeleteFlowLogsCommand({ FlowLogIds: [FlowLogIds![0], 'fl-0123456789abcdef0'] })), {
    code: 'InvalidFlowLogId.NotFound',
    message: `These flow log ids in the input list are not found: [TotalCount: 2] ${FlowLogIds![0]} fl-0123456789abcdef0`,
  });
  expect(await describeAll({ FlowLogIds })).toHaveLength(1);
  const out = await t.ec2.send(new DeleteFlowLogsCommand({ FlowLogIds }));
  expect(out.Unsuccessful).toEqual([]);
  expect(await describeAll({ FlowLogIds })).toEqual([]);
});

it('a flow log goes with the interface it watches: deleted, or deleted on termination', async () => {
  const eni = (await createEni(t.ec2, net.subnetA1)).NetworkInterfaceId!;
  const instance = await launchRunning(t, net);
  const primary = instance.NetworkInterfaces![0].NetworkInterfaceId!;
  const s3 = { LogDestinationType: 's3' as const, LogDestination: 'arn:aws:s3:::b' };
  await create({ ResourceType: 'NetworkInterface', ResourceIds: [eni, primary], ...s3 });
  await create({ ResourceType: 'Subnet', ResourceIds: [net.subnetA1], ...s3 });
  await t.ec2.send(new DeleteNetworkInterfaceCommand({ NetworkInterfaceId: eni }));
  await t.ec2.send(new TerminateInstancesCommand({ InstanceIds: [instance.InstanceId!] }));
  t.advance(0);
  const watched = [eni, primary, net.subnetA1];
  expect((await describeAll({ Filter: [{ Name: 'resource-id', Values: watched }] })).map((f) => f.ResourceId)).toEqual([net.subnetA1]);
});
