import { searchTgwRoutes } from '../domain/transitGateways';
import { presentTgwRoute } from '../views/transitGateway';
import { defineAction } from './define';

/** Static and propagated routes of one table, by the route-search.* and field filters. */
export default defineAction('SearchTransitGatewayRoutes', (input, ctx) => {
  const { routes, more } = searchTgwRoutes(ctx, input.TransitGatewayRouteTableId, input.Filters, input.MaxResults);
  return { Routes: routes.map(presentTgwRoute), AdditionalRoutesAvailable: more };
});
