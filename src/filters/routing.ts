/** The filters of DescribeRouteTables and DescribeInternetGateways, over the API objects. */
import type { EgressOnlyInternetGateway, InternetGateway, RouteTable } from '../protocol/model/types.generated';
import type { FilterSpec } from './engine';

const routes = <T>(t: RouteTable, f: (r: NonNullable<RouteTable['Routes']>[number]) => T) => (t.Routes ?? []).map(f);
const assocs = <T>(t: RouteTable, f: (a: NonNullable<RouteTable['Associations']>[number]) => T) => (t.Associations ?? []).map(f);
const none = { get: () => undefined };

export const routeTableFilters: FilterSpec<RouteTable> = {
  idSql: 'r.id',
  tags: (t) => t.Tags,
  fields: {
    'association.gateway-id': { get: (t) => assocs(t, (a) => a.GatewayId) },
    'association.main': { get: (t) => assocs(t, (a) => a.Main) },
    'association.route-table-association-id': { get: (t) => assocs(t, (a) => a.RouteTableAssociationId) },
    'association.route-table-id': { get: (t) => assocs(t, (a) => a.RouteTableId) },
    'association.subnet-id': {
      get: (t) => assocs(t, (a) => a.SubnetId),
      sqlIn: (json) => ({ sql: 'r.id IN (SELECT route_table_id FROM route_table_associations WHERE subnet_id IN (SELECT value FROM json_each(?)))', params: [json] }),
    },
    'owner-id': { get: (t) => t.OwnerId, sql: 'r.account' },
    'route-table-id': { get: (t) => t.RouteTableId, sql: 'r.id' },
    'route.destination-cidr-block': { get: (t) => routes(t, (r) => r.DestinationCidrBlock) },
    'route.destination-ipv6-cidr-block': { get: (t) => routes(t, (r) => r.DestinationIpv6CidrBlock) },
    'route.destination-prefix-list-id': none,
    'route.egress-only-internet-gateway-id': {
      get: (t) => routes(t, (r) => r.EgressOnlyInternetGatewayId),
      sqlIn: (json) => ({ sql: 'r.id IN (SELECT route_table_id FROM routes WHERE gateway_id IN (SELECT value FROM json_each(?)))', params: [json] }),
    },
    'route.gateway-id': { get: (t) => routes(t, (r) => r.GatewayId) },
    'route.instance-id': { get: (t) => routes(t, (r) => r.InstanceId) },
    'route.nat-gateway-id': { get: (t) => routes(t, (r) => r.NatGatewayId) },
    'route.network-interface-id': { get: (t) => routes(t, (r) => r.NetworkInterfaceId) },
    'route.origin': { get: (t) => routes(t, (r) => r.Origin) },
    'route.state': { get: (t) => routes(t, (r) => r.State) },
    'route.transit-gateway-id': { get: (t) => routes(t, (r) => r.TransitGatewayId) },
    'route.vpc-peering-connection-id': { get: (t) => routes(t, (r) => r.VpcPeeringConnectionId) },
    'vpc-id': { get: (t) => t.VpcId, sql: 'r.vpc_id' },
  },
};

export const internetGatewayFilters: FilterSpec<InternetGateway> = {
  idSql: 'g.id',
  tags: (g) => g.Tags,
  fields: {
    'attachment.state': { get: (g) => g.Attachments?.map((a) => a.State) },
    'attachment.vpc-id': { get: (g) => g.Attachments?.map((a) => a.VpcId), sql: 'g.vpc_id' },
    'internet-gateway-id': { get: (g) => g.InternetGatewayId, sql: 'g.id' },
    'owner-id': { get: (g) => g.OwnerId, sql: 'g.account' },
  },
};

/** The model documents only the tag filters for DescribeEgressOnlyInternetGateways. */
export const egressOnlyGatewayFilters: FilterSpec<EgressOnlyInternetGateway> = {
  idSql: 'e.id',
  tags: (g) => g.Tags,
  fields: {},
};
