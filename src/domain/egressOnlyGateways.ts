/**
 * Egress-only internet gateways: made attached to one VPC (the only state AWS shows), deleted at any time; routes
 * to `::/0` (or any IPv6 destination) through one are active while it exists in the table's VPC.
 * See docs/behavior.md "Egress-only internet gateways and IPv6 routes".
 */
import type { RequestContext } from '../core/context';
import { CidrErrors } from '../errors';
import type { Tag } from '../protocol/model/types.generated';
import type { ListOptions } from '../store/query';
import type { EgressOnlyInternetGatewayRow } from '../store/rows';
import { addTags } from './tags';
import { requireVpc } from './vpc';

export function requireEgressOnlyGateway(ctx: RequestContext, id: string): EgressOnlyInternetGatewayRow {
  const eigw = id.startsWith('eigw-') ? ctx.store.egressOnlyGateways.get(ctx.scope, id) : undefined;
  if (!eigw) throw CidrErrors.egressGatewayNotFound(id);
  return eigw;
}

export function listEgressOnlyGateways(ctx: RequestContext, opts: ListOptions): EgressOnlyInternetGatewayRow[] {
  return ctx.store.egressOnlyGateways.list(ctx.scope, opts);
}

/** `tags` is called once the VPC is known to exist, so its errors come after the VPC's. */
export function createEgressOnlyGateway(ctx: RequestContext, vpcId: string, tags: () => readonly Tag[]): EgressOnlyInternetGatewayRow {
  const vpc = requireVpc(ctx, vpcId);
  const tagList = tags();
  const id = ctx.ids.id('eigw');
  ctx.store.egressOnlyGateways.insert({ id, account: ctx.scope.account, region: ctx.scope.region, vpc_id: vpc.id });
  addTags(ctx, id, 'egress-only-internet-gateway', tagList);
  return requireEgressOnlyGateway(ctx, id);
}

/** Routes through it stay and turn blackhole, as for a deleted interface. */
export function deleteEgressOnlyGateway(ctx: RequestContext, id: string): void {
  const eigw = requireEgressOnlyGateway(ctx, id);
  ctx.store.egressOnlyGateways.delete(eigw.id);
  ctx.events.routeTargetsChanged(eigw.id);
}
