/** The filters of DescribeVpnGateways, DescribeCustomerGateways, DescribeVpnConnections and DescribeCarrierGateways (every name the model documents). */
import type { CarrierGateway, CustomerGateway, VpnConnection, VpnGateway } from '../protocol/model/types.generated';
import type { FilterSpec } from './engine';

export const vpnGatewayFilters: FilterSpec<VpnGateway> = {
  idSql: 'v.id',
  tags: (g) => g.Tags,
  fields: {
    'amazon-side-asn': { get: (g) => g.AmazonSideAsn },
    'attachment.state': { get: (g) => g.VpcAttachments?.map((a) => a.State), sql: 'v.attachment_state' },
    'attachment.vpc-id': { get: (g) => g.VpcAttachments?.map((a) => a.VpcId), sql: 'v.vpc_id' },
    'availability-zone': { get: (g) => g.AvailabilityZone, sql: 'v.availability_zone' },
    state: { get: (g) => g.State, sql: 'v.state' },
    type: { get: (g) => g.Type, sql: 'v.type' },
    'vpn-gateway-id': { get: (g) => g.VpnGatewayId, sql: 'v.id' },
  },
};

export const customerGatewayFilters: FilterSpec<CustomerGateway> = {
  idSql: 'c.id',
  tags: (g) => g.Tags,
  fields: {
    'bgp-asn': { get: (g) => g.BgpAsn },
    'customer-gateway-id': { get: (g) => g.CustomerGatewayId, sql: 'c.id' },
    'ip-address': { get: (g) => g.IpAddress, sql: 'c.ip_address' },
    state: { get: (g) => g.State, sql: 'c.state' },
    type: { get: (g) => g.Type, sql: 'c.type' },
  },
};

export const vpnConnectionFilters: FilterSpec<VpnConnection> = {
  idSql: 'c.id',
  tags: (v) => v.Tags,
  fields: {
    // the customer gateway's ASN: not on the connection object, so matched through the configuration stub
    'bgp-asn': { get: (v) => /<customer_gateway>.*?<bgp><asn>(\d+)<\/asn>/s.exec(v.CustomerGatewayConfiguration ?? '')?.[1] },
    'customer-gateway-configuration': { get: (v) => v.CustomerGatewayConfiguration },
    'customer-gateway-id': { get: (v) => v.CustomerGatewayId, sql: 'c.customer_gateway_id' },
    'option.static-routes-only': { get: (v) => v.Options?.StaticRoutesOnly },
    'route.destination-cidr-block': { get: (v) => v.Routes?.map((r) => r.DestinationCidrBlock) },
    state: { get: (v) => v.State, sql: 'c.state' },
    'transit-gateway-id': { get: (v) => v.TransitGatewayId, sql: 'c.transit_gateway_id' },
    type: { get: (v) => v.Type, sql: 'c.type' },
    'vpn-connection-id': { get: (v) => v.VpnConnectionId, sql: 'c.id' },
    'vpn-gateway-id': { get: (v) => v.VpnGatewayId, sql: 'c.vpn_gateway_id' },
  },
};

/** Carrier gateways (docs/behavior.md "Carrier gateways"). */
export const carrierGatewayFilters: FilterSpec<CarrierGateway> = {
  idSql: 'c.id',
  tags: (g) => g.Tags,
  fields: {
    'carrier-gateway-id': { get: (g) => g.CarrierGatewayId, sql: 'c.id' },
    'owner-id': { get: (g) => g.OwnerId, sql: 'c.account' },
    state: { get: (g) => g.State, sql: 'c.state' },
    'vpc-id': { get: (g) => g.VpcId, sql: 'c.vpc_id' },
  },
};
