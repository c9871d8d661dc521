import { disablePropagation } from '../domain/transitGateways';
import { RequestErrors } from '../errors';
import { presentLink } from '../views/transitGateway';
import { defineAction } from './define';

/** Takes effect at once; the answer shows the link `disabling`, as AWS's does. */
export default defineAction('DisableTransitGatewayRouteTablePropagation', (input, ctx) => {
  // route table announcements are not modelled: the attachment is required
  if (input.TransitGatewayAttachmentId === undefined) throw RequestErrors.missingParameter('TransitGatewayAttachmentId');
  const { table, att } = disablePropagation(ctx, input.TransitGatewayRouteTableId, input.TransitGatewayAttachmentId);
  return { Propagation: presentLink(table.id, att, 'disabling') };
});
