import { describe } from '../domain/describe';
import { listLinks, requireRouteTable } from '../domain/transitGateways';
import { tgwLinkFilters } from '../filters/transitGateways';
import { presentLinks } from '../views/transitGateway';
import { defineAction } from './define';

export default defineAction('GetTransitGatewayRouteTableAssociations', (input, ctx) => {
  const table = requireRouteTable(ctx, input.TransitGatewayRouteTableId);
  const page = describe(ctx, {
    filters: input.Filters,
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
    filterSpec: tgwLinkFilters,
    list: (opts) => listLinks(ctx, 'associations', table.id, opts),
    present: (rows) => presentLinks(ctx, rows),
    notFound: () => { throw new Error('unreachable: no ids'); },
  });
  return { Associations: page.items, NextToken: page.nextToken };
});
