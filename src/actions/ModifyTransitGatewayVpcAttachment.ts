import { modifyVpcAttachment } from '../domain/transitGateways';
import { presentVpcAttachments } from '../views/transitGateway';
import { defineAction } from './define';

export default defineAction('ModifyTransitGatewayVpcAttachment', (input, ctx) => {
  const att = modifyVpcAttachment(ctx, input.TransitGatewayAttachmentId, input);
  return { TransitGatewayVpcAttachment: presentVpcAttachments(ctx, [att])[0] };
});
