import { tagsFromSpecifications } from '../domain/tags';
import { createPeering } from '../domain/transitGatewayPeering';
import { presentPeerings } from '../views/transitGateway';
import { defineAction } from './define';

/** `initiatingRequest`; the back end makes it `pendingAcceptance` and shows it to the accepter's scope. */
export default defineAction('CreateTransitGatewayPeeringAttachment', (input, ctx) => {
  const tags = tagsFromSpecifications(input.TagSpecifications, ['transit-gateway-attachment']).get('transit-gateway-attachment') ?? [];
  const att = createPeering(ctx, input, tags);
  return { TransitGatewayPeeringAttachment: presentPeerings(ctx, [att])[0] };
});
