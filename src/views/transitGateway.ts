/** Transit gateways, route tables, attachments, associations, propagations and routes as the API shows them. */
import type { RequestContext } from '../core/context';
import type { TgwRoute } from '../domain/transitGateways';
import { attachmentSubnets } from '../domain/transitGateways';
import type {
  TransitGateway,
  TransitGatewayAssociationState,
  TransitGatewayAttachment,
  TransitGatewayAttachmentResourceType,
  TransitGatewayAttachmentState,
  TransitGatewayPeeringAttachment,
  TransitGatewayPrefixListReference,
  TransitGatewayPrefixListReferenceState,
  TransitGatewayPropagationState,
  TransitGatewayRoute,
  TransitGatewayRouteTable,
  TransitGatewayRouteTableAssociation,
  TransitGatewayRouteTablePropagation,
  TransitGatewayRouteTableState,
  TransitGatewayState,
  TransitGatewayVpcAttachment,
  DynamicRoutingValue,
} from '../protocol/model/types.generated';
import type { TgwPrefixListReferenceRow, TransitGatewayAttachmentRow, TransitGatewayLinkRow, TransitGatewayRouteTableRow, TransitGatewayRow } from '../store/rows';
import { tagsOrNothing } from './vpc';

type LoadContext = Pick<RequestContext, 'store' | 'scope'>;
type V = 'enable' | 'disable';

export function transitGatewayArn(g: TransitGatewayRow): string {
  return `arn:aws:ec2:${g.region}:${g.account}:transit-gateway/${g.id}`;
}

export function presentTransitGateways(ctx: LoadContext, rows: readonly TransitGatewayRow[]): TransitGateway[] {
  const tags = ctx.store.tags.forResources(ctx.scope, rows.map((r) => r.id));
  return rows.map((g) => ({
    TransitGatewayId: g.id,
    TransitGatewayArn: transitGatewayArn(g),
    State: g.state as TransitGatewayState,
    OwnerId: g.account,
    Description: g.description ?? undefined,
    CreationTime: new Date(g.created_at),
    Options: {
      AmazonSideAsn: g.amazon_side_asn,
      TransitGatewayCidrBlocks: (JSON.parse(g.cidr_blocks) as string[]).length > 0 ? (JSON.parse(g.cidr_blocks) as string[]) : undefined,
      AutoAcceptSharedAttachments: g.auto_accept_shared_attachments as V,
      DefaultRouteTableAssociation: g.default_route_table_association as V,
      // the default tables' ids show only while the default is on (as AWS shows them)
      AssociationDefaultRouteTableId: g.default_route_table_association === 'enable' ? (g.association_default_route_table_id ?? undefined) : undefined,
      DefaultRouteTablePropagation: g.default_route_table_propagation as V,
      PropagationDefaultRouteTableId: g.default_route_table_propagation === 'enable' ? (g.propagation_default_route_table_id ?? undefined) : undefined,
      VpnEcmpSupport: g.vpn_ecmp_support as V,
      DnsSupport: g.dns_support as V,
      SecurityGroupReferencingSupport: g.security_group_referencing_support as V,
      MulticastSupport: g.multicast_support as V,
    },
    Tags: tags.get(g.id) ?? [],
  }));
}

export function presentTgwRouteTables(ctx: LoadContext, rows: readonly TransitGatewayRouteTableRow[]): TransitGatewayRouteTable[] {
  const tags = ctx.store.tags.forResources(ctx.scope, rows.map((r) => r.id));
  const gateways = ctx.store.transitGateways.getMany(ctx.scope, [...new Set(rows.map((r) => r.transit_gateway_id))]);
  return rows.map((t) => {
    const g = gateways.get(t.transit_gateway_id);
    return {
      TransitGatewayRouteTableId: t.id,
      TransitGatewayId: t.transit_gateway_id,
      State: t.state as TransitGatewayRouteTableState,
      DefaultAssociationRouteTable: g?.association_default_route_table_id === t.id,
      DefaultPropagationRouteTable: g?.propagation_default_route_table_id === t.id,
      CreationTime: new Date(t.created_at),
      Tags: tags.get(t.id) ?? [],
    };
  });
}

export function presentVpcAttachments(ctx: LoadContext, rows: readonly TransitGatewayAttachmentRow[]): TransitGatewayVpcAttachment[] {
  const tags = ctx.store.tags.forResources(ctx.scope, rows.map((r) => r.id));
  const subnets = attachmentSubnets(ctx, rows.map((r) => r.id));
  return rows.map((a) => ({
    TransitGatewayAttachmentId: a.id,
    TransitGatewayId: a.transit_gateway_id,
    VpcId: a.resource_id,
    VpcOwnerId: a.resource_owner_id,
    State: a.state as TransitGatewayAttachmentState,
    SubnetIds: subnets.get(a.id) ?? [],
    CreationTime: new Date(a.created_at),
    Options: {
      DnsSupport: a.dns_support as V,
      SecurityGroupReferencingSupport: a.security_group_referencing_support as V,
      Ipv6Support: a.ipv6_support as V,
      ApplianceModeSupport: a.appliance_mode_support as V,
    },
    // no tagSet at all without tags (moto's AWS-verified test_create_and_describe_transit_gateway_vpc_attachment)
    Tags: tagsOrNothing(tags.get(a.id)),
  }));
}

export function presentAttachments(ctx: LoadContext, rows: readonly TransitGatewayAttachmentRow[]): TransitGatewayAttachment[] {
  const tags = ctx.store.tags.forResources(ctx.scope, rows.map((r) => r.id));
  const associations = ctx.store.transitGateways.associationsOf(ctx.scope, rows.map((r) => r.id));
  return rows.map((a) => {
    const assoc = associations.get(a.id);
    return {
      TransitGatewayAttachmentId: a.id,
      TransitGatewayId: a.transit_gateway_id,
      TransitGatewayOwnerId: a.transit_gateway_owner_id,
      ResourceOwnerId: a.resource_owner_id,
      ResourceType: a.resource_type as TransitGatewayAttachmentResourceType,
      ResourceId: a.resource_id,
      State: a.state as TransitGatewayAttachmentState,
      Association: assoc ? { TransitGatewayRouteTableId: assoc.route_table_id, State: assoc.state as TransitGatewayAssociationState } : undefined,
      CreationTime: new Date(a.created_at),
      Tags: tags.get(a.id) ?? [],
    };
  });
}

/** A table's associations or propagations (Get*): each names its attachment's resource. */
export function presentLinks(
  ctx: LoadContext,
  rows: readonly TransitGatewayLinkRow[],
): Array<TransitGatewayRouteTableAssociation & TransitGatewayRouteTablePropagation> {
  const attachments = ctx.store.transitGateways.attachments.getMany(ctx.scope, rows.map((r) => r.id));
  return rows.map((l) => {
    const a = attachments.get(l.id);
    return {
      TransitGatewayAttachmentId: l.id,
      ResourceId: a?.resource_id,
      ResourceType: a?.resource_type as TransitGatewayAttachmentResourceType | undefined,
      State: l.state as TransitGatewayAssociationState & TransitGatewayPropagationState,
    };
  });
}

/** Prefix list references with their attachment's resource (one batch read of the attachments). */
export function presentPrefixListReferences(ctx: LoadContext, rows: readonly TgwPrefixListReferenceRow[]): TransitGatewayPrefixListReference[] {
  const attachments = ctx.store.transitGateways.attachments.getMany(
    ctx.scope,
    rows.flatMap((r) => (r.attachment_id ? [r.attachment_id] : [])),
  );
  return rows.map((r) => {
    const a = r.attachment_id ? attachments.get(r.attachment_id) : undefined;
    return {
      TransitGatewayRouteTableId: r.route_table_id,
      PrefixListId: r.prefix_list_id,
      PrefixListOwnerId: r.prefix_list_owner_id,
      State: r.state as TransitGatewayPrefixListReferenceState,
      Blackhole: r.blackhole === 1,
      TransitGatewayAttachment: r.attachment_id
        ? { TransitGatewayAttachmentId: r.attachment_id, ResourceType: a?.resource_type as TransitGatewayAttachmentResourceType | undefined, ResourceId: a?.resource_id }
        : undefined,
    };
  });
}

/** The answer of Associate / Disassociate / Enable / Disable: the link in its transitional state. */
export function presentLink(tableId: string, att: TransitGatewayAttachmentRow, state: string) {
  return {
    TransitGatewayRouteTableId: tableId,
    TransitGatewayAttachmentId: att.id,
    ResourceId: att.resource_id,
    ResourceType: att.resource_type as TransitGatewayAttachmentResourceType,
    State: state as TransitGatewayAssociationState & TransitGatewayPropagationState,
  };
}

export function presentTgwRoute(r: TgwRoute): TransitGatewayRoute {
  return {
    DestinationCidrBlock: r.cidr.text,
    TransitGatewayAttachments: r.attachment
      ? [{ ResourceId: r.attachment.resource_id, TransitGatewayAttachmentId: r.attachment.id, ResourceType: r.attachment.resource_type as TransitGatewayAttachmentResourceType }]
      : undefined,
    Type: r.type,
    State: r.state,
  };
}

/**
 * Peering attachments as one side sees them: its own row's id and state; RequesterTgwInfo / AccepterTgwInfo from
 * the row's role (its gateway on one side, ResourceId on the other); the accepter's id once the request reached it.
 */
export function presentPeerings(ctx: LoadContext, rows: readonly TransitGatewayAttachmentRow[]): TransitGatewayPeeringAttachment[] {
  const tags = ctx.store.tags.forResources(ctx.scope, rows.map((r) => r.id));
  return rows.map((a) => {
    const local = { TransitGatewayId: a.transit_gateway_id, OwnerId: a.transit_gateway_owner_id, Region: a.region };
    const remote = { TransitGatewayId: a.resource_id, OwnerId: a.resource_owner_id, Region: a.peer_region ?? a.region };
    const requester = a.peering_role === 'accepter' ? remote : local;
    const accepter = a.peering_role === 'accepter' ? local : remote;
    return {
      TransitGatewayAttachmentId: a.id,
      AccepterTransitGatewayAttachmentId: (a.peering_role === 'accepter' ? a.id : a.peer_attachment_id) ?? undefined,
      RequesterTgwInfo: requester,
      AccepterTgwInfo: accepter,
      // Only when the create asked for them: terraform-provider-aws reads `options` back into an Optional, ForceNew,
      // non-computed block, so an Options AWS added by default would force a replacement on every plan.
      Options: a.dynamic_routing ? { DynamicRouting: a.dynamic_routing as DynamicRoutingValue } : undefined,
      Status: { Code: a.state, Message: a.status_message ?? undefined },
      State: a.state as TransitGatewayAttachmentState,
      CreationTime: new Date(a.created_at),
      Tags: tags.get(a.id) ?? [],
    };
  });
}
