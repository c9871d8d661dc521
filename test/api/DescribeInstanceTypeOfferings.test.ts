/**
 * DescribeInstanceTypeOfferings through the SDK v3: every type is offered in the region and in each zone
 * (LocationType region / availability-zone / availability-zone-id), filters, pagination, errors, DryRun.
 */
import {
  DescribeInstanceTypeOfferingsCommand,
  DescribeInstanceTypeOfferingsCommandInput,
  DescribeInstanceTypesCommand,
  paginateDescribeInstanceTypeOfferings,
} from '@aws-sdk/client-ec2';
import { DRY_RUN } from '../helpers/api';
import { expectEc2Error, TestServer } from '../helpers/server';
import { useTestServer } from '../helpers/env';

let t: TestServer;

useTestServer({}, (env) => ({ t } = env));

const offerings = (input: DescribeInstanceTypeOfferingsCommandInput) => t.ec2.send(new DescribeInstanceTypeOfferingsCommand(input));

describe('behaviour', () => {
  it('region by default: one offering per type, located in the region', async () => {
    const out = await offerings({});
    const count = out.InstanceTypeOfferings!.length;
    expect(count).toBeGreaterThan(1000);
    expect(out.InstanceTypeOfferings!.every((o) => o.LocationType === 'region' && o.Location === 'us-east-1')).toBe(true);
    expect(new Set(out.InstanceTypeOfferings!.map((o) => o.InstanceType)).size).toBe(count);
  });

  it('availability-zone: t3.micro in each zone; filter by location', async () => {
    const out = await offerings({ LocationType: 'availability-zone', Filters: [{ Name: 'instance-type', Values: ['t3.micro'] }] });
    expect(out.InstanceTypeOfferings).toEqual([
      { InstanceType: 't3.micro', LocationType: 'availability-zone', Location: 'us-east-1a' },
      { InstanceType: 't3.micro', LocationType: 'availability-zone', Location: 'us-east-1b' },
      { InstanceType: 't3.micro', LocationType: 'availability-zone', Location: 'us-east-1c' },
      { InstanceType: 't3.micro', LocationType: 'availability-zone', Location: 'us-east-1d' },
      { InstanceType: 't3.micro', LocationType: 'availability-zone', Location: 'us-east-1e' },
      { InstanceType: 't3.micro', LocationType: 'availability-zone', Location: 'us-east-1f' },
    ]);
    const inB = await offerings({ LocationType: 'availability-zone', Filters: [{ Name: 'location', Values: ['us-east-1b'] }, { Name: 'instance-type', Values: ['m5.*'] }] });
    expect(inB.InstanceTypeOfferings!.length).toBeGreaterThan(5);
    expect(inB.InstanceTypeOfferings!.every((o) => o.Location === 'us-east-1b' && o.InstanceType!.startsWith('m5.'))).toBe(true);
  });

  it('availability-zone-id locations are zone ids', async () => {
    const out = await offerings({ LocationType: 'availability-zone-id', Filters: [{ Name: 'instance-type', Values: ['m5.large'] }] });
    expect(out.InstanceTypeOfferings!.map((o) => o.Location)).toEqual(['use1-az1', 'use1-az2', 'use1-az3', 'use1-az4', 'use1-az5', 'use1-az6']);
  });

  it('another region lists its own zones', async () => {
    const west = t.client({ region: 'eu-west-1' });
    const out = await west.send(new DescribeInstanceTypeOfferingsCommand({ LocationType: 'availability-zone', Filters: [{ Name: 'instance-type', Values: ['t3.micro'] }] }));
    expect(out.InstanceTypeOfferings!.map((o) => o.Location)).toEqual(['eu-west-1a', 'eu-west-1b', 'eu-west-1c']);
  });

  it('pages with MaxResults; every type offered is one DescribeInstanceTypes knows', async () => {
    const first = await offerings({ MaxResults: 5 });
    expect(first.InstanceTypeOfferings).toHaveLength(5);
    const seen: string[] = [];
    for await (const page of paginateDescribeInstanceTypeOfferings({ client: t.ec2, pageSize: 1000 }, {})) seen.push(...page.InstanceTypeOfferings!.map((o) => o.InstanceType!));
    const known = await t.ec2.send(new DescribeInstanceTypesCommand({ InstanceTypes: seen.slice(0, 100) as never }));
    expect(known.InstanceTypes).toHaveLength(100);
    expect(new Set(seen).size).toBe(seen.length);
  });
});

describe('errors', () => {
  it('an unknown filter and a LocationType outside the enum', async () => {
    await expectEc2Error(offerings({ Filters: [{ Name: 'zone', Values: ['x'] }] }), { code: 'InvalidParameterValue', message: "The filter 'zone' is invalid" });
    await expectEc2Error(offerings({ LocationType: 'city' as never }), { code: 'InvalidParameterValue', message: /city/ });
  });

  it('MaxResults below 5', async () => {
    await expectEc2Error(offerings({ MaxResults: 4 }), { code: 'InvalidParameterValue', message: 'Value ( 4 ) for parameter maxResults is invalid. Expecting a value greater than 5.' });
  });

  it('DryRun: 412', async () => {
    await expectEc2Error(offerings({ DryRun: true }), DRY_RUN);
  });
});
