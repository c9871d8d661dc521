import { describe } from '../domain/describe';
import { listEndpointServiceConfigs } from '../domain/vpcEndpointServices';
import { EndpointServiceErrors } from '../errors';
import { serviceConfigFilters } from '../filters/vpcEndpointServices';
import { presentServiceConfigs } from '../views/vpcEndpointService';
import { defineAction } from './define';

/** The caller's own service configurations. */
export default defineAction('DescribeVpcEndpointServiceConfigurations', (input, ctx) => {
  const page = describe(ctx, {
    ids: input.ServiceIds,
    filters: input.Filters,
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
    filterSpec: serviceConfigFilters,
    list: (opts) => listEndpointServiceConfigs(ctx, opts),
    present: (rows) => presentServiceConfigs(ctx, rows),
    notFound: (missing) => EndpointServiceErrors.notFound(missing[0]),
  });
  return { ServiceConfigurations: page.items, NextToken: page.nextToken };
});
