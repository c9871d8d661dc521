import { requireRouteTable } from '../domain/routeTables';
import { addTags, tagsFromSpecifications } from '../domain/tags';
import { createRouteTable, requireVpc } from '../domain/vpc';
import { presentRouteTables } from '../views/routing';
import { defineAction } from './define';

export default defineAction('CreateRouteTable', (input, ctx) => {
  const vpc = requireVpc(ctx, input.VpcId);
  const tags = tagsFromSpecifications(input.TagSpecifications, ['route-table']).get('route-table') ?? [];
  const id = createRouteTable(ctx, vpc.id, vpc.cidr, false);
  addTags(ctx, id, 'route-table', tags);
  return { RouteTable: presentRouteTables(ctx, [requireRouteTable(ctx, id)])[0], ClientToken: input.ClientToken };
});
