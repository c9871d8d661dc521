/**
 * Reserved Instance offerings through the SDK v3: a generated catalog (the same every call), paged by 100 unless
 * asked, narrowed by the request's parameters and the model's filters; ids find their offering again; prices follow
 * the term and payment option. DescribeReservedInstances answers an empty list (nothing is ever bought).
 */
import { DescribeReservedInstancesCommand, DescribeReservedInstancesOfferingsCommand, DescribeReservedInstancesOfferingsCommandInput } from '@aws-sdk/client-ec2';
import { offeringId } from '../../src/domain/reservedInstances';
import { useTestServer } from '../helpers/env';
import { expectEc2Error, TestServer } from '../helpers/server';

let t: TestServer;
useTestServer({ network: 'none' }, (env) => ({ t } = env));

const offerings = async (input: DescribeReservedInstancesOfferingsCommandInput = {}) => t.ec2.send(new DescribeReservedInstancesOfferingsCommand(input));

it('pages the whole catalog by 100 with a token; the same answer each time', async () => {
  const first = await offerings();
  expect(first.ReservedInstancesOfferings).toHaveLength(100);
  expect(first.NextToken).toBeDefined();
  const again = await offerings();
  expect(again.ReservedInstancesOfferings).toEqual(first.ReservedInstancesOfferings);
  const second = await offerings({ NextToken: first.NextToken });
  expect(second.ReservedInstancesOfferings).toHaveLength(100);
  const ids = new Set([...first.ReservedInstancesOfferings!, ...second.ReservedInstancesOfferings!].map((o) => o.ReservedInstancesOfferingId));
  expect(ids.size).toBe(200);
  for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
});

it('narrows by type, zone, product, term, class and payment option; filters; ids find the offering again', async () => {
  const zonal = await offerings({ InstanceType: 'm5.large', AvailabilityZone: 'us-east-1a', ProductDescription: 'Linux/UNIX', MaxResults: 50 });
  const list = zonal.ReservedInstancesOfferings!;
  // 2 terms x 3 payment options, standard only (convertible offerings are regional)
  expect(list).toHaveLength(6);
  expect(zonal.NextToken).toBeUndefined();
  for (const o of list) {
    expect(o).toMatchObject({ InstanceType: 'm5.large', AvailabilityZone: 'us-east-1a', ProductDescription: 'Linux/UNIX', Scope: 'Availability Zone', OfferingClass: 'standard', CurrencyCode: 'USD', Marketplace: false, UsagePrice: 0, InstanceTenancy: 'default' });
  }
  const byKey = new Map(list.map((o) => [`${o.Duration}/${o.OfferingType}`, o]));
  expect(byKey.get('31536000/No Upfront')!.FixedPrice).toBe(0);
  expect(byKey.get('31536000/All Upfront')!.RecurringCharges).toEqual([{ Frequency: 'Hourly', Amount: 0 }]);
  expect(byKey.get('94608000/All Upfront')!.FixedPrice).toBeGreaterThan(byKey.get('31536000/All Upfront')!.FixedPrice!);
  expect(byKey.get('31536000/Partial Upfront')!.FixedPrice).toBeGreaterThan(0);

  const regional = await offerings({ Filters: [{ Name: 'instance-type', Values: ['t2.micro'] }, { Name: 'scope', Values: ['Region'] }, { Name: 'product-description', Values: ['Windows'] }] });
  expect(regional.ReservedInstancesOfferings).toHaveLength(12); // 2 terms x 2 classes x 3 payment options
  expect(new Set(regional.ReservedInstancesOfferings!.map((o) => o.OfferingClass))).toEqual(new Set(['standard', 'convertible']));
  expect(regional.ReservedInstancesOfferings!.every((o) => o.AvailabilityZone === undefined && o.Scope === 'Region')).toBe(true);

  const picked = list[3];
  const byId = await offerings({ ReservedInstancesOfferingIds: [picked.ReservedInstancesOfferingId!, '00000000-0000-4000-8000-000000000000'] });
  expect(byId.ReservedInstancesOfferings).toEqual([picked]);
  const byFilter = await offerings({ Filters: [{ Name: 'reserved-instances-offering-id', Values: [picked.ReservedInstancesOfferingId!] }] });
  expect(byFilter.ReservedInstancesOfferings).toEqual([picked]);
  expect((await offerings({ Filters: [{ Name: 'marketplace', Values: ['true'] }] })).ReservedInstancesOfferings).toEqual([]);
  // an id made by hand with a valid hash but a position outside the catalog matches nothing (never a 500)
  const forged = offeringId({ type: 0, scope: 0, product: 9, duration: 0, cls: 0, offering: 7, tenancy: 0 });
  expect((await offerings({ ReservedInstancesOfferingIds: [forged] })).ReservedInstancesOfferings).toEqual([]);
  const oneYear = await offerings({ InstanceType: 'c5.xlarge', MaxDuration: 31_536_000, OfferingClass: 'convertible', OfferingType: 'No Upfront' });
  expect(oneYear.ReservedInstancesOfferings!.map((o) => [o.Duration, o.OfferingClass, o.OfferingType, o.Scope])).toEqual([
    [31_536_000, 'convertible', 'No Upfront', 'Region'],
    [31_536_000, 'convertible', 'No Upfront', 'Region'],
  ]); // Linux/UNIX and Windows
  await expectEc2Error(offerings({ Filters: [{ Name: 'no-such-filter', Values: ['x'] }] }), { code: 'InvalidParameterValue', message: "The filter 'no-such-filter' is invalid" });
});

it('a filter the catalog cannot narrow on examines a bounded stretch per call and hands out a token to go on', async () => {
  const first = (await offerings()).ReservedInstancesOfferings!;
  const priced = first.find((o) => o.FixedPrice! > 0)!;
  const found = await offerings({ Filters: [{ Name: 'fixed-price', Values: [String(priced.FixedPrice)] }] });
  expect(found.ReservedInstancesOfferings!.map((o) => o.ReservedInstancesOfferingId)).toContain(priced.ReservedInstancesOfferingId);
  // nothing matches: each call answers an empty page with a token until the catalog is walked
  const none = await offerings({ Filters: [{ Name: 'fixedPrice', Values: ['0.01'] }] });
  expect(none.ReservedInstancesOfferings).toEqual([]);
  expect(none.NextToken).toBeDefined();
  const next = await offerings({ Filters: [{ Name: 'fixedPrice', Values: ['0.01'] }], NextToken: none.NextToken });
  expect([next.ReservedInstancesOfferings, next.NextToken !== none.NextToken]).toEqual([[], true]);
});

it('DescribeReservedInstances: nothing bought', async () => {
  expect((await t.ec2.send(new DescribeReservedInstancesCommand({}))).ReservedInstances).toEqual([]);
  await expectEc2Error(t.ec2.send(new DescribeReservedInstancesCommand({ Filters: [{ Name: 'bogus', Values: ['x'] }] })), { code: 'InvalidParameterValue' });
});
