import { addTags, tagsFromSpecifications } from '../domain/tags';
import { presentInternetGateway } from '../views/routing';
import { defineAction } from './define';

export default defineAction('CreateInternetGateway', (input, ctx) => {
  const tags = tagsFromSpecifications(input.TagSpecifications, ['internet-gateway']).get('internet-gateway') ?? [];
  const id = ctx.ids.id('igw');
  ctx.store.internetGateways.insert({ id, account: ctx.scope.account, region: ctx.scope.region, vpc_id: null });
  addTags(ctx, id, 'internet-gateway', tags);
  return { InternetGateway: presentInternetGateway(ctx.store.internetGateways.get(ctx.scope, id)!, ctx.store.tags.of(id)) };
});
