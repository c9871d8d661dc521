import { createRouteTable } from '../domain/vpc';
import { addTags, tagsFromSpecifications } from '../domain/tags';
import { NotFoundErrors } from '../errors';
import { presentTables } from './shared/routing';
import { defineAction } from './define';

export default defineAction('CreateRouteTable', (input, ctx) => {
  const vpc = ctx.store.vpcs.get(ctx.scope, input.VpcId);
  if (!vpc) throw NotFoundErrors.vpc(input.VpcId);
  const tags = tagsFromSpecifications(input.TagSpecifications, ['route-table']).get('route-table') ?? [];
  const id = createRouteTable(ctx, vpc.id, vpc.cidr, false);
  addTags(ctx, id, 'route-table', tags);
  return { RouteTable: presentTables(ctx, [ctx.store.routeTables.get(ctx.scope, id)!])[0], ClientToken: input.ClientToken };
});
