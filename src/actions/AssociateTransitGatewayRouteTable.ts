import { associate } from '../domain/transitGateways';
import { presentLink } from '../views/transitGateway';
import { defineAction } from './define';

/** Takes effect at once; the answer shows the link `associating`, as AWS's does. */
export default defineAction('AssociateTransitGatewayRouteTable', (input, ctx) => {
  const { table, att } = associate(ctx, input.TransitGatewayRouteTableId, input.TransitGatewayAttachmentId);
  return { Association: presentLink(table.id, att, 'associating') };
});
