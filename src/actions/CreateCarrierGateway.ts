import { createCarrierGateway } from '../domain/carrierGateways';
import { defineAction } from './define';

/** Wavelength only: the VPC is checked, then the call is refused (docs/decisions.md "Carrier gateways"). */
export default defineAction('CreateCarrierGateway', (input, ctx) => {
  createCarrierGateway(ctx, input.VpcId);
  return {};
});
