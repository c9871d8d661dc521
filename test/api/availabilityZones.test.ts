/** DescribeAvailabilityZones as AWS lists zones, ModifyAvailabilityZoneGroup opt-in, subnets in Local / Wavelength Zones. */
import {
  CreateDefaultSubnetCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  DescribeAvailabilityZonesCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
  ModifyAvailabilityZoneGroupCommand,
  type Filter,
} from '@aws-sdk/client-ec2';
import { DRY_RUN } from '../helpers/api';
import { useTestServer } from '../helpers/env';
import { expectEc2Error, TestServer } from '../helpers/server';
import { zonesOf } from '../../src/domain/regions';

let t: TestServer;
useTestServer({}, (env) => ({ t } = env));
afterEach(() => t.runtime.reset());

const zones = async (opts: { region?: string; account?: string; all?: boolean; filters?: Filter[]; names?: string[]; ids?: string[] } = {}) => {
  const ec2 = opts.region || opts.account ? t.client({ region: opts.region, accessKeyId: opts.account }) : t.ec2;
  return (
    await ec2.send(
      new DescribeAvailabilityZonesCommand({ AllAvailabilityZones: opts.all, Filters: opts.filters, ZoneNames: opts.names, ZoneIds: opts.ids }),
    )
  ).AvailabilityZones!;
};

describe('DescribeAvailabilityZones', () => {
  it('lists the six zones of us-east-1 with their ids, group and border group', async () => {
    const az = await zones();
    expect(az.map((z) => [z.ZoneName, z.ZoneId])).toEqual([
      ['us-east-1a', 'use1-az1'],
      ['us-east-1b', 'use1-az2'],
      ['us-east-1c', 'use1-az3'],
      ['us-east-1d', 'use1-az4'],
      ['us-east-1e', 'use1-az5'],
      ['us-east-1f', 'use1-az6'],
    ]);
    expect(az[0]).toEqual({
      ZoneName: 'us-east-1a',
      ZoneId: 'use1-az1',
      ZoneType: 'availability-zone',
      OptInStatus: 'opt-in-not-required',
      State: 'available',
      RegionName: 'us-east-1',
      GroupName: 'us-east-1-zg-1',
      GroupLongName: 'US East (N. Virginia) 1',
      NetworkBorderGroup: 'us-east-1',
      Messages: [],
    });
  });

  it('has the zones AWS lists per Region, never fewer than an earlier release had, and a, b, c for any other well-formed one', async () => {
    const names = async (region: string) => (await zones({ region })).map((z) => z.ZoneName);
    // us-west-1b, ap-northeast-1b and ca-central-1c stay (older AWS accounts have them; a --db file may use them)
    expect(await names('us-west-1')).toEqual(['us-west-1a', 'us-west-1b', 'us-west-1c']);
    expect((await zones({ region: 'us-west-1' })).map((z) => z.ZoneId)).toEqual(['usw1-az1', 'usw1-az2', 'usw1-az3']);
    expect(await names('us-west-2')).toEqual(['us-west-2a', 'us-west-2b', 'us-west-2c', 'us-west-2d']);
    expect(await names('eu-west-1')).toEqual(['eu-west-1a', 'eu-west-1b', 'eu-west-1c']);
    expect(await names('ap-northeast-1')).toEqual(['ap-northeast-1a', 'ap-northeast-1b', 'ap-northeast-1c', 'ap-northeast-1d']);
    expect((await zones({ region: 'ap-northeast-1' })).map((z) => z.ZoneId)).toEqual(['apne1-az1', 'apne1-az2', 'apne1-az3', 'apne1-az4']);
    expect(await names('ca-central-1')).toEqual(['ca-central-1a', 'ca-central-1b', 'ca-central-1c', 'ca-central-1d']);
    const other = await zones({ region: 'xx-north-7' });
    expect(other.map((z) => [z.ZoneName, z.ZoneId, z.GroupName, z.GroupLongName])).toEqual([
      ['xx-north-7a', 'xxn7-az1', 'xx-north-7-zg-1', undefined],
      ['xx-north-7b', 'xxn7-az2', 'xx-north-7-zg-1', undefined],
      ['xx-north-7c', 'xxn7-az3', 'xx-north-7-zg-1', undefined],
    ]);
  });

  it('AllAvailabilityZones adds the Local and Wavelength Zones, not opted in, with their parent zone', async () => {
    expect(await zones()).toHaveLength(6);
    const all = await zones({ all: true });
    expect(all.length).toBeGreaterThan(6);
    expect(all.find((z) => z.ZoneName === 'us-east-1-bos-1a')).toEqual({
      ZoneName: 'us-east-1-bos-1a',
      ZoneId: 'use1-bos1-az1',
      ZoneType: 'local-zone',
      OptInStatus: 'not-opted-in',
      State: 'available',
      RegionName: 'us-east-1',
      GroupName: 'us-east-1-bos-1',
      GroupLongName: 'US East (Boston)',
      NetworkBorderGroup: 'us-east-1-bos-1',
      ParentZoneName: 'us-east-1c',
      ParentZoneId: 'use1-az3',
      Messages: [],
    });
    expect(all.find((z) => z.ZoneName === 'us-east-1-wl1-bos-wlz-1')).toMatchObject({
      ZoneId: 'use1-wl1-bos-wlz1',
      ZoneType: 'wavelength-zone',
      OptInStatus: 'not-opted-in',
      GroupName: 'us-east-1-wl1-bos-wlz-1',
      NetworkBorderGroup: 'us-east-1-wl1-bos-wlz-1',
      ParentZoneName: 'us-east-1c',
      ParentZoneId: 'use1-az3',
    });
    // a Region without any: AllAvailabilityZones changes nothing
    expect(await zones({ region: 'eu-west-1', all: true })).toHaveLength(3);
  });

  it('filters by every documented name', async () => {
    const names = async (filters: Filter[]) => (await zones({ all: true, filters })).map((z) => z.ZoneName);
    expect(await names([{ Name: 'zone-type', Values: ['wavelength-zone'] }])).toEqual([
      'us-east-1-wl1-bos-wlz-1',
      'us-east-1-wl1-nyc-wlz-1',
      'us-east-1-wl1-atl-wlz-1',
    ]);
    expect(await names([{ Name: 'zone-type', Values: ['local-zone'] }, { Name: 'parent-zone-name', Values: ['us-east-1c'] }])).toEqual(['us-east-1-bos-1a']);
    expect(await names([{ Name: 'parent-zone-id', Values: ['use1-az6'] }])).toEqual(['us-east-1-nyc-1a', 'us-east-1-wl1-nyc-wlz-1']);
    expect(await names([{ Name: 'opt-in-status', Values: ['opt-in-not-required'] }])).toHaveLength(6);
    expect(await names([{ Name: 'opt-in-status', Values: ['not-opted-in'] }])).toHaveLength(6);
    expect(await names([{ Name: 'group-name', Values: ['us-east-1-mia-1'] }])).toEqual(['us-east-1-mia-1a']);
    expect(await names([{ Name: 'group-long-name', Values: ['US East (Verizon) - *'] }])).toHaveLength(3);
    expect(await names([{ Name: 'network-border-group', Values: ['us-east-1-wl1-atl-wlz-1'] }])).toEqual(['us-east-1-wl1-atl-wlz-1']);
    expect(await names([{ Name: 'zone-id', Values: ['use1-az2', 'use1-nyc1-az1'] }])).toEqual(['us-east-1b', 'us-east-1-nyc-1a']);
    expect(await names([{ Name: 'zone-name', Values: ['us-east-1f'] }])).toEqual(['us-east-1f']);
    expect(await names([{ Name: 'region-name', Values: ['us-west-2'] }])).toEqual([]);
    expect(await names([{ Name: 'state', Values: ['available'] }])).toHaveLength(12);
    expect(await names([{ Name: 'message', Values: ['*'] }])).toEqual([]);
    // without AllAvailabilityZones, a filter on Local Zones finds only opted-in ones
    expect((await zones({ filters: [{ Name: 'zone-type', Values: ['local-zone'] }] })).map((z) => z.ZoneName)).toEqual([]);
  });

  it('answers zones named by ZoneName or ZoneId, opted in or not, and refuses unknown ones', async () => {
    expect((await zones({ names: ['us-east-1e', 'us-east-1-wl1-nyc-wlz-1'] })).map((z) => z.ZoneId)).toEqual(['use1-az5', 'use1-wl1-nyc-wlz1']);
    expect((await zones({ ids: ['use1-az6'] })).map((z) => z.ZoneName)).toEqual(['us-east-1f']);
    await expectEc2Error(t.ec2.send(new DescribeAvailabilityZonesCommand({ ZoneNames: ['us-east-1g'] })), {
      code: 'InvalidParameterValue',
      message: 'Invalid availability zone: [us-east-1g]',
    });
  });

  it('builds the zone list of a Region once and answers every call from it (no timing assert: npm run bench measures)', async () => {
    expect(zonesOf('us-east-1')).toBe(zonesOf('us-east-1'));
    const a = await zones({ all: true, filters: [{ Name: 'zone-type', Values: ['wavelength-zone'] }] });
    const b = await zones({ all: true, filters: [{ Name: 'zone-type', Values: ['wavelength-zone'] }] });
    expect(b).toEqual(a);
    expect(a.map((z) => z.ZoneName)).toEqual(['us-east-1-wl1-bos-wlz-1', 'us-east-1-wl1-nyc-wlz-1', 'us-east-1-wl1-atl-wlz-1']);
  });
});

describe('ModifyAvailabilityZoneGroup', () => {
  const optIn = (GroupName: string, opts: { account?: string; region?: string; status?: string; dryRun?: boolean } = {}) =>
    (opts.account || opts.region ? t.client({ accessKeyId: opts.account, region: opts.region }) : t.ec2).send(
      new ModifyAvailabilityZoneGroupCommand({ GroupName, OptInStatus: (opts.status ?? 'opted-in') as 'opted-in', DryRun: opts.dryRun }),
    );

  it('opts the account in: the group is listed without AllAvailabilityZones, per account and Region', async () => {
    await expectEc2Error(optIn('us-east-1-wl1-bos-wlz-1', { dryRun: true }), DRY_RUN);
    expect(await zones()).toHaveLength(6);
    expect((await optIn('us-east-1-wl1-bos-wlz-1')).Return).toBe(true);
    expect((await optIn('us-east-1-wl1-bos-wlz-1')).Return).toBe(true); // a repeat is a no-op
    const listed = await zones();
    expect(listed.map((z) => z.ZoneName)).toEqual([...'abcdef'.split('').map((l) => `us-east-1${l}`), 'us-east-1-wl1-bos-wlz-1']);
    expect(listed[6].OptInStatus).toBe('opted-in');
    expect((await zones({ all: true, filters: [{ Name: 'opt-in-status', Values: ['opted-in'] }] })).map((z) => z.ZoneName)).toEqual(['us-east-1-wl1-bos-wlz-1']);
    // another account, and the same account elsewhere, are not opted in
    expect(await zones({ account: '210987654321' })).toHaveLength(6);
    expect(await zones({ region: 'us-west-2' })).toHaveLength(4);
  });

  it('opts in a Local Zone group as a whole', async () => {
    await optIn('us-west-2-lax-1', { region: 'us-west-2' });
    expect((await zones({ region: 'us-west-2' })).map((z) => z.ZoneName)).toEqual([
      'us-west-2a',
      'us-west-2b',
      'us-west-2c',
      'us-west-2d',
      'us-west-2-lax-1a',
      'us-west-2-lax-1b',
    ]);
  });

  it('refuses opting out, an unknown group and a standard zone group', async () => {
    await expectEc2Error(optIn('us-east-1-bos-1', { status: 'not-opted-in' }), {
      code: 'InvalidParameterValue',
      message: 'You cannot opt out of a Local Zone or Wavelength Zone group. Contact AWS Support to opt out.',
    });
    await expectEc2Error(optIn('us-east-1-xyz-1'), { code: 'InvalidParameterValue', message: "The zone group 'us-east-1-xyz-1' does not exist in this Region." });
    await expectEc2Error(optIn('us-west-2-lax-1'), { code: 'InvalidParameterValue', message: "The zone group 'us-west-2-lax-1' does not exist in this Region." });
    await expectEc2Error(optIn('us-east-1-zg-1'), { code: 'InvalidParameterValue', message: "The zone group 'us-east-1-zg-1' does not require opting in." });
    expect(await zones()).toHaveLength(6);
  });
});

describe('subnets and zones', () => {
  const vpc = async () => (await t.ec2.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16' }))).Vpc!.VpcId!;

  it('the default VPC has one default subnet per standard zone', async () => {
    const { Vpcs } = await t.ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'is-default', Values: ['true'] }] }));
    const { Subnets } = await t.ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'vpc-id', Values: [Vpcs![0].VpcId!] }] }));
    expect(Subnets!.map((s) => [s.AvailabilityZone, s.AvailabilityZoneId, s.CidrBlock]).sort()).toEqual([
      ['us-east-1a', 'use1-az1', '172.31.0.0/20'],
      ['us-east-1b', 'use1-az2', '172.31.16.0/20'],
      ['us-east-1c', 'use1-az3', '172.31.32.0/20'],
      ['us-east-1d', 'use1-az4', '172.31.48.0/20'],
      ['us-east-1e', 'use1-az5', '172.31.64.0/20'],
      ['us-east-1f', 'use1-az6', '172.31.80.0/20'],
    ]);
    const west1 = t.client({ region: 'us-west-1' });
    const { Subnets: w } = await west1.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'default-for-az', Values: ['true'] }] }));
    expect(w!.map((s) => s.AvailabilityZone).sort()).toEqual(['us-west-1a', 'us-west-1b', 'us-west-1c']);
  });

  it('a subnet in a Wavelength Zone needs the opt-in; then it is created there', async () => {
    const vpcId = await vpc();
    const refused =
      'Value (us-east-1-wl1-bos-wlz-1) for parameter availabilityZone is invalid. Subnets can currently only be created in the following availability zones: us-east-1a, us-east-1b, us-east-1c, us-east-1d, us-east-1e, us-east-1f.';
    await expectEc2Error(t.ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: '10.0.1.0/24', AvailabilityZone: 'us-east-1-wl1-bos-wlz-1' })), {
      code: 'InvalidParameterValue',
      message: refused,
    });
    await expectEc2Error(t.ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: '10.0.1.0/24', AvailabilityZoneId: 'use1-wl1-bos-wlz1' })), {
      code: 'InvalidParameterValue',
      message: /^Value \(use1-wl1-bos-wlz1\) for parameter availabilityZoneId is invalid\. .*: use1-az1, .*use1-az6\.$/,
    });
    await t.ec2.send(new ModifyAvailabilityZoneGroupCommand({ GroupName: 'us-east-1-wl1-bos-wlz-1', OptInStatus: 'opted-in' }));
    const { Subnet } = await t.ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: '10.0.1.0/24', AvailabilityZone: 'us-east-1-wl1-bos-wlz-1' }));
    expect(Subnet).toMatchObject({ AvailabilityZone: 'us-east-1-wl1-bos-wlz-1', AvailabilityZoneId: 'use1-wl1-bos-wlz1', State: 'available' });
    const { Subnet: byId } = await t.ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: '10.0.2.0/24', AvailabilityZoneId: 'use1-wl1-bos-wlz1' }));
    expect(byId!.AvailabilityZone).toBe('us-east-1-wl1-bos-wlz-1');
    // another zone of another group is still refused, and the error now lists the opted-in zone
    await expectEc2Error(t.ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: '10.0.3.0/24', AvailabilityZone: 'us-east-1-nyc-1a' })), {
      code: 'InvalidParameterValue',
      message: /following availability zones: us-east-1a, .*us-east-1f, us-east-1-wl1-bos-wlz-1\.$/,
    });
    // default subnets are for standard zones only
    await expectEc2Error(t.ec2.send(new CreateDefaultSubnetCommand({ AvailabilityZone: 'us-east-1-wl1-bos-wlz-1' })), { code: 'InvalidParameterValue' });
  });
});
