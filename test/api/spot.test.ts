/**
 * Spot through the SDK v3 (docs/behavior.md "Fleets and spot"): RequestSpotInstances (open -> active + fulfilled
 * through the back end, multi-NIC launch specifications, one-time and persistent), DescribeSpotInstanceRequests
 * (ids, filters, paging, tags), CancelSpotInstanceRequests (the instance stays), DescribeSpotPriceHistory, and
 * RunInstances with InstanceMarketOptions (Spot Instances at once, each with a fulfilled request).
 */
import {
  CancelSpotInstanceRequestsCommand,
  CreateTagsCommand,
  DescribeInstancesCommand,
  DescribeSpotInstanceRequestsCommand,
  DescribeSpotPriceHistoryCommand,
  RequestSpotInstancesCommand,
  RequestSpotInstancesCommandInput,
  RunInstancesCommand,
  TerminateInstancesCommand,
} from '@aws-sdk/client-ec2';
import { DRY_RUN } from '../helpers/api';
import { useTestServer } from '../helpers/env';
import { AMI, describeInstance, TestNetwork } from '../helpers/network';
import { TestServer, expectEc2Error } from '../helpers/server';

let t: TestServer;
let net: TestNetwork;
useTestServer({ network: 'once' }, (env) => ({ t, net } = env));

const request = (input: Partial<RequestSpotInstancesCommandInput> = {}) =>
  t.ec2.send(
    new RequestSpotInstancesCommand({
      LaunchSpecification: { ImageId: AMI, InstanceType: 'm5.large', SubnetId: net.subnetA1 },
      ...input,
    }),
  );
const describeRequest = async (id: string) =>
  (await t.ec2.send(new DescribeSpotInstanceRequestsCommand({ SpotInstanceRequestIds: [id] }))).SpotInstanceRequests![0];

describe('RequestSpotInstances', () => {
  it('answers open requests; the back end launches one spot instance each, with the launch specification interfaces', async () => {
    t.runtime.backend.pause();
    const out = await request({
      InstanceCount: 2,
      SpotPrice: '0.05',
      LaunchSpecification: {
        ImageId: AMI,
        InstanceType: 'm5.large',
        NetworkInterfaces: [
          { DeviceIndex: 0, SubnetId: net.subnetA1, DeleteOnTermination: true },
          { DeviceIndex: 1, SubnetId: net.subnetA2, DeleteOnTermination: true },
        ],
      },
      TagSpecifications: [{ ResourceType: 'spot-instances-request', Tags: [{ Key: 'job', Value: 'render' }] }],
    });
    const reqs = out.SpotInstanceRequests!;
    expect(reqs).toHaveLength(2);
    for (const r of reqs) {
      expect(r.SpotInstanceRequestId).toMatch(/^sir-[0-9a-f]{8}$/);
      expect(r).toMatchObject({
        State: 'open',
        Type: 'one-time',
        SpotPrice: '0.050000', // as sent, in AWS's six decimals
        ProductDescription: 'Linux/UNIX',
        InstanceInterruptionBehavior: 'terminate',
        Status: { Code: 'pending-evaluation', Message: 'Your Spot request has been submitted for review, and is pending evaluation.' },
        Tags: [{ Key: 'job', Value: 'render' }],
        LaunchSpecification: { ImageId: AMI, InstanceType: 'm5.large' },
      });
      expect(r.InstanceId).toBeUndefined();
    }
    t.runtime.backend.resume();
    t.advance();
    const done = await describeRequest(reqs[0].SpotInstanceRequestId!);
    expect(done).toMatchObject({
      State: 'active',
      Status: { Code: 'fulfilled', Message: 'Your spot request is fulfilled.' },
      LaunchedAvailabilityZone: 'us-east-1a',
      LaunchedAvailabilityZoneId: 'use1-az1',
    });
    const instance = await describeInstance(t.ec2, done.InstanceId!);
    expect(instance).toMatchObject({ InstanceLifecycle: 'spot', SpotInstanceRequestId: done.SpotInstanceRequestId, InstanceType: 'm5.large' });
    expect(instance.NetworkInterfaces!.map((n) => n.SubnetId).sort()).toEqual([net.subnetA1, net.subnetA2].sort());

    const spot = await t.ec2.send(new DescribeInstancesCommand({ Filters: [{ Name: 'instance-lifecycle', Values: ['spot'] }, { Name: 'spot-instance-request-id', Values: [done.SpotInstanceRequestId!] }] }));
    expect(spot.Reservations!.flatMap((r) => r.Instances!.map((i) => i.InstanceId))).toEqual([done.InstanceId]);

    // cancelling an active request leaves the instance running
    const cancelled = await t.ec2.send(new CancelSpotInstanceRequestsCommand({ SpotInstanceRequestIds: [done.SpotInstanceRequestId!] }));
    expect(cancelled.CancelledSpotInstanceRequests).toEqual([{ SpotInstanceRequestId: done.SpotInstanceRequestId, State: 'cancelled' }]);
    expect(await describeRequest(done.SpotInstanceRequestId!)).toMatchObject({ State: 'cancelled', Status: { Code: 'request-canceled-and-instance-running' }, InstanceId: done.InstanceId });
    expect((await describeInstance(t.ec2, done.InstanceId!)).State!.Name).toBe('running');
  });

  it('cancelling an open request: canceled-before-fulfillment, nothing is launched', async () => {
    t.runtime.backend.pause();
    const [r] = (await request()).SpotInstanceRequests!;
    await t.ec2.send(new CancelSpotInstanceRequestsCommand({ SpotInstanceRequestIds: [r.SpotInstanceRequestId!] }));
    t.runtime.backend.resume();
    t.advance();
    const after = await describeRequest(r.SpotInstanceRequestId!);
    expect(after).toMatchObject({ State: 'cancelled', Status: { Code: 'canceled-before-fulfillment' } });
    expect(after.InstanceId).toBeUndefined();
  });

  it('one-time requests close when their instance terminates; persistent ones open again and launch a replacement', async () => {
    const [once] = (await request()).SpotInstanceRequests!;
    const [kept] = (await request({ Type: 'persistent', InstanceInterruptionBehavior: 'stop' })).SpotInstanceRequests!;
    const a = (await describeRequest(once.SpotInstanceRequestId!)).InstanceId!;
    const b = (await describeRequest(kept.SpotInstanceRequestId!)).InstanceId!;
    await t.ec2.send(new TerminateInstancesCommand({ InstanceIds: [a, b] }));
    t.advance();
    expect(await describeRequest(once.SpotInstanceRequestId!)).toMatchObject({ State: 'closed', Status: { Code: 'instance-terminated-by-user' }, InstanceId: a });
    const again = await describeRequest(kept.SpotInstanceRequestId!);
    expect(again).toMatchObject({ State: 'active', Type: 'persistent', InstanceInterruptionBehavior: 'stop', Status: { Code: 'fulfilled' } });
    expect(again.InstanceId).toBeDefined();
    expect(again.InstanceId).not.toBe(b);
    await t.ec2.send(new CancelSpotInstanceRequestsCommand({ SpotInstanceRequestIds: [kept.SpotInstanceRequestId!] }));
    await t.ec2.send(new TerminateInstancesCommand({ InstanceIds: [again.InstanceId!] }));
    t.advance();
    expect(await describeRequest(kept.SpotInstanceRequestId!)).toMatchObject({ State: 'cancelled' });
  });

  it('checks the launch specification as RunInstances does, before anything is created; DryRun', async () => {
    await expectEc2Error(request({ LaunchSpecification: { ImageId: AMI, SubnetId: 'subnet-0123456789abcdef0' } }), {
      code: 'InvalidSubnetID.NotFound',
    });
    await expectEc2Error(request({ LaunchSpecification: { ImageId: AMI, InstanceType: 'm5.large', SubnetId: net.subnetA1 }, DryRun: true }), DRY_RUN);
    await expectEc2Error(request({ InstanceCount: 0 }), { code: 'InvalidParameterValue' });
  });
});

describe('RunInstances with InstanceMarketOptions spot', () => {
  it('launches Spot Instances at once, each with an active, fulfilled request of the given type, price and behaviour', async () => {
    const out = await t.ec2.send(
      new RunInstancesCommand({
        ImageId: AMI,
        InstanceType: 'm5.large',
        SubnetId: net.subnetA1,
        MinCount: 2,
        MaxCount: 2,
        InstanceMarketOptions: { MarketType: 'spot', SpotOptions: { MaxPrice: '0.5', SpotInstanceType: 'persistent', InstanceInterruptionBehavior: 'stop' } },
      }),
    );
    expect(out.Instances!.map((i) => [i.InstanceLifecycle, i.State!.Name])).toEqual([
      ['spot', 'pending'],
      ['spot', 'pending'],
    ]);
    const requestIds = out.Instances!.map((i) => i.SpotInstanceRequestId!);
    expect(new Set(requestIds).size).toBe(2);
    const r = await describeRequest(requestIds[0]);
    expect(r).toMatchObject({
      State: 'active',
      Status: { Code: 'fulfilled' },
      Type: 'persistent',
      SpotPrice: '0.500000',
      InstanceInterruptionBehavior: 'stop',
      InstanceId: out.Instances![0].InstanceId,
      LaunchedAvailabilityZone: out.Instances![0].Placement!.AvailabilityZone,
      LaunchSpecification: expect.objectContaining({ ImageId: AMI, InstanceType: 'm5.large', SubnetId: net.subnetA1 }),
    });
    const seen = await describeInstance(t.ec2, out.Instances![0].InstanceId!);
    expect([seen.InstanceLifecycle, seen.SpotInstanceRequestId]).toEqual(['spot', requestIds[0]]);
    const bySpot = await t.ec2.send(new DescribeInstancesCommand({ Filters: [{ Name: 'instance-lifecycle', Values: ['spot'] }, { Name: 'spot-instance-request-id', Values: [requestIds[1]] }] }));
    expect(bySpot.Reservations!.flatMap((x) => x.Instances!.map((i) => i.InstanceId))).toEqual([out.Instances![1].InstanceId]);
  });

  it('refuses a persistent request with the terminate behaviour and a price that is not above zero, launching nothing', async () => {
    const run = (SpotOptions: object) =>
      t.ec2.send(new RunInstancesCommand({ ImageId: AMI, InstanceType: 'm5.large', SubnetId: net.subnetA1, MinCount: 1, MaxCount: 1, InstanceMarketOptions: { MarketType: 'spot', SpotOptions } }));
    const before = (await t.ec2.send(new DescribeSpotInstanceRequestsCommand({}))).SpotInstanceRequests!.length;
    await expectEc2Error(run({ SpotInstanceType: 'persistent' }), {
      code: 'InvalidParameterCombination',
      message: 'A persistent Spot Instance request needs the instance interruption behavior stop or hibernate.',
    });
    await expectEc2Error(run({ MaxPrice: 'cheap' }), { code: 'InvalidParameterValue', message: 'Value (cheap) for parameter spotPrice is invalid. It must be a positive number.' });
    expect((await t.ec2.send(new DescribeSpotInstanceRequestsCommand({}))).SpotInstanceRequests).toHaveLength(before);
  });

  it('a one-time request (the default) closes when its instance is terminated', async () => {
    const out = await t.ec2.send(
      new RunInstancesCommand({ ImageId: AMI, InstanceType: 'm5.large', SubnetId: net.subnetA1, MinCount: 1, MaxCount: 1, InstanceMarketOptions: { MarketType: 'spot' } }),
    );
    const [i] = out.Instances!;
    expect((await describeRequest(i.SpotInstanceRequestId!)).Type).toBe('one-time');
    await t.ec2.send(new TerminateInstancesCommand({ InstanceIds: [i.InstanceId!] }));
    t.advance(10_000);
    expect(await describeRequest(i.SpotInstanceRequestId!)).toMatchObject({ State: 'closed', Status: { Code: 'instance-terminated-by-user' } });
  });
});

describe('DescribeSpotInstanceRequests and CancelSpotInstanceRequests', () => {
  it('unknown ids are InvalidSpotInstanceRequestID.NotFound; filters, tags and paging work', async () => {
    await expectEc2Error(t.ec2.send(new DescribeSpotInstanceRequestsCommand({ SpotInstanceRequestIds: ['sir-12345678'] })), {
      code: 'InvalidSpotInstanceRequestID.NotFound',
      message: "The spot instance request ID 'sir-12345678' does not exist",
    });
    await expectEc2Error(t.ec2.send(new CancelSpotInstanceRequestsCommand({ SpotInstanceRequestIds: ['sir-12345678'] })), {
      code: 'InvalidSpotInstanceRequestID.NotFound',
    });
    const [r] = (await request({ LaunchSpecification: { ImageId: AMI, InstanceType: 't3.micro', SubnetId: net.subnetB } })).SpotInstanceRequests!;
    await t.ec2.send(new CreateTagsCommand({ Resources: [r.SpotInstanceRequestId!], Tags: [{ Key: 'k', Value: 'v' }] }));
    const byFilters = await t.ec2.send(
      new DescribeSpotInstanceRequestsCommand({
        Filters: [
          { Name: 'launch.instance-type', Values: ['t3.micro'] },
          { Name: 'state', Values: ['active'] },
          { Name: 'tag:k', Values: ['v'] },
          { Name: 'launched-availability-zone', Values: ['us-east-1b'] },
        ],
      }),
    );
    expect(byFilters.SpotInstanceRequests!.map((s) => s.SpotInstanceRequestId)).toEqual([r.SpotInstanceRequestId]);
    const page = await t.ec2.send(new DescribeSpotInstanceRequestsCommand({ MaxResults: 5 }));
    expect(page.SpotInstanceRequests).toHaveLength(5);
    expect(page.NextToken).toBeDefined();
    const next = await t.ec2.send(new DescribeSpotInstanceRequestsCommand({ MaxResults: 5, NextToken: page.NextToken }));
    expect(next.SpotInstanceRequests!.map((s) => s.SpotInstanceRequestId)).not.toContain(page.SpotInstanceRequests![0].SpotInstanceRequestId);
  });
});

describe('DescribeSpotPriceHistory', () => {
  it('answers the current price per type, zone and product, the same each time, within a plausible range', async () => {
    const q = { InstanceTypes: ['m5.large' as const, 't3.micro' as const], ProductDescriptions: ['Linux/UNIX'] };
    const a = (await t.ec2.send(new DescribeSpotPriceHistoryCommand(q))).SpotPriceHistory!;
    const b = (await t.ec2.send(new DescribeSpotPriceHistoryCommand(q))).SpotPriceHistory!;
    expect(a).toEqual(b);
    const zones = new Set(a.map((p) => p.AvailabilityZone)).size;
    expect(zones).toBeGreaterThanOrEqual(3);
    expect(a).toHaveLength(2 * zones);
    for (const p of a) {
      expect(p.ProductDescription).toBe('Linux/UNIX');
      expect(p.AvailabilityZone).toMatch(/^us-east-1[a-f]$/);
      expect(p.Timestamp).toBeInstanceOf(Date);
      const price = Number(p.SpotPrice);
      expect(price).toBeGreaterThan(0);
      expect(price).toBeLessThan(p.InstanceType === 't3.micro' ? 0.01 : 0.05);
    }
    const large = a.filter((p) => p.InstanceType === 'm5.large').map((p) => Number(p.SpotPrice));
    const micro = a.filter((p) => p.InstanceType === 't3.micro').map((p) => Number(p.SpotPrice));
    expect(Math.min(...large)).toBeGreaterThan(Math.max(...micro));
  });

  it('walks hours between StartTime and EndTime, filters, and pages', async () => {
    const now = t.runtime.services.clock.now(); // the test server's manual clock
    const out = await t.ec2.send(
      new DescribeSpotPriceHistoryCommand({
        InstanceTypes: ['m5.large'],
        StartTime: new Date(now - 5 * 3_600_000),
        Filters: [
          { Name: 'availability-zone', Values: ['us-east-1b'] },
          { Name: 'product-description', Values: ['Linux/UNIX (Amazon VPC)'] },
        ],
      }),
    );
    const points = out.SpotPriceHistory!;
    expect(points.length).toBeGreaterThanOrEqual(6);
    expect(points.every((p) => p.AvailabilityZone === 'us-east-1b' && p.ProductDescription === 'Linux/UNIX (Amazon VPC)')).toBe(true);
    const times = points.map((p) => p.Timestamp!.getTime());
    expect([...times].sort((x, y) => y - x)).toEqual(times);
    const first = await t.ec2.send(new DescribeSpotPriceHistoryCommand({ MaxResults: 3 }));
    expect(first.SpotPriceHistory).toHaveLength(3);
    const second = await t.ec2.send(new DescribeSpotPriceHistoryCommand({ MaxResults: 3, NextToken: first.NextToken }));
    expect(second.SpotPriceHistory).toHaveLength(3);
    expect(second.SpotPriceHistory![0]).not.toEqual(first.SpotPriceHistory![0]);
  });
});
