import { acceptPeering } from '../domain/transitGatewayPeering';
import { presentPeerings } from '../views/transitGateway';
import { defineAction } from './define';

/** Only the accepter's side, while `pendingAcceptance`: `pending` now, `available` through the back end. */
export default defineAction('AcceptTransitGatewayPeeringAttachment', (input, ctx) => {
  const att = acceptPeering(ctx, input.TransitGatewayAttachmentId);
  return { TransitGatewayPeeringAttachment: presentPeerings(ctx, [att])[0] };
});
