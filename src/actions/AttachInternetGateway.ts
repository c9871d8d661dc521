import { GatewayErrors, NotFoundErrors } from '../errors';
import { defineAction } from './define';

/** One gateway per VPC, one VPC per gateway. Routes through the gateway turn active. */
export default defineAction('AttachInternetGateway', (input, ctx) => {
  const igw = ctx.store.internetGateways.get(ctx.scope, input.InternetGatewayId);
  if (!igw) throw NotFoundErrors.internetGateway(input.InternetGatewayId);
  const vpc = ctx.store.vpcs.get(ctx.scope, input.VpcId);
  if (!vpc) throw NotFoundErrors.vpc(input.VpcId);
  if (igw.vpc_id) throw GatewayErrors.alreadyAttached(igw.id, igw.vpc_id);
  if (ctx.store.internetGateways.attachedTo(vpc.id)) throw GatewayErrors.vpcHasGateway(vpc.id);
  ctx.store.internetGateways.update(igw.id, { vpc_id: vpc.id });
  ctx.events.routeTargetsChanged(igw.id);
});
