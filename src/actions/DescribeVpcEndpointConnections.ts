import { describe } from '../domain/describe';
import { listEndpointConnections } from '../domain/vpcEndpointServices';
import { VpcEndpointErrors } from '../errors';
import { endpointConnectionFilters } from '../filters/vpcEndpointServices';
import { presentEndpointConnections } from '../views/vpcEndpointService';
import { defineAction } from './define';

/** The owner's view: the endpoints (of any account) connected to the caller's services. */
export default defineAction('DescribeVpcEndpointConnections', (input, ctx) => {
  const page = describe(ctx, {
    filters: input.Filters,
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
    filterSpec: endpointConnectionFilters,
    list: (opts) => listEndpointConnections(ctx, opts),
    present: (rows) => presentEndpointConnections(ctx, rows),
    notFound: (missing) => VpcEndpointErrors.notFound(missing[0]),
  });
  return { VpcEndpointConnections: page.items, NextToken: page.nextToken };
});
