import { describe } from '../domain/describe';
import { listPermissions } from '../domain/interfacePermissions';
import { NotFoundErrors } from '../errors';
import { interfacePermissionFilters } from '../filters/interfacePermissions';
import { presentPermission } from '../views/networkInterface';
import { defineAction } from './define';

export default defineAction('DescribeNetworkInterfacePermissions', (input, ctx) => {
  const page = describe(ctx, {
    ids: input.NetworkInterfacePermissionIds,
    filters: input.Filters,
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
    filterSpec: interfacePermissionFilters,
    list: (opts) => listPermissions(ctx, opts),
    present: (rows) => rows.map(presentPermission),
    notFound: (missing) => NotFoundErrors.permission(missing[0]),
  });
  return { NetworkInterfacePermissions: page.items, NextToken: page.nextToken };
});
