/**
 * EC2 Fleets through the SDK v3 (docs/behavior.md "Fleets and spot"): instant fleets answer their Instances and
 * Errors, request / maintain fleets launch through the back end, maintain replaces terminated instances,
 * ModifyFleet, DeleteFleets' per-fleet answers, DescribeFleets / DescribeFleetInstances / DescribeFleetHistory,
 * and the issue's story: 20 multi-NIC instances in a /26 without a duplicate address.
 */
import {
  CreateFleetCommand,
  CreateFleetCommandInput,
  CreateLaunchTemplateCommand,
  CreateSubnetCommand,
  CreateTagsCommand,
  DeleteFleetsCommand,
  DescribeFleetHistoryCommand,
  DescribeFleetInstancesCommand,
  DescribeFleetsCommand,
  DescribeInstancesCommand,
  DescribeNetworkInterfacesCommand,
  ModifyFleetCommand,
  TerminateInstancesCommand,
  type Instance,
} from '@aws-sdk/client-ec2';
import { DRY_RUN } from '../helpers/api';
import { useTestServer } from '../helpers/env';
import { AMI, availableIps, TestNetwork } from '../helpers/network';
import { TestServer, expectEc2Error } from '../helpers/server';

let t: TestServer;
let net: TestNetwork;
useTestServer({ network: 'once' }, (env) => ({ t, net } = env));

let counter = 0;
async function template(data: Record<string, unknown> = {}): Promise<string> {
  const out = await t.ec2.send(
    new CreateLaunchTemplateCommand({ LaunchTemplateName: `fleet-tmpl-${++counter}`, LaunchTemplateData: { ImageId: AMI, InstanceType: 'm5.large', ...data } }),
  );
  return out.LaunchTemplate!.LaunchTemplateId!;
}

const fleet = (input: Partial<CreateFleetCommandInput> & Pick<CreateFleetCommandInput, 'LaunchTemplateConfigs'>) =>
  t.ec2.send(
    new CreateFleetCommand({
      TargetCapacitySpecification: { TotalTargetCapacity: 1, DefaultTargetCapacityType: 'on-demand' },
      Type: 'instant',
      ...input,
    }),
  );

async function instances(ids: string[]): Promise<Instance[]> {
  const out = await t.ec2.send(new DescribeInstancesCommand({ InstanceIds: ids }));
  return out.Reservations!.flatMap((r) => r.Instances!);
}

const describeFleet = async (id: string) => (await t.ec2.send(new DescribeFleetsCommand({ FleetIds: [id] }))).Fleets![0];
const liveIds = async (id: string) =>
  ((await t.ec2.send(new DescribeFleetInstancesCommand({ FleetId: id }))).ActiveInstances ?? []).map((i) => i.InstanceId!).sort();

describe('the issue story: a fleet of 20 multi-NIC instances into a /26', () => {
  it('launches 20 instances with two interfaces each, 40 distinct addresses, then reports the next fleet short of room', async () => {
    const subnet = (await t.ec2.send(new CreateSubnetCommand({ VpcId: net.vpcId, CidrBlock: '10.0.64.0/26', AvailabilityZone: 'us-east-1a' }))).Subnet!.SubnetId!;
    const lt = await template({
      NetworkInterfaces: [
        { DeviceIndex: 0, SubnetId: subnet },
        { DeviceIndex: 1, SubnetId: subnet },
      ],
    });
    const out = await fleet({
      LaunchTemplateConfigs: [{ LaunchTemplateSpecification: { LaunchTemplateId: lt, Version: '$Latest' } }],
      TargetCapacitySpecification: { TotalTargetCapacity: 20, DefaultTargetCapacityType: 'on-demand' },
    });
    expect(out.FleetId).toMatch(/^fleet-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(out.Errors ?? []).toEqual([]);
    expect(out.Instances).toHaveLength(1);
    expect(out.Instances![0]).toMatchObject({ Lifecycle: 'on-demand', InstanceType: 'm5.large', LaunchTemplateAndOverrides: { LaunchTemplateSpecification: { LaunchTemplateId: lt, Version: '$Latest' } } });
    const ids = out.Instances![0].InstanceIds!;
    expect(ids).toHaveLength(20);

    const launched = await instances(ids);
    expect(launched.map((i) => i.NetworkInterfaces!.length)).toEqual(Array(20).fill(2));
    const addresses = launched.flatMap((i) => i.NetworkInterfaces!.map((n) => n.PrivateIpAddress!));
    expect(new Set(addresses).size).toBe(40);
    expect(addresses.every((a) => a.startsWith('10.0.64.'))).toBe(true);
    const enis = (await t.ec2.send(new DescribeNetworkInterfacesCommand({ Filters: [{ Name: 'subnet-id', Values: [subnet] }] }))).NetworkInterfaces!;
    expect(new Set(enis.map((e) => e.PrivateIpAddress)).size).toBe(enis.length);
    expect(await availableIps(t.ec2, subnet)).toBe(59 - 40);
    // what AWS tags a fleet's instances with
    expect(launched[0].Tags).toEqual(expect.arrayContaining([{ Key: 'aws:ec2:fleet-id', Value: out.FleetId }, { Key: 'aws:ec2launchtemplate:id', Value: lt }]));

    // 19 addresses left: nine more two-NIC instances fit, the tenth is the override's error
    const more = await fleet({
      LaunchTemplateConfigs: [{ LaunchTemplateSpecification: { LaunchTemplateId: lt } }],
      TargetCapacitySpecification: { TotalTargetCapacity: 20, DefaultTargetCapacityType: 'on-demand' },
    });
    expect(more.Instances![0].InstanceIds).toHaveLength(9);
    expect(more.Errors).toEqual([
      expect.objectContaining({ Lifecycle: 'on-demand', ErrorCode: 'InsufficientFreeAddressesInSubnet', ErrorMessage: expect.any(String) }),
    ]);
    expect(await availableIps(t.ec2, subnet)).toBe(1);
    await t.ec2.send(new DeleteFleetsCommand({ FleetIds: [out.FleetId!, more.FleetId!], TerminateInstances: true }));
  });
});

describe('CreateFleet', () => {
  it('tries overrides by Priority, counts WeightedCapacity, and marks spot capacity InstanceLifecycle spot', async () => {
    const lt = await template();
    const out = await fleet({
      LaunchTemplateConfigs: [
        {
          LaunchTemplateSpecification: { LaunchTemplateId: lt, Version: '1' },
          Overrides: [
            { InstanceType: 't3.micro', SubnetId: net.subnetB, Priority: 2, WeightedCapacity: 1 },
            { InstanceType: 'm5.xlarge', SubnetId: net.subnetA1, Priority: 1, WeightedCapacity: 2 },
          ],
        },
      ],
      TargetCapacitySpecification: { TotalTargetCapacity: 6, OnDemandTargetCapacity: 2, DefaultTargetCapacityType: 'spot' },
      SpotOptions: { AllocationStrategy: 'capacity-optimized-prioritized' },
      OnDemandOptions: { AllocationStrategy: 'prioritized' },
      TagSpecifications: [
        { ResourceType: 'fleet', Tags: [{ Key: 'team', Value: 'batch' }] },
        { ResourceType: 'instance', Tags: [{ Key: 'role', Value: 'worker' }] },
      ],
    });
    expect(out.Errors ?? []).toEqual([]);
    const byLifecycle = Object.fromEntries(out.Instances!.map((g) => [g.Lifecycle, g]));
    expect(byLifecycle['on-demand']).toMatchObject({ InstanceType: 'm5.xlarge', LaunchTemplateAndOverrides: { Overrides: { InstanceType: 'm5.xlarge', Priority: 1, WeightedCapacity: 2 } } });
    expect(byLifecycle['on-demand'].InstanceIds).toHaveLength(1);
    expect(byLifecycle.spot.InstanceIds).toHaveLength(2);
    const spot = await instances(byLifecycle.spot.InstanceIds!);
    expect(spot.map((i) => [i.InstanceLifecycle, i.InstanceType, i.SubnetId, i.Placement!.AvailabilityZone])).toEqual([
      ['spot', 'm5.xlarge', net.subnetA1, 'us-east-1a'],
      ['spot', 'm5.xlarge', net.subnetA1, 'us-east-1a'],
    ]);
    expect(spot[0].Tags).toEqual(expect.arrayContaining([{ Key: 'role', Value: 'worker' }]));
    const [onDemand] = await instances(byLifecycle['on-demand'].InstanceIds!);
    expect(onDemand.InstanceLifecycle).toBeUndefined();

    const f = await describeFleet(out.FleetId!);
    expect(f).toMatchObject({
      FleetState: 'active',
      Type: 'instant',
      FulfilledCapacity: 6,
      FulfilledOnDemandCapacity: 2,
      TargetCapacitySpecification: { TotalTargetCapacity: 6, OnDemandTargetCapacity: 2, SpotTargetCapacity: 0, DefaultTargetCapacityType: 'spot' },
      SpotOptions: { AllocationStrategy: 'capacity-optimized-prioritized' },
      OnDemandOptions: { AllocationStrategy: 'prioritized' },
      Tags: [{ Key: 'team', Value: 'batch' }],
    });
    expect(f.LaunchTemplateConfigs![0].Overrides).toHaveLength(2);
    expect(f.Instances).toHaveLength(2);
    await expectEc2Error(t.ec2.send(new DescribeFleetInstancesCommand({ FleetId: out.FleetId! })), {
      code: 'Unsupported',
      message: `Fleet ${out.FleetId} is instant fleet. Describe fleet instances is not supported by this type of fleet`,
    });
  });

  it("takes Spot Fleet's camelCase allocation strategies too and keeps either spelling; AWS's default reads lowestPrice", async () => {
    const lt = await template();
    const config = { LaunchTemplateConfigs: [{ LaunchTemplateSpecification: { LaunchTemplateId: lt } }] };
    const camel = await fleet({
      ...config,
      Type: 'maintain',
      TargetCapacitySpecification: { TotalTargetCapacity: 1, DefaultTargetCapacityType: 'spot' },
      SpotOptions: { AllocationStrategy: 'lowestPrice' as never },
      OnDemandOptions: { AllocationStrategy: 'lowestPrice' as never },
    });
    let described = await describeFleet(camel.FleetId!);
    expect(described.SpotOptions!.AllocationStrategy).toBe('lowestPrice');
    expect(described.OnDemandOptions!.AllocationStrategy).toBe('lowestPrice');
    expect(described.Instances!.flatMap((i) => i.InstanceIds ?? [])).toHaveLength(1);
    // terraform-provider-aws TestAccEC2Fleet_basic: no options sent, lowestPrice (and one pool) read back
    const plain = await fleet({ ...config, Type: 'maintain', TargetCapacitySpecification: { TotalTargetCapacity: 0, DefaultTargetCapacityType: 'spot' } });
    described = await describeFleet(plain.FleetId!);
    expect(described.SpotOptions).toEqual({ AllocationStrategy: 'lowestPrice', InstanceInterruptionBehavior: 'terminate', InstancePoolsToUseCount: 1 });
    expect(described.OnDemandOptions).toEqual({ AllocationStrategy: 'lowestPrice' });
    const kebab = await fleet({
      ...config,
      Type: 'maintain',
      TargetCapacitySpecification: { TotalTargetCapacity: 0, DefaultTargetCapacityType: 'spot' },
      SpotOptions: { AllocationStrategy: 'capacity-optimized' },
    });
    expect((await describeFleet(kebab.FleetId!)).SpotOptions!.AllocationStrategy).toBe('capacity-optimized');
    for (const AllocationStrategy of ['constructor', 'LowestPrice']) {
      await expectEc2Error(
        fleet({ LaunchTemplateConfigs: [{ LaunchTemplateSpecification: { LaunchTemplateId: lt } }], SpotOptions: { AllocationStrategy: AllocationStrategy as never } }),
        { code: 'InvalidParameterValue', message: `Value (${AllocationStrategy}) for parameter allocationStrategy is invalid.` },
      );
    }
  });

  it('refuses unknown templates and a capacity split above the total; DryRun validates and creates nothing', async () => {
    await expectEc2Error(fleet({ LaunchTemplateConfigs: [{ LaunchTemplateSpecification: { LaunchTemplateId: 'lt-0123456789abcdef0' } }] }), {
      code: 'InvalidLaunchTemplateId.NotFound',
    });
    const lt = await template();
    await expectEc2Error(
      fleet({
        LaunchTemplateConfigs: [{ LaunchTemplateSpecification: { LaunchTemplateId: lt } }],
        TargetCapacitySpecification: { TotalTargetCapacity: 2, OnDemandTargetCapacity: 2, SpotTargetCapacity: 1, DefaultTargetCapacityType: 'spot' },
      }),
      { code: 'InvalidParameterValue' },
    );
    const before = (await t.ec2.send(new DescribeFleetsCommand({}))).Fleets!.length;
    await expectEc2Error(fleet({ DryRun: true, LaunchTemplateConfigs: [{ LaunchTemplateSpecification: { LaunchTemplateId: lt } }] }), DRY_RUN);
    expect((await t.ec2.send(new DescribeFleetsCommand({}))).Fleets).toHaveLength(before);
    await expectEc2Error(t.ec2.send(new DescribeFleetsCommand({ FleetIds: ['fleet-00000000-0000-0000-0000-000000000000'] })), {
      code: 'InvalidFleetId.NotFound',
      message: "The fleet ID 'fleet-00000000-0000-0000-0000-000000000000' does not exist",
    });
  });
});

describe('maintain and request fleets', () => {
  it('a maintain fleet is submitted, launched by the back end, and replaces a terminated instance', async () => {
    const lt = await template({ NetworkInterfaces: [{ DeviceIndex: 0, SubnetId: net.subnetA2 }, { DeviceIndex: 1, SubnetId: net.subnetA2 }] });
    t.runtime.backend.pause();
    const { FleetId } = await fleet({
      Type: 'maintain',
      LaunchTemplateConfigs: [{ LaunchTemplateSpecification: { LaunchTemplateId: lt } }],
      TargetCapacitySpecification: { TotalTargetCapacity: 3, DefaultTargetCapacityType: 'on-demand' },
    });
    expect(await describeFleet(FleetId!)).toMatchObject({ FleetState: 'submitted', ActivityStatus: 'pending_fulfillment', FulfilledCapacity: 0 });
    t.runtime.backend.resume();
    t.advance();
    expect(await describeFleet(FleetId!)).toMatchObject({ FleetState: 'active', ActivityStatus: 'fulfilled', FulfilledCapacity: 3 });
    const first = await liveIds(FleetId!);
    expect(first).toHaveLength(3);
    expect((await instances(first)).map((i) => i.NetworkInterfaces!.length)).toEqual([2, 2, 2]);

    await t.ec2.send(new TerminateInstancesCommand({ InstanceIds: [first[0]] }));
    t.advance();
    const after = await liveIds(FleetId!);
    expect(after).toHaveLength(3);
    expect(after).not.toContain(first[0]);
    expect(after).toEqual(expect.arrayContaining(first.slice(1)));
    expect(await describeFleet(FleetId!)).toMatchObject({ FulfilledCapacity: 3, ActivityStatus: 'fulfilled' });

    const history = await t.ec2.send(new DescribeFleetHistoryCommand({ FleetId, StartTime: new Date(0) }));
    const kinds = history.HistoryRecords!.map((h) => `${h.EventType}:${h.EventInformation?.EventSubType}`);
    expect(kinds).toEqual(expect.arrayContaining(['fleet-change:submitted', 'fleet-change:active', 'instance-change:launched', 'instance-change:terminated']));
    expect(kinds.filter((k) => k === 'instance-change:launched')).toHaveLength(4);
    const paged = await t.ec2.send(new DescribeFleetHistoryCommand({ FleetId, StartTime: new Date(0), MaxResults: 2 }));
    expect(paged.HistoryRecords).toHaveLength(2);
    expect(paged.NextToken).toBeDefined();

    // ModifyFleet down with the default policy terminates the newest; up has the back end launch more
    await t.ec2.send(new ModifyFleetCommand({ FleetId, TargetCapacitySpecification: { TotalTargetCapacity: 1 } }));
    expect(await liveIds(FleetId!)).toHaveLength(1);
    await t.ec2.send(new ModifyFleetCommand({ FleetId, TargetCapacitySpecification: { TotalTargetCapacity: 2 } }));
    t.advance();
    expect(await liveIds(FleetId!)).toHaveLength(2);
    expect(await describeFleet(FleetId!)).toMatchObject({ FleetState: 'active', TargetCapacitySpecification: { TotalTargetCapacity: 2 } });

    // deleted_running keeps the instances and stops replacing them; deleting again with termination ends them
    const kept = await liveIds(FleetId!);
    const del = await t.ec2.send(new DeleteFleetsCommand({ FleetIds: [FleetId!], TerminateInstances: false }));
    expect(del.SuccessfulFleetDeletions).toEqual([{ FleetId, PreviousFleetState: 'active', CurrentFleetState: 'deleted_running' }]);
    await t.ec2.send(new TerminateInstancesCommand({ InstanceIds: [kept[0]] }));
    t.advance();
    expect(await liveIds(FleetId!)).toEqual([kept[1]]);
    const del2 = await t.ec2.send(new DeleteFleetsCommand({ FleetIds: [FleetId!], TerminateInstances: true }));
    expect(del2.SuccessfulFleetDeletions).toEqual([{ FleetId, PreviousFleetState: 'deleted_running', CurrentFleetState: 'deleted_terminating' }]);
    t.advance();
    expect((await instances(kept)).map((i) => i.State!.Name)).toEqual(['terminated', 'terminated']);
    expect(await describeFleet(FleetId!)).toMatchObject({ FleetState: 'deleted' });
  });

  it('a request fleet does not replace what terminates; filters and tags reach fleets', async () => {
    const lt = await template({ NetworkInterfaces: [{ DeviceIndex: 0, SubnetId: net.subnetB }] });
    const { FleetId } = await fleet({
      Type: 'request',
      LaunchTemplateConfigs: [{ LaunchTemplateSpecification: { LaunchTemplateName: `fleet-tmpl-${counter}` } }],
      TargetCapacitySpecification: { TotalTargetCapacity: 2, DefaultTargetCapacityType: 'on-demand' },
    });
    const ids = await liveIds(FleetId!);
    expect(ids).toHaveLength(2);
    await t.ec2.send(new TerminateInstancesCommand({ InstanceIds: [ids[0]] }));
    t.advance();
    expect(await liveIds(FleetId!)).toEqual([ids[1]]);
    expect(await describeFleet(FleetId!)).toMatchObject({ FleetState: 'active', FulfilledCapacity: 1 });
    const typed = await t.ec2.send(new DescribeFleetInstancesCommand({ FleetId, Filters: [{ Name: 'instance-type', Values: ['m5.large'] }] }));
    expect(typed.ActiveInstances).toEqual([{ InstanceId: ids[1], InstanceType: 'm5.large', InstanceHealth: 'healthy' }]);

    await t.ec2.send(new CreateTagsCommand({ Resources: [FleetId!], Tags: [{ Key: 'env', Value: 'test' }] }));
    const filtered = await t.ec2.send(
      new DescribeFleetsCommand({ Filters: [{ Name: 'type', Values: ['request'] }, { Name: 'tag:env', Values: ['test'] }, { Name: 'fleet-state', Values: ['active'] }] }),
    );
    expect(filtered.Fleets!.map((f) => f.FleetId)).toEqual([FleetId]);
    const page = await t.ec2.send(new DescribeFleetsCommand({ MaxResults: 1 }));
    expect(page.Fleets).toHaveLength(1);
    expect(page.NextToken).toBeDefined();
  });
});

describe('DeleteFleets', () => {
  it('answers per fleet: unknown, malformed, instant without termination, and a second delete', async () => {
    const lt = await template();
    const { FleetId } = await fleet({ LaunchTemplateConfigs: [{ LaunchTemplateSpecification: { LaunchTemplateId: lt } }] });
    const missing = 'fleet-11111111-2222-3333-4444-555555555555';
    const out = await t.ec2.send(new DeleteFleetsCommand({ FleetIds: [FleetId!, missing, 'nope'], TerminateInstances: false }));
    expect(out.SuccessfulFleetDeletions ?? []).toEqual([]);
    expect(out.UnsuccessfulFleetDeletions).toEqual([
      { FleetId, Error: { Code: 'NoTerminateInstancesNotSupported', Message: 'NoTerminateInstances option is not supported for instant fleet' } },
      { FleetId: missing, Error: { Code: 'fleetIdDoesNotExist', Message: `The fleet ID '${missing}' does not exist` } },
      { FleetId: 'nope', Error: { Code: 'fleetIdMalformed', Message: 'Invalid id: "nope" (expecting "fleet-...")' } },
    ]);
    const ok = await t.ec2.send(new DeleteFleetsCommand({ FleetIds: [FleetId!], TerminateInstances: true }));
    expect(ok.SuccessfulFleetDeletions).toEqual([{ FleetId, PreviousFleetState: 'active', CurrentFleetState: 'deleted_terminating' }]);
    const again = await t.ec2.send(new DeleteFleetsCommand({ FleetIds: [FleetId!], TerminateInstances: true }));
    expect(again.UnsuccessfulFleetDeletions![0].Error!.Code).toBe('fleetNotInDeletableState');
  });
});

/** Instances a fleet holds after each back-end step of it (the kind's handler wrapped for the test). */
function watchSteps(fleetId: () => string) {
  type Handler = (ctx: { store: { fleets: { liveInstances(id: string): unknown[] } } }, tr: { resource_id: string }) => void;
  const handlers = (t.runtime.backend as unknown as { handlers: Map<string, Handler> }).handlers;
  const original = handlers.get('fleet')!;
  const counts: number[] = [];
  handlers.set('fleet', (ctx, tr) => {
    original(ctx, tr);
    if (tr.resource_id === fleetId()) counts.push(ctx.store.fleets.liveInstances(tr.resource_id).length);
  });
  return { counts, restore: () => handlers.set('fleet', original) };
}

describe('review fixes: bounded work per request and step', () => {
  const QUOTA = { code: 'InvalidParameterValue', message: 'TotalTargetCapacity (10001) exceeds the maximum target capacity per EC2 Fleet (10000).' };

  it('refuses a TotalTargetCapacity above the per-fleet quota (10,000) for every type, and in ModifyFleet', async () => {
    const lt = await template();
    const configs = [{ LaunchTemplateSpecification: { LaunchTemplateId: lt, Version: '$Latest' } }];
    for (const Type of ['instant', 'request', 'maintain'] as const) {
      await expectEc2Error(fleet({ Type, LaunchTemplateConfigs: configs, TargetCapacitySpecification: { TotalTargetCapacity: 10_001, DefaultTargetCapacityType: 'on-demand' } }), QUOTA);
    }
    const { FleetId } = await fleet({ Type: 'maintain', LaunchTemplateConfigs: configs, TargetCapacitySpecification: { TotalTargetCapacity: 0, DefaultTargetCapacityType: 'on-demand' } });
    t.advance();
    await expectEc2Error(t.ec2.send(new ModifyFleetCommand({ FleetId, TargetCapacitySpecification: { TotalTargetCapacity: 10_001 } })), QUOTA);
    expect((await describeFleet(FleetId!)).TargetCapacitySpecification!.TotalTargetCapacity).toBe(0);
    await t.ec2.send(new DeleteFleetsCommand({ FleetIds: [FleetId!], TerminateInstances: true }));
  });

  it('launches at most 50 instances per back-end step, the rest in further steps at once (request fleet and ModifyFleet)', async () => {
    const room = (await t.ec2.send(new CreateSubnetCommand({ VpcId: net.vpcId, CidrBlock: '10.0.200.0/24', AvailabilityZone: 'us-east-1a' }))).Subnet!.SubnetId!;
    const lt = await template({ InstanceType: 't3.nano' });
    const configs = [{ LaunchTemplateSpecification: { LaunchTemplateId: lt, Version: '$Latest' }, Overrides: [{ SubnetId: room }] }];
    let id = '';
    const steps = watchSteps(() => id);
    try {
      id = (await fleet({ Type: 'request', LaunchTemplateConfigs: configs, TargetCapacitySpecification: { TotalTargetCapacity: 120, DefaultTargetCapacityType: 'on-demand' } })).FleetId!;
      t.advance();
      expect(steps.counts).toEqual([50, 100, 120]);
      expect(await describeFleet(id)).toMatchObject({ FleetState: 'active', ActivityStatus: 'fulfilled', FulfilledCapacity: 120 });
      expect(await liveIds(id)).toHaveLength(120);
      await t.ec2.send(new DeleteFleetsCommand({ FleetIds: [id], TerminateInstances: true }));
      t.advance();

      steps.counts.length = 0;
      id = (await fleet({ Type: 'maintain', LaunchTemplateConfigs: configs, TargetCapacitySpecification: { TotalTargetCapacity: 10, DefaultTargetCapacityType: 'on-demand' } })).FleetId!;
      t.advance();
      await t.ec2.send(new ModifyFleetCommand({ FleetId: id, TargetCapacitySpecification: { TotalTargetCapacity: 70 } }));
      t.advance();
      expect(steps.counts).toEqual([10, 60, 70]);
      expect(await describeFleet(id)).toMatchObject({ FleetState: 'active', ActivityStatus: 'fulfilled', FulfilledCapacity: 70 });
      await t.ec2.send(new DeleteFleetsCommand({ FleetIds: [id], TerminateInstances: true }));
      t.advance();
    } finally {
      steps.restore();
    }
  });
});
