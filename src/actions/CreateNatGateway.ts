import { createNatGateway } from '../domain/natGateways';
import { tagsFromSpecifications } from '../domain/tags';
import { presentNatGateways } from '../views/natGateway';
import { defineAction } from './define';

/** Answers `pending` at once; the back end makes the gateway available or failed (docs/behavior.md "NAT gateways"). */
export default defineAction('CreateNatGateway', (input, ctx) => {
  const tags = tagsFromSpecifications(input.TagSpecifications, ['natgateway']).get('natgateway') ?? [];
  const nat = createNatGateway(ctx, input, tags);
  return { ClientToken: input.ClientToken, NatGateway: presentNatGateways(ctx, [nat])[0] };
});
