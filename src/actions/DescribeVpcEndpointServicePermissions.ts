import { describe } from '../domain/describe';
import { listServicePermissions, requireEndpointServiceConfig } from '../domain/vpcEndpointServices';
import { EndpointServiceErrors } from '../errors';
import { servicePermissionFilters } from '../filters/vpcEndpointServices';
import { presentServicePermissions } from '../views/vpcEndpointService';
import { defineAction } from './define';

/** The principals allowed to connect to one of the caller's services. */
export default defineAction('DescribeVpcEndpointServicePermissions', (input, ctx) => {
  const service = requireEndpointServiceConfig(ctx, input.ServiceId);
  const page = describe(ctx, {
    filters: input.Filters,
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
    filterSpec: servicePermissionFilters,
    list: (opts) => listServicePermissions(ctx, service.id, opts),
    present: (rows) => presentServicePermissions(ctx, rows),
    notFound: (missing) => EndpointServiceErrors.notFound(missing[0]),
  });
  return { AllowedPrincipals: page.items, NextToken: page.nextToken };
});
