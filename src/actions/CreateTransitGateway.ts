import { tagsFromSpecifications } from '../domain/tags';
import { createTransitGateway } from '../domain/transitGateways';
import { presentTransitGateways } from '../views/transitGateway';
import { defineAction } from './define';

/** `pending` at once, `available` through the back end; with the default table when a default is enabled. */
export default defineAction('CreateTransitGateway', (input, ctx) => {
  const tags = tagsFromSpecifications(input.TagSpecifications, ['transit-gateway']).get('transit-gateway') ?? [];
  const tgw = createTransitGateway(ctx, input.Description, input.Options ?? {}, tags);
  return { TransitGateway: presentTransitGateways(ctx, [tgw])[0] };
});
