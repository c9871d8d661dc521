/**
 * DescribeInstanceTypes through the SDK v3: InstanceTypes (known, unknown), networkInfo limits, filters (incl.
 * wildcards), pagination (AWS pages even without MaxResults; 5..100), unknown filter, DryRun.
 */
import { DescribeInstanceTypesCommand, DescribeInstanceTypesCommandInput, InstanceTypeInfo, paginateDescribeInstanceTypes } from '@aws-sdk/client-ec2';
import { DRY_RUN } from '../helpers/api';
import { expectEc2Error, TestServer } from '../helpers/server';
import { useTestServer } from '../helpers/env';

let t: TestServer;

useTestServer({}, (env) => ({ t } = env));

const types = (input: DescribeInstanceTypesCommandInput) => t.ec2.send(new DescribeInstanceTypesCommand(input));
const names = (list?: InstanceTypeInfo[]) => (list ?? []).map((i) => i.InstanceType!).sort();

describe('behaviour', () => {
  it('InstanceTypes: exactly those, with their network limits', async () => {
    const out = await types({ InstanceTypes: ['t3.micro', 'm5.large', 'p4d.24xlarge'] });
    const byName = new Map(out.InstanceTypes!.map((i) => [i.InstanceType, i]));
    expect([...byName.keys()].sort()).toEqual(['m5.large', 'p4d.24xlarge', 't3.micro']);
    expect(byName.get('t3.micro')!.NetworkInfo).toMatchObject({ MaximumNetworkInterfaces: 2, Ipv4AddressesPerInterface: 2, MaximumNetworkCards: 1 });
    expect(byName.get('m5.large')!.NetworkInfo).toMatchObject({ MaximumNetworkInterfaces: 3, Ipv4AddressesPerInterface: 10 });
    const p4d = byName.get('p4d.24xlarge')!.NetworkInfo!;
    expect(p4d).toMatchObject({ MaximumNetworkInterfaces: 60, Ipv4AddressesPerInterface: 50, MaximumNetworkCards: 4 });
    expect(p4d.NetworkCards).toHaveLength(4);
    expect(byName.get('m5.large')!.VCpuInfo).toMatchObject({ DefaultVCpus: 2 });
    expect(byName.get('m5.large')!.MemoryInfo).toEqual({ SizeInMiB: 8192 });
    expect(out.NextToken).toBeUndefined();
  });

  it.each([
    ['instance-type with a wildcard', [{ Name: 'instance-type', Values: ['t3.*'] }], ['t3.2xlarge', 't3.large', 't3.medium', 't3.micro', 't3.nano', 't3.small', 't3.xlarge']],
    [
      'network-info.maximum-network-interfaces AND instance-type',
      [{ Name: 'instance-type', Values: ['t3.*'] }, { Name: 'network-info.maximum-network-interfaces', Values: ['2'] }],
      ['t3.micro', 't3.nano'],
    ],
    [
      'network-info.ipv4-addresses-per-interface, two values',
      [{ Name: 'instance-type', Values: ['t3.*'] }, { Name: 'network-info.ipv4-addresses-per-interface', Values: ['4', '6'] }],
      ['t3.medium', 't3.small'],
    ],
    ['network-info.maximum-network-interfaces=60', [{ Name: 'network-info.maximum-network-interfaces', Values: ['60'] }], ['dl1.24xlarge', 'p4d.24xlarge', 'p4de.24xlarge']],
  ])('filter: %s', async (_name, Filters, expected) => {
    const seen: string[] = [];
    for await (const page of paginateDescribeInstanceTypes({ client: t.ec2 }, { Filters })) seen.push(...names(page.InstanceTypes));
    expect(seen.sort()).toEqual(expected);
  });

  it('processor-info.supported-architecture and current-generation', async () => {
    const out = await types({ InstanceTypes: ['t3.micro', 'm6g.large', 'm1.small'], Filters: [{ Name: 'processor-info.supported-architecture', Values: ['arm64'] }] });
    expect(names(out.InstanceTypes)).toEqual(['m6g.large']);
    const old = await types({ InstanceTypes: ['t3.micro', 'm1.small'], Filters: [{ Name: 'current-generation', Values: ['false'] }] });
    expect(names(old.InstanceTypes)).toEqual(['m1.small']);
  });

  it('pages of 100 without MaxResults; MaxResults / NextToken cover every type exactly once', async () => {
    const first = await types({});
    expect(first.InstanceTypes).toHaveLength(100);
    expect(first.NextToken).toEqual(expect.any(String));
    const small = await types({ MaxResults: 5 });
    expect(small.InstanceTypes).toHaveLength(5);
    const seen: string[] = [];
    let pages = 0;
    for await (const page of paginateDescribeInstanceTypes({ client: t.ec2, pageSize: 100 }, {})) {
      pages++;
      seen.push(...page.InstanceTypes!.map((i) => i.InstanceType!));
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThan(1000);
    expect(pages).toBe(Math.ceil(seen.length / 100));
  });
});

describe('errors', () => {
  it('InvalidInstanceType names every unknown type', async () => {
    await expectEc2Error(types({ InstanceTypes: ['t3.micro', 't9.mega'] as never }), {
      code: 'InvalidInstanceType',
      message: 'The following supplied instance types do not exist: [t9.mega]',
    });
    await expectEc2Error(types({ InstanceTypes: ['x1.tiny', 't9.mega'] as never }), {
      code: 'InvalidInstanceType',
      message: 'The following supplied instance types do not exist: [x1.tiny, t9.mega]',
    });
  });

  it('an unknown filter', async () => {
    await expectEc2Error(types({ Filters: [{ Name: 'network-info.colour', Values: ['x'] }] }), { code: 'InvalidParameterValue', message: "The filter 'network-info.colour' is invalid" });
  });

  it('MaxResults outside 5..100', async () => {
    await expectEc2Error(types({ MaxResults: 4 }), { code: 'InvalidParameterValue', message: 'Value ( 4 ) for parameter maxResults is invalid. Expecting a value greater than 5.' });
    await expectEc2Error(types({ MaxResults: 101 }), { code: 'InvalidParameterValue', message: 'Value ( 101 ) for parameter maxResults is invalid. Expecting a value less than 100.' });
  });

  it('DryRun: 412', async () => {
    await expectEc2Error(types({ DryRun: true }), DRY_RUN);
  });
});
