import { describe } from '../domain/describe';
import { listNatGateways } from '../domain/natGateways';
import { NotFoundErrors } from '../errors';
import { natGatewayFilters } from '../filters/natGateways';
import { presentNatGateways } from '../views/natGateway';
import { defineAction } from './define';

export default defineAction('DescribeNatGateways', (input, ctx) => {
  const page = describe(ctx, {
    ids: input.NatGatewayIds,
    filters: input.Filter,
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
    filterSpec: natGatewayFilters,
    list: (opts) => listNatGateways(ctx, opts),
    present: (rows) => presentNatGateways(ctx, rows),
    notFound: (missing) => NotFoundErrors.natGateway(missing[0]),
  });
  return { NatGateways: page.items, NextToken: page.nextToken };
});
