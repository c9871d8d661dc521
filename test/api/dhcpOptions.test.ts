/** DHCP option sets: the default set per account and region, create / associate / delete / describe, AWS's errors. */
import {
  AssociateDhcpOptionsCommand,
  CreateDhcpOptionsCommand,
  CreateVpcCommand,
  DeleteDhcpOptionsCommand,
  DeleteVpcCommand,
  DescribeDhcpOptionsCommand,
  DescribeVpcsCommand,
} from '@aws-sdk/client-ec2';
import { expectEc2Error, TestServer } from '../helpers/server';
import { useTestServer } from '../helpers/env';

let t: TestServer;
useTestServer({}, (env) => ({ t } = env));

const vpc = async (cidr = '10.0.0.0/16') => (await t.ec2.send(new CreateVpcCommand({ CidrBlock: cidr }))).Vpc!;
const describeVpc = async (id: string) => (await t.ec2.send(new DescribeVpcsCommand({ VpcIds: [id] }))).Vpcs![0];
const create = async (...DhcpConfigurations: Array<{ Key: string; Values: string[] }>) =>
  (await t.ec2.send(new CreateDhcpOptionsCommand({ DhcpConfigurations }))).DhcpOptions!;

describe('the default set', () => {
  it('every new VPC uses the scope default set: ec2.internal and AmazonProvidedDNS in us-east-1', async () => {
    const a = await vpc('10.1.0.0/16');
    const b = await vpc('10.2.0.0/16');
    expect(a.DhcpOptionsId).toMatch(/^dopt-[0-9a-f]{17}$/);
    expect(b.DhcpOptionsId).toBe(a.DhcpOptionsId);
    const { DhcpOptions } = await t.ec2.send(new DescribeDhcpOptionsCommand({ DhcpOptionsIds: [a.DhcpOptionsId!] }));
    expect(DhcpOptions).toEqual([
      {
        DhcpOptionsId: a.DhcpOptionsId,
        OwnerId: '123456789012',
        Tags: [],
        DhcpConfigurations: [
          { Key: 'domain-name', Values: [{ Value: 'ec2.internal' }] },
          { Key: 'domain-name-servers', Values: [{ Value: 'AmazonProvidedDNS' }] },
        ],
      },
    ]);
  });

  it('elsewhere the domain is <region>.compute.internal; each account and region has its own set', async () => {
    const eu = t.client({ region: 'eu-west-1' });
    const { Vpc } = await eu.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16' }));
    const { DhcpOptions } = await eu.send(new DescribeDhcpOptionsCommand({ DhcpOptionsIds: [Vpc!.DhcpOptionsId!] }));
    expect(DhcpOptions![0].DhcpConfigurations![0]).toEqual({ Key: 'domain-name', Values: [{ Value: 'eu-west-1.compute.internal' }] });
    const other = t.client({ accessKeyId: '210987654321' });
    const { Vpc: theirs } = await other.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16' }));
    expect(theirs!.DhcpOptionsId).not.toBe((await vpc('10.3.0.0/16')).DhcpOptionsId);
    await expectEc2Error(t.ec2.send(new DescribeDhcpOptionsCommand({ DhcpOptionsIds: [theirs!.DhcpOptionsId!] })), {
      code: 'InvalidDhcpOptionID.NotFound',
      message: `The dhcpOptions ID '${theirs!.DhcpOptionsId}' does not exist`,
    });
  });
});

describe('CreateDhcpOptions', () => {
  it('stores keys in alphabetical order with their values in order, and tags', async () => {
    const { DhcpOptions: set } = await t.ec2.send(
      new CreateDhcpOptionsCommand({
        DhcpConfigurations: [
          { Key: 'domain-name-servers', Values: ['10.2.5.1', '10.2.5.2'] },
          { Key: 'domain-name', Values: ['example.com'] },
          { Key: 'netbios-node-type', Values: ['2'] },
        ],
        TagSpecifications: [{ ResourceType: 'dhcp-options', Tags: [{ Key: 'Name', Value: 'corp' }] }],
      }),
    );
    expect(set).toEqual({
      DhcpOptionsId: expect.stringMatching(/^dopt-/),
      OwnerId: '123456789012',
      Tags: [{ Key: 'Name', Value: 'corp' }],
      DhcpConfigurations: [
        { Key: 'domain-name', Values: [{ Value: 'example.com' }] },
        { Key: 'domain-name-servers', Values: [{ Value: '10.2.5.1' }, { Value: '10.2.5.2' }] },
        { Key: 'netbios-node-type', Values: [{ Value: '2' }] },
      ],
    });
  });

  it('validates keys and values as AWS does', async () => {
    await expectEc2Error(create({ Key: 'domain-search', Values: ['x'] }), { code: 'InvalidParameterValue', message: /parameter key is invalid/ });
    await expectEc2Error(create({ Key: 'netbios-node-type', Values: ['3'] }), {
      code: 'InvalidParameterValue',
      message: 'Value (3) for parameter netbios-node-type is invalid.',
    });
    await expectEc2Error(create({ Key: 'domain-name-servers', Values: ['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4', '10.0.0.5'] }), {
      code: 'InvalidParameterValue',
      message: /At most 4 values/,
    });
    await expectEc2Error(create({ Key: 'ntp-servers', Values: ['time.example.com'] }), { code: 'InvalidParameterValue', message: /ntp-servers/ });
    await expectEc2Error(create({ Key: 'domain-name', Values: ['a.com'] }, { Key: 'domain-name', Values: ['b.com'] }), {
      code: 'InvalidParameterValue',
      message: /Duplicate/,
    });
    const ok = await create({ Key: 'ntp-servers', Values: ['169.254.169.123', 'fd00:ec2::123'] }, { Key: 'ipv6-address-preferred-lease-time', Values: ['140'] });
    expect(ok.DhcpConfigurations!.map((c) => c.Key)).toEqual(['ipv6-address-preferred-lease-time', 'ntp-servers']);
  });
});

describe('AssociateDhcpOptions / DeleteDhcpOptions', () => {
  it('associates a set, then `default` (no options), and deletes a set only once no VPC uses it', async () => {
    const v = await vpc('10.4.0.0/16');
    const set = await create({ Key: 'domain-name', Values: ['corp.example'] });
    await t.ec2.send(new AssociateDhcpOptionsCommand({ VpcId: v.VpcId, DhcpOptionsId: set.DhcpOptionsId }));
    expect((await describeVpc(v.VpcId!)).DhcpOptionsId).toBe(set.DhcpOptionsId);
    const byFilter = await t.ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'dhcp-options-id', Values: [set.DhcpOptionsId!] }] }));
    expect(byFilter.Vpcs!.map((x) => x.VpcId)).toEqual([v.VpcId]);
    await expectEc2Error(t.ec2.send(new DeleteDhcpOptionsCommand({ DhcpOptionsId: set.DhcpOptionsId })), {
      code: 'DependencyViolation',
      message: `The dhcpOptions '${set.DhcpOptionsId}' has dependencies and cannot be deleted.`,
    });
    await t.ec2.send(new AssociateDhcpOptionsCommand({ VpcId: v.VpcId, DhcpOptionsId: 'default' }));
    expect((await describeVpc(v.VpcId!)).DhcpOptionsId).toBe('default');
    await t.ec2.send(new DeleteDhcpOptionsCommand({ DhcpOptionsId: set.DhcpOptionsId }));
    await expectEc2Error(t.ec2.send(new DeleteDhcpOptionsCommand({ DhcpOptionsId: set.DhcpOptionsId })), {
      code: 'InvalidDhcpOptionID.NotFound',
      message: `The dhcpOptions ID '${set.DhcpOptionsId}' does not exist`,
    });
    await t.ec2.send(new DeleteVpcCommand({ VpcId: v.VpcId }));
  });

  it('unknown and malformed ids, unknown VPC', async () => {
    const v = await vpc('10.5.0.0/16');
    await expectEc2Error(t.ec2.send(new AssociateDhcpOptionsCommand({ VpcId: v.VpcId, DhcpOptionsId: 'dopt-12345678' })), {
      code: 'InvalidDhcpOptionID.NotFound',
      message: "The dhcpOptions ID 'dopt-12345678' does not exist",
    });
    await expectEc2Error(t.ec2.send(new AssociateDhcpOptionsCommand({ VpcId: v.VpcId, DhcpOptionsId: 'none' })), {
      code: 'InvalidDhcpOptionsId.Malformed',
      message: 'Invalid id: "none" (expecting "dopt-...")',
    });
    await expectEc2Error(t.ec2.send(new AssociateDhcpOptionsCommand({ VpcId: 'vpc-12345678', DhcpOptionsId: 'default' })), {
      code: 'InvalidVpcID.NotFound',
      message: "The vpc ID 'vpc-12345678' does not exist",
    });
    await expectEc2Error(t.ec2.send(new DeleteDhcpOptionsCommand({ DhcpOptionsId: 'dhcp-1' })), {
      code: 'InvalidDhcpOptionsId.Malformed',
      message: 'Invalid id: "dhcp-1" (expecting "dopt-...")',
    });
  });

  it('DryRun changes nothing', async () => {
    const v = await vpc('10.6.0.0/16');
    await expectEc2Error(t.ec2.send(new AssociateDhcpOptionsCommand({ VpcId: v.VpcId, DhcpOptionsId: 'default', DryRun: true })), {
      code: 'DryRunOperation',
      status: 412,
    });
    expect((await describeVpc(v.VpcId!)).DhcpOptionsId).toBe(v.DhcpOptionsId);
  });
});

describe('DescribeDhcpOptions', () => {
  it('filters by key, value, id, owner and tags, and pages', async () => {
    const set = await create({ Key: 'domain-name', Values: ['filter.example'] }, { Key: 'ntp-servers', Values: ['10.9.9.9'] });
    const ids = async (...Filters: Array<{ Name: string; Values: string[] }>) =>
      (await t.ec2.send(new DescribeDhcpOptionsCommand({ Filters }))).DhcpOptions!.map((d) => d.DhcpOptionsId);
    expect(await ids({ Name: 'value', Values: ['filter.*'] })).toEqual([set.DhcpOptionsId]);
    expect(await ids({ Name: 'key', Values: ['ntp-servers'] }, { Name: 'value', Values: ['10.9.9.9'] })).toEqual([set.DhcpOptionsId]);
    expect(await ids({ Name: 'dhcp-options-id', Values: [set.DhcpOptionsId!] }, { Name: 'owner-id', Values: ['123456789012'] })).toEqual([set.DhcpOptionsId]);
    expect(await ids({ Name: 'tag:Name', Values: ['corp'] })).toHaveLength(1);
    for (let i = 0; i < 4; i++) await create({ Key: 'domain-name', Values: [`page${i}.example`] });
    const all = (await t.ec2.send(new DescribeDhcpOptionsCommand({}))).DhcpOptions!;
    expect(all.length).toBeGreaterThan(5);
    const first = await t.ec2.send(new DescribeDhcpOptionsCommand({ MaxResults: 5 }));
    const second = await t.ec2.send(new DescribeDhcpOptionsCommand({ MaxResults: 5, NextToken: first.NextToken }));
    expect([...first.DhcpOptions!, ...second.DhcpOptions!].map((d) => d.DhcpOptionsId)).toEqual(all.slice(0, 10).map((d) => d.DhcpOptionsId));
  });
});
