import { describe } from '../domain/describe';
import { listInternetGateways } from '../domain/internetGateways';
import { NotFoundErrors } from '../errors';
import { internetGatewayFilters } from '../filters/routing';
import { presentInternetGateways } from '../views/routing';
import { defineAction } from './define';

export default defineAction('DescribeInternetGateways', (input, ctx) => {
  const page = describe(ctx, {
    ids: input.InternetGatewayIds,
    filters: input.Filters,
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
    filterSpec: internetGatewayFilters,
    list: (opts) => listInternetGateways(ctx, opts),
    present: (rows) => presentInternetGateways(ctx, rows),
    notFound: (missing) => NotFoundErrors.internetGateway(missing[0]),
  });
  return { InternetGateways: page.items, NextToken: page.nextToken };
});
