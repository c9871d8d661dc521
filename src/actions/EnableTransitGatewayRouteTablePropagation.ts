import { enablePropagation } from '../domain/transitGateways';
import { RequestErrors } from '../errors';
import { presentLink } from '../views/transitGateway';
import { defineAction } from './define';

/** Takes effect at once; the answer shows the link `enabling`, as AWS's does. */
export default defineAction('EnableTransitGatewayRouteTablePropagation', (input, ctx) => {
  // route table announcements are not modelled: the attachment is required
  if (input.TransitGatewayAttachmentId === undefined) throw RequestErrors.missingParameter('TransitGatewayAttachmentId');
  const { table, att } = enablePropagation(ctx, input.TransitGatewayRouteTableId, input.TransitGatewayAttachmentId);
  return { Propagation: presentLink(table.id, att, 'enabling') };
});
