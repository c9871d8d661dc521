/**
 * Dedicated hosts through the SDK v3: AllocateHosts (type or family, zone, AutoPlacement, Quantity, tags),
 * DescribeHosts (capacity, instances, filters), ModifyHosts and ReleaseHosts (per-host outcomes), and RunInstances
 * with Placement.Tenancy=host, to a named HostId or by auto-placement.
 */
import {
  AllocateHostsCommand,
  AllocateHostsCommandInput,
  CreateTagsCommand,
  DescribeHostsCommand,
  DescribeHostsCommandInput,
  DescribeInstancesCommand,
  ModifyHostsCommand,
  ReleaseHostsCommand,
  TerminateInstancesCommand,
} from '@aws-sdk/client-ec2';
import { useTestServer } from '../helpers/env';
import { runOne, TestNetwork } from '../helpers/network';
import { TestServer, expectEc2Error } from '../helpers/server';

let t: TestServer;
let net: TestNetwork;
useTestServer({ network: 'once' }, (env) => ({ t, net } = env));

const allocate = async (input: Partial<AllocateHostsCommandInput>) =>
  (await t.ec2.send(new AllocateHostsCommand({ AvailabilityZone: 'us-east-1a', Quantity: 1, ...input } as AllocateHostsCommandInput))).HostIds!;
const hosts = async (input: DescribeHostsCommandInput) => (await t.ec2.send(new DescribeHostsCommand(input))).Hosts!;
const host = async (id: string) => (await hosts({ HostIds: [id] }))[0];

describe('AllocateHosts / DescribeHosts', () => {
  it('a type host: capacity in instances of its type, properties, tags', async () => {
    const [id] = await allocate({ InstanceType: 'm5.large', TagSpecifications: [{ ResourceType: 'dedicated-host', Tags: [{ Key: 'k', Value: 'v' }] }] });
    expect(id).toMatch(/^h-[0-9a-f]{17}$/);
    expect(await host(id)).toMatchObject({
      HostId: id,
      State: 'available',
      AutoPlacement: 'off',
      AvailabilityZone: 'us-east-1a',
      AvailabilityZoneId: 'use1-az1',
      HostProperties: { InstanceType: 'm5.large', TotalVCpus: 96, Cores: 48, Sockets: 2 },
      AvailableCapacity: { AvailableVCpus: 96, AvailableInstanceCapacity: [{ InstanceType: 'm5.large', AvailableCapacity: 48, TotalCapacity: 48 }] },
      AllowsMultipleInstanceTypes: 'off',
      Instances: [],
      Tags: [{ Key: 'k', Value: 'v' }],
    });
    await t.ec2.send(new CreateTagsCommand({ Resources: [id], Tags: [{ Key: 'k2', Value: 'v2' }] }));
    expect((await hosts({ Filter: [{ Name: 'tag:k2', Values: ['v2'] }] })).map((h) => h.HostId)).toEqual([id]);
  });

  it('a family host lists each size of the family; Quantity; filters', async () => {
    const ids = await allocate({ InstanceFamily: 'c5', Quantity: 2, AvailabilityZone: 'us-east-1b', AutoPlacement: 'on' });
    expect(ids).toHaveLength(2);
    const h = await host(ids[0]);
    expect(h).toMatchObject({ HostProperties: { InstanceFamily: 'c5' }, AllowsMultipleInstanceTypes: 'on', AutoPlacement: 'on' });
    expect(h.AvailableCapacity!.AvailableInstanceCapacity!.map((c) => c.InstanceType)).toContain('c5.large');
    const byFilter = await hosts({ Filter: [{ Name: 'availability-zone', Values: ['us-east-1b'] }, { Name: 'auto-placement', Values: ['on'] }] });
    expect(byFilter.map((x) => x.HostId)).toEqual(ids);
    expect(await hosts({ Filter: [{ Name: 'instance-type', Values: ['no.such'] }] })).toEqual([]);
    // a retry with the same ClientToken answers the same hosts
    const first = await allocate({ InstanceType: 'm5.large', ClientToken: 'retry-1' });
    expect(await allocate({ InstanceType: 'm5.large', ClientToken: 'retry-1' })).toEqual(first);
    expect((await hosts({ Filter: [{ Name: 'client-token', Values: ['retry-1'] }] })).map((x) => x.HostId)).toEqual(first);
  });

  it('errors: both or neither of type and family, an unknown zone, an unknown host (the host calls have no DryRun in the model)', async () => {
    await expectEc2Error(allocate({}), {
      code: 'InvalidParameterCombination',
      message: 'Either instance type or instance family must be specified, but not both.',
    });
    await expectEc2Error(allocate({ InstanceType: 'm5.large', InstanceFamily: 'm5' }), { code: 'InvalidParameterCombination' });
    await expectEc2Error(allocate({ InstanceType: 'm5.large', AvailabilityZone: 'us-east-1z' }), { code: 'InvalidParameterValue' });
    await expectEc2Error(hosts({ HostIds: ['h-0123456789abcdef0'] }), { code: 'InvalidHostID.NotFound', message: "The host ID 'h-0123456789abcdef0' does not exist" });
    await expectEc2Error(hosts({ HostIds: ['host-1'] }), { code: 'InvalidHostId.Malformed', message: 'Invalid id: "host-1" (expecting "h-...")' });
  });
});

describe('RunInstances on hosts', () => {
  it('a named host: Tenancy host and HostId shown, capacity used; Release refused until the instance terminates', async () => {
    const [id] = await allocate({ InstanceType: 'm5.large' });
    const i = await runOne(t.ec2, { SubnetId: net.subnetA1, InstanceType: 'm5.large', Placement: { Tenancy: 'host', HostId: id } });
    expect(i.Placement).toMatchObject({ Tenancy: 'host', HostId: id });
    const h = await host(id);
    expect(h.Instances).toEqual([{ InstanceId: i.InstanceId, InstanceType: 'm5.large', OwnerId: expect.stringMatching(/^\d{12}$/) }]);
    expect(h.AvailableCapacity).toMatchObject({ AvailableVCpus: 94, AvailableInstanceCapacity: [{ AvailableCapacity: 47, TotalCapacity: 48 }] });
    const filtered = await t.ec2.send(new DescribeInstancesCommand({ Filters: [{ Name: 'host-id', Values: [id] }] }));
    expect(filtered.Reservations!.flatMap((r) => r.Instances!).map((x) => x.InstanceId)).toEqual([i.InstanceId]);

    const refused = await t.ec2.send(new ReleaseHostsCommand({ HostIds: [id, 'h-0123456789abcdef0'] }));
    expect(refused.Successful).toEqual([]);
    expect(refused.Unsuccessful!.map((u) => [u.ResourceId, u.Error!.Code])).toEqual([
      [id, 'Client.InvalidHost.Occupied'],
      ['h-0123456789abcdef0', 'Client.InvalidHostID.NotFound'],
    ]);
    await t.ec2.send(new TerminateInstancesCommand({ InstanceIds: [i.InstanceId!] }));
    t.advance(60_000);
    expect((await t.ec2.send(new ReleaseHostsCommand({ HostIds: [id] }))).Successful).toEqual([id]);
    expect(await host(id)).toMatchObject({ State: 'released', ReleaseTime: expect.any(Date) });
  });

  it('checks the named host: its type, its zone', async () => {
    const [id] = await allocate({ InstanceType: 'm5.large' });
    await expectEc2Error(runOne(t.ec2, { SubnetId: net.subnetA1, InstanceType: 'm5.xlarge', Placement: { Tenancy: 'host', HostId: id } }), {
      code: 'InvalidParameterValue',
      message: `The instance type m5.xlarge is not supported by the host ${id}.`,
    });
    await expectEc2Error(runOne(t.ec2, { SubnetId: net.subnetB, InstanceType: 'm5.large', Placement: { Tenancy: 'host', HostId: id } }), { code: 'InvalidParameterValue' });
    await expectEc2Error(runOne(t.ec2, { SubnetId: net.subnetA1, Placement: { Tenancy: 'host', HostId: 'h-0123456789abcdef0' } }), { code: 'InvalidHostID.NotFound' });
  });

  it('without HostId: the first auto-placement host of the zone that fits, else InsufficientHostCapacity', async () => {
    await expectEc2Error(runOne(t.ec2, { SubnetId: net.subnetA1, InstanceType: 'r5.large', Placement: { Tenancy: 'host' } }), {
      code: 'InsufficientHostCapacity',
      message: 'There is no Dedicated Host capacity available to launch the requested instances.',
    });
    const [manual] = await allocate({ InstanceType: 'r5.large' });
    await expectEc2Error(runOne(t.ec2, { SubnetId: net.subnetA1, InstanceType: 'r5.large', Placement: { Tenancy: 'host' } }), { code: 'InsufficientHostCapacity' });
    const mod = await t.ec2.send(new ModifyHostsCommand({ HostIds: [manual], AutoPlacement: 'on' }));
    expect(mod).toMatchObject({ Successful: [manual], Unsuccessful: [] });
    const i = await runOne(t.ec2, { SubnetId: net.subnetA1, InstanceType: 'r5.large', Placement: { Tenancy: 'host' } });
    expect(i.Placement).toMatchObject({ Tenancy: 'host', HostId: manual });
  });
});

describe('ModifyHosts', () => {
  it('changes the type of an empty host; refuses it on a host with instances and for unknown ids', async () => {
    const [empty] = await allocate({ InstanceType: 'm5.large' });
    const [busy] = await allocate({ InstanceType: 'm5.large' });
    await runOne(t.ec2, { SubnetId: net.subnetA1, InstanceType: 'm5.large', Placement: { Tenancy: 'host', HostId: busy } });
    const out = await t.ec2.send(new ModifyHostsCommand({ HostIds: [empty, busy, 'h-0123456789abcdef0'], InstanceFamily: 'm5' }));
    expect(out.Successful).toEqual([empty]);
    expect(out.Unsuccessful!.map((u) => [u.ResourceId, u.Error!.Code])).toEqual([
      [busy, 'Client.InvalidHost.Occupied'],
      ['h-0123456789abcdef0', 'Client.InvalidHostID.NotFound'],
    ]);
    expect((await host(empty)).HostProperties).toMatchObject({ InstanceFamily: 'm5' });
    expect((await host(empty)).HostProperties!.InstanceType).toBeUndefined();
  });
});
