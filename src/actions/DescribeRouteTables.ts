import { describe } from '../domain/describe';
import { listRouteTables } from '../domain/routeTables';
import { NotFoundErrors } from '../errors';
import { routeTableFilters } from '../filters/routing';
import { presentRouteTables } from '../views/routing';
import { defineAction } from './define';

export default defineAction('DescribeRouteTables', (input, ctx) => {
  const page = describe(ctx, {
    ids: input.RouteTableIds,
    filters: input.Filters,
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
    filterSpec: routeTableFilters,
    list: (opts) => listRouteTables(ctx, opts),
    present: (rows) => presentRouteTables(ctx, rows),
    notFound: (missing) => NotFoundErrors.routeTable(missing[0]),
  });
  return { RouteTables: page.items, NextToken: page.nextToken };
});
