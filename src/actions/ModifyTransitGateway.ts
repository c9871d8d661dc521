import { modifyTransitGateway } from '../domain/transitGateways';
import { presentTransitGateways } from '../views/transitGateway';
import { defineAction } from './define';

export default defineAction('ModifyTransitGateway', (input, ctx) => {
  const tgw = modifyTransitGateway(ctx, input.TransitGatewayId, input.Description, input.Options ?? {});
  return { TransitGateway: presentTransitGateways(ctx, [tgw])[0] };
});
