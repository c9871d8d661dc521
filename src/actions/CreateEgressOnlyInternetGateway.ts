import { createEgressOnlyGateway } from '../domain/egressOnlyGateways';
import { tagsFromSpecifications } from '../domain/tags';
import { presentEgressOnlyGateways } from '../views/routing';
import { defineAction } from './define';

export default defineAction('CreateEgressOnlyInternetGateway', (input, ctx) => {
  const tags = () => tagsFromSpecifications(input.TagSpecifications, ['egress-only-internet-gateway']).get('egress-only-internet-gateway') ?? [];
  const eigw = createEgressOnlyGateway(ctx, input.VpcId, tags);
  return { ClientToken: input.ClientToken, EgressOnlyInternetGateway: presentEgressOnlyGateways(ctx, [eigw])[0] };
});
