/** The filters of DescribeAddresses, over the API objects. */
import type { Address } from '../protocol/model/types.generated';
import type { FilterSpec } from './engine';

export const addressFilters: FilterSpec<Address> = {
  tags: (a) => a.Tags,
  fields: {
    'allocation-id': { get: (a) => a.AllocationId },
    'association-id': { get: (a) => a.AssociationId },
    domain: { get: (a) => a.Domain },
    'instance-id': { get: (a) => a.InstanceId },
    'network-border-group': { get: (a) => a.NetworkBorderGroup },
    'network-interface-id': { get: (a) => a.NetworkInterfaceId },
    'network-interface-owner-id': { get: (a) => a.NetworkInterfaceOwnerId },
    'private-ip-address': { get: (a) => a.PrivateIpAddress },
    'public-ip': { get: (a) => a.PublicIp },
  },
};
