/**
 * VPC endpoint services (PrivateLink) across accounts: the owner's configurations, permissions and connections; the
 * consumer's endpoints waiting for acceptance; deletes refused while endpoints hold a service; DryRun, filters, pages.
 */
import {
  AcceptVpcEndpointConnectionsCommand,
  CreateRouteCommand,
  CreateRouteTableCommand,
  CreateTagsCommand,
  DeleteRouteCommand,
  CreateVpcEndpointCommand,
  CreateVpcEndpointConnectionNotificationCommand,
  CreateVpcEndpointServiceConfigurationCommand,
  DeleteVpcEndpointConnectionNotificationsCommand,
  DeleteVpcEndpointServiceConfigurationsCommand,
  DeleteVpcEndpointsCommand,
  DescribeNetworkInterfacesCommand,
  DescribeRouteTablesCommand,
  DescribeTagsCommand,
  DescribeVpcEndpointConnectionNotificationsCommand,
  DescribeVpcEndpointConnectionsCommand,
  DescribeVpcEndpointServiceConfigurationsCommand,
  DescribeVpcEndpointServicePermissionsCommand,
  DescribeVpcEndpointServicesCommand,
  DescribeVpcEndpointsCommand,
  EC2Client,
  ModifyVpcAttributeCommand,
  ModifyVpcEndpointConnectionNotificationCommand,
  ModifyVpcEndpointServiceConfigurationCommand,
  ModifyVpcEndpointServicePermissionsCommand,
  RejectVpcEndpointConnectionsCommand,
  StartVpcEndpointServicePrivateDnsVerificationCommand,
  type CreateVpcEndpointServiceConfigurationCommandInput,
  type DescribeVpcEndpointServiceConfigurationsCommandInput,
  type ModifyVpcEndpointServiceConfigurationCommandInput,
  type VpcEndpoint,
} from '@aws-sdk/client-ec2';
import { useTestServer } from '../helpers/env';
import { createNetwork, type TestNetwork } from '../helpers/network';
import { expectEc2Error, TestServer } from '../helpers/server';
import { VISIBLE_TO } from '../../src/store/vpcEndpointServiceRepo';

const A = '123456789012'; // the service owner (the default account)
const B = '210987654321'; // an allowed consumer
const C = '333333333333'; // an account nobody allowed
const nlb = (account = A, name = 'svc', region = 'us-east-1') =>
  `arn:aws:elasticloadbalancing:${region}:${account}:loadbalancer/net/${name}/0123456789abcdef`;
const gwlb = (name = 'gw') => `arn:aws:elasticloadbalancing:us-east-1:${A}:loadbalancer/gwy/${name}/fedcba9876543210`;

let t: TestServer;
let owner: EC2Client;
let consumer: EC2Client;
let stranger: EC2Client;
let consumerNet: TestNetwork;
let octet = 100;
useTestServer({}, (env) => ({ t } = env));
beforeAll(async () => {
  owner = t.ec2;
  consumer = t.client({ accessKeyId: B });
  stranger = t.client({ accessKeyId: C });
  consumerNet = await createNetwork(consumer, '10.50.0.0/16');
});
beforeEach(() => t.runtime.backend.resume());

async function newService(extra: { AcceptanceRequired?: boolean; PrivateDnsName?: string; name?: string } = {}) {
  const out = await owner.send(
    new CreateVpcEndpointServiceConfigurationCommand({
      NetworkLoadBalancerArns: [nlb(A, extra.name ?? `svc${++octet}`)],
      AcceptanceRequired: extra.AcceptanceRequired ?? true,
      PrivateDnsName: extra.PrivateDnsName,
    }),
  );
  return out.ServiceConfiguration!;
}
const allow = (serviceId: string, ...principals: string[]) =>
  owner.send(new ModifyVpcEndpointServicePermissionsCommand({ ServiceId: serviceId, AddAllowedPrincipals: principals }));
const connect = async (client: EC2Client, serviceName: string, net: TestNetwork = consumerNet, extra: Partial<{ PrivateDnsEnabled: boolean }> = {}) =>
  (
    await client.send(
      new CreateVpcEndpointCommand({ VpcId: net.vpcId, VpcEndpointType: 'Interface', ServiceName: serviceName, SubnetIds: [net.subnetA1, net.subnetB], ...extra }),
    )
  ).VpcEndpoint!;
const endpointOf = async (client: EC2Client, id: string): Promise<VpcEndpoint> =>
  (await client.send(new DescribeVpcEndpointsCommand({ VpcEndpointIds: [id] }))).VpcEndpoints![0];
const connectionsOf = async (serviceId: string) =>
  (await owner.send(new DescribeVpcEndpointConnectionsCommand({ Filters: [{ Name: 'service-id', Values: [serviceId] }] }))).VpcEndpointConnections!;

describe('CreateVpcEndpointServiceConfiguration', () => {
  it('answers an available Interface service named after its id, with its load balancers, zones and DNS names', async () => {
    const out = await owner.send(
      new CreateVpcEndpointServiceConfigurationCommand({
        NetworkLoadBalancerArns: [nlb(A, 'web')],
        AcceptanceRequired: true,
        PrivateDnsName: 'api.example.com',
        TagSpecifications: [{ ResourceType: 'vpc-endpoint-service', Tags: [{ Key: 'Name', Value: 'web' }] }],
        ClientToken: 'svc-token-1',
      }),
    );
    const s = out.ServiceConfiguration!;
    expect(out.ClientToken).toBe('svc-token-1');
    expect(s.ServiceId).toMatch(/^vpce-svc-[0-9a-f]{17}$/);
    expect(s).toMatchObject({
      ServiceName: `com.amazonaws.vpce.us-east-1.${s.ServiceId}`,
      ServiceType: [{ ServiceType: 'Interface' }],
      ServiceState: 'Available',
      AcceptanceRequired: true,
      ManagesVpcEndpoints: false,
      NetworkLoadBalancerArns: [nlb(A, 'web')],
      AvailabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c', 'us-east-1d', 'us-east-1e', 'us-east-1f'],
      SupportedIpAddressTypes: ['ipv4'],
      BaseEndpointDnsNames: [`${s.ServiceId}.us-east-1.vpce.amazonaws.com`],
      PrivateDnsName: 'api.example.com',
      PrivateDnsNameConfiguration: { State: 'pendingVerification', Type: 'TXT' },
      Tags: [{ Key: 'Name', Value: 'web' }],
    });
    expect(s.PrivateDnsNameConfiguration!.Name).toMatch(/^_[0-9a-f]{20}$/);
    expect(s.PrivateDnsNameConfiguration!.Value).toMatch(/^vpce:[0-9a-f]{20}$/);
    // the same token and input: the same answer, nothing new
    const again = await owner.send(
      new CreateVpcEndpointServiceConfigurationCommand({
        NetworkLoadBalancerArns: [nlb(A, 'web')],
        AcceptanceRequired: true,
        PrivateDnsName: 'api.example.com',
        TagSpecifications: [{ ResourceType: 'vpc-endpoint-service', Tags: [{ Key: 'Name', Value: 'web' }] }],
        ClientToken: 'svc-token-1',
      }),
    );
    expect(again.ServiceConfiguration!.ServiceId).toBe(s.ServiceId);
    const tags = await owner.send(new DescribeTagsCommand({ Filters: [{ Name: 'resource-id', Values: [s.ServiceId!] }] }));
    expect(tags.Tags).toEqual([{ Key: 'Name', Value: 'web', ResourceId: s.ServiceId, ResourceType: 'vpc-endpoint-service' }]);
  });

  it('takes Gateway Load Balancers instead, as a GatewayLoadBalancer service', async () => {
    const s = (await owner.send(new CreateVpcEndpointServiceConfigurationCommand({ GatewayLoadBalancerArns: [gwlb()] }))).ServiceConfiguration!;
    expect(s).toMatchObject({ ServiceType: [{ ServiceType: 'GatewayLoadBalancer' }], GatewayLoadBalancerArns: [gwlb()], AcceptanceRequired: false });
    expect(s.NetworkLoadBalancerArns).toBeUndefined();
  });

  it('refuses no load balancer, both kinds, malformed ARNs, the wrong kind, another account or region, bad IP types; DryRun', async () => {
    const create = (input: CreateVpcEndpointServiceConfigurationCommandInput) =>
      owner.send(new CreateVpcEndpointServiceConfigurationCommand(input));
    const required = { code: 'InvalidParameter', message: 'exactly one of network_load_balancer_arn or gateway_load_balancer_arn is a required member' };
    await expectEc2Error(create({}), required);
    await expectEc2Error(create({ NetworkLoadBalancerArns: [nlb()], GatewayLoadBalancerArns: [gwlb()] }), required);
    await expectEc2Error(create({ NetworkLoadBalancerArns: ['arn:aws:elasticloadbalancing:us-east-1:123:nope'] }), {
      code: 'InvalidParameter',
      message: "The load balancer ARN 'arn:aws:elasticloadbalancing:us-east-1:123:nope' is not valid.",
    });
    await expectEc2Error(create({ NetworkLoadBalancerArns: [gwlb()] }), { code: 'InvalidParameter', message: `The load balancer ${gwlb()} is not a Network Load Balancer.` });
    await expectEc2Error(create({ NetworkLoadBalancerArns: [nlb(B)] }), { code: 'InvalidParameter', message: `The load balancer ${nlb(B)} was not found.` });
    await expectEc2Error(create({ NetworkLoadBalancerArns: [nlb(A, 'x', 'us-west-2')] }), { code: 'InvalidParameter' });
    await expectEc2Error(create({ NetworkLoadBalancerArns: [nlb()], SupportedIpAddressTypes: ['ipv5'] }), {
      code: 'InvalidParameter',
      message: "Invalid value 'ipv5' for supportedIpAddressType. Valid values are ipv4 and ipv6.",
    });
    await expectEc2Error(create({ NetworkLoadBalancerArns: [nlb()], PrivateDnsName: 'not a name' }), { code: 'InvalidParameter' });
    await expectEc2Error(create({ GatewayLoadBalancerArns: [gwlb()], PrivateDnsName: 'x.example.com' }), { code: 'InvalidParameter' });
    const before = (await owner.send(new DescribeVpcEndpointServiceConfigurationsCommand({}))).ServiceConfigurations!.length;
    await expectEc2Error(create({ DryRun: true, NetworkLoadBalancerArns: [nlb()] }), { code: 'DryRunOperation', status: 412 });
    expect((await owner.send(new DescribeVpcEndpointServiceConfigurationsCommand({}))).ServiceConfigurations).toHaveLength(before);
  });
});

describe('the two-account story', () => {
  it('owner creates, allows the consumer, the endpoint waits for acceptance, is accepted, then the service cannot go until the endpoint does', async () => {
    const s = await newService({ AcceptanceRequired: true });
    // not allowed yet: the consumer neither sees the service nor may connect to it
    const seen = async (client: EC2Client) =>
      (await client.send(new DescribeVpcEndpointServicesCommand({ Filters: [{ Name: 'service-name', Values: [s.ServiceName!] }] }))).ServiceDetails!;
    expect(await seen(consumer)).toEqual([]);
    await expectEc2Error(connect(consumer, s.ServiceName!), {
      code: 'InvalidServiceName',
      message: `The Vpc Endpoint Service '${s.ServiceName}' does not exist`,
    });
    expect(await seen(owner)).toHaveLength(1);

    const perm = await allow(s.ServiceId!, `arn:aws:iam::${B}:root`);
    expect(perm.ReturnValue).toBe(true);
    expect(perm.AddedPrincipals).toEqual([
      { PrincipalType: 'Account', Principal: `arn:aws:iam::${B}:root`, ServicePermissionId: expect.stringMatching(/^vpce-svc-perm-[0-9a-f]{17}$/), ServiceId: s.ServiceId },
    ]);
    const [detail] = await seen(consumer);
    expect(detail).toMatchObject({
      ServiceName: s.ServiceName,
      ServiceId: s.ServiceId,
      Owner: A,
      AcceptanceRequired: true,
      ServiceType: [{ ServiceType: 'Interface' }],
      AvailabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c', 'us-east-1d', 'us-east-1e', 'us-east-1f'],
      BaseEndpointDnsNames: [`${s.ServiceId}.us-east-1.vpce.amazonaws.com`],
    });
    expect(await seen(stranger)).toEqual([]);
    await expectEc2Error(connect(stranger, s.ServiceName!, await createNetwork(stranger, '10.60.0.0/16')), { code: 'InvalidServiceName' });

    // the consumer connects: pendingAcceptance, with its requester-managed interfaces
    const e = await connect(consumer, s.ServiceName!);
    expect(e).toMatchObject({ State: 'pendingAcceptance', VpcEndpointType: 'Interface', ServiceName: s.ServiceName, OwnerId: B, PrivateDnsEnabled: false });
    expect(e.NetworkInterfaceIds).toHaveLength(2);
    expect(e.DnsEntries![0].DnsName).toMatch(new RegExp(`^${e.VpcEndpointId}-[0-9a-f]{8}\\.${s.ServiceId}\\.us-east-1\\.vpce\\.amazonaws\\.com$`));
    const enis = (await consumer.send(new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: e.NetworkInterfaceIds }))).NetworkInterfaces!;
    expect(enis.map((n) => [n.InterfaceType, n.RequesterManaged, n.Description])).toEqual([
      ['vpc_endpoint', true, `VPC Endpoint Interface ${e.VpcEndpointId}`],
      ['vpc_endpoint', true, `VPC Endpoint Interface ${e.VpcEndpointId}`],
    ]);
    t.advance();
    expect((await endpointOf(consumer, e.VpcEndpointId!)).State).toBe('pendingAcceptance');

    // the owner sees the connection
    const [conn] = await connectionsOf(s.ServiceId!);
    expect(conn).toMatchObject({
      ServiceId: s.ServiceId,
      VpcEndpointId: e.VpcEndpointId,
      VpcEndpointOwner: B,
      VpcEndpointState: 'pendingAcceptance',
      VpcEndpointRegion: 'us-east-1',
      IpAddressType: 'ipv4',
      NetworkLoadBalancerArns: s.NetworkLoadBalancerArns,
    });
    expect(conn.VpcEndpointConnectionId).toMatch(/^vpce-con-[0-9a-f]{17}$/);
    expect(conn.DnsEntries).toEqual(e.DnsEntries);
    // the consumer has no connections of its own to see
    expect((await consumer.send(new DescribeVpcEndpointConnectionsCommand({}))).VpcEndpointConnections).toEqual([]);

    // delete refused while the endpoint waits
    const refused = await owner.send(new DeleteVpcEndpointServiceConfigurationsCommand({ ServiceIds: [s.ServiceId!] }));
    expect(refused.Unsuccessful).toEqual([
      { ResourceId: s.ServiceId, Error: { Code: 'ExistingVpcEndpointConnections', Message: 'Service has existing active VPC Endpoint connections!' } },
    ]);

    // accept: pending, then available through the back end
    t.runtime.backend.pause();
    const accepted = await owner.send(new AcceptVpcEndpointConnectionsCommand({ ServiceId: s.ServiceId!, VpcEndpointIds: [e.VpcEndpointId!] }));
    expect(accepted.Unsuccessful).toEqual([]);
    expect((await endpointOf(consumer, e.VpcEndpointId!)).State).toBe('pending');
    t.runtime.backend.resume();
    t.advance();
    expect((await endpointOf(consumer, e.VpcEndpointId!)).State).toBe('available');
    expect((await connectionsOf(s.ServiceId!))[0].VpcEndpointState).toBe('available');
    // accepting again: per item
    const twice = await owner.send(new AcceptVpcEndpointConnectionsCommand({ ServiceId: s.ServiceId!, VpcEndpointIds: [e.VpcEndpointId!, 'vpce-0123456789abcdef0'] }));
    expect(twice.Unsuccessful!.map((u) => [u.ResourceId, u.Error!.Code])).toEqual([
      [e.VpcEndpointId, 'InvalidState'],
      ['vpce-0123456789abcdef0', 'InvalidVpcEndpointId.NotFound'],
    ]);

    // still refused while available; allowed once the consumer deleted its endpoint
    expect((await owner.send(new DeleteVpcEndpointServiceConfigurationsCommand({ ServiceIds: [s.ServiceId!] }))).Unsuccessful![0].Error!.Code).toBe(
      'ExistingVpcEndpointConnections',
    );
    await consumer.send(new DeleteVpcEndpointsCommand({ VpcEndpointIds: [e.VpcEndpointId!] }));
    t.advance();
    expect((await connectionsOf(s.ServiceId!))[0].VpcEndpointState).toBe('deleted');
    const deleted = await owner.send(new DeleteVpcEndpointServiceConfigurationsCommand({ ServiceIds: [s.ServiceId!, 'vpce-svc-0123456789abcdef0'] }));
    expect(deleted.Unsuccessful).toEqual([
      {
        ResourceId: 'vpce-svc-0123456789abcdef0',
        Error: { Code: 'InvalidVpcEndpointService.NotFound', Message: "The VpcEndpointService Id 'vpce-svc-0123456789abcdef0' does not exist" },
      },
    ]);
    await expectEc2Error(owner.send(new DescribeVpcEndpointServiceConfigurationsCommand({ ServiceIds: [s.ServiceId!] })), {
      code: 'InvalidVpcEndpointServiceId.NotFound',
      message: `The VpcEndpointService Id '${s.ServiceId}' does not exist`,
    });
    expect(await seen(consumer)).toEqual([]);
  });

  it('reject path: the endpoint is rejected, the service may then go; without AcceptanceRequired endpoints become available at once', async () => {
    const s = await newService({ AcceptanceRequired: true });
    await allow(s.ServiceId!, '*');
    const e = await connect(consumer, s.ServiceName!);
    const rejected = await owner.send(new RejectVpcEndpointConnectionsCommand({ ServiceId: s.ServiceId!, VpcEndpointIds: [e.VpcEndpointId!] }));
    expect(rejected.Unsuccessful).toEqual([]);
    expect((await endpointOf(consumer, e.VpcEndpointId!)).State).toBe('rejected');
    expect((await connectionsOf(s.ServiceId!))[0].VpcEndpointState).toBe('rejected');
    // a rejected endpoint cannot be accepted
    const late = await owner.send(new AcceptVpcEndpointConnectionsCommand({ ServiceId: s.ServiceId!, VpcEndpointIds: [e.VpcEndpointId!] }));
    expect(late.Unsuccessful![0].Error!.Code).toBe('InvalidState');
    expect((await owner.send(new DeleteVpcEndpointServiceConfigurationsCommand({ ServiceIds: [s.ServiceId!] }))).Unsuccessful).toEqual([]);
    // the consumer's endpoint stays rejected until it deletes it
    expect((await endpointOf(consumer, e.VpcEndpointId!)).State).toBe('rejected');
    await consumer.send(new DeleteVpcEndpointsCommand({ VpcEndpointIds: [e.VpcEndpointId!] }));
    t.advance();
    expect((await endpointOf(consumer, e.VpcEndpointId!)).State).toBe('deleted');

    const open = await newService({ AcceptanceRequired: false });
    await allow(open.ServiceId!, `arn:aws:iam::${B}:root`);
    t.runtime.backend.pause();
    const e2 = await connect(consumer, open.ServiceName!);
    expect(e2.State).toBe('pending');
    t.runtime.backend.resume();
    t.advance();
    expect((await endpointOf(consumer, e2.VpcEndpointId!)).State).toBe('available');
    // rejecting an available connection disconnects it
    await owner.send(new RejectVpcEndpointConnectionsCommand({ ServiceId: open.ServiceId!, VpcEndpointIds: [e2.VpcEndpointId!] }));
    expect((await endpointOf(consumer, e2.VpcEndpointId!)).State).toBe('rejected');
    await consumer.send(new DeleteVpcEndpointsCommand({ VpcEndpointIds: [e2.VpcEndpointId!] }));
    t.advance();
  });

  it('the owner may connect to its own service; the wrong endpoint type is refused', async () => {
    const s = await newService({ AcceptanceRequired: false });
    const net = await createNetwork(owner, '10.70.0.0/16');
    await expectEc2Error(owner.send(new CreateVpcEndpointCommand({ VpcId: net.vpcId, ServiceName: s.ServiceName })), {
      code: 'InvalidParameter',
      message: `The Vpc Endpoint Service '${s.ServiceName}' does not support endpoint type Gateway.`,
    });
    const e = await connect(owner, s.ServiceName!, net);
    t.advance();
    expect((await endpointOf(owner, e.VpcEndpointId!)).State).toBe('available');
    expect((await connectionsOf(s.ServiceId!)).map((c) => c.VpcEndpointOwner)).toEqual([A]);
    await owner.send(new DeleteVpcEndpointsCommand({ VpcEndpointIds: [e.VpcEndpointId!] }));
    t.advance();
    await owner.send(new DeleteVpcEndpointServiceConfigurationsCommand({ ServiceIds: [s.ServiceId!] }));
  });

  it('Gateway Load Balancer endpoints take one subnet and get a gateway_load_balancer_endpoint interface', async () => {
    const s = (await owner.send(new CreateVpcEndpointServiceConfigurationCommand({ GatewayLoadBalancerArns: [gwlb('gw2')] }))).ServiceConfiguration!;
    await allow(s.ServiceId!, `arn:aws:iam::${B}:root`);
    const create = (subnets: string[]) =>
      consumer.send(new CreateVpcEndpointCommand({ VpcId: consumerNet.vpcId, VpcEndpointType: 'GatewayLoadBalancer', ServiceName: s.ServiceName, SubnetIds: subnets }));
    await expectEc2Error(create([consumerNet.subnetA1, consumerNet.subnetB]), { code: 'InvalidParameter', message: 'A Gateway Load Balancer endpoint requires exactly one subnet.' });
    await expectEc2Error(connect(consumer, s.ServiceName!), { code: 'InvalidParameter' });
    const e = (await create([consumerNet.subnetA2])).VpcEndpoint!;
    t.advance();
    const now = await endpointOf(consumer, e.VpcEndpointId!);
    expect(now).toMatchObject({ State: 'available', VpcEndpointType: 'GatewayLoadBalancer', SubnetIds: [consumerNet.subnetA2], DnsEntries: [], Groups: [] });
    const [eni] = (await consumer.send(new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: now.NetworkInterfaceIds }))).NetworkInterfaces!;
    expect(eni.InterfaceType).toBe('gateway_load_balancer_endpoint');
    await consumer.send(new DeleteVpcEndpointsCommand({ VpcEndpointIds: [e.VpcEndpointId!] }));
    t.advance();
  });

  it('routes to a Gateway Load Balancer endpoint are the user\'s and follow its state', async () => {
    const s = (await owner.send(new CreateVpcEndpointServiceConfigurationCommand({ GatewayLoadBalancerArns: [gwlb('gw3')], AcceptanceRequired: true }))).ServiceConfiguration!;
    await allow(s.ServiceId!, `arn:aws:iam::${B}:root`);
    const net = await createNetwork(consumer, '10.57.0.0/16');
    const rtb = (await consumer.send(new CreateRouteTableCommand({ VpcId: net.vpcId }))).RouteTable!.RouteTableId!;
    const e = (
      await consumer.send(new CreateVpcEndpointCommand({ VpcId: net.vpcId, VpcEndpointType: 'GatewayLoadBalancer', ServiceName: s.ServiceName, SubnetIds: [net.subnetA1] }))
    ).VpcEndpoint!;
    const route = async () =>
      (await consumer.send(new DescribeRouteTablesCommand({ RouteTableIds: [rtb] }))).RouteTables![0].Routes!.find((r) => r.DestinationCidrBlock === '0.0.0.0/0');
    await consumer.send(new CreateRouteCommand({ RouteTableId: rtb, DestinationCidrBlock: '0.0.0.0/0', VpcEndpointId: e.VpcEndpointId }));
    // waiting for acceptance: no traffic yet
    expect(await route()).toMatchObject({ GatewayId: e.VpcEndpointId, Origin: 'CreateRoute', State: 'blackhole' });
    await owner.send(new AcceptVpcEndpointConnectionsCommand({ ServiceId: s.ServiceId!, VpcEndpointIds: [e.VpcEndpointId!] }));
    t.advance();
    expect((await route())!.State).toBe('active');
    await owner.send(new RejectVpcEndpointConnectionsCommand({ ServiceId: s.ServiceId!, VpcEndpointIds: [e.VpcEndpointId!] }));
    expect((await route())!.State).toBe('blackhole');
    // an interface endpoint or another VPC's endpoint is no route target; the user may delete the route
    const other = await createNetwork(consumer, '10.58.0.0/16');
    const otherRtb = (await consumer.send(new CreateRouteTableCommand({ VpcId: other.vpcId }))).RouteTable!.RouteTableId!;
    await expectEc2Error(consumer.send(new CreateRouteCommand({ RouteTableId: otherRtb, DestinationCidrBlock: '0.0.0.0/0', VpcEndpointId: e.VpcEndpointId })), {
      code: 'InvalidParameterValue',
      message: `route table ${otherRtb} and VPC endpoint ${e.VpcEndpointId} belong to different networks`,
    });
    const itfService = await newService({ AcceptanceRequired: false });
    await allow(itfService.ServiceId!, `arn:aws:iam::${B}:root`);
    const itf = await connect(consumer, itfService.ServiceName!, other);
    await expectEc2Error(consumer.send(new CreateRouteCommand({ RouteTableId: otherRtb, DestinationCidrBlock: '0.0.0.0/0', VpcEndpointId: itf.VpcEndpointId })), {
      code: 'InvalidParameterValue',
      message: `Route target ${itf.VpcEndpointId} is not a Gateway Load Balancer endpoint.`,
    });
    await consumer.send(new DeleteRouteCommand({ RouteTableId: rtb, DestinationCidrBlock: '0.0.0.0/0' }));
    expect(await route()).toBeUndefined();
    // a route left when the endpoint is deleted turns blackhole
    await owner.send(new ModifyVpcEndpointServiceConfigurationCommand({ ServiceId: s.ServiceId!, AcceptanceRequired: false }));
    const e2 = (
      await consumer.send(new CreateVpcEndpointCommand({ VpcId: net.vpcId, VpcEndpointType: 'GatewayLoadBalancer', ServiceName: s.ServiceName, SubnetIds: [net.subnetB] }))
    ).VpcEndpoint!;
    t.advance();
    await consumer.send(new CreateRouteCommand({ RouteTableId: rtb, DestinationCidrBlock: '0.0.0.0/0', VpcEndpointId: e2.VpcEndpointId }));
    expect((await route())!.State).toBe('active');
    await consumer.send(new DeleteVpcEndpointsCommand({ VpcEndpointIds: [e.VpcEndpointId!, e2.VpcEndpointId!, itf.VpcEndpointId!] }));
    expect((await route())!.State).toBe('blackhole');
    t.advance();
    expect((await route())!.State).toBe('blackhole');
  });
});

describe('private DNS names', () => {
  it('are verified through the back end; a consumer endpoint then uses the name by default', async () => {
    const s = await newService({ AcceptanceRequired: false, PrivateDnsName: 'svc.example.com' });
    await allow(s.ServiceId!, `arn:aws:iam::${B}:root`);
    const dnsNet = await createNetwork(consumer, '10.51.0.0/16');
    await consumer.send(new ModifyVpcAttributeCommand({ VpcId: dnsNet.vpcId, EnableDnsHostnames: { Value: true } }));
    // not verified yet: asking for private DNS is refused, the default is off
    await expectEc2Error(connect(consumer, s.ServiceName!, dnsNet, { PrivateDnsEnabled: true }), { code: 'InvalidParameter' });
    const [detail] = (await consumer.send(new DescribeVpcEndpointServicesCommand({ ServiceNames: [s.ServiceName!] }))).ServiceDetails!;
    expect(detail).toMatchObject({ PrivateDnsName: 'svc.example.com', PrivateDnsNameVerificationState: 'pendingVerification' });

    t.runtime.backend.pause();
    await expectEc2Error(owner.send(new StartVpcEndpointServicePrivateDnsVerificationCommand({ DryRun: true, ServiceId: s.ServiceId! })), {
      code: 'DryRunOperation',
      status: 412,
    });
    expect((await owner.send(new StartVpcEndpointServicePrivateDnsVerificationCommand({ ServiceId: s.ServiceId! }))).ReturnValue).toBe(true);
    const describeConfig = async () => (await owner.send(new DescribeVpcEndpointServiceConfigurationsCommand({ ServiceIds: [s.ServiceId!] }))).ServiceConfigurations![0];
    expect((await describeConfig()).PrivateDnsNameConfiguration!.State).toBe('pendingVerification');
    t.runtime.backend.resume();
    t.advance();
    expect((await describeConfig()).PrivateDnsNameConfiguration!.State).toBe('verified');
    await expectEc2Error(owner.send(new StartVpcEndpointServicePrivateDnsVerificationCommand({ ServiceId: s.ServiceId! })), { code: 'InvalidParameter' });

    const e = await connect(consumer, s.ServiceName!, dnsNet);
    expect(e.PrivateDnsEnabled).toBe(true);
    expect(e.DnsEntries!.map((d) => d.DnsName)).toContain('svc.example.com');

    // a new name must be verified again
    await owner.send(new ModifyVpcEndpointServiceConfigurationCommand({ ServiceId: s.ServiceId!, PrivateDnsName: 'svc2.example.com' }));
    expect((await describeConfig()).PrivateDnsNameConfiguration).toMatchObject({ State: 'pendingVerification' });
    await owner.send(new ModifyVpcEndpointServiceConfigurationCommand({ ServiceId: s.ServiceId!, RemovePrivateDnsName: true }));
    expect((await describeConfig()).PrivateDnsName).toBeUndefined();
    await expectEc2Error(owner.send(new StartVpcEndpointServicePrivateDnsVerificationCommand({ ServiceId: s.ServiceId! })), {
      code: 'InvalidParameter',
      message: `The service ${s.ServiceId} does not have a private DNS name.`,
    });
    await consumer.send(new DeleteVpcEndpointsCommand({ VpcEndpointIds: [e.VpcEndpointId!] }));
    t.advance();
  });
});

describe('ModifyVpcEndpointServiceConfiguration', () => {
  it('changes acceptance, load balancers and IP address types; refuses an empty set and load balancer changes while connected', async () => {
    const s = await newService({ AcceptanceRequired: true });
    const modify = (input: Omit<ModifyVpcEndpointServiceConfigurationCommandInput, 'ServiceId'>) =>
      owner.send(new ModifyVpcEndpointServiceConfigurationCommand({ ServiceId: s.ServiceId!, ...input }));
    expect((await modify({ AcceptanceRequired: false, AddNetworkLoadBalancerArns: [nlb(A, 'second')], AddSupportedIpAddressTypes: ['ipv6'] })).Return).toBe(true);
    const [after] = (await owner.send(new DescribeVpcEndpointServiceConfigurationsCommand({ ServiceIds: [s.ServiceId!] }))).ServiceConfigurations!;
    expect(after).toMatchObject({
      AcceptanceRequired: false,
      NetworkLoadBalancerArns: [...s.NetworkLoadBalancerArns!, nlb(A, 'second')],
      SupportedIpAddressTypes: ['ipv4', 'ipv6'],
    });
    await expectEc2Error(modify({ RemoveSupportedIpAddressTypes: ['ipv4', 'ipv6'] }), { code: 'InvalidParameter' });
    await expectEc2Error(modify({ RemoveNetworkLoadBalancerArns: after.NetworkLoadBalancerArns }), { code: 'InvalidParameter' });
    await expectEc2Error(modify({ AddGatewayLoadBalancerArns: [gwlb()] }), { code: 'InvalidParameter' });
    await expectEc2Error(owner.send(new ModifyVpcEndpointServiceConfigurationCommand({ ServiceId: 'vpce-svc-0123456789abcdef0', AcceptanceRequired: true })), {
      code: 'InvalidVpcEndpointServiceId.NotFound',
    });
    // another account's service is not found either
    await expectEc2Error(consumer.send(new ModifyVpcEndpointServiceConfigurationCommand({ ServiceId: s.ServiceId!, AcceptanceRequired: true })), {
      code: 'InvalidVpcEndpointServiceId.NotFound',
    });
    await expectEc2Error(modify({ DryRun: true, AcceptanceRequired: true }), { code: 'DryRunOperation', status: 412 });
    expect((await owner.send(new DescribeVpcEndpointServiceConfigurationsCommand({ ServiceIds: [s.ServiceId!] }))).ServiceConfigurations![0].AcceptanceRequired).toBe(false);

    await allow(s.ServiceId!, `arn:aws:iam::${B}:root`);
    const e = await connect(consumer, s.ServiceName!);
    t.advance();
    await expectEc2Error(modify({ RemoveNetworkLoadBalancerArns: [nlb(A, 'second')] }), { code: 'ExistingVpcEndpointConnections' });
    await consumer.send(new DeleteVpcEndpointsCommand({ VpcEndpointIds: [e.VpcEndpointId!] }));
    t.advance();
    await modify({ RemoveNetworkLoadBalancerArns: [nlb(A, 'second')] });
  });
});

describe('permissions', () => {
  it('adds, lists, filters, pages and removes principals; refuses invalid ones; removing one keeps its connections', async () => {
    const s = await newService({ AcceptanceRequired: false });
    await allow(s.ServiceId!, `arn:aws:iam::${B}:root`, `arn:aws:iam::${C}:user/alice`, `arn:aws:iam::${C}:role/deployer`);
    const list = async (input: { Filters?: { Name: string; Values: string[] }[]; MaxResults?: number; NextToken?: string } = {}) =>
      owner.send(new DescribeVpcEndpointServicePermissionsCommand({ ServiceId: s.ServiceId!, ...input }));
    expect((await list()).AllowedPrincipals!.map((p) => [p.Principal, p.PrincipalType])).toEqual([
      [`arn:aws:iam::${B}:root`, 'Account'],
      [`arn:aws:iam::${C}:user/alice`, 'User'],
      [`arn:aws:iam::${C}:role/deployer`, 'Role'],
    ]);
    expect((await list({ Filters: [{ Name: 'principal-type', Values: ['Role', 'User'] }] })).AllowedPrincipals!.map((p) => p.PrincipalType)).toEqual(['User', 'Role']);
    expect((await list({ Filters: [{ Name: 'principal', Values: [`*${B}*`] }] })).AllowedPrincipals).toHaveLength(1);
    const page1 = await list({ MaxResults: 5 });
    expect(page1.AllowedPrincipals).toHaveLength(3);
    expect(page1.NextToken).toBeUndefined();
    // a user of account C does not let C's root (the caller ec2lite serves) see the service
    expect((await stranger.send(new DescribeVpcEndpointServicesCommand({}))).ServiceNames).not.toContain(s.ServiceName);

    await expectEc2Error(allow(s.ServiceId!, `arn:aws:sts::${B}:assumed-role/x/y`), {
      code: 'InvalidPrincipal',
      message: `Invalid Principal: 'arn:aws:sts::${B}:assumed-role/x/y'`,
    });
    await expectEc2Error(allow(s.ServiceId!, B), { code: 'InvalidPrincipal' });
    await expectEc2Error(owner.send(new DescribeVpcEndpointServicePermissionsCommand({ ServiceId: 'vpce-svc-0123456789abcdef0' })), {
      code: 'InvalidVpcEndpointServiceId.NotFound',
    });
    await expectEc2Error(
      owner.send(new ModifyVpcEndpointServicePermissionsCommand({ DryRun: true, ServiceId: s.ServiceId!, RemoveAllowedPrincipals: [`arn:aws:iam::${B}:root`] })),
      { code: 'DryRunOperation', status: 412 },
    );
    expect((await list()).AllowedPrincipals).toHaveLength(3);

    const e = await connect(consumer, s.ServiceName!);
    t.advance();
    await owner.send(new ModifyVpcEndpointServicePermissionsCommand({ ServiceId: s.ServiceId!, RemoveAllowedPrincipals: [`arn:aws:iam::${B}:root`] }));
    expect((await list()).AllowedPrincipals!.map((p) => p.Principal)).toEqual([`arn:aws:iam::${C}:user/alice`, `arn:aws:iam::${C}:role/deployer`]);
    expect((await endpointOf(consumer, e.VpcEndpointId!)).State).toBe('available');
    // but no new endpoint
    await expectEc2Error(connect(consumer, s.ServiceName!, await createNetwork(consumer, '10.52.0.0/16')), { code: 'InvalidServiceName' });
    await consumer.send(new DeleteVpcEndpointsCommand({ VpcEndpointIds: [e.VpcEndpointId!] }));
    t.advance();
  });
});

describe('Describe filters and pages', () => {
  it('DescribeVpcEndpointServiceConfigurations filters by id, name, state, IP type and tags, and pages', async () => {
    const s1 = await newService();
    const s2 = await newService();
    await owner.send(new CreateTagsCommand({ Resources: [s2.ServiceId!], Tags: [{ Key: 'team', Value: 'blue' }] }));
    const d = async (input: DescribeVpcEndpointServiceConfigurationsCommandInput) =>
      (await owner.send(new DescribeVpcEndpointServiceConfigurationsCommand(input))).ServiceConfigurations!.map((s) => s.ServiceId);
    expect(await d({ Filters: [{ Name: 'service-id', Values: [s1.ServiceId!] }] })).toEqual([s1.ServiceId]);
    expect(await d({ Filters: [{ Name: 'service-name', Values: [s2.ServiceName!] }] })).toEqual([s2.ServiceId]);
    expect(await d({ Filters: [{ Name: 'tag:team', Values: ['blue'] }] })).toEqual([s2.ServiceId]);
    expect(await d({ Filters: [{ Name: 'tag-key', Values: ['team'] }] })).toEqual([s2.ServiceId]);
    expect(await d({ Filters: [{ Name: 'service-state', Values: ['Available'] }, { Name: 'service-id', Values: [s1.ServiceId!, s2.ServiceId!] }] })).toEqual([
      s1.ServiceId,
      s2.ServiceId,
    ]);
    expect(await d({ Filters: [{ Name: 'supported-ip-address-types', Values: ['ipv6'] }, { Name: 'service-id', Values: [s1.ServiceId!] }] })).toEqual([]);
    // pages of one over every service
    const all = await d({});
    const paged: (string | undefined)[] = [];
    let token: string | undefined;
    do {
      const out = await owner.send(new DescribeVpcEndpointServiceConfigurationsCommand({ MaxResults: 5, NextToken: token }));
      paged.push(...out.ServiceConfigurations!.map((s) => s.ServiceId));
      token = out.NextToken;
    } while (token);
    expect(paged).toEqual(all);
    expect(all.length).toBeGreaterThan(5);
    // the consumer has no configurations of its own
    expect((await consumer.send(new DescribeVpcEndpointServiceConfigurationsCommand({}))).ServiceConfigurations).toEqual([]);
  });

  it('DescribeVpcEndpointConnections filters by owner, state, endpoint and pages; DescribeVpcEndpointServices shows owners', async () => {
    const s = await newService({ AcceptanceRequired: true });
    await allow(s.ServiceId!, '*');
    const nets = [await createNetwork(consumer, '10.53.0.0/16'), await createNetwork(consumer, '10.54.0.0/16')];
    const e1 = await connect(consumer, s.ServiceName!, nets[0]);
    const e2 = await connect(consumer, s.ServiceName!, nets[1]);
    const ownNet = await createNetwork(owner, '10.71.0.0/16');
    const e3 = await connect(owner, s.ServiceName!, ownNet);
    await owner.send(new AcceptVpcEndpointConnectionsCommand({ ServiceId: s.ServiceId!, VpcEndpointIds: [e2.VpcEndpointId!] }));
    t.advance();
    const ids = async (filters: { Name: string; Values: string[] }[]) =>
      (await owner.send(new DescribeVpcEndpointConnectionsCommand({ Filters: [{ Name: 'service-id', Values: [s.ServiceId!] }, ...filters] }))).VpcEndpointConnections!.map(
        (c) => c.VpcEndpointId,
      );
    expect(await ids([])).toEqual([e1.VpcEndpointId, e2.VpcEndpointId, e3.VpcEndpointId]);
    expect(await ids([{ Name: 'vpc-endpoint-owner', Values: [B] }])).toEqual([e1.VpcEndpointId, e2.VpcEndpointId]);
    expect(await ids([{ Name: 'vpc-endpoint-state', Values: ['available'] }])).toEqual([e2.VpcEndpointId]);
    expect(await ids([{ Name: 'vpc-endpoint-state', Values: ['pendingAcceptance'] }])).toEqual([e1.VpcEndpointId, e3.VpcEndpointId]);
    expect(await ids([{ Name: 'vpc-endpoint-id', Values: [e3.VpcEndpointId!] }, { Name: 'vpc-endpoint-region', Values: ['us-east-1'] }])).toEqual([e3.VpcEndpointId]);
    expect(await ids([{ Name: 'ip-address-type', Values: ['ipv6'] }])).toEqual([]);
    const first = await owner.send(new DescribeVpcEndpointConnectionsCommand({ Filters: [{ Name: 'service-id', Values: [s.ServiceId!] }], MaxResults: 5 }));
    expect(first.VpcEndpointConnections).toHaveLength(3);

    // a wildcard principal lets anyone see it, with the owner named
    const [seen] = (await stranger.send(new DescribeVpcEndpointServicesCommand({ Filters: [{ Name: 'owner', Values: [A] }, { Name: 'service-name', Values: [s.ServiceName!] }] })))
      .ServiceDetails!;
    expect(seen).toMatchObject({ Owner: A, AcceptanceRequired: true });
    // the catalog still comes first, and ServiceNames lists both
    const names = (await consumer.send(new DescribeVpcEndpointServicesCommand({}))).ServiceNames!;
    expect(names.indexOf('com.amazonaws.us-east-1.s3')).toBeLessThan(names.indexOf(s.ServiceName!));

    await owner.send(new RejectVpcEndpointConnectionsCommand({ ServiceId: s.ServiceId!, VpcEndpointIds: [e1.VpcEndpointId!, e2.VpcEndpointId!, e3.VpcEndpointId!] }));
    await consumer.send(new DeleteVpcEndpointsCommand({ VpcEndpointIds: [e1.VpcEndpointId!, e2.VpcEndpointId!] }));
    await owner.send(new DeleteVpcEndpointsCommand({ VpcEndpointIds: [e3.VpcEndpointId!] }));
    t.advance();
  });
});

describe('connection notifications', () => {
  const topic = `arn:aws:sns:us-east-1:${A}:vpce-events`;
  it('are created for a service or an endpoint, described, filtered, modified and deleted', async () => {
    const s = await newService();
    const created = await owner.send(
      new CreateVpcEndpointConnectionNotificationCommand({ ServiceId: s.ServiceId, ConnectionNotificationArn: topic, ConnectionEvents: ['Connect', 'Accept'] }),
    );
    const n = created.ConnectionNotification!;
    expect(n).toMatchObject({
      ServiceId: s.ServiceId,
      ConnectionNotificationType: 'Topic',
      ConnectionNotificationArn: topic,
      ConnectionEvents: ['Connect', 'Accept'],
      ConnectionNotificationState: 'Enabled',
      ServiceRegion: 'us-east-1',
    });
    expect(n.ConnectionNotificationId).toMatch(/^vpce-nfn-[0-9a-f]{17}$/);
    await expectEc2Error(
      owner.send(new CreateVpcEndpointConnectionNotificationCommand({ ConnectionNotificationArn: topic, ConnectionEvents: ['Connect'] })),
      { code: 'InvalidParameter' },
    );
    await expectEc2Error(
      owner.send(new CreateVpcEndpointConnectionNotificationCommand({ ServiceId: s.ServiceId, ConnectionNotificationArn: 'arn:aws:sqs:x', ConnectionEvents: ['Connect'] })),
      { code: 'InvalidParameter' },
    );
    await expectEc2Error(
      owner.send(new CreateVpcEndpointConnectionNotificationCommand({ ServiceId: s.ServiceId, ConnectionNotificationArn: topic, ConnectionEvents: ['Explode'] })),
      { code: 'InvalidParameter' },
    );
    await owner.send(new ModifyVpcEndpointConnectionNotificationCommand({ ConnectionNotificationId: n.ConnectionNotificationId!, ConnectionEvents: ['Reject'] }));
    const described = await owner.send(new DescribeVpcEndpointConnectionNotificationsCommand({ ConnectionNotificationId: n.ConnectionNotificationId }));
    expect(described.ConnectionNotificationSet!.map((x) => x.ConnectionEvents)).toEqual([['Reject']]);
    const byService = await owner.send(new DescribeVpcEndpointConnectionNotificationsCommand({ Filters: [{ Name: 'service-id', Values: [s.ServiceId!] }] }));
    expect(byService.ConnectionNotificationSet!.map((x) => x.ConnectionNotificationId)).toEqual([n.ConnectionNotificationId]);
    const deleted = await owner.send(
      new DeleteVpcEndpointConnectionNotificationsCommand({ ConnectionNotificationIds: [n.ConnectionNotificationId!, 'vpce-nfn-0123456789abcdef0'] }),
    );
    expect(deleted.Unsuccessful!.map((u) => [u.ResourceId, u.Error!.Code])).toEqual([['vpce-nfn-0123456789abcdef0', 'InvalidConnectionNotification']]);
    await expectEc2Error(owner.send(new DescribeVpcEndpointConnectionNotificationsCommand({ ConnectionNotificationId: n.ConnectionNotificationId })), {
      code: 'InvalidConnectionNotification',
    });
  });

  it('a consumer may watch its own endpoint, not another account\'s service', async () => {
    const s = await newService({ AcceptanceRequired: false });
    await allow(s.ServiceId!, `arn:aws:iam::${B}:root`);
    const net = await createNetwork(consumer, '10.56.0.0/16');
    const e = await connect(consumer, s.ServiceName!, net);
    const consumerTopic = `arn:aws:sns:us-east-1:${B}:mine`;
    const n = (
      await consumer.send(new CreateVpcEndpointConnectionNotificationCommand({ VpcEndpointId: e.VpcEndpointId, ConnectionNotificationArn: consumerTopic, ConnectionEvents: ['Accept', 'Reject'] }))
    ).ConnectionNotification!;
    expect(n).toMatchObject({ VpcEndpointId: e.VpcEndpointId, ConnectionEvents: ['Accept', 'Reject'] });
    expect(n.ServiceId).toBeUndefined();
    const byEndpoint = await consumer.send(new DescribeVpcEndpointConnectionNotificationsCommand({ Filters: [{ Name: 'vpc-endpoint-id', Values: [e.VpcEndpointId!] }] }));
    expect(byEndpoint.ConnectionNotificationSet!.map((x) => x.ConnectionNotificationId)).toEqual([n.ConnectionNotificationId]);
    // the owner sees none of the consumer's notifications, and the consumer may not watch the owner's service
    expect((await owner.send(new DescribeVpcEndpointConnectionNotificationsCommand({ Filters: [{ Name: 'vpc-endpoint-id', Values: [e.VpcEndpointId!] }] }))).ConnectionNotificationSet).toEqual([]);
    await expectEc2Error(
      consumer.send(new CreateVpcEndpointConnectionNotificationCommand({ ServiceId: s.ServiceId, ConnectionNotificationArn: consumerTopic, ConnectionEvents: ['Connect'] })),
      { code: 'InvalidVpcEndpointServiceId.NotFound' },
    );
    await consumer.send(new DeleteVpcEndpointConnectionNotificationsCommand({ ConnectionNotificationIds: [n.ConnectionNotificationId!] }));
    await consumer.send(new DeleteVpcEndpointsCommand({ VpcEndpointIds: [e.VpcEndpointId!] }));
    t.advance();
  });
});

describe('tags', () => {
  it('CreateTags and DescribeTags know services and permissions by their ids', async () => {
    const s = await newService();
    const [perm] = (await allow(s.ServiceId!, `arn:aws:iam::${B}:root`)).AddedPrincipals!;
    await owner.send(new CreateTagsCommand({ Resources: [s.ServiceId!, perm.ServicePermissionId!], Tags: [{ Key: 'env', Value: 'test' }] }));
    const tags = await owner.send(new DescribeTagsCommand({ Filters: [{ Name: 'key', Values: ['env'] }, { Name: 'resource-id', Values: [s.ServiceId!, perm.ServicePermissionId!] }] }));
    expect(tags.Tags!.map((x) => [x.ResourceId, x.ResourceType])).toEqual([
      [s.ServiceId, 'vpc-endpoint-service'],
      [perm.ServicePermissionId, 'vpc-endpoint-service-permission'],
    ]);
    const [listed] = (await owner.send(new DescribeVpcEndpointServicePermissionsCommand({ ServiceId: s.ServiceId! }))).AllowedPrincipals!;
    expect(listed.Tags).toEqual([{ Key: 'env', Value: 'test' }]);
    // another account's service is not found
    await expectEc2Error(consumer.send(new CreateTagsCommand({ Resources: [s.ServiceId!], Tags: [{ Key: 'x', Value: 'y' }] })), {
      code: 'InvalidVpcEndpointServiceId.NotFound',
    });
    // deleting the service takes the tags with it
    await owner.send(new DeleteVpcEndpointServiceConfigurationsCommand({ ServiceIds: [s.ServiceId!] }));
    expect((await owner.send(new DescribeTagsCommand({ Filters: [{ Name: 'resource-id', Values: [s.ServiceId!, perm.ServicePermissionId!] }] }))).Tags).toEqual([]);
  });
});

describe('DryRun', () => {
  it('every call validates, answers 412 DryRunOperation and changes nothing', async () => {
    const s = await newService({ AcceptanceRequired: true });
    await allow(s.ServiceId!, '*');
    const net = await createNetwork(consumer, '10.55.0.0/16');
    const dry = { code: 'DryRunOperation', status: 412 };
    await expectEc2Error(consumer.send(new CreateVpcEndpointCommand({ DryRun: true, VpcId: net.vpcId, VpcEndpointType: 'Interface', ServiceName: s.ServiceName, SubnetIds: [net.subnetA1] })), dry);
    expect(await connectionsOf(s.ServiceId!)).toEqual([]);
    const e = await connect(consumer, s.ServiceName!, net);
    const id = { ServiceId: s.ServiceId!, VpcEndpointIds: [e.VpcEndpointId!] };
    await expectEc2Error(owner.send(new AcceptVpcEndpointConnectionsCommand({ DryRun: true, ...id })), dry);
    await expectEc2Error(owner.send(new RejectVpcEndpointConnectionsCommand({ DryRun: true, ...id })), dry);
    expect((await endpointOf(consumer, e.VpcEndpointId!)).State).toBe('pendingAcceptance');
    await expectEc2Error(owner.send(new DescribeVpcEndpointConnectionsCommand({ DryRun: true })), dry);
    await expectEc2Error(owner.send(new DescribeVpcEndpointServiceConfigurationsCommand({ DryRun: true })), dry);
    await expectEc2Error(owner.send(new DescribeVpcEndpointServicePermissionsCommand({ DryRun: true, ServiceId: s.ServiceId! })), dry);
    const topic = `arn:aws:sns:us-east-1:${A}:dry`;
    await expectEc2Error(
      owner.send(new CreateVpcEndpointConnectionNotificationCommand({ DryRun: true, ServiceId: s.ServiceId, ConnectionNotificationArn: topic, ConnectionEvents: ['Connect'] })),
      dry,
    );
    const n = (await owner.send(new CreateVpcEndpointConnectionNotificationCommand({ ServiceId: s.ServiceId, ConnectionNotificationArn: topic, ConnectionEvents: ['Connect'] })))
      .ConnectionNotification!;
    await expectEc2Error(owner.send(new ModifyVpcEndpointConnectionNotificationCommand({ DryRun: true, ConnectionNotificationId: n.ConnectionNotificationId!, ConnectionEvents: ['Delete'] })), dry);
    await expectEc2Error(owner.send(new DeleteVpcEndpointConnectionNotificationsCommand({ DryRun: true, ConnectionNotificationIds: [n.ConnectionNotificationId!] })), dry);
    await expectEc2Error(owner.send(new DescribeVpcEndpointConnectionNotificationsCommand({ DryRun: true })), dry);
    const kept = await owner.send(new DescribeVpcEndpointConnectionNotificationsCommand({ ConnectionNotificationId: n.ConnectionNotificationId }));
    expect(kept.ConnectionNotificationSet![0].ConnectionEvents).toEqual(['Connect']);
    await expectEc2Error(owner.send(new DeleteVpcEndpointServiceConfigurationsCommand({ DryRun: true, ServiceIds: [s.ServiceId!] })), dry);
    // an error found on the way wins over DryRunOperation
    await expectEc2Error(owner.send(new AcceptVpcEndpointConnectionsCommand({ DryRun: true, ServiceId: 'vpce-svc-0123456789abcdef0', VpcEndpointIds: [e.VpcEndpointId!] })), {
      code: 'InvalidVpcEndpointServiceId.NotFound',
    });
    // deleting the service (once the endpoint is rejected) takes its notifications with it
    await owner.send(new RejectVpcEndpointConnectionsCommand(id));
    expect((await owner.send(new DeleteVpcEndpointServiceConfigurationsCommand({ ServiceIds: [s.ServiceId!] }))).Unsuccessful).toEqual([]);
    await expectEc2Error(owner.send(new DescribeVpcEndpointConnectionNotificationsCommand({ ConnectionNotificationId: n.ConnectionNotificationId })), {
      code: 'InvalidConnectionNotification',
    });
    await consumer.send(new DeleteVpcEndpointsCommand({ VpcEndpointIds: [e.VpcEndpointId!] }));
    t.advance();
  });
});

describe('DescribeVpcEndpointServices', () => {
  it('pages over the catalog and then the PrivateLink services the caller may see', async () => {
    const s = await newService();
    await allow(s.ServiceId!, `arn:aws:iam::${B}:root`);
    const all = (await consumer.send(new DescribeVpcEndpointServicesCommand({}))).ServiceDetails!.map((d) => `${d.ServiceName}/${d.ServiceType![0].ServiceType}`);
    expect(all).toContain(`${s.ServiceName}/Interface`);
    const paged: string[] = [];
    let token: string | undefined;
    do {
      const out = await consumer.send(new DescribeVpcEndpointServicesCommand({ MaxResults: 5, NextToken: token }));
      paged.push(...out.ServiceDetails!.map((d) => `${d.ServiceName}/${d.ServiceType![0].ServiceType}`));
      token = out.NextToken;
    } while (token);
    expect(paged).toEqual(all);
    const mine = await consumer.send(new DescribeVpcEndpointServicesCommand({ Filters: [{ Name: 'owner', Values: [A] }, { Name: 'service-type', Values: ['Interface'] }] }));
    expect(mine.ServiceNames).toContain(s.ServiceName);
    expect(mine.ServiceNames!.every((n) => n.startsWith('com.amazonaws.vpce.us-east-1.vpce-svc-'))).toBe(true);
    // another region does not list it
    const west = t.client({ accessKeyId: B, region: 'us-west-2' });
    expect((await west.send(new DescribeVpcEndpointServicesCommand({}))).ServiceNames).not.toContain(s.ServiceName);
  });
});

describe('review fixes: indexed visibility, notifications that go with their endpoint', () => {
  it('DescribeVpcEndpointServices reads the caller\'s own services and its permissions through indexes, never every service', async () => {
    const s = await newService({ AcceptanceRequired: false });
    const other = await newService();
    await allow(s.ServiceId!, `arn:aws:iam::${B}:root`);
    const seen = (await consumer.send(new DescribeVpcEndpointServicesCommand({}))).ServiceNames!;
    expect(seen).toContain(s.ServiceName);
    expect(seen).not.toContain(other.ServiceName);
    expect((await stranger.send(new DescribeVpcEndpointServicesCommand({}))).ServiceNames).not.toContain(s.ServiceName);
    expect((await owner.send(new DescribeVpcEndpointServicesCommand({}))).ServiceNames).toEqual(expect.arrayContaining([s.ServiceName, other.ServiceName]));

    const plan = (sql: string, ...args: unknown[]) =>
      (t.runtime.db.raw.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as Array<{ detail: string }>).map((r) => r.detail);
    const visible = plan(VISIBLE_TO, B, 'us-east-1', JSON.stringify([`arn:aws:iam::${B}:root`, '*']), 'us-east-1');
    expect(visible.filter((d) => /^SCAN (s|p)\b/.test(d))).toEqual([]);
    expect(visible).toEqual(
      expect.arrayContaining([expect.stringMatching(/SEARCH s USING INDEX vpc_endpoint_services_scope/), expect.stringMatching(/SEARCH p USING .*INDEX vpc_endpoint_service_permissions_principal/)]),
    );
    const byService = plan('SELECT * FROM vpc_endpoint_connection_notifications WHERE service_id = ? ORDER BY seq', s.ServiceId);
    expect(byService).toEqual([expect.stringMatching(/SEARCH vpc_endpoint_connection_notifications USING INDEX vpc_endpoint_connection_notifications_service/)]);
    await owner.send(new DeleteVpcEndpointServiceConfigurationsCommand({ ServiceIds: [other.ServiceId!] }));
  });

  it('a consumer\'s notification on its endpoint is gone once the endpoint is purged; the service\'s own stays', async () => {
    const s = await newService({ AcceptanceRequired: false });
    await allow(s.ServiceId!, `arn:aws:iam::${B}:root`);
    const net = await createNetwork(consumer, '10.57.0.0/16');
    const e = await connect(consumer, s.ServiceName!, net);
    const mine = (
      await consumer.send(
        new CreateVpcEndpointConnectionNotificationCommand({ VpcEndpointId: e.VpcEndpointId, ConnectionNotificationArn: `arn:aws:sns:us-east-1:${B}:mine`, ConnectionEvents: ['Accept'] }),
      )
    ).ConnectionNotification!;
    const theirs = (
      await owner.send(
        new CreateVpcEndpointConnectionNotificationCommand({ ServiceId: s.ServiceId, ConnectionNotificationArn: `arn:aws:sns:us-east-1:${A}:theirs`, ConnectionEvents: ['Connect'] }),
      )
    ).ConnectionNotification!;
    await consumer.send(new DeleteVpcEndpointsCommand({ VpcEndpointIds: [e.VpcEndpointId!] }));
    t.advance();
    t.advance(t.runtime.config.terminatedTtlMs + 1);
    expect((await consumer.send(new DescribeVpcEndpointsCommand({ Filters: [{ Name: 'vpc-endpoint-id', Values: [e.VpcEndpointId!] }] }))).VpcEndpoints).toEqual([]);
    await expectEc2Error(consumer.send(new DescribeVpcEndpointConnectionNotificationsCommand({ ConnectionNotificationId: mine.ConnectionNotificationId })), {
      code: 'InvalidConnectionNotification',
    });
    const kept = await owner.send(new DescribeVpcEndpointConnectionNotificationsCommand({ ConnectionNotificationId: theirs.ConnectionNotificationId }));
    expect(kept.ConnectionNotificationSet!.map((n) => n.ServiceId)).toEqual([s.ServiceId]);
    // the service's own notifications go with the service
    await owner.send(new DeleteVpcEndpointServiceConfigurationsCommand({ ServiceIds: [s.ServiceId!] }));
    await expectEc2Error(owner.send(new DescribeVpcEndpointConnectionNotificationsCommand({ ConnectionNotificationId: theirs.ConnectionNotificationId })), {
      code: 'InvalidConnectionNotification',
    });
  });
});
