import { tagsFromSpecifications } from '../domain/tags';
import { createVpcAttachment } from '../domain/transitGateways';
import { presentVpcAttachments } from '../views/transitGateway';
import { defineAction } from './define';

/** One requester-managed interface per subnet (one subnet per zone); the gateway's default association and propagation. */
export default defineAction('CreateTransitGatewayVpcAttachment', (input, ctx) => {
  const tags = tagsFromSpecifications(input.TagSpecifications, ['transit-gateway-attachment']).get('transit-gateway-attachment') ?? [];
  const att = createVpcAttachment(ctx, input, tags);
  return { TransitGatewayVpcAttachment: presentVpcAttachments(ctx, [att])[0] };
});
