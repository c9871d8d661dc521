/**
 * On-Demand Capacity Reservations through the SDK v3: create (active, or scheduled until StartDate), describe with
 * filters and tags, launches that fall into an open reservation or target one, available counts as instances come
 * and go, modify, expiry at the end date and cancel through the back end, GetCapacityReservationUsage, errors.
 */
import {
  CancelCapacityReservationCommand,
  CreateCapacityReservationCommand,
  CreateCapacityReservationCommandInput,
  DescribeCapacityReservationsCommand,
  GetCapacityReservationUsageCommand,
  ModifyInstanceCapacityReservationAttributesCommand,
  StartInstancesCommand,
  ModifyCapacityReservationCommand,
  StopInstancesCommand,
  TerminateInstancesCommand,
} from '@aws-sdk/client-ec2';
import { DRY_RUN, launch, MISSING } from '../helpers/api';
import { useTestServer } from '../helpers/env';
import { describeInstance, TestNetwork } from '../helpers/network';
import { expectEc2Error, TestServer } from '../helpers/server';

let t: TestServer;
let net: TestNetwork;
useTestServer({ network: 'each' }, (env) => ({ t, net } = env));

const create = async (input: Partial<CreateCapacityReservationCommandInput> = {}) =>
  (
    await t.ec2.send(
      new CreateCapacityReservationCommand({ InstanceType: 'm5.large', InstancePlatform: 'Linux/UNIX', AvailabilityZone: 'us-east-1a', InstanceCount: 2, ...input }),
    )
  ).CapacityReservation!;
const describeOne = async (id: string) => (await t.ec2.send(new DescribeCapacityReservationsCommand({ CapacityReservationIds: [id] }))).CapacityReservations![0];
const available = async (id: string) => (await describeOne(id)).AvailableInstanceCount;

// one server for the file: each test cancels what it left active, so no open reservation reaches the next one's launches
afterEach(async () => {
  const { CapacityReservations } = await t.ec2.send(new DescribeCapacityReservationsCommand({ Filters: [{ Name: 'state', Values: ['active', 'scheduled'] }] }));
  for (const r of CapacityReservations ?? []) await t.ec2.send(new CancelCapacityReservationCommand({ CapacityReservationId: r.CapacityReservationId }));
});

it('creates an active reservation with AWS defaults, tags, and filters', async () => {
  await expectEc2Error(
    t.ec2.send(new CreateCapacityReservationCommand({ InstanceType: 'm5.large', InstancePlatform: 'Linux/UNIX', AvailabilityZone: 'us-east-1a', InstanceCount: 1, DryRun: true })),
    DRY_RUN,
  );
  const r = await create({ TagSpecifications: [{ ResourceType: 'capacity-reservation', Tags: [{ Key: 'team', Value: 'ml' }] }] });
  expect(r.CapacityReservationId).toMatch(/^cr-[0-9a-f]{17}$/);
  expect(r).toMatchObject({
    OwnerId: t.runtime.config.account,
    CapacityReservationArn: `arn:aws:ec2:us-east-1:${t.runtime.config.account}:capacity-reservation/${r.CapacityReservationId}`,
    InstanceType: 'm5.large',
    InstancePlatform: 'Linux/UNIX',
    AvailabilityZone: 'us-east-1a',
    AvailabilityZoneId: 'use1-az1', // ec2lite's zone ids (docs/behavior.md "Availability Zones")
    Tenancy: 'default',
    TotalInstanceCount: 2,
    AvailableInstanceCount: 2,
    EbsOptimized: false,
    EphemeralStorage: false,
    State: 'active',
    EndDateType: 'unlimited',
    InstanceMatchCriteria: 'open',
    Tags: [{ Key: 'team', Value: 'ml' }],
  });
  const byFilter = await t.ec2.send(
    new DescribeCapacityReservationsCommand({ Filters: [{ Name: 'instance-type', Values: ['m5.large'] }, { Name: 'tag:team', Values: ['ml'] }, { Name: 'state', Values: ['active'] }] }),
  );
  expect(byFilter.CapacityReservations!.map((c) => c.CapacityReservationId)).toEqual([r.CapacityReservationId]);
  await expectEc2Error(describeOne('cr-00000000000000000'), { code: 'InvalidCapacityReservationId.NotFound', message: "The capacity reservation ID 'cr-00000000000000000' does not exist" });
  await expectEc2Error(describeOne('cr-x'), { code: 'InvalidCapacityReservationId.Malformed', message: 'Invalid id: "cr-x" (expecting "cr-...")' });
});

it('open reservations take matching launches; targeted ones only launches that name them; stopping frees a place', async () => {
  const open = await create();
  const targeted = await create({ InstanceMatchCriteria: 'targeted', InstanceCount: 1 });
  const a = await launch(t, net, { InstanceType: 'm5.large' });
  expect(a.CapacityReservationId).toBe(open.CapacityReservationId);
  expect(await available(open.CapacityReservationId!)).toBe(1);
  // another type, and preference none, stay outside
  expect((await launch(t, net, { InstanceType: 'm5.xlarge' })).CapacityReservationId).toBeUndefined();
  expect((await launch(t, net, { InstanceType: 'm5.large', CapacityReservationSpecification: { CapacityReservationPreference: 'none' } })).CapacityReservationId).toBeUndefined();
  const spec = { CapacityReservationTarget: { CapacityReservationId: targeted.CapacityReservationId } };
  const b = await launch(t, net, { InstanceType: 'm5.large', CapacityReservationSpecification: spec });
  expect(b.CapacityReservationId).toBe(targeted.CapacityReservationId);
  expect(b.CapacityReservationSpecification).toEqual(spec);
  await expectEc2Error(launch(t, net, { InstanceType: 'm5.large', CapacityReservationSpecification: spec }), {
    code: 'ReservationCapacityExceeded',
    message: `There is not enough capacity in the Capacity Reservation ${targeted.CapacityReservationId} for this request.`,
  });
  await expectEc2Error(launch(t, net, { InstanceType: 'm5.xlarge', CapacityReservationSpecification: spec }), {
    code: 'InvalidParameterCombination',
    message: `The instance's instance type does not match the attributes of Capacity Reservation ${targeted.CapacityReservationId}.`,
  });
  t.advance(10_000);
  await t.ec2.send(new StopInstancesCommand({ InstanceIds: [b.InstanceId!] }));
  t.advance(10_000);
  expect(await available(targeted.CapacityReservationId!)).toBe(1);
  const usage = await t.ec2.send(new GetCapacityReservationUsageCommand({ CapacityReservationId: open.CapacityReservationId }));
  expect(usage).toMatchObject({ TotalInstanceCount: 2, AvailableInstanceCount: 1, State: 'active', InstanceUsages: [{ AccountId: t.runtime.config.account, UsedInstanceCount: 1 }] });
  await t.ec2.send(new TerminateInstancesCommand({ InstanceIds: [a.InstanceId!] }));
  t.advance(10_000);
  expect(await available(open.CapacityReservationId!)).toBe(2);
});

it('a start takes a place again (refused when the target is full); a modified preference and a cancel leave the reservation', async () => {
  const r = await create({ InstanceMatchCriteria: 'targeted', InstanceCount: 1 });
  const id = r.CapacityReservationId!;
  const spec = { CapacityReservationTarget: { CapacityReservationId: id } };
  const a = (await launch(t, net, { InstanceType: 'm5.large', CapacityReservationSpecification: spec })).InstanceId!;
  t.advance(10_000);
  await t.ec2.send(new StopInstancesCommand({ InstanceIds: [a] }));
  t.advance(10_000);
  const b = (await launch(t, net, { InstanceType: 'm5.large', CapacityReservationSpecification: spec })).InstanceId!;
  await expectEc2Error(t.ec2.send(new StartInstancesCommand({ InstanceIds: [a] })), { code: 'ReservationCapacityExceeded' });
  const usage = await t.ec2.send(new GetCapacityReservationUsageCommand({ CapacityReservationId: id }));
  expect([usage.AvailableInstanceCount, usage.InstanceUsages]).toEqual([0, [{ AccountId: t.runtime.config.account, UsedInstanceCount: 1 }]]);
  // a stopped instance told to use no reservation starts outside it
  await t.ec2.send(
    new ModifyInstanceCapacityReservationAttributesCommand({ InstanceId: a, CapacityReservationSpecification: { CapacityReservationPreference: 'none' } }),
  );
  await t.ec2.send(new StartInstancesCommand({ InstanceIds: [a] }));
  expect((await describeInstance(t.ec2, a)).CapacityReservationId).toBeUndefined();
  await expectEc2Error(
    t.ec2.send(
      new ModifyInstanceCapacityReservationAttributesCommand({
        InstanceId: b,
        CapacityReservationSpecification: { CapacityReservationTarget: { CapacityReservationId: 'cr-00000000000000000' } },
      }),
    ),
    { code: 'IncorrectInstanceState' },
  );
  // cancelled: its instances keep running, outside it
  await t.ec2.send(new CancelCapacityReservationCommand({ CapacityReservationId: id }));
  expect((await describeInstance(t.ec2, b)).CapacityReservationId).toBeUndefined();
});

it('modifies the count and end date; a limited one expires at its end date; cancel ends it; a future one is scheduled', async () => {
  const r = await create();
  const id = r.CapacityReservationId!;
  const now = t.runtime.services.clock.now();
  await expectEc2Error(t.ec2.send(new ModifyCapacityReservationCommand({ CapacityReservationId: id, EndDateType: 'limited' })), {
    code: 'InvalidParameterCombination',
  });
  await t.ec2.send(new ModifyCapacityReservationCommand({ CapacityReservationId: id, InstanceCount: 5, EndDateType: 'limited', EndDate: new Date(now + 3_600_000) }));
  expect(await describeOne(id)).toMatchObject({ TotalInstanceCount: 5, AvailableInstanceCount: 5, EndDateType: 'limited', EndDate: new Date(now + 3_600_000) });
  t.advance(3_600_000);
  expect(await describeOne(id)).toMatchObject({ State: 'expired', AvailableInstanceCount: 0 });
  await expectEc2Error(t.ec2.send(new CancelCapacityReservationCommand({ CapacityReservationId: id })), { code: 'IncorrectState' });

  const other = await create();
  expect((await t.ec2.send(new CancelCapacityReservationCommand({ CapacityReservationId: other.CapacityReservationId }))).Return).toBe(true);
  expect((await describeOne(other.CapacityReservationId!)).State).toBe('cancelled');
  expect((await launch(t, net, { InstanceType: 'm5.large' })).CapacityReservationId).toBeUndefined();

  const later = await create({ StartDate: new Date(t.runtime.services.clock.now() + 60_000) });
  expect(later.State).toBe('scheduled');
  t.advance(60_000);
  expect((await describeOne(later.CapacityReservationId!)).State).toBe('active');
  await expectEc2Error(t.ec2.send(new CancelCapacityReservationCommand({ CapacityReservationId: MISSING.instance.replace('i-', 'cr-') })), {
    code: 'InvalidCapacityReservationId.NotFound',
  });
});

it('refuses counts outside 1..1000, an unknown zone or type, and end dates that do not fit the type', async () => {
  await expectEc2Error(create({ InstanceCount: 0 }), { code: 'InvalidParameterValue' });
  await expectEc2Error(create({ AvailabilityZone: 'us-east-1z' }), { code: 'InvalidParameterValue', message: 'Invalid availability zone: [us-east-1z]' });
  await expectEc2Error(create({ InstanceType: 'm5.huge' }), { code: 'InvalidParameterValue', message: "Invalid value 'm5.huge' for InstanceType." });
  await expectEc2Error(create({ EndDateType: 'unlimited', EndDate: new Date(Date.now() + 3_600_000) }), { code: 'InvalidParameterCombination' });
  expect((await describeInstance(t.ec2, (await launch(t, net)).InstanceId!)).CapacityReservationId).toBeUndefined();
});
