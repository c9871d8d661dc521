import { disassociate } from '../domain/transitGateways';
import { presentLink } from '../views/transitGateway';
import { defineAction } from './define';

/** Takes effect at once; the answer shows the link `disassociating`, as AWS's does. */
export default defineAction('DisassociateTransitGatewayRouteTable', (input, ctx) => {
  const { table, att } = disassociate(ctx, input.TransitGatewayRouteTableId, input.TransitGatewayAttachmentId);
  return { Association: presentLink(table.id, att, 'disassociating') };
});
