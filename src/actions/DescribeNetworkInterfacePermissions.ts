import { NotFoundErrors } from '../errors';
import type { FilterSpec } from '../filters/engine';
import type { NetworkInterfacePermission } from '../protocol/model/types.generated';
import { describe } from '../domain/describe';
import { presentPermission } from '../views/networkInterface';
import { defineAction } from './define';

const filters: FilterSpec<NetworkInterfacePermission> = {
  fields: {
    'network-interface-permission.network-interface-permission-id': { get: (p) => p.NetworkInterfacePermissionId, sql: 'p.id' },
    'network-interface-permission.network-interface-id': { get: (p) => p.NetworkInterfaceId, sql: 'p.network_interface_id' },
    'network-interface-permission.aws-account-id': { get: (p) => p.AwsAccountId },
    'network-interface-permission.aws-service': { get: (p) => p.AwsService },
    'network-interface-permission.permission': { get: (p) => p.Permission },
  },
};

export default defineAction('DescribeNetworkInterfacePermissions', (input, ctx) => {
  const page = describe(ctx, {
    ids: input.NetworkInterfacePermissionIds,
    filters: input.Filters,
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
    filterSpec: filters,
    list: (opts) => ctx.store.interfacePermissions.list(ctx.scope, opts),
    present: (rows) => rows.map(presentPermission),
    notFound: (missing) => NotFoundErrors.permission(missing[0]),
  });
  return { NetworkInterfacePermissions: page.items, NextToken: page.nextToken };
});
