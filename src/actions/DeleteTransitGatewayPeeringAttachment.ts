import { deletePeering } from '../domain/transitGatewayPeering';
import { presentPeerings } from '../views/transitGateway';
import { defineAction } from './define';

/** Either side: `deleting` now, `deleted` through the back end (its routes turn blackhole on both sides). */
export default defineAction('DeleteTransitGatewayPeeringAttachment', (input, ctx) => {
  const att = deletePeering(ctx, input.TransitGatewayAttachmentId);
  return { TransitGatewayPeeringAttachment: presentPeerings(ctx, [att])[0] };
});
