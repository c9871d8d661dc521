import { createInternetGateway } from '../domain/internetGateways';
import { tagsFromSpecifications } from '../domain/tags';
import { presentInternetGateways } from '../views/routing';
import { defineAction } from './define';

export default defineAction('CreateInternetGateway', (input, ctx) => {
  const tags = tagsFromSpecifications(input.TagSpecifications, ['internet-gateway']).get('internet-gateway') ?? [];
  return { InternetGateway: presentInternetGateways(ctx, [createInternetGateway(ctx, tags)])[0] };
});
