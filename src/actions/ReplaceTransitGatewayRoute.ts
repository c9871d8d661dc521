import { replaceTgwRoute } from '../domain/transitGateways';
import { presentTgwRoute } from '../views/transitGateway';
import { defineAction } from './define';

/** The route (static or propagated) for that destination becomes a static one to the new target. */
export default defineAction('ReplaceTransitGatewayRoute', (input, ctx) => {
  const route = replaceTgwRoute(ctx, input.TransitGatewayRouteTableId, input.DestinationCidrBlock, input.TransitGatewayAttachmentId, input.Blackhole);
  return { Route: presentTgwRoute(route) };
});
