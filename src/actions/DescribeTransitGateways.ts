import { describe } from '../domain/describe';
import { listTransitGateways } from '../domain/transitGateways';
import { TransitGatewayErrors } from '../errors';
import { transitGatewayFilters } from '../filters/transitGateways';
import { presentTransitGateways } from '../views/transitGateway';
import { defineAction } from './define';

export default defineAction('DescribeTransitGateways', (input, ctx) => {
  const page = describe(ctx, {
    ids: input.TransitGatewayIds,
    filters: input.Filters,
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
    filterSpec: transitGatewayFilters,
    list: (opts) => listTransitGateways(ctx, opts),
    present: (rows) => presentTransitGateways(ctx, rows),
    notFound: (missing) => TransitGatewayErrors.notFound(missing[0]),
  });
  return { TransitGateways: page.items, NextToken: page.nextToken };
});
