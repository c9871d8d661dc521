import { describe } from '../domain/describe';
import { listInstanceConnectEndpoints } from '../domain/instanceConnectEndpoints';
import { InstanceConnectEndpointErrors } from '../errors';
import { instanceConnectEndpointFilters } from '../filters/instanceConnectEndpoints';
import { presentInstanceConnectEndpoints } from '../views/instanceConnectEndpoint';
import { defineAction } from './define';

/** The account's endpoints by id, filters and tags, paged. */
export default defineAction('DescribeInstanceConnectEndpoints', (input, ctx) => {
  const page = describe(ctx, {
    ids: input.InstanceConnectEndpointIds,
    filters: input.Filters,
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
    filterSpec: instanceConnectEndpointFilters,
    list: (opts) => listInstanceConnectEndpoints(ctx, opts),
    present: (rows) => presentInstanceConnectEndpoints(ctx, rows),
    notFound: (missing) => InstanceConnectEndpointErrors.notFound(missing[0]),
  });
  return { InstanceConnectEndpoints: page.items, NextToken: page.nextToken };
});
