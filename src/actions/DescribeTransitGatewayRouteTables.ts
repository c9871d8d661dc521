import { describe } from '../domain/describe';
import { listRouteTables } from '../domain/transitGateways';
import { TransitGatewayErrors } from '../errors';
import { tgwRouteTableFilters } from '../filters/transitGateways';
import { presentTgwRouteTables } from '../views/transitGateway';
import { defineAction } from './define';

export default defineAction('DescribeTransitGatewayRouteTables', (input, ctx) => {
  const page = describe(ctx, {
    ids: input.TransitGatewayRouteTableIds,
    filters: input.Filters,
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
    filterSpec: tgwRouteTableFilters,
    list: (opts) => listRouteTables(ctx, opts),
    present: (rows) => presentTgwRouteTables(ctx, rows),
    notFound: (missing) => TransitGatewayErrors.routeTableNotFound(missing[0]),
  });
  return { TransitGatewayRouteTables: page.items, NextToken: page.nextToken };
});
