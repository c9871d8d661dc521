/** Internet gateways: one per VPC, one VPC per gateway; routes through a gateway follow its attachment. */
import type { RequestContext } from '../core/context';
import { GatewayErrors, NotFoundErrors } from '../errors';
import type { Tag } from '../protocol/model/types.generated';
import type { ListOptions } from '../store/query';
import type { InternetGatewayRow } from '../store/rows';
import { dropGatewayAssociation } from './routeTables';
import { addTags } from './tags';
import { requireVpc } from './vpc';

function requireInternetGateway(ctx: RequestContext, id: string): InternetGatewayRow {
  const igw = ctx.store.internetGateways.get(ctx.scope, id);
  if (!igw) throw NotFoundErrors.internetGateway(id);
  return igw;
}

export function listInternetGateways(ctx: RequestContext, opts: ListOptions): InternetGatewayRow[] {
  return ctx.store.internetGateways.list(ctx.scope, opts);
}

export function createInternetGateway(ctx: RequestContext, tags: readonly Tag[]): InternetGatewayRow {
  const id = ctx.ids.id('igw');
  ctx.store.internetGateways.insert({ id, account: ctx.scope.account, region: ctx.scope.region, vpc_id: null });
  addTags(ctx, id, 'internet-gateway', tags);
  return requireInternetGateway(ctx, id);
}

/** Routes through the gateway turn active. */
export function attachInternetGateway(ctx: RequestContext, igwId: string, vpcId: string): void {
  const igw = requireInternetGateway(ctx, igwId);
  const vpc = requireVpc(ctx, vpcId);
  if (igw.vpc_id) throw GatewayErrors.alreadyAttached(igw.id, igw.vpc_id);
  if (ctx.store.internetGateways.attachedTo(vpc.id)) throw GatewayErrors.vpcHasGateway(vpc.id);
  ctx.store.internetGateways.update(igw.id, { vpc_id: vpc.id });
  ctx.events.routeTargetsChanged(igw.id);
}

/** Refused while public addresses in the VPC are mapped through it. Routes through it turn blackhole. */
export function detachInternetGateway(ctx: RequestContext, igwId: string, vpcId: string): void {
  const igw = requireInternetGateway(ctx, igwId);
  const vpc = requireVpc(ctx, vpcId);
  if (igw.vpc_id !== vpc.id) throw GatewayErrors.notAttached(igw.id, vpc.id);
  if (ctx.store.internetGateways.mappedAddressCount(vpc.id) > 0) throw GatewayErrors.mappedAddresses(vpc.id);
  ctx.store.internetGateways.update(igw.id, { vpc_id: null });
  dropGatewayAssociation(ctx, igw.id);
  ctx.events.routeTargetsChanged(igw.id);
}

export function deleteInternetGateway(ctx: RequestContext, igwId: string): void {
  const igw = requireInternetGateway(ctx, igwId);
  if (igw.vpc_id) throw GatewayErrors.dependency(igw.id);
  ctx.store.internetGateways.delete(igw.id);
  ctx.events.routeTargetsChanged(igw.id);
}
