import { describe } from '../domain/describe';
import { listEndpointServices, presentEndpointServiceRows } from '../domain/endpointServices';
import { VpcEndpointErrors } from '../errors';
import { endpointServiceFilters } from '../filters/vpcEndpoints';
import { defineAction } from './define';

/** The region's AWS services (a fixed catalog); ServiceNames lists each name once. */
export default defineAction('DescribeVpcEndpointServices', (input, ctx) => {
  const page = describe(ctx, {
    ids: input.ServiceNames,
    filters: input.Filters,
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
    filterSpec: endpointServiceFilters,
    list: (opts) => listEndpointServices(ctx, opts),
    present: (rows) => presentEndpointServiceRows(ctx, rows),
    notFound: (missing) => VpcEndpointErrors.serviceNotFound(missing[0]),
  });
  const names = [...new Set(page.items.map((s) => s.ServiceName!))];
  return { ServiceNames: names, ServiceDetails: page.items, NextToken: page.nextToken };
});
