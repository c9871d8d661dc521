import { GatewayErrors, NotFoundErrors } from '../errors';
import { defineAction } from './define';

/** Refused while public addresses in the VPC are mapped through it. Routes through it turn blackhole. */
export default defineAction('DetachInternetGateway', (input, ctx) => {
  const igw = ctx.store.internetGateways.get(ctx.scope, input.InternetGatewayId);
  if (!igw) throw NotFoundErrors.internetGateway(input.InternetGatewayId);
  const vpc = ctx.store.vpcs.get(ctx.scope, input.VpcId);
  if (!vpc) throw NotFoundErrors.vpc(input.VpcId);
  if (igw.vpc_id !== vpc.id) throw GatewayErrors.notAttached(igw.id, vpc.id);
  if (ctx.store.internetGateways.mappedAddressCount(vpc.id) > 0) throw GatewayErrors.mappedAddresses(vpc.id);
  ctx.store.internetGateways.update(igw.id, { vpc_id: null });
  ctx.events.routeTargetsChanged(igw.id);
});
