import { describe } from '../domain/describe';
import { listVpcEndpoints } from '../domain/vpcEndpoints';
import { VpcEndpointErrors } from '../errors';
import { vpcEndpointFilters } from '../filters/vpcEndpoints';
import { presentVpcEndpoints } from '../views/vpcEndpoint';
import { defineAction } from './define';

export default defineAction('DescribeVpcEndpoints', (input, ctx) => {
  const page = describe(ctx, {
    ids: input.VpcEndpointIds,
    filters: input.Filters,
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
    filterSpec: vpcEndpointFilters,
    list: (opts) => listVpcEndpoints(ctx, opts),
    present: (rows) => presentVpcEndpoints(ctx, rows),
    notFound: (missing) => VpcEndpointErrors.notFound(missing[0]),
  });
  return { VpcEndpoints: page.items, NextToken: page.nextToken };
});
