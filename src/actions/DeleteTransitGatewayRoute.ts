import { deleteTgwRoute } from '../domain/transitGateways';
import { presentTgwRoute } from '../views/transitGateway';
import { defineAction } from './define';

/** Static routes only; the answer shows the route `deleted`. */
export default defineAction('DeleteTransitGatewayRoute', (input, ctx) => {
  const route = deleteTgwRoute(ctx, input.TransitGatewayRouteTableId, input.DestinationCidrBlock);
  return { Route: presentTgwRoute(route) };
});
