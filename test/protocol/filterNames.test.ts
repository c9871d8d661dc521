/**
 * Every filter name AWS documents for a Describe (the list the model generator keeps from botocore's documentation)
 * is accepted, and so is its older camelCase form (`isDefault`, `availabilityZone`), which clients still send.
 * Accepting a name is not enough for the aliases real tools depend on, so those are checked by their results below.
 */
import {
  CreateSubnetCommand,
  CreateVpcCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
  type Filter,
} from '@aws-sdk/client-ec2';
import model from '../../src/protocol/model/ec2.json';
import { rawQuery, TestServer } from '../helpers/server';
import { useTestServer } from '../helpers/env';

let t: TestServer;
useTestServer({}, (env) => ({ t } = env));

const camelCase = (name: string) => name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
// Served only to answer UnsupportedOperation whatever the request (EC2-Classic is retired): no filter is read.
const UNSUPPORTED = new Set(['DescribeVpcClassicLink', 'DescribeVpcClassicLinkDnsSupport']);
// Calls that read filters only for an existing transit gateway route table: test/api/transitGateways.test.ts checks them.
const NEED_A_TABLE = new Set(['GetTransitGatewayRouteTableAssociations', 'GetTransitGatewayRouteTablePropagations', 'SearchTransitGatewayRoutes', 'GetTransitGatewayPrefixListReferences']);
const operations = Object.entries(model.operations as Record<string, { filters?: string[] }>)
  .filter(([name, op]) => op.filters?.length && !UNSUPPORTED.has(name) && !NEED_A_TABLE.has(name))
  .map(([name, op]) => [name, op.filters!.map((f) => (f === 'tag:<key>' ? 'tag:Name' : f))] as const);

// Calls that need more than a filter to be valid at all (AWS answers MissingParameter before looking at filters).
const REQUIRED: Record<string, Record<string, string>> = { DescribeLaunchTemplateVersions: { 'LaunchTemplateVersion.1': '$Latest' } };
// GetSubnetCidrReservations names an existing subnet (a default one).
beforeAll(async () => {
  REQUIRED.GetSubnetCidrReservations = { SubnetId: (await t.ec2.send(new DescribeSubnetsCommand({}))).Subnets![0].SubnetId! };
});

// DescribeFleetInstances reads one fleet (FleetId is required and must exist): a request fleet of no capacity.
beforeAll(async () => {
  const q = (p: Record<string, string>) => rawQuery(t.url, { Version: '2016-11-15', ...p });
  await q({ Action: 'CreateLaunchTemplate', LaunchTemplateName: 'filter-names', 'LaunchTemplateData.ImageId': 'ami-760aaa0f' });
  const created = await q({
    Action: 'CreateFleet',
    Type: 'request',
    'LaunchTemplateConfigs.1.LaunchTemplateSpecification.LaunchTemplateName': 'filter-names',
    'TargetCapacitySpecification.TotalTargetCapacity': '0',
  });
  REQUIRED.DescribeFleetInstances = { FleetId: /<fleetId>([^<]+)<\/fleetId>/.exec(created.body)![1] };
});

// DescribeVpcEndpointServicePermissions reads the permissions of one of the caller's services.
beforeAll(async () => {
  const created = await rawQuery(t.url, {
    Action: 'CreateVpcEndpointServiceConfiguration',
    Version: '2016-11-15',
    'NetworkLoadBalancerArn.1': 'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/filter-names/0123456789abcdef',
  });
  REQUIRED.DescribeVpcEndpointServicePermissions = { ServiceId: /<serviceId>([^<]+)<\/serviceId>/.exec(created.body)![1] };
});

/** Filters whose values AWS reads as ids (a malformed one is refused): a well-formed value instead of `x`. */
const ID_VALUES: Record<string, Record<string, string>> = { DescribeSecurityGroupRules: { 'group-id': 'sg-12345678', groupId: 'sg-12345678' } };

async function filterBy(action: string, name: string) {
  const value = ID_VALUES[action]?.[name] ?? 'x';
  return rawQuery(t.url, { Action: action, Version: '2016-11-15', ...REQUIRED[action], 'Filter.1.Name': name, 'Filter.1.Value.1': value });
}

it('the model documents filters for the Describe calls clients filter most', () => {
  expect(operations.map(([name]) => name)).toEqual(expect.arrayContaining(['DescribeVpcs', 'DescribeSubnets', 'DescribeInstances', 'DescribeNetworkInterfaces']));
});

describe.each(operations)('%s', (action, names) => {
  it('accepts every documented filter name and its camelCase form', async () => {
    const rejected: string[] = [];
    for (const name of new Set([...names, ...names.map(camelCase)])) {
      const r = await filterBy(action, name);
      if (r.status !== 200) rejected.push(`${name}: ${r.status} ${r.code} ${r.message}`);
    }
    expect(rejected).toEqual([]);
  });

  it('still rejects names AWS does not know, including ones on Object.prototype', async () => {
    for (const name of ['no-such-filter', 'constructor', '__proto__', 'toString']) {
      const r = await filterBy(action, name);
      expect([r.status, r.code, r.message]).toEqual([400, 'InvalidParameterValue', `The filter '${name}' is invalid`]);
    }
  });
});

describe('aliases select the same resources as the documented names', () => {
  let vpcId: string;
  beforeAll(async () => {
    const { Vpc } = await t.ec2.send(new CreateVpcCommand({ CidrBlock: '10.77.0.0/16' }));
    vpcId = Vpc!.VpcId!;
    await t.ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: '10.77.1.0/24', AvailabilityZone: 'us-east-1b' }));
  });
  const vpcs = async (...Filters: Filter[]) => ((await t.ec2.send(new DescribeVpcsCommand({ Filters }))).Vpcs ?? []).map((v) => v.VpcId);
  const subnets = async (...Filters: Filter[]) =>
    ((await t.ec2.send(new DescribeSubnetsCommand({ Filters }))).Subnets ?? []).map((s) => `${s.VpcId} ${s.CidrBlock}`).sort();

  it('DescribeVpcs: isDefault (Terraform) and cidr-block / cidrBlock (Ansible) equal is-default and cidr', async () => {
    const defaults = await vpcs({ Name: 'is-default', Values: ['true'] });
    expect(defaults).toHaveLength(1);
    expect(await vpcs({ Name: 'isDefault', Values: ['true'] })).toEqual(defaults);
    expect(await vpcs({ Name: 'isDefault', Values: ['false'] })).toEqual([vpcId]);
    for (const name of ['cidr', 'cidr-block', 'cidrBlock']) expect(await vpcs({ Name: name, Values: ['10.77.0.0/16'] })).toEqual([vpcId]);
  });

  it('DescribeSubnets: cidr, cidrBlock, availabilityZone and defaultForAz equal their documented names', async () => {
    const mine = [`${vpcId} 10.77.1.0/24`];
    for (const name of ['cidr-block', 'cidr', 'cidrBlock']) expect(await subnets({ Name: name, Values: ['10.77.1.0/24'] })).toEqual(mine);
    expect(await subnets({ Name: 'availabilityZone', Values: ['us-east-1b'] }, { Name: 'vpcId', Values: [vpcId] })).toEqual(mine);
    expect(await subnets({ Name: 'defaultForAz', Values: ['false'] }, { Name: 'vpc-id', Values: [vpcId] })).toEqual(mine);
    expect(await subnets({ Name: 'defaultForAz', Values: ['true'] }, { Name: 'vpc-id', Values: [vpcId] })).toEqual([]);
  });
});
