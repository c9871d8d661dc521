import { deleteRouteTable } from '../domain/transitGateways';
import { presentTgwRouteTables } from '../views/transitGateway';
import { defineAction } from './define';

export default defineAction('DeleteTransitGatewayRouteTable', (input, ctx) => {
  const table = deleteRouteTable(ctx, input.TransitGatewayRouteTableId);
  return { TransitGatewayRouteTable: presentTgwRouteTables(ctx, [table])[0] };
});
