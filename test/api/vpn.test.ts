/** VPN gateways, customer gateways, VPN connections, route propagation and vgw routes (carrier gateways: carrierGateways.test.ts). */
import {
  AttachVpnGatewayCommand,
  CreateCustomerGatewayCommand,
  CreateRouteCommand,
  CreateRouteTableCommand,
  CreateTransitGatewayCommand,
  CreateVpcCommand,
  CreateVpnConnectionCommand,
  CreateVpnConnectionRouteCommand,
  CreateVpnGatewayCommand,
  DeleteCustomerGatewayCommand,
  DeleteTransitGatewayCommand,
  DeleteVpcCommand,
  DeleteVpnConnectionCommand,
  DeleteVpnConnectionRouteCommand,
  DeleteVpnGatewayCommand,
  DescribeCustomerGatewaysCommand,
  DescribeRouteTablesCommand,
  DescribeTransitGatewayAttachmentsCommand,
  DescribeTransitGatewayRouteTablesCommand,
  DescribeTransitGatewayVpcAttachmentsCommand,
  DescribeVpnConnectionsCommand,
  DescribeVpnGatewaysCommand,
  DetachVpnGatewayCommand,
  DisableVgwRoutePropagationCommand,
  EC2Client,
  EnableVgwRoutePropagationCommand,
  RouteTable,
  VpnGateway,
} from '@aws-sdk/client-ec2';
import { useTestServer } from '../helpers/env';
import { createNetwork, TestNetwork } from '../helpers/network';
import { expectEc2Error, TestServer } from '../helpers/server';

let t: TestServer;
let net: TestNetwork;
let ec2: EC2Client;
useTestServer({ network: 'each' }, (env) => ({ t, net } = env));
beforeEach(() => {
  ec2 = t.ec2;
  t.runtime.backend.resume();
});

const HOUR = 3_600_000;

const newVgw = async (asn?: number) =>
  (await ec2.send(new CreateVpnGatewayCommand({ Type: 'ipsec.1', AmazonSideAsn: asn }))).VpnGateway!.VpnGatewayId!;
const describeVgw = async (id: string): Promise<VpnGateway> =>
  (await ec2.send(new DescribeVpnGatewaysCommand({ VpnGatewayIds: [id] }))).VpnGateways![0];
const attach = (vgw: string, vpc = net.vpcId) => ec2.send(new AttachVpnGatewayCommand({ VpnGatewayId: vgw, VpcId: vpc }));
const newCgw = async (ip = '198.51.100.7', asn = 65010) =>
  (await ec2.send(new CreateCustomerGatewayCommand({ Type: 'ipsec.1', IpAddress: ip, BgpAsn: asn }))).CustomerGateway!.CustomerGatewayId!;
const newTable = async () => (await ec2.send(new CreateRouteTableCommand({ VpcId: net.vpcId }))).RouteTable!.RouteTableId!;
const describeTable = async (id: string): Promise<RouteTable> =>
  (await ec2.send(new DescribeRouteTablesCommand({ RouteTableIds: [id] }))).RouteTables![0];
const describeVpn = async (id: string) => (await ec2.send(new DescribeVpnConnectionsCommand({ VpnConnectionIds: [id] }))).VpnConnections![0];

describe('VPN gateways', () => {
  it('creates with the default or the requested Amazon side ASN, tags, and refuses a bad ASN', async () => {
    const { VpnGateway: g } = await ec2.send(
      new CreateVpnGatewayCommand({ Type: 'ipsec.1', TagSpecifications: [{ ResourceType: 'vpn-gateway', Tags: [{ Key: 'Name', Value: 'vgw1' }] }] }),
    );
    expect(g).toMatchObject({ Type: 'ipsec.1', State: 'available', AmazonSideAsn: 64512, VpcAttachments: [], Tags: [{ Key: 'Name', Value: 'vgw1' }] });
    expect(g!.VpnGatewayId).toMatch(/^vgw-[0-9a-f]{17}$/);
    expect((await describeVgw(await newVgw(65001))).AmazonSideAsn).toBe(65001);
    await expectEc2Error(ec2.send(new CreateVpnGatewayCommand({ Type: 'ipsec.1', AmazonSideAsn: 100 })), { code: 'InvalidParameterValue' });
  });

  it('attaches through attaching -> attached, detaches through detaching -> detached', async () => {
    const vgw = await newVgw();
    t.runtime.backend.pause();
    const { VpcAttachment } = await attach(vgw);
    expect(VpcAttachment).toEqual({ VpcId: net.vpcId, State: 'attaching' });
    expect((await describeVgw(vgw)).VpcAttachments).toEqual([{ VpcId: net.vpcId, State: 'attaching' }]);
    t.advance();
    expect((await describeVgw(vgw)).VpcAttachments).toEqual([{ VpcId: net.vpcId, State: 'attached' }]);
    await ec2.send(new DetachVpnGatewayCommand({ VpnGatewayId: vgw, VpcId: net.vpcId }));
    expect((await describeVgw(vgw)).VpcAttachments).toEqual([{ VpcId: net.vpcId, State: 'detaching' }]);
    t.advance();
    expect((await describeVgw(vgw)).VpcAttachments).toEqual([{ VpcId: net.vpcId, State: 'detached' }]);
    await expectEc2Error(ec2.send(new DetachVpnGatewayCommand({ VpnGatewayId: vgw, VpcId: net.vpcId })), {
      code: 'InvalidVpnGatewayAttachment.NotFound',
      message: `The attachment with vpn gateway ID '${vgw}' and vpc ID '${net.vpcId}' does not exist`,
    });
  });

  it('one VPC per gateway and one gateway per VPC', async () => {
    const vgw = await newVgw();
    await attach(vgw);
    const other = await newVgw();
    await expectEc2Error(attach(other), { code: 'InvalidVpcState', message: `VPC ${net.vpcId} is currently attached to the Virtual Private Gateway.` });
    const vpc2 = (await ec2.send(new CreateVpcCommand({ CidrBlock: '10.9.0.0/16' }))).Vpc!.VpcId!;
    await expectEc2Error(attach(vgw, vpc2), { code: 'VpnGatewayAttachmentLimitExceeded' });
    await expectEc2Error(attach(other, 'vpc-0123456789abcdef0'), { code: 'InvalidVpcID.NotFound' });
    await expectEc2Error(attach('vgw-0123456789abcdef0'), { code: 'InvalidVpnGatewayID.NotFound', message: "The vpnGateway ID 'vgw-0123456789abcdef0' does not exist" });
    await expectEc2Error(attach('igw-0123456789abcdef0'), { code: 'InvalidVpnGatewayID.Malformed', message: 'Invalid id: "igw-0123456789abcdef0" (expecting "vgw-...")' });
  });

  it('refuses to delete an attached gateway, and keeps the VPC from being deleted', async () => {
    const vpc2 = (await ec2.send(new CreateVpcCommand({ CidrBlock: '10.9.0.0/16' }))).Vpc!.VpcId!;
    const vgw = await newVgw();
    await attach(vgw, vpc2);
    await expectEc2Error(ec2.send(new DeleteVpnGatewayCommand({ VpnGatewayId: vgw })), { code: 'IncorrectState', message: 'The VPN gateway is in use.' });
    await expectEc2Error(ec2.send(new DeleteVpcCommand({ VpcId: vpc2 })), { code: 'DependencyViolation' });
    await ec2.send(new DetachVpnGatewayCommand({ VpnGatewayId: vgw, VpcId: vpc2 }));
    await ec2.send(new DeleteVpnGatewayCommand({ VpnGatewayId: vgw }));
    expect((await describeVgw(vgw)).State).toBe('deleted');
    await ec2.send(new DeleteVpcCommand({ VpcId: vpc2 }));
    t.advance(HOUR);
    await expectEc2Error(ec2.send(new DescribeVpnGatewaysCommand({ VpnGatewayIds: [vgw] })), { code: 'InvalidVpnGatewayID.NotFound' });
  });

  it('filters by attachment, state, ASN and tags; DryRun changes nothing', async () => {
    const a = await newVgw(65100);
    const b = await newVgw(65200);
    await attach(a);
    const by = async (Name: string, Values: string[]) =>
      (await ec2.send(new DescribeVpnGatewaysCommand({ VpnGatewayIds: [a, b], Filters: [{ Name, Values }] }))).VpnGateways!.map((g) => g.VpnGatewayId);
    expect(await by('attachment.vpc-id', [net.vpcId])).toEqual([a]);
    expect(await by('attachment.state', ['attached'])).toEqual([a]);
    expect(await by('amazon-side-asn', ['65200'])).toEqual([b]);
    expect(await by('state', ['available'])).toEqual([a, b]);
    expect(await by('type', ['ipsec.1'])).toEqual([a, b]);
    await expectEc2Error(ec2.send(new DeleteVpnGatewayCommand({ VpnGatewayId: b, DryRun: true })), { code: 'DryRunOperation', status: 412 });
    expect((await describeVgw(b)).State).toBe('available');
  });
});

describe('routes through a VPN gateway and route propagation', () => {
  it('a vgw route is active while the gateway is attached, blackhole once detached', async () => {
    const vgw = await newVgw();
    const rtb = await newTable();
    await expectEc2Error(ec2.send(new CreateRouteCommand({ RouteTableId: rtb, DestinationCidrBlock: '172.16.0.0/16', GatewayId: vgw })), {
      code: 'InvalidParameterValue',
    });
    await attach(vgw);
    await ec2.send(new CreateRouteCommand({ RouteTableId: rtb, DestinationCidrBlock: '172.16.0.0/16', GatewayId: vgw }));
    const route = () => describeTable(rtb).then((x) => x.Routes!.find((r) => r.DestinationCidrBlock === '172.16.0.0/16'));
    expect(await route()).toMatchObject({ GatewayId: vgw, Origin: 'CreateRoute', State: 'active' });
    await ec2.send(new DetachVpnGatewayCommand({ VpnGatewayId: vgw, VpcId: net.vpcId }));
    expect((await route())!.State).toBe('blackhole');
  });

  it('propagates the static routes of available connections into tables with propagation on', async () => {
    const vgw = await newVgw();
    const rtb = await newTable();
    await expectEc2Error(ec2.send(new EnableVgwRoutePropagationCommand({ RouteTableId: rtb, GatewayId: vgw })), {
      code: 'Gateway.NotAttached',
      message: `resource ${vgw} is not attached to network ${net.vpcId}`,
    });
    await attach(vgw);
    await ec2.send(new EnableVgwRoutePropagationCommand({ RouteTableId: rtb, GatewayId: vgw }));
    expect((await describeTable(rtb)).PropagatingVgws).toEqual([{ GatewayId: vgw }]);

    const cgw = await newCgw();
    const vpn = (await ec2.send(new CreateVpnConnectionCommand({ Type: 'ipsec.1', CustomerGatewayId: cgw, VpnGatewayId: vgw, Options: { StaticRoutesOnly: true } })))
      .VpnConnection!.VpnConnectionId!;
    await ec2.send(new CreateVpnConnectionRouteCommand({ VpnConnectionId: vpn, DestinationCidrBlock: '192.168.10.0/24' }));
    const propagated = (await describeTable(rtb)).Routes!.filter((r) => r.Origin === 'EnableVgwRoutePropagation');
    expect(propagated).toEqual([{ DestinationCidrBlock: '192.168.10.0/24', GatewayId: vgw, Origin: 'EnableVgwRoutePropagation', State: 'active' }]);
    // the filters see them
    const found = (await ec2.send(new DescribeRouteTablesCommand({ Filters: [{ Name: 'route.origin', Values: ['EnableVgwRoutePropagation'] }] }))).RouteTables!;
    expect(found.map((x) => x.RouteTableId)).toEqual([rtb]);
    // the main table does not propagate
    const main = (await ec2.send(new DescribeRouteTablesCommand({ Filters: [{ Name: 'association.main', Values: ['true'] }, { Name: 'vpc-id', Values: [net.vpcId] }] }))).RouteTables![0];
    expect(main.Routes!.some((r) => r.Origin === 'EnableVgwRoutePropagation')).toBe(false);

    await ec2.send(new DeleteVpnConnectionRouteCommand({ VpnConnectionId: vpn, DestinationCidrBlock: '192.168.10.0/24' }));
    expect((await describeTable(rtb)).Routes!.some((r) => r.Origin === 'EnableVgwRoutePropagation')).toBe(false);
    await ec2.send(new CreateVpnConnectionRouteCommand({ VpnConnectionId: vpn, DestinationCidrBlock: '192.168.10.0/24' }));
    await ec2.send(new DisableVgwRoutePropagationCommand({ RouteTableId: rtb, GatewayId: vgw }));
    const after = await describeTable(rtb);
    expect(after.PropagatingVgws).toEqual([]);
    expect(after.Routes!.some((r) => r.Origin === 'EnableVgwRoutePropagation')).toBe(false);
  });

  it('a deleted connection or a detached gateway propagates nothing', async () => {
    const vgw = await newVgw();
    const rtb = await newTable();
    await attach(vgw);
    await ec2.send(new EnableVgwRoutePropagationCommand({ RouteTableId: rtb, GatewayId: vgw }));
    const vpn = (await ec2.send(new CreateVpnConnectionCommand({ Type: 'ipsec.1', CustomerGatewayId: await newCgw(), VpnGatewayId: vgw }))).VpnConnection!
      .VpnConnectionId!;
    await ec2.send(new CreateVpnConnectionRouteCommand({ VpnConnectionId: vpn, DestinationCidrBlock: '192.168.0.0/16' }));
    expect((await describeTable(rtb)).Routes!.filter((r) => r.Origin === 'EnableVgwRoutePropagation')).toHaveLength(1);
    await ec2.send(new DetachVpnGatewayCommand({ VpnGatewayId: vgw, VpcId: net.vpcId }));
    expect((await describeTable(rtb)).Routes!.filter((r) => r.Origin === 'EnableVgwRoutePropagation')).toHaveLength(0);
    await attach(vgw);
    expect((await describeTable(rtb)).Routes!.filter((r) => r.Origin === 'EnableVgwRoutePropagation')).toHaveLength(1);
    await ec2.send(new DeleteVpnConnectionCommand({ VpnConnectionId: vpn }));
    expect((await describeTable(rtb)).Routes!.filter((r) => r.Origin === 'EnableVgwRoutePropagation')).toHaveLength(0);
  });
});

describe('customer gateways', () => {
  it('creates, answers the same gateway for the same address and ASN, filters, deletes', async () => {
    const { CustomerGateway: c } = await ec2.send(
      new CreateCustomerGatewayCommand({ Type: 'ipsec.1', IpAddress: '198.51.100.70', BgpAsn: 65070, TagSpecifications: [{ ResourceType: 'customer-gateway', Tags: [{ Key: 'k', Value: 'v' }] }] }),
    );
    expect(c).toMatchObject({ Type: 'ipsec.1', State: 'available', IpAddress: '198.51.100.70', BgpAsn: '65070', Tags: [{ Key: 'k', Value: 'v' }] });
    expect(c!.CustomerGatewayId).toMatch(/^cgw-[0-9a-f]{17}$/);
    expect(await newCgw('198.51.100.70', 65070)).toBe(c!.CustomerGatewayId);
    const other = await newCgw('198.51.100.80', 65080);
    const by = async (Name: string, Values: string[]) =>
      (await ec2.send(new DescribeCustomerGatewaysCommand({ Filters: [{ Name, Values }] }))).CustomerGateways!.map((g) => g.CustomerGatewayId);
    expect(await by('ip-address', ['198.51.100.80'])).toEqual([other]);
    expect(await by('bgp-asn', ['65070'])).toEqual([c!.CustomerGatewayId]);
    expect(await by('tag:k', ['v'])).toEqual([c!.CustomerGatewayId]);
    await ec2.send(new DeleteCustomerGatewayCommand({ CustomerGatewayId: other }));
    expect(await by('state', ['deleted'])).toEqual([other]);
  });

  it('refuses a bad address, a missing gateway and deleting one in use', async () => {
    await expectEc2Error(ec2.send(new CreateCustomerGatewayCommand({ Type: 'ipsec.1', IpAddress: '300.1.1.1', BgpAsn: 65000 })), { code: 'InvalidParameterValue' });
    await expectEc2Error(ec2.send(new DeleteCustomerGatewayCommand({ CustomerGatewayId: 'cgw-0123456789abcdef0' })), {
      code: 'InvalidCustomerGatewayID.NotFound',
      message: "The customerGateway ID 'cgw-0123456789abcdef0' does not exist",
    });
    await expectEc2Error(ec2.send(new DeleteCustomerGatewayCommand({ CustomerGatewayId: 'nope-1' })), { code: 'InvalidCustomerGatewayId.Malformed' });
    const cgw = await newCgw();
    await ec2.send(new CreateVpnConnectionCommand({ Type: 'ipsec.1', CustomerGatewayId: cgw, VpnGatewayId: await newVgw() }));
    await expectEc2Error(ec2.send(new DeleteCustomerGatewayCommand({ CustomerGatewayId: cgw })), { code: 'IncorrectState' });
  });
});

describe('VPN connections', () => {
  it('pending -> available, with tunnels, telemetry, options and a configuration; deleting -> deleted', async () => {
    const cgw = await newCgw('198.51.100.90', 65090);
    const vgw = await newVgw();
    t.runtime.backend.pause();
    const { VpnConnection: v } = await ec2.send(
      new CreateVpnConnectionCommand({
        Type: 'ipsec.1',
        CustomerGatewayId: cgw,
        VpnGatewayId: vgw,
        Options: { StaticRoutesOnly: true, TunnelOptions: [{ TunnelInsideCidr: '169.254.10.0/30', PreSharedKey: 'sharedsecret_1' }] },
        TagSpecifications: [{ ResourceType: 'vpn-connection', Tags: [{ Key: 'Name', Value: 'site' }] }],
      }),
    );
    expect(v).toMatchObject({ State: 'pending', Type: 'ipsec.1', CustomerGatewayId: cgw, VpnGatewayId: vgw, Category: 'VPN', Tags: [{ Key: 'Name', Value: 'site' }] });
    expect(v!.VpnConnectionId).toMatch(/^vpn-[0-9a-f]{17}$/);
    expect(v!.Options!.StaticRoutesOnly).toBe(true);
    expect(v!.Options!.TunnelOptions).toHaveLength(2);
    expect(v!.Options!.TunnelOptions![0]).toMatchObject({ TunnelInsideCidr: '169.254.10.0/30', PreSharedKey: 'sharedsecret_1' });
    expect(v!.VgwTelemetry!.map((x) => x.Status)).toEqual(['DOWN', 'DOWN']);
    expect(v!.VgwTelemetry!.map((x) => x.OutsideIpAddress)).toEqual(v!.Options!.TunnelOptions!.map((x) => x.OutsideIpAddress));
    expect(v!.CustomerGatewayConfiguration).toContain(`<vpn_connection id="${v!.VpnConnectionId}">`);
    expect(v!.CustomerGatewayConfiguration).toContain('<pre_shared_key>sharedsecret_1</pre_shared_key>');
    const id = v!.VpnConnectionId!;
    t.advance();
    expect((await describeVpn(id)).State).toBe('available');
    await ec2.send(new CreateVpnConnectionRouteCommand({ VpnConnectionId: id, DestinationCidrBlock: '10.200.0.0/16' }));
    expect((await describeVpn(id)).Routes).toEqual([{ DestinationCidrBlock: '10.200.0.0/16', Source: 'Static', State: 'available' }]);
    await expectEc2Error(ec2.send(new CreateVpnConnectionRouteCommand({ VpnConnectionId: id, DestinationCidrBlock: '10.200.0.0/16' })), { code: 'InvalidParameterValue' });
    const by = async (Name: string, Values: string[]) =>
      (await ec2.send(new DescribeVpnConnectionsCommand({ Filters: [{ Name, Values }] }))).VpnConnections!.map((c) => c.VpnConnectionId);
    expect(await by('route.destination-cidr-block', ['10.200.0.0/16'])).toEqual([id]);
    expect(await by('option.static-routes-only', ['true'])).toContain(id);
    expect(await by('option.static-routes-only', ['false'])).not.toContain(id);
    expect(await by('vpn-gateway-id', [vgw])).toEqual([id]);
    expect(await by('customer-gateway-id', [cgw])).toEqual([id]);
    expect(await by('bgp-asn', ['65090'])).toEqual([id]);

    await ec2.send(new DeleteVpnConnectionCommand({ VpnConnectionId: id }));
    expect((await describeVpn(id)).State).toBe('deleting');
    t.advance();
    const gone = await describeVpn(id);
    expect(gone.State).toBe('deleted');
    expect(gone.CustomerGatewayConfiguration).toBeUndefined();
    // the customer gateway is free again
    await ec2.send(new DeleteCustomerGatewayCommand({ CustomerGatewayId: cgw }));
    t.advance(HOUR);
    await expectEc2Error(ec2.send(new DescribeVpnConnectionsCommand({ VpnConnectionIds: [id] })), {
      code: 'InvalidVpnConnectionID.NotFound',
      message: `The vpnConnection ID '${id}' does not exist`,
    });
  });

  it('refuses unknown gateways, a transit gateway that does not exist, and no gateway at all', async () => {
    const cgw = await newCgw('198.51.100.91', 65091);
    await expectEc2Error(ec2.send(new CreateVpnConnectionCommand({ Type: 'ipsec.1', CustomerGatewayId: 'cgw-0123456789abcdef0', VpnGatewayId: await newVgw() })), {
      code: 'InvalidCustomerGatewayID.NotFound',
    });
    await expectEc2Error(ec2.send(new CreateVpnConnectionCommand({ Type: 'ipsec.1', CustomerGatewayId: cgw, VpnGatewayId: 'vgw-0123456789abcdef0' })), {
      code: 'InvalidVpnGatewayID.NotFound',
    });
    await expectEc2Error(ec2.send(new CreateVpnConnectionCommand({ Type: 'ipsec.1', CustomerGatewayId: cgw, TransitGatewayId: 'tgw-0123456789abcdef0' })), {
      code: 'InvalidTransitGatewayID.NotFound',
      message: "The transitGateway ID 'tgw-0123456789abcdef0' does not exist",
    });
    // AWS checks neither form of TransitGatewayId: any unknown one is not found (moto's AWS-verified tests)
    await expectEc2Error(ec2.send(new CreateVpnConnectionCommand({ Type: 'ipsec.1', CustomerGatewayId: cgw, TransitGatewayId: 'tgw-abcdefghij0123456' })), {
      code: 'InvalidTransitGatewayID.NotFound',
      message: "The transitGateway ID 'tgw-abcdefghij0123456' does not exist",
    });
    // ... and the customer gateway is checked before it; both gateways before anything
    await expectEc2Error(ec2.send(new CreateVpnConnectionCommand({ Type: 'ipsec.1', CustomerGatewayId: 'cgw-0123abcd', TransitGatewayId: 'gateway_id' })), {
      code: 'InvalidCustomerGatewayID.NotFound',
      message: "The customerGateway ID 'cgw-0123abcd' does not exist",
    });
    await expectEc2Error(
      ec2.send(new CreateVpnConnectionCommand({ Type: 'ipsec.1', CustomerGatewayId: 'cgw-0123abcd', VpnGatewayId: 'vgw-0123abcd', TransitGatewayId: 'gateway_id' })),
      { code: 'InvalidParameterValue', message: 'The request must not contain both parameter vpnGatewayId and transitGatewayId' },
    );
    await expectEc2Error(ec2.send(new CreateVpnConnectionCommand({ Type: 'ipsec.1', CustomerGatewayId: cgw })), { code: 'MissingParameter' });
    await expectEc2Error(ec2.send(new DeleteVpnConnectionCommand({ VpnConnectionId: 'vpn-0123456789abcdef0' })), { code: 'InvalidVpnConnectionID.NotFound' });
    expect((await ec2.send(new DescribeVpnConnectionsCommand({ Filters: [{ Name: 'customer-gateway-id', Values: [cgw] }] }))).VpnConnections).toEqual([]);
  });

  it('connects to a transit gateway through a vpn attachment associated with its default table, gone with it', async () => {
    t.runtime.backend.pause(); // states move only on t.advance()
    const tgw = (await ec2.send(new CreateTransitGatewayCommand({ Description: 'hub' }))).TransitGateway!.TransitGatewayId!;
    const cgw = await newCgw('198.51.100.92', 65092);
    // a gateway still pending is not usable yet
    await expectEc2Error(ec2.send(new CreateVpnConnectionCommand({ Type: 'ipsec.1', CustomerGatewayId: cgw, TransitGatewayId: tgw })), { code: 'IncorrectState' });
    t.advance();
    const vpn = (await ec2.send(new CreateVpnConnectionCommand({ Type: 'ipsec.1', CustomerGatewayId: cgw, TransitGatewayId: tgw }))).VpnConnection!;
    expect(vpn).toMatchObject({ TransitGatewayId: tgw, State: 'pending' });
    expect(vpn.VpnGatewayId).toBeUndefined();
    t.advance();
    expect(await describeVpn(vpn.VpnConnectionId!)).toMatchObject({ State: 'available', TransitGatewayId: tgw });
    const table = (await ec2.send(new DescribeTransitGatewayRouteTablesCommand({ Filters: [{ Name: 'transit-gateway-id', Values: [tgw] }] })))
      .TransitGatewayRouteTables![0].TransitGatewayRouteTableId!;
    const attachmentsOf = async () =>
      (await ec2.send(new DescribeTransitGatewayAttachmentsCommand({ Filters: [{ Name: 'resource-id', Values: [vpn.VpnConnectionId!] }] }))).TransitGatewayAttachments!;
    const [att] = await attachmentsOf();
    expect(att).toMatchObject({
      TransitGatewayId: tgw,
      ResourceType: 'vpn',
      ResourceId: vpn.VpnConnectionId,
      State: 'available',
      Association: { TransitGatewayRouteTableId: table, State: 'associated' },
    });
    // not a VPC attachment; the gateway cannot go while the connection holds it
    expect((await ec2.send(new DescribeTransitGatewayVpcAttachmentsCommand({}))).TransitGatewayVpcAttachments).toEqual([]);
    await expectEc2Error(ec2.send(new DeleteTransitGatewayCommand({ TransitGatewayId: tgw })), { code: 'IncorrectState' });
    await ec2.send(new DeleteVpnConnectionCommand({ VpnConnectionId: vpn.VpnConnectionId! }));
    expect((await attachmentsOf())[0].State).toBe('deleting');
    t.advance();
    expect((await attachmentsOf())[0].State).toBe('deleted');
    await ec2.send(new DeleteTransitGatewayCommand({ TransitGatewayId: tgw }));
  });

  it('a VPN gateway with a live connection cannot be deleted', async () => {
    const vgw = await newVgw();
    const vpn = (await ec2.send(new CreateVpnConnectionCommand({ Type: 'ipsec.1', CustomerGatewayId: await newCgw(), VpnGatewayId: vgw }))).VpnConnection!.VpnConnectionId!;
    await expectEc2Error(ec2.send(new DeleteVpnGatewayCommand({ VpnGatewayId: vgw })), { code: 'IncorrectState' });
    await ec2.send(new DeleteVpnConnectionCommand({ VpnConnectionId: vpn }));
    await ec2.send(new DeleteVpnGatewayCommand({ VpnGatewayId: vgw }));
  });
});
