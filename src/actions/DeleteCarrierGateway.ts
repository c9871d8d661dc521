import { deleteCarrierGateway } from '../domain/carrierGateways';
import { presentCarrierGateways } from '../views/carrierGateway';
import { defineAction } from './define';

/** Answers the gateway `deleting`; routes through it turn blackhole. */
export default defineAction('DeleteCarrierGateway', (input, ctx) => {
  const cagw = deleteCarrierGateway(ctx, input.CarrierGatewayId);
  return { CarrierGateway: presentCarrierGateways(ctx, [cagw])[0] };
});
