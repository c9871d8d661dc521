import { describe } from '../domain/describe';
import { listEgressOnlyGateways } from '../domain/egressOnlyGateways';
import { CidrErrors } from '../errors';
import { egressOnlyGatewayFilters } from '../filters/routing';
import { presentEgressOnlyGateways } from '../views/routing';
import { defineAction } from './define';

export default defineAction('DescribeEgressOnlyInternetGateways', (input, ctx) => {
  const page = describe(ctx, {
    ids: input.EgressOnlyInternetGatewayIds,
    filters: input.Filters,
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
    filterSpec: egressOnlyGatewayFilters,
    list: (opts) => listEgressOnlyGateways(ctx, opts),
    present: (rows) => presentEgressOnlyGateways(ctx, rows),
    notFound: (missing) => CidrErrors.egressGatewayNotFound(missing[0]),
  });
  return { EgressOnlyInternetGateways: page.items, NextToken: page.nextToken };
});
