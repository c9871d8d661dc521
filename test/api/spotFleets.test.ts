/**
 * Spot Fleet requests through the SDK v3 (docs/behavior.md "Spot Fleet requests"): the story (a maintain
 * fleet of 3-NIC Spot Instances across two subnets, no duplicate address, instances / history, capacity up and down,
 * a replacement, cancel without and with termination), on-demand capacity, launch templates with overrides, request
 * fleets, expiry, idempotency, paging, the refusals and DryRun; GetConsoleScreenshot.
 */
import {
  CancelSpotFleetRequestsCommand,
  CreateLaunchTemplateCommand,
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  DescribeInstancesCommand,
  DescribeSpotFleetInstancesCommand,
  DescribeSpotFleetRequestHistoryCommand,
  DescribeSpotFleetRequestsCommand,
  DescribeSpotInstanceRequestsCommand,
  DescribeTagsCommand,
  GetConsoleScreenshotCommand,
  ModifySpotFleetRequestCommand,
  RequestSpotFleetCommand,
  StopInstancesCommand,
  TerminateInstancesCommand,
  type Instance,
  type SpotFleetRequestConfigData,
} from '@aws-sdk/client-ec2';
import { DRY_RUN, MISSING } from '../helpers/api';
import { useTestServer } from '../helpers/env';
import { AMI, TestNetwork, runOne } from '../helpers/network';
import { TestServer, expectEc2Error } from '../helpers/server';

let t: TestServer;
let net: TestNetwork;
useTestServer({ network: 'once' }, (env) => ({ t, net } = env));

const ROLE = 'arn:aws:iam::123456789012:role/aws-ec2-spot-fleet-tagging-role';
const UNKNOWN = 'sfr-00000000-0000-4000-8000-000000000000';

let third = 64;
async function subnet(zone = 'us-east-1a', prefix = 26): Promise<string> {
  const out = await t.ec2.send(new CreateSubnetCommand({ VpcId: net.vpcId, CidrBlock: `10.0.${third++}.0/${prefix}`, AvailabilityZone: zone }));
  return out.Subnet!.SubnetId!;
}

const request = async (config: Partial<SpotFleetRequestConfigData>) =>
  (
    await t.ec2.send(
      new RequestSpotFleetCommand({
        SpotFleetRequestConfig: {
          IamFleetRole: ROLE,
          TargetCapacity: 1,
          LaunchSpecifications: [{ ImageId: AMI, InstanceType: 'm5.large', SubnetId: net.subnetA1 }],
          ...config,
        },
      }),
    )
  ).SpotFleetRequestId!;

const describeFleet = async (id: string) =>
  (await t.ec2.send(new DescribeSpotFleetRequestsCommand({ SpotFleetRequestIds: [id] }))).SpotFleetRequestConfigs![0];
const active = async (id: string) => (await t.ec2.send(new DescribeSpotFleetInstancesCommand({ SpotFleetRequestId: id }))).ActiveInstances ?? [];
const activeIds = async (id: string) => (await active(id)).map((i) => i.InstanceId!).sort();
const history = async (id: string, eventType?: 'instanceChange' | 'fleetRequestChange' | 'error' | 'information') =>
  (await t.ec2.send(new DescribeSpotFleetRequestHistoryCommand({ SpotFleetRequestId: id, StartTime: new Date(0), EventType: eventType }))).HistoryRecords!;
async function instances(ids: string[]): Promise<Instance[]> {
  const out = await t.ec2.send(new DescribeInstancesCommand({ InstanceIds: ids }));
  return out.Reservations!.flatMap((r) => r.Instances!);
}

describe('the issue story: a maintain Spot Fleet of 3-NIC instances across two subnets', () => {
  let a: string;
  let b: string;
  let id: string;

  it('is submitted, then active with four Spot Instances, two per subnet, each with three interfaces and distinct addresses', async () => {
    a = await subnet();
    b = await subnet();
    t.runtime.backend.pause();
    id = await request({
      TargetCapacity: 4,
      Type: 'maintain',
      AllocationStrategy: 'diversified',
      LaunchSpecifications: [
        {
          ImageId: AMI,
          InstanceType: 'm5.large',
          SubnetId: `${a}, ${b}`,
          NetworkInterfaces: [
            { DeviceIndex: 0, DeleteOnTermination: true },
            { DeviceIndex: 1, DeleteOnTermination: true },
            { DeviceIndex: 2, DeleteOnTermination: true },
          ],
          TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'role', Value: 'worker' }] }],
        },
      ],
      TagSpecifications: [{ ResourceType: 'spot-fleet-request', Tags: [{ Key: 'team', Value: 'render' }] }],
    });
    expect(id).toMatch(/^sfr-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(await describeFleet(id)).toMatchObject({ SpotFleetRequestId: id, SpotFleetRequestState: 'submitted', Tags: [{ Key: 'team', Value: 'render' }] });
    expect(await active(id)).toEqual([]);
    t.runtime.backend.resume();
    t.advance();

    const fleet = await describeFleet(id);
    expect(fleet).toMatchObject({
      SpotFleetRequestState: 'active',
      ActivityStatus: 'fulfilled',
      SpotFleetRequestConfig: {
        IamFleetRole: ROLE,
        TargetCapacity: 4,
        OnDemandTargetCapacity: 0,
        FulfilledCapacity: 4,
        OnDemandFulfilledCapacity: 0,
        Type: 'maintain',
        AllocationStrategy: 'diversified',
        ExcessCapacityTerminationPolicy: 'default',
        TerminateInstancesWithExpiration: false,
        InstanceInterruptionBehavior: 'terminate',
        LaunchSpecifications: [{ ImageId: AMI, InstanceType: 'm5.large', SubnetId: `${a}, ${b}` }],
        TagSpecifications: [{ ResourceType: 'spot-fleet-request', Tags: [{ Key: 'team', Value: 'render' }] }],
      },
    });
    expect(fleet.CreateTime).toBeInstanceOf(Date);

    const actives = await active(id);
    expect(actives).toHaveLength(4);
    for (const i of actives) expect(i).toMatchObject({ InstanceType: 'm5.large', InstanceHealth: 'healthy', SpotInstanceRequestId: expect.stringMatching(/^sir-[0-9a-f]{8}$/) });

    const launched = await instances(actives.map((i) => i.InstanceId!));
    expect(launched.map((i) => i.NetworkInterfaces!.length)).toEqual([3, 3, 3, 3]);
    for (const i of launched) {
      expect(i.InstanceLifecycle).toBe('spot');
      expect(i.SpotInstanceRequestId).toBe(actives.find((x) => x.InstanceId === i.InstanceId)!.SpotInstanceRequestId);
      expect(i.Tags).toEqual(expect.arrayContaining([{ Key: 'role', Value: 'worker' }, { Key: 'aws:ec2spot:fleet-request-id', Value: id }]));
      // every interface of an instance sits in the subnet of its pool
      expect(new Set(i.NetworkInterfaces!.map((n) => n.SubnetId)).size).toBe(1);
    }
    expect(launched.filter((i) => i.SubnetId === a)).toHaveLength(2);
    expect(launched.filter((i) => i.SubnetId === b)).toHaveLength(2);
    const addresses = launched.flatMap((i) => i.NetworkInterfaces!.map((n) => n.PrivateIpAddress!));
    expect(addresses).toHaveLength(12);
    expect(new Set(addresses).size).toBe(12);

    const sirs = (await t.ec2.send(new DescribeSpotInstanceRequestsCommand({ SpotInstanceRequestIds: actives.map((i) => i.SpotInstanceRequestId!) })))
      .SpotInstanceRequests!;
    expect(sirs).toHaveLength(4);
    for (const r of sirs) {
      expect(r).toMatchObject({
        State: 'active',
        Type: 'one-time',
        Status: { Code: 'fulfilled', Message: 'Your spot request is fulfilled.' },
        LaunchedAvailabilityZone: 'us-east-1a',
        LaunchSpecification: { ImageId: AMI, InstanceType: 'm5.large' },
        Tags: [{ Key: 'aws:ec2spot:fleet-request-id', Value: id }],
      });
      expect(actives.map((i) => i.InstanceId)).toContain(r.InstanceId);
    }
  });

  it('tells its history: submitted, active, one launch per instance; EventType narrows it and pages', async () => {
    const all = await history(id);
    expect(all.filter((h) => h.EventType === 'fleetRequestChange').map((h) => h.EventInformation!.EventSubType)).toEqual(['submitted', 'active']);
    const launches = await history(id, 'instanceChange');
    expect(launches.map((h) => h.EventInformation!.EventSubType)).toEqual(['launched', 'launched', 'launched', 'launched']);
    expect(launches.map((h) => h.EventInformation!.InstanceId).sort()).toEqual(await activeIds(id));
    expect(JSON.parse(launches[0].EventInformation!.EventDescription!)).toMatchObject({ instanceType: 'm5.large', image: AMI, availabilityZone: 'us-east-1a' });
    const page1 = await t.ec2.send(new DescribeSpotFleetRequestHistoryCommand({ SpotFleetRequestId: id, StartTime: new Date(0), MaxResults: 2 }));
    expect(page1.HistoryRecords).toHaveLength(2);
    expect(page1).toMatchObject({ SpotFleetRequestId: id, StartTime: new Date(0) });
    expect(page1.LastEvaluatedTime).toBeInstanceOf(Date);
    const page2 = await t.ec2.send(
      new DescribeSpotFleetRequestHistoryCommand({ SpotFleetRequestId: id, StartTime: new Date(0), MaxResults: 10, NextToken: page1.NextToken }),
    );
    expect(page2.HistoryRecords!.length).toBe(all.length - 2);
    // nothing happened after now
    const later = await t.ec2.send(new DescribeSpotFleetRequestHistoryCommand({ SpotFleetRequestId: id, StartTime: new Date(Date.now() + 3_600_000 * 24 * 365) }));
    expect(later.HistoryRecords).toEqual([]);
  });

  it('ModifySpotFleetRequest up: modifying, then active with six instances, three per subnet, addresses still distinct', async () => {
    t.runtime.backend.pause();
    expect((await t.ec2.send(new ModifySpotFleetRequestCommand({ SpotFleetRequestId: id, TargetCapacity: 6 }))).Return).toBe(true);
    expect(await describeFleet(id)).toMatchObject({ SpotFleetRequestState: 'modifying', SpotFleetRequestConfig: { TargetCapacity: 6, FulfilledCapacity: 4 } });
    t.runtime.backend.resume();
    t.advance();
    expect(await describeFleet(id)).toMatchObject({ SpotFleetRequestState: 'active', ActivityStatus: 'fulfilled', SpotFleetRequestConfig: { TargetCapacity: 6, FulfilledCapacity: 6 } });
    const launched = await instances(await activeIds(id));
    expect(launched).toHaveLength(6);
    expect(launched.filter((i) => i.SubnetId === a)).toHaveLength(3);
    expect(launched.filter((i) => i.SubnetId === b)).toHaveLength(3);
    const addresses = launched.flatMap((i) => i.NetworkInterfaces!.map((n) => n.PrivateIpAddress!));
    expect(new Set(addresses).size).toBe(18);
    const changes = (await history(id, 'fleetRequestChange')).map((h) => h.EventInformation!.EventSubType);
    expect(changes).toEqual(['submitted', 'active', 'modify_in_progress', 'modify_succeeded']);
  });

  it('ModifySpotFleetRequest down (default policy): the newest instances are terminated at once', async () => {
    const before = (await history(id, 'instanceChange')).map((h) => h.EventInformation!.InstanceId!);
    await t.ec2.send(new ModifySpotFleetRequestCommand({ SpotFleetRequestId: id, TargetCapacity: 3 }));
    const newest = before.slice(-3);
    t.advance();
    expect(await activeIds(id)).toEqual(before.slice(0, 3).sort());
    for (const i of await instances(newest)) expect(i.State!.Name).toBe('terminated');
    expect(await describeFleet(id)).toMatchObject({ SpotFleetRequestState: 'active', SpotFleetRequestConfig: { TargetCapacity: 3, FulfilledCapacity: 3 } });
    const terminated = (await history(id, 'instanceChange')).filter((h) => h.EventInformation!.EventSubType === 'terminated');
    expect(terminated.map((h) => h.EventInformation!.InstanceId).sort()).toEqual([...newest].sort());
  });

  it('takes the policy in any case, as AWS takes Terraform\'s `Default`, and refuses another value', async () => {
    await expectEc2Error(t.ec2.send(new ModifySpotFleetRequestCommand({ SpotFleetRequestId: id, TargetCapacity: 3, ExcessCapacityTerminationPolicy: 'sometimes' as never })), {
      code: 'InvalidParameterValue',
      message: /ExcessCapacityTerminationPolicy/,
    });
    const other = await request({ TargetCapacity: 0, ExcessCapacityTerminationPolicy: 'Default' as never });
    expect((await describeFleet(other)).SpotFleetRequestConfig!.ExcessCapacityTerminationPolicy).toBe('Default');
    await t.ec2.send(new CancelSpotFleetRequestsCommand({ SpotFleetRequestIds: [other], TerminateInstances: true }));
  });

  it('noTermination keeps the excess running', async () => {
    await t.ec2.send(new ModifySpotFleetRequestCommand({ SpotFleetRequestId: id, TargetCapacity: 2, ExcessCapacityTerminationPolicy: 'noTermination' }));
    t.advance();
    expect(await activeIds(id)).toHaveLength(3);
    expect(await describeFleet(id)).toMatchObject({ SpotFleetRequestConfig: { TargetCapacity: 2, FulfilledCapacity: 3 } });
    await t.ec2.send(new ModifySpotFleetRequestCommand({ SpotFleetRequestId: id, TargetCapacity: 3 }));
    t.advance();
    expect(await activeIds(id)).toHaveLength(3);
  });

  it('replaces an instance the user terminates; the old Spot request closes', async () => {
    const [victim] = await activeIds(id);
    const sir = (await instances([victim]))[0].SpotInstanceRequestId!;
    await t.ec2.send(new TerminateInstancesCommand({ InstanceIds: [victim] }));
    t.advance();
    const now = await activeIds(id);
    expect(now).toHaveLength(3);
    expect(now).not.toContain(victim);
    const closed = (await t.ec2.send(new DescribeSpotInstanceRequestsCommand({ SpotInstanceRequestIds: [sir] }))).SpotInstanceRequests![0];
    expect(closed).toMatchObject({ State: 'closed', Status: { Code: 'instance-terminated-by-user' } });
    expect(await describeFleet(id)).toMatchObject({ ActivityStatus: 'fulfilled', SpotFleetRequestConfig: { FulfilledCapacity: 3 } });
  });

  it('CancelSpotFleetRequests without termination: cancelled_running, instances keep running, their Spot requests are cancelled', async () => {
    const out = await t.ec2.send(new CancelSpotFleetRequestsCommand({ SpotFleetRequestIds: [id], TerminateInstances: false }));
    expect(out.SuccessfulFleetRequests).toEqual([{ SpotFleetRequestId: id, PreviousSpotFleetRequestState: 'active', CurrentSpotFleetRequestState: 'cancelled_running' }]);
    expect(out.UnsuccessfulFleetRequests ?? []).toEqual([]);
    t.advance();
    expect((await describeFleet(id)).SpotFleetRequestState).toBe('cancelled_running');
    const ids = await activeIds(id);
    expect(ids).toHaveLength(3);
    const running = await instances(ids);
    expect(running.map((i) => i.State!.Name)).toEqual(['running', 'running', 'running']);
    const sirs = (await t.ec2.send(new DescribeSpotInstanceRequestsCommand({ SpotInstanceRequestIds: running.map((i) => i.SpotInstanceRequestId!) })))
      .SpotInstanceRequests!;
    expect(sirs.map((r) => [r.State, r.Status!.Code])).toEqual(Array(3).fill(['cancelled', 'request-canceled-and-instance-running']));
    // not replaced any more
    await t.ec2.send(new TerminateInstancesCommand({ InstanceIds: [ids[0]] }));
    t.advance();
    expect(await activeIds(id)).toHaveLength(2);
    // a second cancel without termination is refused for this request only
    const again = await t.ec2.send(new CancelSpotFleetRequestsCommand({ SpotFleetRequestIds: [id, UNKNOWN, 'sfr-bogus'], TerminateInstances: false }));
    expect(again.SuccessfulFleetRequests ?? []).toEqual([]);
    expect(again.UnsuccessfulFleetRequests!.map((u) => [u.SpotFleetRequestId, u.Error!.Code])).toEqual([
      [id, 'fleetRequestNotInCancellableState'],
      [UNKNOWN, 'fleetRequestIdDoesNotExist'],
      ['sfr-bogus', 'fleetRequestIdMalformed'],
    ]);
    expect(again.UnsuccessfulFleetRequests![1].Error!.Message).toBe(`The spot fleet request ID '${UNKNOWN}' does not exist`);
  });

  it('then with termination: cancelled_terminating, then cancelled once the instances are gone', async () => {
    const ids = await activeIds(id);
    t.runtime.backend.pause();
    const out = await t.ec2.send(new CancelSpotFleetRequestsCommand({ SpotFleetRequestIds: [id], TerminateInstances: true }));
    expect(out.SuccessfulFleetRequests).toEqual([
      { SpotFleetRequestId: id, PreviousSpotFleetRequestState: 'cancelled_running', CurrentSpotFleetRequestState: 'cancelled_terminating' },
    ]);
    expect((await describeFleet(id)).SpotFleetRequestState).toBe('cancelled_terminating');
    t.runtime.backend.resume();
    t.advance();
    expect((await describeFleet(id)).SpotFleetRequestState).toBe('cancelled');
    for (const i of await instances(ids)) expect(i.State!.Name).toBe('terminated');
    expect(await active(id)).toEqual([]);
    const changes = (await history(id, 'fleetRequestChange')).map((h) => h.EventInformation!.EventSubType);
    expect(changes.slice(-3)).toEqual(['cancelled_running', 'cancelled_terminating', 'cancelled']);
    const refused = await t.ec2.send(new CancelSpotFleetRequestsCommand({ SpotFleetRequestIds: [id], TerminateInstances: true }));
    expect(refused.UnsuccessfulFleetRequests![0].Error!.Code).toBe('fleetRequestNotInCancellableState');
  });
});

describe('capacity, templates and request types', () => {
  it('splits OnDemandTargetCapacity off as on-demand instances without a Spot request', async () => {
    const id = await request({ TargetCapacity: 3, OnDemandTargetCapacity: 1 });
    const fleet = await describeFleet(id);
    expect(fleet.SpotFleetRequestConfig).toMatchObject({ TargetCapacity: 3, OnDemandTargetCapacity: 1, FulfilledCapacity: 3, OnDemandFulfilledCapacity: 1 });
    const launched = await instances(await activeIds(id));
    expect(launched.filter((i) => i.InstanceLifecycle === 'spot')).toHaveLength(2);
    const onDemand = launched.filter((i) => i.InstanceLifecycle === undefined);
    expect(onDemand).toHaveLength(1);
    expect(onDemand[0].SpotInstanceRequestId).toBeUndefined();
    // a lower on-demand share terminates the on-demand instance, the Spot ones stay
    await t.ec2.send(new ModifySpotFleetRequestCommand({ SpotFleetRequestId: id, TargetCapacity: 2, OnDemandTargetCapacity: 0 }));
    t.advance();
    const left = await instances(await activeIds(id));
    expect(left.map((i) => i.InstanceLifecycle)).toEqual(['spot', 'spot']);
    expect((await describeFleet(id)).SpotFleetRequestConfig).toMatchObject({ OnDemandTargetCapacity: 0, OnDemandFulfilledCapacity: 0, FulfilledCapacity: 2 });
  });

  it('launches from LaunchTemplateConfigs: the template 3-NIC interfaces across two subnets, overrides by priority with weights', async () => {
    const a = await subnet();
    const b = await subnet();
    const lt = (
      await t.ec2.send(
        new CreateLaunchTemplateCommand({
          LaunchTemplateName: 'sfr-three-nics',
          LaunchTemplateData: {
            ImageId: AMI,
            InstanceType: 'm5.large',
            NetworkInterfaces: [
              { DeviceIndex: 0, SubnetId: a },
              { DeviceIndex: 1, SubnetId: b },
              { DeviceIndex: 2, SubnetId: a },
            ],
          },
        }),
      )
    ).LaunchTemplate!.LaunchTemplateId!;
    const id = await request({
      TargetCapacity: 4,
      LaunchSpecifications: undefined,
      AllocationStrategy: 'capacityOptimizedPrioritized',
      LaunchTemplateConfigs: [
        {
          LaunchTemplateSpecification: { LaunchTemplateId: lt, Version: '$Latest' },
          Overrides: [
            { InstanceType: 'm5.large', Priority: 2 },
            { InstanceType: 'm5.xlarge', WeightedCapacity: 2, Priority: 1 },
          ],
        },
      ],
    });
    expect(await describeFleet(id)).toMatchObject({
      SpotFleetRequestState: 'active',
      SpotFleetRequestConfig: {
        FulfilledCapacity: 4,
        LaunchTemplateConfigs: [{ LaunchTemplateSpecification: { LaunchTemplateId: lt, Version: '$Latest' }, Overrides: [{ InstanceType: 'm5.large' }, { InstanceType: 'm5.xlarge', WeightedCapacity: 2 }] }],
      },
    });
    const launched = await instances(await activeIds(id));
    expect(launched.map((i) => i.InstanceType)).toEqual(['m5.xlarge', 'm5.xlarge']);
    for (const i of launched) {
      expect(i.NetworkInterfaces!.map((n) => [n.Attachment!.DeviceIndex, n.SubnetId]).sort()).toEqual([
        [0, a],
        [1, b],
        [2, a],
      ]);
      expect(i.Tags).toEqual(expect.arrayContaining([{ Key: 'aws:ec2launchtemplate:id', Value: lt }]));
    }
    const addresses = launched.flatMap((i) => i.NetworkInterfaces!.map((n) => n.PrivateIpAddress!));
    expect(new Set(addresses).size).toBe(6);
  });

  it('gives a launch specification\'s security groups to its interfaces and launches its block devices', async () => {
    const sg = (await t.ec2.send(new CreateSecurityGroupCommand({ GroupName: 'sfr-workers', Description: 'spot fleet', VpcId: net.vpcId }))).GroupId!;
    const id = await request({
      TargetCapacity: 1,
      LaunchSpecifications: [
        {
          ImageId: AMI,
          InstanceType: 'm5.large',
          SubnetId: net.subnetA2,
          SecurityGroups: [{ GroupId: sg }],
          NetworkInterfaces: [{ DeviceIndex: 0 }, { DeviceIndex: 1 }],
          BlockDeviceMappings: [{ DeviceName: '/dev/xvdb', Ebs: { VolumeSize: 10, DeleteOnTermination: true } }],
        },
      ],
    });
    const [i] = await instances(await activeIds(id));
    expect(i.NetworkInterfaces!.map((n) => n.Groups!.map((g) => g.GroupId))).toEqual([[sg], [sg]]);
    expect(i.NetworkInterfaces!.map((n) => n.SubnetId)).toEqual([net.subnetA2, net.subnetA2]);
    expect(i.BlockDeviceMappings!.map((b) => b.DeviceName)).toContain('/dev/xvdb');
    await t.ec2.send(new CancelSpotFleetRequestsCommand({ SpotFleetRequestIds: [id], TerminateInstances: true }));
  });

  it("takes a specification's empty members as not sent, as Terraform sends them, and echoes them as sent", async () => {
    // terraform-provider-aws sends every launch_specification string: `IamInstanceProfile.Name=`, `SpotPrice=`,
    // `Placement.AvailabilityZone=`, `UserData=` when they are not set. AWS launches without them and
    // DescribeSpotFleetRequests gives them back empty (the provider hashes each specification's SpotPrice).
    const id = await request({
      TargetCapacity: 2,
      LaunchSpecifications: [
        {
          ImageId: AMI,
          InstanceType: 'm5.large',
          SubnetId: `${net.subnetA1},${net.subnetA2}`,
          SpotPrice: '',
          IamInstanceProfile: { Name: '' },
          Placement: { AvailabilityZone: '' },
          UserData: '',
          KeyName: '',
        },
      ],
      AllocationStrategy: 'diversified',
    });
    const ids = await activeIds(id);
    expect(ids).toHaveLength(2);
    const launched = await instances(ids);
    expect(launched.map((i) => i.SubnetId).sort()).toEqual([net.subnetA1, net.subnetA2].sort());
    expect(launched.map((i) => [i.IamInstanceProfile, i.KeyName])).toEqual([
      [undefined, undefined],
      [undefined, undefined],
    ]);
    const fleet = await describeFleet(id);
    expect(fleet.ActivityStatus).toBe('fulfilled');
    expect(fleet.SpotFleetRequestConfig!.LaunchSpecifications).toEqual([
      expect.objectContaining({ SpotPrice: '', IamInstanceProfile: { Name: '' }, Placement: { AvailabilityZone: '' }, UserData: '', KeyName: '' }),
    ]);
    await t.ec2.send(new CancelSpotFleetRequestsCommand({ SpotFleetRequestIds: [id], TerminateInstances: true }));
  });

  it('waits for ValidFrom before it launches', async () => {
    const from = new Date(t.runtime.services.clock.now() + 120_000);
    const id = await request({ TargetCapacity: 1, ValidFrom: from });
    t.advance(60_000);
    expect(await describeFleet(id)).toMatchObject({ SpotFleetRequestState: 'submitted', SpotFleetRequestConfig: { ValidFrom: from, FulfilledCapacity: 0 } });
    expect(await active(id)).toEqual([]);
    t.advance(61_000);
    expect(await describeFleet(id)).toMatchObject({ SpotFleetRequestState: 'active', ActivityStatus: 'fulfilled' });
    expect(await activeIds(id)).toHaveLength(1);
  });

  it('short of addresses: launches what fits, without a duplicate, and reports the rest in its history', async () => {
    // a /28 keeps 11 addresses: three 3-NIC instances fit, the fourth does not
    const small = await subnet('us-east-1a', 28);
    const id = await request({
      TargetCapacity: 4,
      LaunchSpecifications: [{ ImageId: AMI, InstanceType: 'm5.large', SubnetId: small, NetworkInterfaces: [{ DeviceIndex: 0 }, { DeviceIndex: 1 }, { DeviceIndex: 2 }] }],
    });
    expect(await describeFleet(id)).toMatchObject({ SpotFleetRequestState: 'active', ActivityStatus: 'error', SpotFleetRequestConfig: { FulfilledCapacity: 3 } });
    const launched = await instances(await activeIds(id));
    const addresses = launched.flatMap((i) => i.NetworkInterfaces!.map((n) => n.PrivateIpAddress!));
    expect(addresses).toHaveLength(9);
    expect(new Set(addresses).size).toBe(9);
    const info = await history(id, 'information');
    expect(info).toHaveLength(1);
    expect(info[0].EventInformation).toMatchObject({ EventSubType: 'launchSpecUnusable', EventDescription: expect.stringContaining('InsufficientFreeAddressesInSubnet') });
    expect((await history(id, 'error')).map((h) => h.EventInformation!.EventSubType)).toEqual(['allLaunchSpecsTemporarilyBlacklisted']);
    // DescribeSpotFleetInstances pages
    const page1 = await t.ec2.send(new DescribeSpotFleetInstancesCommand({ SpotFleetRequestId: id, MaxResults: 2 }));
    expect(page1.ActiveInstances).toHaveLength(2);
    const page2 = await t.ec2.send(new DescribeSpotFleetInstancesCommand({ SpotFleetRequestId: id, MaxResults: 2, NextToken: page1.NextToken }));
    expect(page2.ActiveInstances).toHaveLength(1);
    expect(page2.NextToken).toBeUndefined();
    await t.ec2.send(new CancelSpotFleetRequestsCommand({ SpotFleetRequestIds: [id], TerminateInstances: true }));
  });

  it('a request-type fleet launches once and does not replace', async () => {
    const id = await request({ TargetCapacity: 2, Type: 'request' });
    const [first] = await activeIds(id);
    await t.ec2.send(new TerminateInstancesCommand({ InstanceIds: [first] }));
    t.advance();
    expect(await activeIds(id)).toHaveLength(1);
    expect(await describeFleet(id)).toMatchObject({ SpotFleetRequestState: 'active', SpotFleetRequestConfig: { Type: 'request', FulfilledCapacity: 1 } });
    await expectEc2Error(t.ec2.send(new ModifySpotFleetRequestCommand({ SpotFleetRequestId: id, TargetCapacity: 3 })), {
      code: 'InvalidSpotFleetRequestConfig',
      message: /only requests of type maintain can be modified/i,
    });
  });

  it('expires at ValidUntil: cancelled, its instances terminated with TerminateInstancesWithExpiration', async () => {
    const until = new Date(t.runtime.services.clock.now() + 60_000);
    const id = await request({ TargetCapacity: 1, ValidUntil: until, TerminateInstancesWithExpiration: true });
    const ids = await activeIds(id);
    expect(ids).toHaveLength(1);
    expect((await describeFleet(id)).SpotFleetRequestConfig).toMatchObject({ ValidUntil: until, TerminateInstancesWithExpiration: true });
    t.advance(61_000);
    expect((await describeFleet(id)).SpotFleetRequestState).toBe('cancelled');
    expect((await instances(ids))[0].State!.Name).toBe('terminated');
    expect((await history(id, 'fleetRequestChange')).map((h) => h.EventInformation!.EventSubType)).toContain('expired');
  });

  it('ClientToken: the same configuration answers the same request, another one is a mismatch', async () => {
    const first = await request({ ClientToken: 'sfr-token-1', TargetCapacity: 1 });
    expect(await request({ ClientToken: 'sfr-token-1', TargetCapacity: 1 })).toBe(first);
    await expectEc2Error(request({ ClientToken: 'sfr-token-1', TargetCapacity: 2 }), { code: 'IdempotentParameterMismatch' });
  });

  it('DescribeSpotFleetRequests pages over every request; tags are found by DescribeTags', async () => {
    const all = (await t.ec2.send(new DescribeSpotFleetRequestsCommand({}))).SpotFleetRequestConfigs!;
    expect(all.length).toBeGreaterThanOrEqual(6);
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const page = await t.ec2.send(new DescribeSpotFleetRequestsCommand({ MaxResults: 2, NextToken: token }));
      expect(page.SpotFleetRequestConfigs!.length).toBeLessThanOrEqual(2);
      seen.push(...page.SpotFleetRequestConfigs!.map((c) => c.SpotFleetRequestId!));
      token = page.NextToken;
    } while (token);
    expect(seen).toEqual(all.map((c) => c.SpotFleetRequestId));
    const tagged = await t.ec2.send(new DescribeTagsCommand({ Filters: [{ Name: 'resource-type', Values: ['spot-fleet-request'] }] }));
    expect(tagged.Tags!.map((x) => [x.Key, x.Value])).toContainEqual(['team', 'render']);
  });
});

describe('refusals and DryRun', () => {
  const config = (c: Partial<SpotFleetRequestConfigData>) =>
    t.ec2.send(
      new RequestSpotFleetCommand({
        SpotFleetRequestConfig: { IamFleetRole: ROLE, TargetCapacity: 1, LaunchSpecifications: [{ ImageId: AMI, InstanceType: 'm5.large', SubnetId: net.subnetA1 }], ...c },
      }),
    );
  const count = async () => (await t.ec2.send(new DescribeSpotFleetRequestsCommand({}))).SpotFleetRequestConfigs!.length;

  it('requires IamFleetRole, as a role ARN', async () => {
    await expectEc2Error(config({ IamFleetRole: undefined as unknown as string }), { code: 'MissingParameter' });
    await expectEc2Error(config({ IamFleetRole: 'spot-fleet-role' }), {
      code: 'InvalidSpotFleetRequestConfig',
      message: 'Parameter: SpotFleetRequestConfig.IamFleetRole is invalid.',
    });
  });

  it('refuses configurations AWS refuses, and writes nothing', async () => {
    const before = await count();
    await expectEc2Error(config({ LaunchSpecifications: undefined }), { code: 'InvalidSpotFleetRequestConfig', message: /Either LaunchSpecifications or LaunchTemplateConfigs/ });
    await expectEc2Error(config({ LaunchTemplateConfigs: [{ LaunchTemplateSpecification: { LaunchTemplateName: 'sfr-three-nics', Version: '1' } }] }), {
      code: 'InvalidSpotFleetRequestConfig',
      message: /cannot both be specified/,
    });
    await expectEc2Error(config({ Type: 'instant' }), { code: 'InvalidSpotFleetRequestConfig', message: /instant/ });
    await expectEc2Error(config({ TargetCapacity: 2, OnDemandTargetCapacity: 3 }), { code: 'InvalidSpotFleetRequestConfig', message: /OnDemandTargetCapacity \(3\)/ });
    await expectEc2Error(config({ ValidUntil: new Date(t.runtime.services.clock.now() - 1000) }), { code: 'InvalidSpotFleetRequestConfig', message: /ValidUntil/ });
    await expectEc2Error(config({ LaunchSpecifications: [{ ImageId: AMI, InstanceType: 'm5.large', SubnetId: `${net.subnetA1}, ${MISSING.subnet}` }] }), {
      code: 'InvalidSubnetID.NotFound',
    });
    await expectEc2Error(config({ LaunchSpecifications: [{ ImageId: AMI, SubnetId: `${net.subnetA1}, subnet-x` }] }), {
      code: 'InvalidSubnetID.Malformed',
      message: 'Invalid id: "subnet-x" (expecting "subnet-...")',
    });
    await expectEc2Error(config({ TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'k', Value: 'v' }] }] }), { code: 'InvalidParameterValue' });
    await expectEc2Error(config({ AllocationStrategy: 'cheapest' as never }), { code: 'InvalidParameterValue' });
    expect(await count()).toBe(before);
  });

  it('unknown and malformed ids', async () => {
    await expectEc2Error(t.ec2.send(new DescribeSpotFleetRequestsCommand({ SpotFleetRequestIds: [UNKNOWN] })), {
      code: 'InvalidSpotFleetRequestId.NotFound',
      message: `The spot fleet request ID '${UNKNOWN}' does not exist`,
    });
    await expectEc2Error(t.ec2.send(new DescribeSpotFleetRequestsCommand({ SpotFleetRequestIds: ['sfr-nope'] })), { code: 'InvalidSpotFleetRequestId.Malformed' });
    await expectEc2Error(t.ec2.send(new DescribeSpotFleetInstancesCommand({ SpotFleetRequestId: UNKNOWN })), { code: 'InvalidSpotFleetRequestId.NotFound' });
    await expectEc2Error(t.ec2.send(new ModifySpotFleetRequestCommand({ SpotFleetRequestId: UNKNOWN, TargetCapacity: 1 })), { code: 'InvalidSpotFleetRequestId.NotFound' });
    await expectEc2Error(t.ec2.send(new DescribeSpotFleetRequestHistoryCommand({ SpotFleetRequestId: UNKNOWN, StartTime: new Date(0) })), {
      code: 'InvalidSpotFleetRequestId.NotFound',
    });
    await expectEc2Error(
      t.ec2.send(new DescribeSpotFleetRequestHistoryCommand({ SpotFleetRequestId: UNKNOWN } as never)),
      { code: 'MissingParameter' },
    );
  });

  it('DryRun validates fully and changes nothing', async () => {
    const before = await count();
    await expectEc2Error(
      t.ec2.send(new RequestSpotFleetCommand({ DryRun: true, SpotFleetRequestConfig: { IamFleetRole: ROLE, TargetCapacity: 1, LaunchSpecifications: [{ ImageId: AMI, SubnetId: net.subnetA1 }] } })),
      DRY_RUN,
    );
    await expectEc2Error(
      t.ec2.send(new RequestSpotFleetCommand({ DryRun: true, SpotFleetRequestConfig: { IamFleetRole: 'x', TargetCapacity: 1, LaunchSpecifications: [{ ImageId: AMI }] } })),
      { code: 'InvalidSpotFleetRequestConfig' },
    );
    expect(await count()).toBe(before);
    const id = await request({ TargetCapacity: 1 });
    await expectEc2Error(t.ec2.send(new CancelSpotFleetRequestsCommand({ DryRun: true, SpotFleetRequestIds: [id], TerminateInstances: true })), DRY_RUN);
    expect((await describeFleet(id)).SpotFleetRequestState).toBe('active');
    expect(await activeIds(id)).toHaveLength(1);
    await expectEc2Error(t.ec2.send(new DescribeSpotFleetRequestsCommand({ DryRun: true })), DRY_RUN);
    await expectEc2Error(t.ec2.send(new DescribeSpotFleetInstancesCommand({ DryRun: true, SpotFleetRequestId: id })), DRY_RUN);
    await expectEc2Error(t.ec2.send(new DescribeSpotFleetRequestHistoryCommand({ DryRun: true, SpotFleetRequestId: id, StartTime: new Date(0) })), DRY_RUN);
  });
});

describe('GetConsoleScreenshot', () => {
  it('answers a base64 JPEG of a running instance', async () => {
    const i = await runOne(t.ec2, { SubnetId: net.subnetA1 });
    t.advance();
    const out = await t.ec2.send(new GetConsoleScreenshotCommand({ InstanceId: i.InstanceId!, WakeUp: true }));
    expect(out.InstanceId).toBe(i.InstanceId);
    const jpeg = Buffer.from(out.ImageData!, 'base64');
    expect(jpeg.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    expect(jpeg.subarray(-2)).toEqual(Buffer.from([0xff, 0xd9]));
    await expectEc2Error(t.ec2.send(new GetConsoleScreenshotCommand({ InstanceId: i.InstanceId!, DryRun: true })), DRY_RUN);
  });

  it('refuses an unknown instance and one that is not running', async () => {
    await expectEc2Error(t.ec2.send(new GetConsoleScreenshotCommand({ InstanceId: MISSING.instance })), {
      code: 'InvalidInstanceID.NotFound',
      message: `The instance ID '${MISSING.instance}' does not exist`,
    });
    const i = await runOne(t.ec2, { SubnetId: net.subnetA1 });
    t.advance();
    await t.ec2.send(new StopInstancesCommand({ InstanceIds: [i.InstanceId!] }));
    t.advance();
    await expectEc2Error(t.ec2.send(new GetConsoleScreenshotCommand({ InstanceId: i.InstanceId! })), {
      code: 'IncorrectInstanceState',
      message: `The instance '${i.InstanceId}' is not in the 'running' state, so a screenshot cannot be taken.`,
    });
  });
});

describe('review fixes: idempotency after a modify', () => {
  it('a retry of the original RequestSpotFleet answers the same request after ModifySpotFleetRequest', async () => {
    const config = { ClientToken: 'sfr-token-modified', TargetCapacity: 1, Type: 'maintain' as const };
    const id = await request(config);
    t.advance();
    // Context is one of the members ModifySpotFleetRequest rewrites in the stored configuration
    await t.ec2.send(new ModifySpotFleetRequestCommand({ SpotFleetRequestId: id, TargetCapacity: 2, Context: 'reserved-capacity' }));
    t.advance();
    expect((await describeFleet(id)).SpotFleetRequestConfig).toMatchObject({ TargetCapacity: 2, Context: 'reserved-capacity' });
    expect(await request(config)).toBe(id);
    await expectEc2Error(request({ ...config, TargetCapacity: 2 }), { code: 'IdempotentParameterMismatch' });
    await t.ec2.send(new CancelSpotFleetRequestsCommand({ SpotFleetRequestIds: [id], TerminateInstances: true }));
    t.advance();
  });
});

/** Instances a fleet holds after each back-end step of it (the kind's handler wrapped for the test). */
function watchSteps(kind: 'fleet' | 'spot-fleet', fleetId: () => string) {
  type Handler = (ctx: { store: { fleets: { liveInstances(id: string): unknown[] } } }, tr: { resource_id: string }) => void;
  const handlers = (t.runtime.backend as unknown as { handlers: Map<string, Handler> }).handlers;
  const original = handlers.get(kind)!;
  const counts: number[] = [];
  handlers.set(kind, (ctx, tr) => {
    original(ctx, tr);
    if (tr.resource_id === fleetId()) counts.push(ctx.store.fleets.liveInstances(tr.resource_id).length);
  });
  return { counts, restore: () => handlers.set(kind, original) };
}

describe('review fixes: bounded work per request and step', () => {
  it('refuses a TargetCapacity above the per-fleet quota (10,000), in RequestSpotFleet and ModifySpotFleetRequest', async () => {
    await expectEc2Error(request({ TargetCapacity: 10_001 }), {
      code: 'InvalidSpotFleetRequestConfig',
      message: 'TargetCapacity (10001) exceeds the maximum target capacity per Spot Fleet (10000).',
    });
    const id = await request({ TargetCapacity: 0, Type: 'maintain' });
    t.advance();
    await expectEc2Error(t.ec2.send(new ModifySpotFleetRequestCommand({ SpotFleetRequestId: id, TargetCapacity: 10_001 })), {
      code: 'InvalidSpotFleetRequestConfig',
      message: 'TargetCapacity (10001) exceeds the maximum target capacity per Spot Fleet (10000).',
    });
    expect(await describeFleet(id)).toMatchObject({ SpotFleetRequestState: 'active', SpotFleetRequestConfig: { TargetCapacity: 0 } });
    await t.ec2.send(new CancelSpotFleetRequestsCommand({ SpotFleetRequestIds: [id], TerminateInstances: true }));
  });

  it('launches at most 50 instances per back-end step, the rest in further steps at once (request and modify)', async () => {
    const room = await subnet('us-east-1a', 24);
    let id = '';
    const steps = watchSteps('spot-fleet', () => id);
    try {
      id = await request({ TargetCapacity: 120, Type: 'request', LaunchSpecifications: [{ ImageId: AMI, InstanceType: 't3.nano', SubnetId: room }] });
      t.advance();
      expect(steps.counts).toEqual([50, 100, 120]);
      expect(await describeFleet(id)).toMatchObject({ SpotFleetRequestState: 'active', ActivityStatus: 'fulfilled' });
      expect(await active(id)).toHaveLength(120);
      await t.ec2.send(new CancelSpotFleetRequestsCommand({ SpotFleetRequestIds: [id], TerminateInstances: true }));
      t.advance();

      steps.counts.length = 0;
      id = await request({ TargetCapacity: 10, Type: 'maintain', LaunchSpecifications: [{ ImageId: AMI, InstanceType: 't3.nano', SubnetId: room }] });
      t.advance();
      await t.ec2.send(new ModifySpotFleetRequestCommand({ SpotFleetRequestId: id, TargetCapacity: 70 }));
      t.advance();
      expect(steps.counts).toEqual([10, 60, 70]);
      expect(await describeFleet(id)).toMatchObject({ SpotFleetRequestState: 'active', ActivityStatus: 'fulfilled', SpotFleetRequestConfig: { FulfilledCapacity: 70 } });
      await t.ec2.send(new CancelSpotFleetRequestsCommand({ SpotFleetRequestIds: [id], TerminateInstances: true }));
      t.advance();
    } finally {
      steps.restore();
    }
  });
});
