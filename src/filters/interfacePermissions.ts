/** The filters of DescribeNetworkInterfacePermissions, over the API objects. */
import type { NetworkInterfacePermission } from '../protocol/model/types.generated';
import type { FilterSpec } from './engine';

export const interfacePermissionFilters: FilterSpec<NetworkInterfacePermission> = {
  fields: {
    'network-interface-permission.network-interface-permission-id': { get: (p) => p.NetworkInterfacePermissionId, sql: 'p.id' },
    'network-interface-permission.network-interface-id': { get: (p) => p.NetworkInterfaceId, sql: 'p.network_interface_id' },
    'network-interface-permission.aws-account-id': { get: (p) => p.AwsAccountId },
    'network-interface-permission.aws-service': { get: (p) => p.AwsService },
    'network-interface-permission.permission': { get: (p) => p.Permission },
  },
};
