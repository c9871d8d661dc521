/** Route tables, internet gateways and Elastic IPs as the API shows them. */
import type { LoadContext } from './context';
import type { Address, AddressAttribute, EgressOnlyInternetGateway, InternetGateway, Route, RouteTable, Tag } from '../protocol/model/types.generated';
import type {
  AddressRow,
  EgressOnlyInternetGatewayRow,
  PropagatedRouteRow,
  InternetGatewayRow,
  RouteRow,
  RouteTableAssociationRow,
  RouteTableRow,
} from '../store/rows';

function presentRoute(r: RouteRow): Route {
  const ipv6 = r.destination_cidr.includes(':');
  // a prefix-list destination (schema 013) shares the destination column
  const prefixList = r.destination_cidr.startsWith('pl-') ? r.destination_cidr : undefined;
  // egress-only gateways share the gateway column; AWS names them in their own member
  const eigw = r.gateway_id?.startsWith('eigw-') ? r.gateway_id : undefined;
  // so do carrier gateways (docs/behavior.md "Carrier gateways")
  const cagw = r.gateway_id?.startsWith('cagw-') ? r.gateway_id : undefined;
  return {
    DestinationCidrBlock: ipv6 || prefixList ? undefined : r.destination_cidr,
    DestinationIpv6CidrBlock: ipv6 ? r.destination_cidr : undefined,
    DestinationPrefixListId: prefixList,
    EgressOnlyInternetGatewayId: eigw,
    GatewayId: eigw || cagw ? undefined : (r.gateway_id ?? undefined),
    CarrierGatewayId: cagw,
    InstanceId: r.instance_id ?? undefined,
    InstanceOwnerId: r.instance_owner_id ?? undefined,
    NatGatewayId: r.nat_gateway_id ?? undefined,
    NetworkInterfaceId: r.network_interface_id ?? undefined,
    VpcPeeringConnectionId: r.vpc_peering_connection_id ?? undefined,
    TransitGatewayId: r.transit_gateway_id ?? undefined,
    Origin: r.origin as 'CreateRoute',
    State: r.state as 'active',
  };
}

function presentAssociation(a: RouteTableAssociationRow) {
  return {
    Main: a.is_main === 1,
    RouteTableAssociationId: a.id,
    RouteTableId: a.route_table_id,
    SubnetId: a.subnet_id ?? undefined,
    GatewayId: a.gateway_id ?? undefined,
    AssociationState: { State: 'associated' as const },
  };
}

/** A static route of a VPN connection, propagated by its gateway (a route the table has itself wins). */
function presentPropagatedRoute(p: PropagatedRouteRow): Route {
  return { DestinationCidrBlock: p.destination_cidr, GatewayId: p.vpn_gateway_id, Origin: 'EnableVgwRoutePropagation', State: 'active' };
}

function presentRouteTable(
  t: RouteTableRow,
  routes: RouteRow[],
  associations: RouteTableAssociationRow[],
  tags: Tag[],
  propagating: string[],
  propagated: PropagatedRouteRow[],
): RouteTable {
  const own = new Set(routes.map((r) => r.destination_cidr));
  const seen = new Set<string>();
  const extra = propagated.filter((p) => !own.has(p.destination_cidr) && !seen.has(p.destination_cidr) && seen.add(p.destination_cidr));
  return {
    Associations: associations.map(presentAssociation),
    PropagatingVgws: propagating.map((GatewayId) => ({ GatewayId })),
    RouteTableId: t.id,
    Routes: [...routes.map(presentRoute), ...extra.map(presentPropagatedRoute)],
    Tags: tags,
    VpcId: t.vpc_id,
    OwnerId: t.account,
  };
}

function presentInternetGateway(g: InternetGatewayRow, tags: Tag[]): InternetGateway {
  return {
    // AWS answers "available" here although the model's enum says attached
    Attachments: g.vpc_id ? [{ State: 'available' as 'attached', VpcId: g.vpc_id }] : [],
    InternetGatewayId: g.id,
    OwnerId: g.account,
    Tags: tags,
  };
}

function presentAddress(a: AddressRow, instanceId: string | undefined, tags: Tag[]): Address {
  return {
    AllocationId: a.allocation_id ?? undefined,
    AssociationId: a.association_id ?? undefined,
    Domain: 'vpc',
    NetworkInterfaceId: a.network_interface_id ?? undefined,
    NetworkInterfaceOwnerId: a.network_interface_id ? a.account : undefined,
    PrivateIpAddress: a.private_ip ?? undefined,
    Tags: tags.length ? tags : undefined,
    PublicIpv4Pool: 'amazon',
    NetworkBorderGroup: a.region,
    InstanceId: instanceId,
    PublicIp: a.public_ip,
  };
}

/** Route tables with their routes, associations, tags and propagated VPN routes, in one query each. */
export function presentRouteTables(ctx: LoadContext, tables: readonly RouteTableRow[]): RouteTable[] {
  const ids = tables.map((t) => t.id);
  const routes = ctx.store.routeTables.routesOf(ids);
  const assocs = ctx.store.routeTables.associationsOf(ids);
  const tags = ctx.store.tags.forResources(ctx.scope, ids);
  const propagating = ctx.store.routePropagations.ofTables(ids);
  const propagated = ctx.store.routePropagations.propagatedRoutes(ids);
  return tables.map((t) =>
    presentRouteTable(t, routes.get(t.id) ?? [], assocs.get(t.id) ?? [], tags.get(t.id) ?? [], propagating.get(t.id) ?? [], propagated.get(t.id) ?? []),
  );
}

/** Internet gateways with their tags, in one query. */
export function presentInternetGateways(ctx: LoadContext, rows: readonly InternetGatewayRow[]): InternetGateway[] {
  const tags = ctx.store.tags.forResources(ctx.scope, rows.map((r) => r.id));
  return rows.map((r) => presentInternetGateway(r, tags.get(r.id) ?? []));
}

/** Elastic IPs with their tags and the instance their interface is attached to (one query each). */
export function presentAddresses(ctx: LoadContext, rows: readonly AddressRow[]): Address[] {
  const eniIds = rows.map((r) => r.network_interface_id).filter((x): x is string => !!x);
  const attachments = ctx.store.attachments.ofInterfaces(eniIds);
  const tags = ctx.store.tags.forResources(ctx.scope, rows.map((r) => r.allocation_id!));
  return rows.map((r) => presentAddress(r, r.network_interface_id ? attachments.get(r.network_interface_id)?.instance_id : undefined, tags.get(r.allocation_id!) ?? []));
}

/** An Elastic IP's reverse DNS record, and the change in progress if any ('' = a reset: no value). */
export function presentAddressAttribute(a: AddressRow): AddressAttribute {
  return {
    PublicIp: a.public_ip,
    AllocationId: a.allocation_id ?? undefined,
    PtrRecord: a.ptr_record ?? undefined,
    PtrRecordUpdate: a.ptr_update !== null ? { Value: a.ptr_update || undefined, Status: 'PENDING' } : undefined,
  };
}

/** Egress-only gateways with their tags (one query); AWS shows them `attached` to their VPC, tags left out when none. */
export function presentEgressOnlyGateways(ctx: LoadContext, rows: readonly EgressOnlyInternetGatewayRow[]): EgressOnlyInternetGateway[] {
  const tags = ctx.store.tags.forResources(ctx.scope, rows.map((r) => r.id));
  return rows.map((r) => ({
    Attachments: [{ State: 'attached', VpcId: r.vpc_id }],
    EgressOnlyInternetGatewayId: r.id,
    Tags: tags.get(r.id)?.length ? tags.get(r.id) : undefined,
  }));
}
