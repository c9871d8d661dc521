import { deleteTransitGateway } from '../domain/transitGateways';
import { presentTransitGateways } from '../views/transitGateway';
import { defineAction } from './define';

/** Refused while attachments live (AWS's IncorrectState); `deleting` now, `deleted` through the back end. */
export default defineAction('DeleteTransitGateway', (input, ctx) => {
  const tgw = deleteTransitGateway(ctx, input.TransitGatewayId);
  return { TransitGateway: presentTransitGateways(ctx, [tgw])[0] };
});
