import { deleteCarrierGateway } from '../domain/carrierGateways';
import { defineAction } from './define';

/** No carrier gateway can exist, so every id is unknown. */
export default defineAction('DeleteCarrierGateway', (input, ctx) => {
  deleteCarrierGateway(ctx, input.CarrierGatewayId);
  return {};
});
