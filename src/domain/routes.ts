/**
 * Route state: a route through a network interface is `active` only while the
 * interface is attached (not detaching) to a `running` instance; stopped, detached or deleted -> `blackhole`.
 * Its instanceId follows the interface. A route through an internet gateway is active while the gateway is
 * attached to the table's VPC, through an egress-only gateway while it exists, through a NAT gateway while it is
 * available; the local route always is.
 *
 * Every change that can flip a route reports the ids it touched (interfaces, instances, gateways) to the event
 * bus; before the transaction commits, `routeStateWorkflow` re-derives just those routes, so no client ever sees a
 * stale route after the change that flipped it.
 * See docs/behavior.md "Routes: active and blackhole" and docs/decisions.md "Routes need a running instance".
 */
import type { RequestContext } from '../core/context';
import type { PendingWork } from '../core/pendingWork';
import type { RouteRow } from '../store/rows';

interface DerivedRoute {
  state: 'active' | 'blackhole';
  instance_id: string | null;
  instance_owner_id: string | null;
}

type Ctx = Pick<RequestContext, 'store' | 'scope'>;

export function deriveRoute(ctx: Ctx, route: Pick<RouteRow, 'gateway_id' | 'network_interface_id' | 'route_table_id' | 'nat_gateway_id'>): DerivedRoute {
  const blackhole: DerivedRoute = { state: 'blackhole', instance_id: null, instance_owner_id: null };
  if (route.network_interface_id) {
    const attachment = ctx.store.attachments.ofInterface(route.network_interface_id);
    if (!attachment || !ctx.store.networkInterfaces.get(ctx.scope, route.network_interface_id)) return blackhole;
    const instance = ctx.store.instances.get(ctx.scope, attachment.instance_id);
    const active = attachment.status !== 'detaching' && instance?.state === 'running';
    return { state: active ? 'active' : 'blackhole', instance_id: attachment.instance_id, instance_owner_id: attachment.account };
  }
  if (route.gateway_id?.startsWith('eigw-')) {
    const eigw = ctx.store.egressOnlyGateways.get(ctx.scope, route.gateway_id);
    const table = ctx.store.routeTables.get(ctx.scope, route.route_table_id);
    return { ...blackhole, state: eigw && table && eigw.vpc_id === table.vpc_id ? 'active' : 'blackhole' };
  }
  // through a gateway VPC endpoint: active while it is not being deleted (docs/behavior.md "VPC endpoints")
  if (route.gateway_id?.startsWith('vpce-')) {
    const e = ctx.store.vpcEndpoints.get(ctx.scope, route.gateway_id);
    return { ...blackhole, state: e && e.state !== 'deleted' ? 'active' : 'blackhole' };
  }
  if (route.gateway_id && route.gateway_id !== 'local') {
    const igw = ctx.store.internetGateways.get(ctx.scope, route.gateway_id);
    const table = ctx.store.routeTables.get(ctx.scope, route.route_table_id);
    return { ...blackhole, state: igw && table && igw.vpc_id === table.vpc_id ? 'active' : 'blackhole' };
  }
  // through a NAT gateway: active while it is available (docs/behavior.md "NAT gateways")
  if (route.nat_gateway_id) return { ...blackhole, state: ctx.store.natGateways.get(ctx.scope, route.nat_gateway_id)?.state === 'available' ? 'active' : 'blackhole' };
  return { ...blackhole, state: 'active' };
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
  const gatewayIds = ids.filter((id) => id.startsWith('igw-') || id.startsWith('eigw-'));
  const natGatewayIds = ids.filter((id) => id.startsWith('nat-'));
  // An instance's routes go through its interfaces; the interfaces were reported with it.
  for (const route of ctx.store.routeTables.routesTo({ networkInterfaceIds: eniIds, gatewayIds, natGatewayIds })) refreshRoute(ctx, route);
}
