import { deleteVpcAttachment } from '../domain/transitGateways';
import { presentVpcAttachments } from '../views/transitGateway';
import { defineAction } from './define';

/** `deleting` now; `deleted` through the back end, which frees the attachment's interfaces. */
export default defineAction('DeleteTransitGatewayVpcAttachment', (input, ctx) => {
  const att = deleteVpcAttachment(ctx, input.TransitGatewayAttachmentId);
  return { TransitGatewayVpcAttachment: presentVpcAttachments(ctx, [att])[0] };
});
