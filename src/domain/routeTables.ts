/** Route tables, their subnet associations and their routes (each route's state: domain/routes.ts). */
import type { RequestContext } from '../core/context';
import { contains, parseCidr } from './cidr';
import { canonicalCidr6 } from './cidr6';
import { requireRouteCarrierGateway } from './carrierGateways';
import { requireEgressOnlyGateway } from './egressOnlyGateways';
import { deriveRoute } from './routes';
import { EndpointServiceErrors, InstanceErrors, NotFoundErrors, PeeringErrors, RouteErrors, VpcEndpointErrors, VpcErrors, VpnErrors } from '../errors';
import { requirePrefixList } from './prefixLists';
import type { RouteRow, RouteTableRow } from '../store/rows';
import type { ListOptions } from '../store/query';
import { requireSubnet } from './subnets';
import { ipv4Blocks } from './vpcCidrs';
import { requireRoutablePeering } from './vpcPeering';
import { requireRouteTargetGateway } from './transitGateways';

export function requireRouteTable(ctx: RequestContext, id: string): RouteTableRow {
  const t = ctx.store.routeTables.get(ctx.scope, id);
  if (!t) throw NotFoundErrors.routeTable(id);
  return t;
}

export function listRouteTables(ctx: RequestContext, opts: ListOptions): RouteTableRow[] {
  return ctx.store.routeTables.list(ctx.scope, opts);
}

/** A table that is associated (the main table included) cannot be deleted. */
export function deleteRouteTable(ctx: RequestContext, id: string): void {
  const table = requireRouteTable(ctx, id);
  if ((ctx.store.routeTables.associationsOf([table.id]).get(table.id) ?? []).length > 0) throw RouteErrors.tableDependency(table.id);
  ctx.store.routeTables.delete(table.id);
  ctx.store.vpcEndpoints.unlinkRef(table.id); // gateway endpoints that listed it forget it

}

/** Explicitly associates a subnet (in the table's VPC, not yet associated) with the table; returns the association id. */
export function associateSubnet(ctx: RequestContext, table: RouteTableRow, subnetId: string): string {
  const subnet = requireSubnet(ctx, subnetId);
  if (subnet.vpc_id !== table.vpc_id) throw RouteErrors.differentNetworks(table.id, subnet.id, 'subnet');
  if (ctx.store.routeTables.subnetAssociation(subnet.id)) throw RouteErrors.associationConflict(table.id);
  const id = ctx.ids.id('rtbassoc');
  ctx.store.routeTables.associations.insert({ id, route_table_id: table.id, vpc_id: table.vpc_id, subnet_id: subnet.id, is_main: 0 });
  return id;
}

/**
 * An edge association (docs/behavior.md "Gateway route tables"): an internet gateway or a virtual private gateway
 * attached to the table's VPC, associated with no other table; the association shows GatewayId, no SubnetId.
 */
export function associateGateway(ctx: RequestContext, table: RouteTableRow, gatewayId: string): string {
  const vpcId = attachedVpcOfGateway(ctx, gatewayId);
  if (vpcId !== table.vpc_id) throw RouteErrors.differentNetworks(table.id, gatewayId, 'network gateway');
  if (ctx.store.routeTables.gatewayAssociation(gatewayId)) throw RouteErrors.associationConflict(table.id);
  const id = ctx.ids.id('rtbassoc');
  ctx.store.routeTables.associations.insert({ id, route_table_id: table.id, vpc_id: table.vpc_id, subnet_id: null, gateway_id: gatewayId, is_main: 0 });
  return id;
}

/** The VPC a gateway that can take an edge association is attached to (null: detached). */
function attachedVpcOfGateway(ctx: RequestContext, gatewayId: string): string | null {
  if (gatewayId.startsWith('igw-')) {
    const igw = ctx.store.internetGateways.get(ctx.scope, gatewayId);
    if (!igw) throw NotFoundErrors.internetGateway(gatewayId);
    return igw.vpc_id;
  }
  if (gatewayId.startsWith('vgw-')) {
    const vgw = ctx.store.vpnGateways.get(ctx.scope, gatewayId);
    if (!vgw || vgw.state === 'deleted') throw VpnErrors.vpnGatewayNotFound(gatewayId);
    return vgw.attachment_state === 'attached' || vgw.attachment_state === 'attaching' ? vgw.vpc_id : null;
  }
  throw RouteErrors.unsupportedTarget('gatewayId', gatewayId);
}

/** A gateway leaving its VPC leaves its gateway route table too. */
export function dropGatewayAssociation(ctx: RequestContext, gatewayId: string): void {
  ctx.store.routeTables.deleteGatewayAssociation(gatewayId);
}

function requireAssociation(ctx: RequestContext, id: string) {
  const assoc = ctx.store.routeTables.association(ctx.scope, id);
  if (!assoc) throw NotFoundErrors.routeTableAssociation(id);
  return assoc;
}

/** The subnet falls back to the VPC's main table. The main association itself cannot be removed. */
export function disassociateRouteTable(ctx: RequestContext, associationId: string): void {
  const assoc = requireAssociation(ctx, associationId);
  if (assoc.is_main === 1) throw RouteErrors.mainAssociation(assoc.id);
  ctx.store.routeTables.deleteAssociation(assoc.id);
}

/** Points an association (a subnet's, or the VPC's main one) at another table of the same VPC; returns the new id. */
export function replaceAssociation(ctx: RequestContext, associationId: string, tableId: string): string {
  const assoc = requireAssociation(ctx, associationId);
  const table = requireRouteTable(ctx, tableId);
  if (table.vpc_id !== assoc.vpc_id) throw RouteErrors.differentNetworks(table.id, assoc.subnet_id ?? assoc.vpc_id, 'subnet');
  const id = ctx.ids.id('rtbassoc');
  ctx.store.routeTables.deleteAssociation(assoc.id);
  ctx.store.routeTables.associations.insert({ id, route_table_id: table.id, vpc_id: assoc.vpc_id, subnet_id: assoc.subnet_id, gateway_id: assoc.gateway_id, is_main: assoc.is_main });
  return id;
}

interface RouteInput {
  DestinationCidrBlock?: string;
  DestinationIpv6CidrBlock?: string;
  DestinationPrefixListId?: string;
  GatewayId?: string;
  InstanceId?: string;
  NetworkInterfaceId?: string;
  NatGatewayId?: string;
  VpcPeeringConnectionId?: string;
  TransitGatewayId?: string;
  EgressOnlyInternetGatewayId?: string;
  LocalGatewayId?: string;
  CarrierGatewayId?: string;
  CoreNetworkArn?: string;
  VpcEndpointId?: string;
  OdbNetworkArn?: string;
  LocalTarget?: boolean;
}

/**
 * The destination's canonical text: an IPv4 CIDR, an IPv6 one (it holds a ':'), or a prefix list id (`pl-`), all
 * stored in the same column. A prefix list must be visible to the caller (its own or AWS's).
 */
function destinationOf(ctx: RequestContext, input: RouteInput): string {
  const given = [input.DestinationCidrBlock, input.DestinationIpv6CidrBlock, input.DestinationPrefixListId].filter((d) => d !== undefined);
  if (given.length > 1) throw RouteErrors.twoDestinations();
  if (input.DestinationPrefixListId !== undefined) return requirePrefixList(ctx, input.DestinationPrefixListId).id;
  if (input.DestinationIpv6CidrBlock !== undefined) {
    const cidr6 = canonicalCidr6(input.DestinationIpv6CidrBlock);
    if (!cidr6) throw VpcErrors.invalidCidr('destinationIpv6CidrBlock', input.DestinationIpv6CidrBlock);
    return cidr6.text;
  }
  if (input.DestinationCidrBlock === undefined) throw RouteErrors.destinationRequired();
  const cidr = parseCidr(input.DestinationCidrBlock);
  if (!cidr) throw VpcErrors.invalidCidr('destinationCidrBlock', input.DestinationCidrBlock);
  return cidr.text;
}

/** The columns of a route to the requested target, validated against the table's VPC. */
function resolveTarget(
  ctx: RequestContext,
  table: RouteTableRow,
  input: RouteInput,
  destination: string,
): Omit<RouteRow, 'seq' | 'route_table_id' | 'destination_cidr' | 'origin'> {
  const unsupported: Array<[string, string | undefined]> = [
    ['localGatewayId', input.LocalGatewayId],
  ];
  const given = [
    input.GatewayId,
    input.InstanceId,
    input.NetworkInterfaceId,
    input.EgressOnlyInternetGatewayId,
    input.NatGatewayId,
    input.VpcPeeringConnectionId,
    input.TransitGatewayId,
    input.VpcEndpointId,
    input.CarrierGatewayId,
    ...unsupported.map(([, v]) => v),
    input.LocalTarget ? 'local' : undefined,
  ].filter((v) => v !== undefined);
  if (given.length === 0) throw RouteErrors.noTarget();
  if (given.length > 1) throw RouteErrors.manyTargets();
  for (const [param, v] of unsupported) if (v !== undefined) throw RouteErrors.unsupportedTarget(param, v);
  // One target column set, the rest null; its state (and instance) derived by the one route-state rule table.
  const routeTo = (target: Partial<Pick<RouteRow, 'gateway_id' | 'network_interface_id' | 'nat_gateway_id' | 'vpc_peering_connection_id' | 'transit_gateway_id'>>) => {
    const columns = { gateway_id: null, network_interface_id: null, nat_gateway_id: null, vpc_peering_connection_id: null, transit_gateway_id: null, ...target };
    return { ...columns, ...deriveRoute(ctx, { ...columns, route_table_id: table.id }) };
  };
  if (input.LocalTarget) return routeTo({ gateway_id: 'local' });
  if (input.VpcEndpointId !== undefined) {
    // a Gateway Load Balancer endpoint of the table's VPC; the id goes in the gateway column, as AWS shows it
    // (GatewayId vpce-…; docs/behavior.md "VPC endpoint services")
    const e = ctx.store.vpcEndpoints.get(ctx.scope, input.VpcEndpointId);
    if (!e || e.state === 'deleted') throw VpcEndpointErrors.notFound(input.VpcEndpointId);
    if (e.endpoint_type !== 'GatewayLoadBalancer') throw EndpointServiceErrors.routeToEndpoint(e.id);
    if (e.vpc_id !== table.vpc_id) throw RouteErrors.differentNetworks(table.id, e.id, 'VPC endpoint');
    return routeTo({ gateway_id: e.id });
  }
  if (input.VpcPeeringConnectionId !== undefined) {
    const pcx = requireRoutablePeering(ctx, input.VpcPeeringConnectionId, table.id, table.vpc_id);
    refuseMoreSpecificThanLocal(ctx, table, destination);
    return routeTo({ vpc_peering_connection_id: pcx.id });
  }
  if (input.EgressOnlyInternetGatewayId !== undefined) {
    // egress-only gateways carry IPv6 only; the id shares the gateway column (the view names it apart)
    if (!destination.includes(':')) throw RouteErrors.egressOnlyIpv4(input.EgressOnlyInternetGatewayId);
    const eigw = requireEgressOnlyGateway(ctx, input.EgressOnlyInternetGatewayId);
    if (eigw.vpc_id !== table.vpc_id) throw RouteErrors.differentNetworks(table.id, eigw.id, 'network gateway');
    return routeTo({ gateway_id: eigw.id });
  }
  if (input.NatGatewayId !== undefined) {
    const nat = ctx.store.natGateways.get(ctx.scope, input.NatGatewayId);
    if (!nat) throw NotFoundErrors.natGatewayTarget(input.NatGatewayId);
    if (nat.vpc_id !== table.vpc_id) throw RouteErrors.natDifferentNetworks(table.id, nat.id);
    return routeTo({ nat_gateway_id: nat.id });
  }
  if (input.TransitGatewayId !== undefined) {
    // AWS refuses a gateway with no attachment in the table's VPC (docs/behavior.md "Transit gateways")
    const tgw = requireRouteTargetGateway(ctx, input.TransitGatewayId, table.vpc_id);
    return routeTo({ transit_gateway_id: tgw.id });
  }
  if (input.CarrierGatewayId !== undefined) {
    // a gateway of the table's VPC, which must have a Wavelength Zone subnet (docs/behavior.md "Carrier gateways");
    // the id shares the gateway column (the view names it apart)
    const cagw = requireRouteCarrierGateway(ctx, input.CarrierGatewayId, table.id, table.vpc_id);
    return routeTo({ gateway_id: cagw.id });
  }
  if (input.GatewayId !== undefined) {
    if (input.GatewayId === 'local') return routeTo({ gateway_id: 'local' });
    if (input.GatewayId.startsWith('vgw-')) {
      // a VPN gateway attached (or attaching) to the table's VPC; the route is active once it is attached
      const vgw = ctx.store.vpnGateways.get(ctx.scope, input.GatewayId);
      if (!vgw || vgw.state === 'deleted') throw NotFoundErrors.gateway(input.GatewayId);
      if (vgw.vpc_id !== table.vpc_id || (vgw.attachment_state !== 'attaching' && vgw.attachment_state !== 'attached')) {
        throw RouteErrors.differentNetworks(table.id, vgw.id, 'network gateway');
      }
      return routeTo({ gateway_id: vgw.id });
    }
    const igw = input.GatewayId.startsWith('igw-') ? ctx.store.internetGateways.get(ctx.scope, input.GatewayId) : undefined;
    if (!igw) throw NotFoundErrors.gateway(input.GatewayId);
    if (igw.vpc_id !== table.vpc_id) throw RouteErrors.differentNetworks(table.id, igw.id, 'network gateway');
    return routeTo({ gateway_id: igw.id });
  }
  let eniId = input.NetworkInterfaceId;
  if (input.InstanceId !== undefined) {
    const instance = ctx.store.instances.get(ctx.scope, input.InstanceId);
    if (!instance) throw NotFoundErrors.instances([input.InstanceId]);
    const linked = ctx.store.attachments.ofInstance(instance.id);
    if (linked.length !== 1) throw InstanceErrors.multipleInterfaces(instance.id);
    eniId = linked[0].network_interface_id;
  }
  const eni = ctx.store.networkInterfaces.get(ctx.scope, eniId as string);
  if (!eni) throw NotFoundErrors.networkInterface(eniId as string);
  if (eni.vpc_id !== table.vpc_id) throw RouteErrors.differentNetworks(table.id, eni.id, 'interface');
  return routeTo({ network_interface_id: eni.id });
}

/**
 * A peering route may not be equal to or more specific than one of the VPC's IPv4 blocks (only interfaces,
 * instances and NAT gateways may take traffic for addresses inside the VPC). Checked for peering routes only, so
 * the older targets keep their behaviour.
 */
function refuseMoreSpecificThanLocal(ctx: RequestContext, table: RouteTableRow, destination: string): void {
  const cidr = destination.includes(':') ? undefined : parseCidr(destination);
  const vpc = ctx.store.vpcs.get(ctx.scope, table.vpc_id);
  if (!cidr || !vpc) return;
  if (ipv4Blocks(ctx, vpc).some((b) => contains(b.cidr, cidr))) throw PeeringErrors.routeMoreSpecific(destination);
}

const MAX_ROUTES = 50;

/**
 * A route to an internet gateway or a VPN gateway attached to the table's VPC, or to a network interface (an InstanceId names the
 * instance's only interface). Its state is derived at once and kept current as the target changes.
 */
export function createRoute(ctx: RequestContext, tableId: string, input: RouteInput): void {
  const table = requireRouteTable(ctx, tableId);
  const destination = destinationOf(ctx, input);
  const target = resolveTarget(ctx, table, input, destination);
  if (ctx.store.routeTables.route(table.id, destination)) throw RouteErrors.alreadyExists(destination);
  if (ctx.store.routeTables.routeCount(table.id) >= MAX_ROUTES) throw RouteErrors.limit();
  ctx.store.routeTables.insertRoute({ route_table_id: table.id, destination_cidr: destination, origin: 'CreateRoute', ...target });
}

/** A gateway endpoint's prefix-list route belongs to the endpoint; a route to a Gateway Load Balancer endpoint is the user's. */
const isGatewayEndpointRoute = (ctx: RequestContext, route: RouteRow) =>
  route.gateway_id?.startsWith('vpce-') === true && ctx.store.vpcEndpoints.byId(route.gateway_id)?.endpoint_type === 'Gateway';

export function replaceRoute(ctx: RequestContext, tableId: string, input: RouteInput): void {
  const table = requireRouteTable(ctx, tableId);
  const destination = destinationOf(ctx, input);
  const route = ctx.store.routeTables.route(table.id, destination);
  if (!route) throw RouteErrors.replaceMissing(destination);
  if (isGatewayEndpointRoute(ctx, route)) throw VpcEndpointErrors.managedRoute(destination, table.id);
  ctx.store.routeTables.updateRoute(route.seq, resolveTarget(ctx, table, input, destination));
}

/** The local route (made with the table) cannot be deleted. */
export function deleteRoute(ctx: RequestContext, tableId: string, input: RouteInput): void {
  const table = requireRouteTable(ctx, tableId);
  const destination = destinationOf(ctx, input);
  const route = ctx.store.routeTables.route(table.id, destination);
  if (!route) {
    if (destination.startsWith('pl-')) throw RouteErrors.prefixListNotFound(destination, table.id);
    throw RouteErrors.notFound(destination, table.id, destination.includes(':'));
  }
  if (route.origin === 'CreateRouteTable') throw RouteErrors.localRoute(destination, table.id);
  if (isGatewayEndpointRoute(ctx, route)) throw VpcEndpointErrors.managedRoute(destination, table.id);
  ctx.store.routeTables.deleteRoute(route.seq);
}
