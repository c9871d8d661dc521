/**
 * Placement groups through the SDK v3: Create (cluster, spread, partition), Describe (names, ids, filters, tags),
 * Delete (refused while instances use the group), and RunInstances' Placement checked against the group and shown
 * on the instance.
 */
import {
  CreatePlacementGroupCommand,
  CreateTagsCommand,
  CreatePlacementGroupCommandInput,
  DeletePlacementGroupCommand,
  DescribeInstancesCommand,
  DescribePlacementGroupsCommand,
  DescribePlacementGroupsCommandInput,
  DescribeTagsCommand,
  TerminateInstancesCommand,
} from '@aws-sdk/client-ec2';
import { DRY_RUN } from '../helpers/api';
import { useTestServer } from '../helpers/env';
import { describeInstance, runOne, TestNetwork } from '../helpers/network';
import { TestServer, expectEc2Error } from '../helpers/server';

let t: TestServer;
let net: TestNetwork;
useTestServer({ network: 'once' }, (env) => ({ t, net } = env));

const create = async (input: CreatePlacementGroupCommandInput) => (await t.ec2.send(new CreatePlacementGroupCommand(input))).PlacementGroup!;
const groups = async (input: DescribePlacementGroupsCommandInput) => (await t.ec2.send(new DescribePlacementGroupsCommand(input))).PlacementGroups!;
const del = (GroupName: string) => t.ec2.send(new DeletePlacementGroupCommand({ GroupName }));
const unknown = (name: string) => ({ code: 'InvalidPlacementGroup.Unknown', message: `The Placement Group '${name}' is unknown.` });

describe('CreatePlacementGroup', () => {
  it('the three strategies, with their defaults, ids, ARNs and tags', async () => {
    const cluster = await create({ GroupName: 'pg-cluster', Strategy: 'cluster', TagSpecifications: [{ ResourceType: 'placement-group', Tags: [{ Key: 'k', Value: 'v' }] }] });
    expect(cluster).toMatchObject({ GroupName: 'pg-cluster', Strategy: 'cluster', State: 'available', Tags: [{ Key: 'k', Value: 'v' }] });
    expect(cluster.GroupId).toMatch(/^pg-[0-9a-f]{17}$/);
    expect(cluster.GroupArn).toMatch(/^arn:aws:ec2:us-east-1:\d{12}:placement-group\/pg-cluster$/);
    expect(cluster.SpreadLevel).toBeUndefined();
    const spread = await create({ GroupName: 'pg-spread', Strategy: 'spread' });
    expect(spread).toMatchObject({ Strategy: 'spread', SpreadLevel: 'rack' });
    const host = await create({ GroupName: 'pg-spread-host', Strategy: 'spread', SpreadLevel: 'host' });
    expect(host.SpreadLevel).toBe('host');
    const partition = await create({ GroupName: 'pg-partition', Strategy: 'partition', PartitionCount: 7 });
    expect(partition).toMatchObject({ Strategy: 'partition', PartitionCount: 7 });
    expect((await create({ GroupName: 'pg-partition-default', Strategy: 'partition' })).PartitionCount).toBe(2);
    // CreateTags / DescribeTags know the pg- ids
    await t.ec2.send(new CreateTagsCommand({ Resources: [spread.GroupId!], Tags: [{ Key: 'later', Value: '1' }] }));
    expect((await groups({ GroupIds: [spread.GroupId!] }))[0].Tags).toEqual([{ Key: 'later', Value: '1' }]);
    const tagged = await t.ec2.send(new DescribeTagsCommand({ Filters: [{ Name: 'resource-id', Values: [spread.GroupId!] }] }));
    expect(tagged.Tags).toEqual([{ Key: 'later', Value: '1', ResourceId: spread.GroupId, ResourceType: 'placement-group' }]);
  });

  it('errors: a duplicate name, a partition count out of 1..7, options of another strategy, an unknown strategy; DryRun', async () => {
    await create({ GroupName: 'pg-dup' });
    await expectEc2Error(create({ GroupName: 'pg-dup', Strategy: 'spread' }), {
      code: 'InvalidPlacementGroup.Duplicate',
      message: "The placement group 'pg-dup' already exists.",
    });
    for (const n of [0, 8]) {
      await expectEc2Error(create({ GroupName: `pg-n${n}`, Strategy: 'partition', PartitionCount: n }), {
        code: 'InvalidParameterValue',
        message: `Value (${n}) for parameter partitionCount is invalid. The partition count must be between 1 and 7.`,
      });
    }
    await expectEc2Error(create({ GroupName: 'pg-x', Strategy: 'cluster', PartitionCount: 2 }), {
      code: 'InvalidParameterCombination',
      message: 'The partitionCount parameter can only be specified for a partition placement group.',
    });
    await expectEc2Error(create({ GroupName: 'pg-y', Strategy: 'cluster', SpreadLevel: 'host' }), {
      code: 'InvalidParameterCombination',
      message: 'The spreadLevel parameter can only be specified for a spread placement group.',
    });
    await expectEc2Error(create({ GroupName: 'pg-z', Strategy: 'diagonal' as never }), { code: 'InvalidParameterValue' });
    await expectEc2Error(create({ GroupName: 'pg-dry', DryRun: true }), DRY_RUN);
    await expectEc2Error(groups({ GroupNames: ['pg-dry'] }), unknown('pg-dry'));
  });
});

describe('DescribePlacementGroups', () => {
  it('by names, by ids, by filters and tags; unknown names and ids', async () => {
    const a = await create({ GroupName: 'desc-a', Strategy: 'spread', TagSpecifications: [{ ResourceType: 'placement-group', Tags: [{ Key: 'role', Value: 'db' }] }] });
    const b = await create({ GroupName: 'desc-b', Strategy: 'partition', PartitionCount: 3 });
    expect((await groups({ GroupNames: ['desc-b', 'desc-a'] })).map((g) => g.GroupName).sort()).toEqual(['desc-a', 'desc-b']);
    expect((await groups({ GroupIds: [b.GroupId!] })).map((g) => g.GroupName)).toEqual(['desc-b']);
    const names = async (Filters: { Name: string; Values: string[] }[]) =>
      (await groups({ Filters })).map((g) => g.GroupName).filter((n) => n!.startsWith('desc-'));
    expect(await names([{ Name: 'strategy', Values: ['partition'] }])).toEqual(['desc-b']);
    expect(await names([{ Name: 'group-name', Values: ['desc-*'] }])).toEqual(['desc-a', 'desc-b']);
    expect(await names([{ Name: 'spread-level', Values: ['rack'] }])).toEqual(['desc-a']);
    expect(await names([{ Name: 'state', Values: ['available'] }])).toEqual(['desc-a', 'desc-b']);
    expect(await names([{ Name: 'group-arn', Values: [a.GroupArn!] }])).toEqual(['desc-a']);
    expect(await names([{ Name: 'tag:role', Values: ['db'] }])).toEqual(['desc-a']);
    expect(await names([{ Name: 'tag-key', Values: ['role'] }])).toEqual(['desc-a']);
    await expectEc2Error(groups({ GroupNames: ['nope'] }), unknown('nope'));
    await expectEc2Error(groups({ GroupIds: ['pg-0123456789abcdef0'] }), unknown('pg-0123456789abcdef0'));
    await expectEc2Error(groups({ GroupIds: ['not-a-pg'] }), { code: 'InvalidPlacementGroupId.Malformed', message: 'Invalid id: "not-a-pg" (expecting "pg-...")' });
    await expectEc2Error(groups({ DryRun: true }), DRY_RUN);
  });
});

describe('RunInstances into a group', () => {
  it('shows the group in Placement; a cluster group keeps to one zone; Delete waits for the instances to terminate', async () => {
    const g = await create({ GroupName: 'run-cluster', Strategy: 'cluster' });
    const i = await runOne(t.ec2, { SubnetId: net.subnetA1, Placement: { GroupName: 'run-cluster' } });
    expect(i.Placement).toMatchObject({ GroupName: 'run-cluster', GroupId: g.GroupId, AvailabilityZone: 'us-east-1a' });
    expect((await describeInstance(t.ec2, i.InstanceId!)).Placement).toMatchObject({ GroupName: 'run-cluster', GroupId: g.GroupId });
    const byGroupId = await runOne(t.ec2, { SubnetId: net.subnetA2, Placement: { GroupId: g.GroupId } });
    expect(byGroupId.Placement!.GroupName).toBe('run-cluster');
    await expectEc2Error(runOne(t.ec2, { SubnetId: net.subnetB, Placement: { GroupName: 'run-cluster' } }), {
      code: 'InvalidPlacementGroup.InUse',
      message: "The placement group 'run-cluster' is in use in another availability zone: us-east-1a",
    });
    const filtered = await t.ec2.send(new DescribeInstancesCommand({ Filters: [{ Name: 'placement-group-name', Values: ['run-cluster'] }] }));
    expect(filtered.Reservations!.flatMap((r) => r.Instances!).map((x) => x.InstanceId).sort()).toEqual([i.InstanceId, byGroupId.InstanceId].sort());

    await expectEc2Error(del('run-cluster'), { code: 'InvalidPlacementGroup.InUse', message: "The placement group 'run-cluster' is in use and may not be deleted." });
    await t.ec2.send(new TerminateInstancesCommand({ InstanceIds: [i.InstanceId!, byGroupId.InstanceId!] }));
    t.advance(60_000);
    await del('run-cluster');
    await expectEc2Error(groups({ GroupNames: ['run-cluster'] }), unknown('run-cluster'));
    await expectEc2Error(del('run-cluster'), unknown('run-cluster'));
  });

  it('an unknown group; both name and id', async () => {
    await expectEc2Error(runOne(t.ec2, { SubnetId: net.subnetA1, Placement: { GroupName: 'ghost' } }), unknown('ghost'));
    const g = await create({ GroupName: 'run-both' });
    await expectEc2Error(runOne(t.ec2, { SubnetId: net.subnetA1, Placement: { GroupName: 'run-both', GroupId: g.GroupId } }), {
      code: 'InvalidParameterCombination',
      message: 'You cannot specify both a placement group name and a placement group ID.',
    });
  });

  it('a spread group holds seven instances per zone', async () => {
    await create({ GroupName: 'run-spread', Strategy: 'spread' });
    const six = await runOne(t.ec2, { SubnetId: net.subnetA1, Placement: { GroupName: 'run-spread' }, MinCount: 6, MaxCount: 6 });
    expect(six.Placement!.GroupName).toBe('run-spread');
    await runOne(t.ec2, { SubnetId: net.subnetA1, Placement: { GroupName: 'run-spread' } });
    await expectEc2Error(runOne(t.ec2, { SubnetId: net.subnetA1, Placement: { GroupName: 'run-spread' } }), {
      code: 'InsufficientInstanceCapacity',
      message: "A spread placement group can have at most 7 running instances per Availability Zone: 'run-spread' is full in us-east-1a.",
    });
    // another zone has room
    const other = await runOne(t.ec2, { SubnetId: net.subnetB, Placement: { GroupName: 'run-spread' } });
    expect(other.Placement!.GroupName).toBe('run-spread');
  });

  it('a partition group: instances spread over partitions, or the one PartitionNumber names', async () => {
    await create({ GroupName: 'run-part', Strategy: 'partition', PartitionCount: 3 });
    const parts = [];
    for (let k = 0; k < 4; k++) parts.push((await runOne(t.ec2, { SubnetId: net.subnetA1, Placement: { GroupName: 'run-part' } })).Placement!.PartitionNumber);
    expect(parts).toEqual([1, 2, 3, 1]);
    const named = await runOne(t.ec2, { SubnetId: net.subnetA1, Placement: { GroupName: 'run-part', PartitionNumber: 3 } });
    expect(named.Placement).toMatchObject({ GroupName: 'run-part', PartitionNumber: 3 });
    const filtered = await t.ec2.send(new DescribeInstancesCommand({
      Filters: [{ Name: 'placement-group-name', Values: ['run-part'] }, { Name: 'placement-partition-number', Values: ['3'] }],
    }));
    expect(filtered.Reservations!.flatMap((r) => r.Instances!)).toHaveLength(2);
    await expectEc2Error(runOne(t.ec2, { SubnetId: net.subnetA1, Placement: { GroupName: 'run-part', PartitionNumber: 4 } }), {
      code: 'InvalidParameterValue',
      message: 'Value (4) for parameter partitionNumber is invalid. The placement group has 3 partitions.',
    });
    await create({ GroupName: 'run-not-part' });
    await expectEc2Error(runOne(t.ec2, { SubnetId: net.subnetA1, Placement: { GroupName: 'run-not-part', PartitionNumber: 1 } }), {
      code: 'InvalidParameterCombination',
      message: 'The partitionNumber parameter can only be specified for a partition placement group.',
    });
  });

  it('an instance without a group shows an empty GroupName, as before', async () => {
    const i = await runOne(t.ec2, { SubnetId: net.subnetA1 });
    expect(i.Placement!.GroupName).toBe('');
    expect(i.Placement!.GroupId).toBeUndefined();
  });
});
