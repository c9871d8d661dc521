/** Carrier gateways: Wavelength opt-in, lifecycle through the back end, filters, tags, routes and their state. */
import {
  CreateCarrierGatewayCommand,
  CreateRouteCommand,
  CreateRouteTableCommand,
  CreateSubnetCommand,
  CreateTagsCommand,
  CreateVpcCommand,
  DeleteCarrierGatewayCommand,
  DeleteRouteCommand,
  DeleteVpcCommand,
  DescribeCarrierGatewaysCommand,
  DescribeRouteTablesCommand,
  DescribeTagsCommand,
  ModifyAvailabilityZoneGroupCommand,
  ReplaceRouteCommand,
  type CarrierGateway,
  type EC2Client,
  type Filter,
} from '@aws-sdk/client-ec2';
import { DRY_RUN } from '../helpers/api';
import { useTestServer } from '../helpers/env';
import { expectEc2Error, TestServer } from '../helpers/server';

let t: TestServer;
let ec2: EC2Client;
useTestServer({ config: { vpnMs: 5_000 } }, (env) => ({ t } = env));
beforeEach(() => {
  ec2 = t.ec2;
  t.runtime.reset();
});

const HOUR = 3_600_000;
const WLZ = 'us-east-1-wl1-bos-wlz-1';
const MISSING = 'cagw-0123456789abcdef0';

const optIn = (client: EC2Client = ec2, GroupName = WLZ) => client.send(new ModifyAvailabilityZoneGroupCommand({ GroupName, OptInStatus: 'opted-in' }));
const newVpc = async (client: EC2Client = ec2, cidr = '10.0.0.0/16') => (await client.send(new CreateVpcCommand({ CidrBlock: cidr }))).Vpc!.VpcId!;
const create = async (VpcId: string, client: EC2Client = ec2) => (await client.send(new CreateCarrierGatewayCommand({ VpcId }))).CarrierGateway!;
const describe1 = async (id: string): Promise<CarrierGateway> =>
  (await ec2.send(new DescribeCarrierGatewaysCommand({ CarrierGatewayIds: [id] }))).CarrierGateways![0];
const ids = async (filters: Filter[]) => (await ec2.send(new DescribeCarrierGatewaysCommand({ Filters: filters }))).CarrierGateways!.map((g) => g.CarrierGatewayId);

describe('CreateCarrierGateway', () => {
  it('needs a Wavelength Zone group opted in, in a Region that has Wavelength Zones', async () => {
    const vpcId = await newVpc();
    await expectEc2Error(ec2.send(new CreateCarrierGatewayCommand({ VpcId: 'vpc-0123456789abcdef0' })), { code: 'InvalidVpcID.NotFound' });
    await expectEc2Error(ec2.send(new CreateCarrierGatewayCommand({ VpcId: vpcId })), {
      code: 'OptInRequired',
      message: 'You must opt in to a Wavelength Zone group of this Region before you can create a carrier gateway.',
    });
    // a Local Zone does not count
    await optIn(ec2, 'us-east-1-bos-1');
    await expectEc2Error(ec2.send(new CreateCarrierGatewayCommand({ VpcId: vpcId })), { code: 'OptInRequired' });
    const eu = t.client({ region: 'eu-west-1' });
    await expectEc2Error(eu.send(new CreateCarrierGatewayCommand({ VpcId: await newVpc(eu) })), {
      code: 'UnsupportedOperation',
      message: 'Carrier gateways are only supported in Regions with Wavelength Zones.',
    });
    expect((await ec2.send(new DescribeCarrierGatewaysCommand({}))).CarrierGateways).toEqual([]);
  });

  it('is pending, then available through the back end; tags from TagSpecifications; DryRun creates nothing', async () => {
    await optIn();
    const vpcId = await newVpc();
    await expectEc2Error(ec2.send(new CreateCarrierGatewayCommand({ VpcId: vpcId, DryRun: true })), DRY_RUN);
    expect((await ec2.send(new DescribeCarrierGatewaysCommand({}))).CarrierGateways).toEqual([]);
    const { CarrierGateway: g } = await ec2.send(
      new CreateCarrierGatewayCommand({ VpcId: vpcId, TagSpecifications: [{ ResourceType: 'carrier-gateway', Tags: [{ Key: 'Name', Value: 'cg1' }] }] }),
    );
    expect(g).toEqual({ CarrierGatewayId: expect.stringMatching(/^cagw-[0-9a-f]{17}$/), VpcId: vpcId, State: 'pending', OwnerId: '123456789012', Tags: [{ Key: 'Name', Value: 'cg1' }] });
    expect((await describe1(g!.CarrierGatewayId!)).State).toBe('pending');
    t.advance(5_000);
    expect(await describe1(g!.CarrierGatewayId!)).toEqual({ ...g, State: 'available' });
    const tags = await ec2.send(new DescribeTagsCommand({ Filters: [{ Name: 'resource-type', Values: ['carrier-gateway'] }] }));
    expect(tags.Tags).toEqual([{ Key: 'Name', Value: 'cg1', ResourceId: g!.CarrierGatewayId, ResourceType: 'carrier-gateway' }]);
    await expectEc2Error(
      ec2.send(new CreateCarrierGatewayCommand({ VpcId: vpcId, TagSpecifications: [{ ResourceType: 'vpc', Tags: [{ Key: 'a', Value: 'b' }] }] })),
      { code: 'InvalidParameterValue' },
    );
  });

  it('a ClientToken retry answers the same gateway', async () => {
    await optIn();
    const vpcId = await newVpc();
    const a = await ec2.send(new CreateCarrierGatewayCommand({ VpcId: vpcId, ClientToken: 'tok-1' }));
    const b = await ec2.send(new CreateCarrierGatewayCommand({ VpcId: vpcId, ClientToken: 'tok-1' }));
    expect(b.CarrierGateway!.CarrierGatewayId).toBe(a.CarrierGateway!.CarrierGatewayId);
    expect((await ec2.send(new DescribeCarrierGatewaysCommand({}))).CarrierGateways).toHaveLength(1);
  });
});

describe('DeleteCarrierGateway', () => {
  it('answers deleting, then deleted for a while, then gone; unknown and deleted ids are refused', async () => {
    await optIn();
    const vpcId = await newVpc();
    const g = await create(vpcId);
    t.advance(5_000);
    await expectEc2Error(ec2.send(new DeleteCarrierGatewayCommand({ CarrierGatewayId: g.CarrierGatewayId, DryRun: true })), DRY_RUN);
    expect((await describe1(g.CarrierGatewayId!)).State).toBe('available');
    const { CarrierGateway: d } = await ec2.send(new DeleteCarrierGatewayCommand({ CarrierGatewayId: g.CarrierGatewayId }));
    expect(d).toMatchObject({ CarrierGatewayId: g.CarrierGatewayId, VpcId: vpcId, State: 'deleting', OwnerId: '123456789012' });
    // the VPC still depends on it until it is deleted
    await expectEc2Error(ec2.send(new DeleteVpcCommand({ VpcId: vpcId })), { code: 'DependencyViolation' });
    t.advance(5_000);
    expect((await describe1(g.CarrierGatewayId!)).State).toBe('deleted');
    await expectEc2Error(ec2.send(new DeleteCarrierGatewayCommand({ CarrierGatewayId: g.CarrierGatewayId })), {
      code: 'InvalidCarrierGatewayID.NotFound',
      message: `The carrierGateway ID '${g.CarrierGatewayId}' does not exist`,
    });
    await ec2.send(new DeleteVpcCommand({ VpcId: vpcId }));
    t.advance(HOUR);
    expect((await ec2.send(new DescribeCarrierGatewaysCommand({}))).CarrierGateways).toEqual([]);
    await expectEc2Error(ec2.send(new DeleteCarrierGatewayCommand({ CarrierGatewayId: MISSING })), {
      code: 'InvalidCarrierGatewayID.NotFound',
      message: `The carrierGateway ID '${MISSING}' does not exist`,
    });
  });
});

describe('DescribeCarrierGateways', () => {
  it('filters by id, state, owner, VPC and tags; unknown ids are refused; pages', async () => {
    await optIn();
    const vpc1 = await newVpc();
    const vpc2 = await newVpc(ec2, '10.1.0.0/16');
    const a = (await create(vpc1)).CarrierGatewayId!;
    const b = (await create(vpc2)).CarrierGatewayId!;
    t.advance(5_000);
    const c = (await create(vpc2)).CarrierGatewayId!;
    await ec2.send(new CreateTagsCommand({ Resources: [a], Tags: [{ Key: 'team', Value: 'edge' }] }));
    expect(await ids([{ Name: 'carrier-gateway-id', Values: [b] }])).toEqual([b]);
    expect(await ids([{ Name: 'vpc-id', Values: [vpc2] }])).toEqual([b, c]);
    expect(await ids([{ Name: 'state', Values: ['pending'] }])).toEqual([c]);
    expect(await ids([{ Name: 'state', Values: ['available'] }])).toEqual([a, b]);
    expect(await ids([{ Name: 'owner-id', Values: ['123456789012'] }])).toEqual([a, b, c]);
    expect(await ids([{ Name: 'owner-id', Values: ['210987654321'] }])).toEqual([]);
    expect(await ids([{ Name: 'tag:team', Values: ['edge'] }])).toEqual([a]);
    expect(await ids([{ Name: 'tag-key', Values: ['team'] }])).toEqual([a]);
    await expectEc2Error(ec2.send(new DescribeCarrierGatewaysCommand({ CarrierGatewayIds: [a, MISSING] })), {
      code: 'InvalidCarrierGatewayID.NotFound',
      message: `The carrierGateway ID '${MISSING}' does not exist`,
    });
    const page1 = await ec2.send(new DescribeCarrierGatewaysCommand({ MaxResults: 5 }));
    expect(page1.CarrierGateways).toHaveLength(3);
    // another account sees none of them
    expect((await t.client({ accessKeyId: '210987654321' }).send(new DescribeCarrierGatewaysCommand({}))).CarrierGateways).toEqual([]);
  });
});

describe('routes through a carrier gateway', () => {
  const setup = async () => {
    await optIn();
    const vpcId = await newVpc();
    const table = (await ec2.send(new CreateRouteTableCommand({ VpcId: vpcId }))).RouteTable!.RouteTableId!;
    const g = (await create(vpcId)).CarrierGatewayId!;
    return { vpcId, table, g };
  };
  const route = async (table: string, dest = '0.0.0.0/0') =>
    (await ec2.send(new DescribeRouteTablesCommand({ RouteTableIds: [table] }))).RouteTables![0].Routes!.find((r) => r.DestinationCidrBlock === dest);

  it('needs a Wavelength Zone subnet in the VPC and a gateway of the same VPC', async () => {
    const { vpcId, table, g } = await setup();
    await expectEc2Error(ec2.send(new CreateRouteCommand({ RouteTableId: table, DestinationCidrBlock: '0.0.0.0/0', CarrierGatewayId: g })), {
      code: 'InvalidParameterValue',
      message: `You can only use a carrier gateway as a route target when the VPC ${vpcId} has a subnet in a Wavelength Zone.`,
    });
    await ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: '10.0.1.0/24', AvailabilityZone: 'us-east-1a' }));
    await expectEc2Error(ec2.send(new CreateRouteCommand({ RouteTableId: table, DestinationCidrBlock: '0.0.0.0/0', CarrierGatewayId: g })), { code: 'InvalidParameterValue' });
    const other = await newVpc(ec2, '10.9.0.0/16');
    const otherGw = (await create(other)).CarrierGatewayId!;
    await ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: '10.0.2.0/24', AvailabilityZone: WLZ }));
    await expectEc2Error(ec2.send(new CreateRouteCommand({ RouteTableId: table, DestinationCidrBlock: '0.0.0.0/0', CarrierGatewayId: otherGw })), {
      code: 'InvalidParameterValue',
      message: `route table ${table} and network gateway ${otherGw} belong to different networks`,
    });
    await expectEc2Error(ec2.send(new CreateRouteCommand({ RouteTableId: table, DestinationCidrBlock: '0.0.0.0/0', CarrierGatewayId: MISSING })), {
      code: 'InvalidCarrierGatewayID.NotFound',
    });
    await expectEc2Error(
      ec2.send(new CreateRouteCommand({ RouteTableId: table, DestinationCidrBlock: '0.0.0.0/0', CarrierGatewayId: g, GatewayId: 'igw-0123456789abcdef0' })),
      { code: 'InvalidParameterCombination' },
    );
    await expectEc2Error(ec2.send(new CreateRouteCommand({ RouteTableId: table, DestinationCidrBlock: '0.0.0.0/0', CarrierGatewayId: g, DryRun: true })), DRY_RUN);
    expect(await route(table)).toBeUndefined();
  });

  it('is blackhole while pending, active once available, blackhole when the gateway is deleted', async () => {
    const { vpcId, table, g } = await setup();
    await ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: '10.0.2.0/24', AvailabilityZone: WLZ }));
    await ec2.send(new CreateRouteCommand({ RouteTableId: table, DestinationCidrBlock: '0.0.0.0/0', CarrierGatewayId: g }));
    expect(await route(table)).toEqual({ DestinationCidrBlock: '0.0.0.0/0', CarrierGatewayId: g, Origin: 'CreateRoute', State: 'blackhole' });
    t.advance(5_000);
    expect(await route(table)).toEqual({ DestinationCidrBlock: '0.0.0.0/0', CarrierGatewayId: g, Origin: 'CreateRoute', State: 'active' });
    await ec2.send(new CreateRouteCommand({ RouteTableId: table, DestinationCidrBlock: '192.0.2.0/24', CarrierGatewayId: g }));
    expect((await route(table, '192.0.2.0/24'))!.State).toBe('active');
    await ec2.send(new DeleteCarrierGatewayCommand({ CarrierGatewayId: g }));
    expect(await route(table)).toMatchObject({ CarrierGatewayId: g, State: 'blackhole' });
    expect((await route(table, '192.0.2.0/24'))!.State).toBe('blackhole');
    t.advance(5_000);
    expect((await route(table))!.State).toBe('blackhole');
    // a deleting or deleted gateway is no longer a target
    await expectEc2Error(ec2.send(new ReplaceRouteCommand({ RouteTableId: table, DestinationCidrBlock: '0.0.0.0/0', CarrierGatewayId: g })), {
      code: 'InvalidCarrierGatewayID.NotFound',
    });
    await ec2.send(new DeleteRouteCommand({ RouteTableId: table, DestinationCidrBlock: '0.0.0.0/0' }));
    expect(await route(table)).toBeUndefined();
  });

  it('ReplaceRoute moves a route onto a carrier gateway', async () => {
    const { vpcId, table, g } = await setup();
    await ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: '10.0.2.0/24', AvailabilityZone: WLZ }));
    t.advance(5_000);
    const g2 = (await create(vpcId)).CarrierGatewayId!;
    await ec2.send(new CreateRouteCommand({ RouteTableId: table, DestinationCidrBlock: '0.0.0.0/0', CarrierGatewayId: g }));
    expect((await route(table))!.State).toBe('active');
    await ec2.send(new ReplaceRouteCommand({ RouteTableId: table, DestinationCidrBlock: '0.0.0.0/0', CarrierGatewayId: g2 }));
    expect(await route(table)).toEqual({ DestinationCidrBlock: '0.0.0.0/0', CarrierGatewayId: g2, Origin: 'CreateRoute', State: 'blackhole' });
    t.advance(5_000);
    expect((await route(table))!.State).toBe('active');
  });
});
