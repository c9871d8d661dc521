import { createTgwRoute } from '../domain/transitGateways';
import { presentTgwRoute } from '../views/transitGateway';
import { defineAction } from './define';

/** A static route to an attachment of the table's gateway, or a blackhole (exactly one of the two). */
export default defineAction('CreateTransitGatewayRoute', (input, ctx) => {
  const route = createTgwRoute(ctx, input.TransitGatewayRouteTableId, input.DestinationCidrBlock, input.TransitGatewayAttachmentId, input.Blackhole);
  return { Route: presentTgwRoute(route) };
});
