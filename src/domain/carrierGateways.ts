/**
 * Carrier gateways connect a VPC's Wavelength Zone subnets to a carrier network (docs/behavior.md "Carrier
 * gateways"). One can be created once the account has opted in to a Wavelength Zone group of the Region
 * (ModifyAvailabilityZoneGroup); in a Region without Wavelength Zones the call is refused. Slow steps go through
 * the back end (--vpn-ms, 0 by default):
 *
 *   CreateCarrierGateway -> pending --> available      DeleteCarrierGateway -> deleting --> deleted
 *
 * Deleted gateways stay visible (state `deleted`) for --terminated-ttl-ms. A route through one is active while it
 * is `available` and belongs to the table's VPC, blackhole otherwise (src/domain/routes.ts).
 */
import type { RequestContext } from '../core/context';
import { CarrierGatewayErrors } from '../errors';
import type { Tag } from '../protocol/model/types.generated';
import type { ListOptions } from '../store/query';
import type { CarrierGatewayRow } from '../store/rows';
import { addTags } from './tags';
import { requireVpc } from './vpc';
import { zoneByName } from './regions';
import { hasWavelengthOptIn, hasWavelengthZones } from './zones';

export function requireCarrierGateway(ctx: RequestContext, id: string): CarrierGatewayRow {
  const cagw = id.startsWith('cagw-') ? ctx.store.carrierGateways.get(ctx.scope, id) : undefined;
  if (!cagw) throw CarrierGatewayErrors.notFound(id);
  return cagw;
}

/** A gateway that is not deleted (a deleted one reads as gone, as AWS's other gateways do). */
function requireLiveCarrierGateway(ctx: RequestContext, id: string): CarrierGatewayRow {
  const cagw = requireCarrierGateway(ctx, id);
  if (cagw.state === 'deleted') throw CarrierGatewayErrors.notFound(id);
  return cagw;
}

export function listCarrierGateways(ctx: RequestContext, opts: ListOptions): CarrierGatewayRow[] {
  return ctx.store.carrierGateways.list(ctx.scope, opts);
}

/** `tags` is called once the VPC is known to exist, so its errors come after the VPC's. */
export function createCarrierGateway(ctx: RequestContext, vpcId: string, tags: () => readonly Tag[]): CarrierGatewayRow {
  const vpc = requireVpc(ctx, vpcId);
  if (!hasWavelengthZones(ctx.scope.region)) throw CarrierGatewayErrors.unsupported();
  if (!hasWavelengthOptIn(ctx)) throw CarrierGatewayErrors.notOptedIn();
  const tagList = tags();
  const id = ctx.ids.id('cagw');
  ctx.store.carrierGateways.insert({ id, account: ctx.scope.account, region: ctx.scope.region, vpc_id: vpc.id, state: 'pending', created_at: ctx.now });
  addTags(ctx, id, 'carrier-gateway', tagList);
  ctx.backend.schedule(ctx.scope, 'carrier-gateway', id, 'pending', 'available', ctx.now + ctx.config.vpnMs);
  return requireCarrierGateway(ctx, id);
}

/** `deleting` now, `deleted` through the back end; routes through it turn blackhole at once. A repeat answers it again. */
export function deleteCarrierGateway(ctx: RequestContext, id: string): CarrierGatewayRow {
  const cagw = requireLiveCarrierGateway(ctx, id);
  if (cagw.state === 'deleting') return cagw;
  ctx.store.carrierGateways.update(cagw.id, { state: 'deleting' });
  ctx.backend.schedule(ctx.scope, 'carrier-gateway', cagw.id, 'deleting', 'deleted', ctx.now + ctx.config.vpnMs);
  ctx.events.routeTargetsChanged(cagw.id);
  return requireCarrierGateway(ctx, cagw.id);
}

/** The back end's steps: pending -> available, deleting -> deleted, deleted -> purged (after the TTL). */
export function applyCarrierGatewayTransition(ctx: RequestContext, id: string, to: string): void {
  const cagw = ctx.store.carrierGateways.get(ctx.scope, id);
  if (!cagw) return;
  if (to === 'available' && cagw.state === 'pending') {
    ctx.store.carrierGateways.update(cagw.id, { state: 'available' });
    ctx.events.routeTargetsChanged(cagw.id);
  } else if (to === 'deleted' && cagw.state === 'deleting') {
    ctx.store.carrierGateways.update(cagw.id, { state: 'deleted', deleted_at: ctx.now });
    ctx.backend.schedule(ctx.scope, 'carrier-gateway', cagw.id, 'deleted', 'purged', ctx.now + ctx.config.terminatedTtlMs);
  } else if (to === 'purged' && cagw.state === 'deleted') {
    ctx.store.carrierGateways.delete(cagw.id);
  }
}

/** A route target: a gateway of the table's VPC, not being deleted (pending ones too: the route waits for it). */
export function requireRouteCarrierGateway(ctx: RequestContext, id: string, tableId: string, vpcId: string): CarrierGatewayRow {
  const cagw = requireLiveCarrierGateway(ctx, id);
  if (cagw.vpc_id !== vpcId) throw CarrierGatewayErrors.routeDifferentVpc(tableId, cagw.id);
  if (cagw.state === 'deleting') throw CarrierGatewayErrors.notAvailable(cagw.id);
  // AWS: "You can only use this option when the VPC contains a subnet which is associated with a Wavelength Zone."
  if (!ctx.store.subnets.inVpc(vpcId).some((s) => isWavelengthZone(ctx, s.availability_zone))) {
    throw CarrierGatewayErrors.routeNoWavelengthSubnet(vpcId);
  }
  return cagw;
}

function isWavelengthZone(ctx: RequestContext, zoneName: string): boolean {
  return zoneName.includes('-wl') && zoneByName(ctx.scope.region, zoneName)?.type === 'wavelength-zone';
}
