/**
 * Route state: a route through a network interface is `active` only while the
 * interface is attached (not detaching) to a `running` instance; stopped, detached or deleted -> `blackhole`.
 * Its instanceId follows the interface. A route through an internet gateway is active while the gateway is
 * attached to the table's VPC, through a VPN gateway while it is attached to it, through an egress-only gateway
 * while it exists, through a NAT gateway while it is available, through a peering connection while it is active,
 * through a transit gateway while it is available and attached to the VPC, through a carrier gateway while it is
 * available in the table's VPC; the local route always is.
 *
 * Every change that can flip a route reports the ids it touched (interfaces, instances, gateways) to the event
 * bus; before the transaction commits, `routeStateWorkflow` re-derives just those routes, so no client ever sees a
 * stale route after the change that flipped it.
 * See docs/behavior.md "Routes: active and blackhole" and docs/decisions.md "Routes need a running instance".
 */
import type { RequestContext } from '../core/context';
import type { PendingWork } from '../core/pendingWork';
import type { RouteRow } from '../store/rows';
import { vpnGatewayServes } from './vpn';

interface DerivedRoute {
  state: 'active' | 'blackhole';
  instance_id: string | null;
  instance_owner_id: string | null;
}

type Ctx = Pick<RequestContext, 'store' | 'scope'>;
type RouteTarget = Pick<RouteRow, 'gateway_id' | 'network_interface_id' | 'route_table_id' | 'nat_gateway_id' | 'vpc_peering_connection_id' | 'transit_gateway_id'>;

/** The kinds of target a route can have; `targetKind` tells which one a route has. */
export type TargetKind = 'eni' | 'eigw' | 'vgw' | 'vpce' | 'cagw' | 'igw' | 'nat' | 'pcx' | 'tgw' | 'local';

export function targetKind(route: RouteTarget): TargetKind {
  if (route.network_interface_id) return 'eni';
  if (route.vpc_peering_connection_id) return 'pcx';
  if (route.nat_gateway_id) return 'nat';
  if (route.transit_gateway_id) return 'tgw';
  if (route.gateway_id?.startsWith('eigw-')) return 'eigw';
  if (route.gateway_id?.startsWith('vgw-')) return 'vgw';
  if (route.gateway_id?.startsWith('vpce-')) return 'vpce';
  if (route.gateway_id?.startsWith('cagw-')) return 'cagw';
  if (route.gateway_id && route.gateway_id !== 'local') return 'igw';
  return 'local';
}

const up = (active: boolean): DerivedRoute => ({ state: active ? 'active' : 'blackhole', instance_id: null, instance_owner_id: null });
const tableVpc = (ctx: Ctx, route: RouteTarget) => ctx.store.routeTables.get(ctx.scope, route.route_table_id)?.vpc_id;

/**
 * The rule for each target kind, in one place (docs/behavior.md "Routes: active and blackhole"):
 *  - eni:   attached (not detaching) to a `running` instance; the instance id follows the interface;
 *  - igw:   attached to the table's VPC;          eigw: exists for the table's VPC;
 *  - vgw:   the VPN gateway is attached to the table's VPC;
 *  - vpce:  the gateway endpoint is not deleted; a Gateway Load Balancer endpoint is `available`;
 *  - nat:   the NAT gateway is `available`;       pcx:  the peering connection is `active`;
 *  - tgw:   the transit gateway and its attachment to the table's VPC are `available`;
 *  - cagw:  the carrier gateway is `available` in the table's VPC (pending, deleting, deleted: blackhole);
 *  - local: always active.
 */
const RULES: Record<TargetKind, (ctx: Ctx, route: RouteTarget) => DerivedRoute> = {
  eni: (ctx, route) => {
    const eniId = route.network_interface_id!;
    const attachment = ctx.store.attachments.ofInterface(eniId);
    if (!attachment || !ctx.store.networkInterfaces.get(ctx.scope, eniId)) return up(false);
    const instance = ctx.store.instances.get(ctx.scope, attachment.instance_id);
    const active = attachment.status !== 'detaching' && instance?.state === 'running';
    return { state: active ? 'active' : 'blackhole', instance_id: attachment.instance_id, instance_owner_id: attachment.account };
  },
  eigw: (ctx, route) => {
    const eigw = ctx.store.egressOnlyGateways.get(ctx.scope, route.gateway_id!);
    return up(eigw !== undefined && eigw.vpc_id === tableVpc(ctx, route));
  },
  // docs/behavior.md "VPN gateways and connections"
  vgw: (ctx, route) => {
    const vpcId = tableVpc(ctx, route);
    return up(vpcId !== undefined && vpnGatewayServes(ctx.store.vpnGateways.get(ctx.scope, route.gateway_id!), vpcId));
  },
  igw: (ctx, route) => {
    const igw = ctx.store.internetGateways.get(ctx.scope, route.gateway_id!);
    return up(igw !== undefined && igw.vpc_id !== null && igw.vpc_id === tableVpc(ctx, route));
  },
  nat: (ctx, route) => up(ctx.store.natGateways.get(ctx.scope, route.nat_gateway_id!)?.state === 'available'),
  // the connection may belong to the other side's scope: looked up by id (docs/behavior.md "VPC peering")
  pcx: (ctx, route) => up(ctx.store.vpcPeerings.byId(route.vpc_peering_connection_id!)?.status_code === 'active'),
  // docs/behavior.md "Transit gateways"
  tgw: (ctx, route) => {
    const tgw = ctx.store.transitGateways.get(ctx.scope, route.transit_gateway_id!);
    const vpcId = tableVpc(ctx, route);
    const attached = vpcId !== undefined ? ctx.store.transitGateways.liveAttachment(route.transit_gateway_id!, vpcId) : undefined;
    return up(tgw?.state === 'available' && attached?.state === 'available');
  },
  // a gateway VPC endpoint's prefix-list route: active while the endpoint is not deleted (docs/behavior.md "VPC
  // endpoints"); a route to a Gateway Load Balancer endpoint: while it is available ("VPC endpoint services"; the
  // service's owner may reject it from its own scope, so the endpoint is looked up by id)
  vpce: (ctx, route) => {
    const e = ctx.store.vpcEndpoints.byId(route.gateway_id!);
    if (e?.endpoint_type === 'GatewayLoadBalancer') return up(e.state === 'available');
    return up(e !== undefined && e.state !== 'deleted');
  },
  // docs/behavior.md "Carrier gateways"
  cagw: (ctx, route) => {
    const cagw = ctx.store.carrierGateways.get(ctx.scope, route.gateway_id!);
    return up(cagw?.state === 'available' && cagw.vpc_id === tableVpc(ctx, route));
  },
  local: () => up(true),
};

export function deriveRoute(ctx: Ctx, route: RouteTarget): DerivedRoute {
  return RULES[targetKind(route)](ctx, route);
}

/** Re-derives one stored route and writes it back if it changed. */
function refreshRoute(ctx: Ctx, route: RouteRow): void {
  const d = deriveRoute(ctx, route);
  if (d.state !== route.state || d.instance_id !== route.instance_id || d.instance_owner_id !== route.instance_owner_id) {
    ctx.store.routeTables.updateRoute(route.seq, d);
  }
}

/** The workflow task: routes through the touched targets get their state re-derived. */
export function routeStateWorkflow(ctx: RequestContext, work: PendingWork): void {
  const ids = [...work.routeTargets];
  const eniIds = ids.filter((id) => id.startsWith('eni-'));
  const gatewayIds = ids.filter((id) => /^(igw|eigw|vgw|vpce|cagw)-/.test(id));
  const natGatewayIds = ids.filter((id) => id.startsWith('nat-'));
  const peeringIds = ids.filter((id) => id.startsWith('pcx-'));
  // a transit gateway's routes flip with the gateway and with its attachments (reported by gateway id)
  const transitGatewayIds = ids.filter((id) => /^tgw-[0-9a-f]+$/.test(id));
  // An instance's routes go through its interfaces; the interfaces were reported with it. Routes through a peering
  // may be in the other side's scope: their state does not depend on the scope (RULES.pcx).
  for (const route of ctx.store.routeTables.routesTo({ networkInterfaceIds: eniIds, gatewayIds, natGatewayIds, peeringIds, transitGatewayIds })) refreshRoute(ctx, route);
}
