/** The filters of the transit gateway Describe / Get calls (every name the model documents), over the API objects. */
import type {
  TransitGateway,
  TransitGatewayAttachment,
  TransitGatewayPeeringAttachment,
  TransitGatewayPrefixListReference,
  TransitGatewayRouteTable,
  TransitGatewayRouteTableAssociation,
  TransitGatewayVpcAttachment,
} from '../protocol/model/types.generated';
import type { FilterSpec } from './engine';

export const transitGatewayFilters: FilterSpec<TransitGateway> = {
  idSql: 'g.id',
  tags: (g) => g.Tags,
  fields: {
    'options.amazon-side-asn': { get: (g) => g.Options?.AmazonSideAsn, sql: 'g.amazon_side_asn' },
    'options.association-default-route-table-id': { get: (g) => g.Options?.AssociationDefaultRouteTableId },
    'options.auto-accept-shared-attachments': { get: (g) => g.Options?.AutoAcceptSharedAttachments, sql: 'g.auto_accept_shared_attachments' },
    'options.default-route-table-association': { get: (g) => g.Options?.DefaultRouteTableAssociation, sql: 'g.default_route_table_association' },
    'options.default-route-table-propagation': { get: (g) => g.Options?.DefaultRouteTablePropagation, sql: 'g.default_route_table_propagation' },
    'options.dns-support': { get: (g) => g.Options?.DnsSupport, sql: 'g.dns_support' },
    'options.propagation-default-route-table-id': { get: (g) => g.Options?.PropagationDefaultRouteTableId },
    'options.vpn-ecmp-support': { get: (g) => g.Options?.VpnEcmpSupport, sql: 'g.vpn_ecmp_support' },
    'owner-id': { get: (g) => g.OwnerId, sql: 'g.account' },
    state: { get: (g) => g.State, sql: 'g.state' },
    'transit-gateway-id': { get: (g) => g.TransitGatewayId, sql: 'g.id' },
  },
};

export const tgwRouteTableFilters: FilterSpec<TransitGatewayRouteTable> = {
  idSql: 'r.id',
  tags: (t) => t.Tags,
  fields: {
    'default-association-route-table': { get: (t) => t.DefaultAssociationRouteTable },
    'default-propagation-route-table': { get: (t) => t.DefaultPropagationRouteTable },
    state: { get: (t) => t.State, sql: 'r.state' },
    'transit-gateway-id': { get: (t) => t.TransitGatewayId, sql: 'r.transit_gateway_id' },
    'transit-gateway-route-table-id': { get: (t) => t.TransitGatewayRouteTableId, sql: 'r.id' },
  },
};

export const tgwVpcAttachmentFilters: FilterSpec<TransitGatewayVpcAttachment> = {
  idSql: 't.id',
  tags: (a) => a.Tags,
  fields: {
    state: { get: (a) => a.State, sql: 't.state' },
    'transit-gateway-attachment-id': { get: (a) => a.TransitGatewayAttachmentId, sql: 't.id' },
    'transit-gateway-id': { get: (a) => a.TransitGatewayId, sql: 't.transit_gateway_id' },
    'vpc-id': { get: (a) => a.VpcId, sql: 't.resource_id' },
  },
};

export const tgwAttachmentFilters: FilterSpec<TransitGatewayAttachment> = {
  idSql: 't.id',
  tags: (a) => a.Tags,
  fields: {
    'association.state': { get: (a) => a.Association?.State, sql: 's.state' },
    'association.transit-gateway-route-table-id': { get: (a) => a.Association?.TransitGatewayRouteTableId, sql: 's.route_table_id' },
    'resource-id': { get: (a) => a.ResourceId, sql: 't.resource_id' },
    'resource-owner-id': { get: (a) => a.ResourceOwnerId, sql: 't.resource_owner_id' },
    'resource-type': { get: (a) => a.ResourceType, sql: 't.resource_type' },
    state: { get: (a) => a.State, sql: 't.state' },
    'transit-gateway-attachment-id': { get: (a) => a.TransitGatewayAttachmentId, sql: 't.id' },
    'transit-gateway-id': { get: (a) => a.TransitGatewayId, sql: 't.transit_gateway_id' },
    'transit-gateway-owner-id': { get: (a) => a.TransitGatewayOwnerId, sql: 't.transit_gateway_owner_id' },
  },
};

/** GetTransitGatewayRouteTableAssociations / ...Propagations. */
export const tgwLinkFilters: FilterSpec<TransitGatewayRouteTableAssociation> = {
  fields: {
    'resource-id': { get: (l) => l.ResourceId },
    'resource-type': { get: (l) => l.ResourceType },
    'transit-gateway-attachment-id': { get: (l) => l.TransitGatewayAttachmentId, sql: 'l.id' },
  },
};

/**
 * DescribeTransitGatewayPeeringAttachments. Each scope lists its own side's row, so "local" is the row's gateway
 * and owner and "remote" the other side's; these are pushed down to SQL (the accessors only approximate them from
 * the API object, which does not say which side is the caller's). Each side has its own tags, so tag filters go
 * through the caller's rows of the tags table, as for every resource.
 */
export const tgwPeeringFilters: FilterSpec<TransitGatewayPeeringAttachment> = {
  idSql: 't.id',
  tags: (a) => a.Tags,
  fields: {
    'local-owner-id': { get: (a) => a.RequesterTgwInfo?.OwnerId, sql: 't.transit_gateway_owner_id' },
    'remote-owner-id': { get: (a) => a.AccepterTgwInfo?.OwnerId, sql: 't.resource_owner_id' },
    state: { get: (a) => a.State, sql: 't.state' },
    'transit-gateway-attachment-id': { get: (a) => a.TransitGatewayAttachmentId, sql: 't.id' },
    'transit-gateway-id': { get: (a) => a.RequesterTgwInfo?.TransitGatewayId, sql: 't.transit_gateway_id' },
  },
};

/** GetTransitGatewayPrefixListReferences (the model's names). */
export const tgwPrefixListReferenceFilters: FilterSpec<TransitGatewayPrefixListReference> = {
  fields: {
    'attachment.resource-id': { get: (r) => r.TransitGatewayAttachment?.ResourceId },
    'attachment.resource-type': { get: (r) => r.TransitGatewayAttachment?.ResourceType },
    'attachment.transit-gateway-attachment-id': { get: (r) => r.TransitGatewayAttachment?.TransitGatewayAttachmentId, sql: 'p.attachment_id' },
    'is-blackhole': { get: (r) => r.Blackhole },
    'prefix-list-id': { get: (r) => r.PrefixListId, sql: 'p.prefix_list_id' },
    'prefix-list-owner-id': { get: (r) => r.PrefixListOwnerId, sql: 'p.prefix_list_owner_id' },
    state: { get: (r) => r.State, sql: 'p.state' },
  },
};
