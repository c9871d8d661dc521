import { createCarrierGateway } from '../domain/carrierGateways';
import { tagsFromSpecifications } from '../domain/tags';
import { presentCarrierGateways } from '../views/carrierGateway';
import { defineAction } from './define';

/** Needs a Wavelength Zone group opted in (docs/behavior.md "Carrier gateways"); `pending`, then `available`. */
export default defineAction('CreateCarrierGateway', (input, ctx) => {
  const tags = () => tagsFromSpecifications(input.TagSpecifications, ['carrier-gateway']).get('carrier-gateway') ?? [];
  const cagw = createCarrierGateway(ctx, input.VpcId, tags);
  return { CarrierGateway: presentCarrierGateways(ctx, [cagw])[0] };
});
