import { tagsFromSpecifications } from '../domain/tags';
import { createRouteTable } from '../domain/transitGateways';
import { presentTgwRouteTables } from '../views/transitGateway';
import { defineAction } from './define';

export default defineAction('CreateTransitGatewayRouteTable', (input, ctx) => {
  const tags = tagsFromSpecifications(input.TagSpecifications, ['transit-gateway-route-table']).get('transit-gateway-route-table') ?? [];
  const table = createRouteTable(ctx, input.TransitGatewayId, tags);
  return { TransitGatewayRouteTable: presentTgwRouteTables(ctx, [table])[0] };
});
