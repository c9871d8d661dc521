import { GatewayErrors, NotFoundErrors } from '../errors';
import { defineAction } from './define';

export default defineAction('DeleteInternetGateway', (input, ctx) => {
  const igw = ctx.store.internetGateways.get(ctx.scope, input.InternetGatewayId);
  if (!igw) throw NotFoundErrors.internetGateway(input.InternetGatewayId);
  if (igw.vpc_id) throw GatewayErrors.dependency(igw.id);
  ctx.store.internetGateways.delete(igw.id);
  ctx.events.routeTargetsChanged(igw.id);
});
