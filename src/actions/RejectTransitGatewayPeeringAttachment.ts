import { rejectPeering } from '../domain/transitGatewayPeering';
import { presentPeerings } from '../views/transitGateway';
import { defineAction } from './define';

/** Only the accepter's side, while `pendingAcceptance`: `rejecting` now, `rejected` through the back end. */
export default defineAction('RejectTransitGatewayPeeringAttachment', (input, ctx) => {
  const att = rejectPeering(ctx, input.TransitGatewayAttachmentId);
  return { TransitGatewayPeeringAttachment: presentPeerings(ctx, [att])[0] };
});
