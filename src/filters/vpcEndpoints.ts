/** The filters of DescribeVpcEndpoints and DescribeVpcEndpointServices (every name the model documents). */
import type { ServiceDetail, VpcEndpoint } from '../protocol/model/types.generated';
import type { FilterSpec } from './engine';

export const vpcEndpointFilters: FilterSpec<VpcEndpoint> = {
  idSql: 'e.id',
  tags: (e) => e.Tags,
  fields: {
    'ip-address-type': { get: (e) => e.IpAddressType, sql: 'e.ip_address_type' },
    'service-name': { get: (e) => e.ServiceName, sql: 'e.service_name' },
    'service-region': { get: (e) => e.ServiceRegion ?? e.ServiceName?.split('.')[2] },
    'vpc-endpoint-state': { get: (e) => e.State, sql: 'e.state' },
    'vpc-id': { get: (e) => e.VpcId, sql: 'e.vpc_id' },
    'vpc-endpoint-id': { get: (e) => e.VpcEndpointId, sql: 'e.id' },
    'vpc-endpoint-type': { get: (e) => e.VpcEndpointType, sql: 'e.endpoint_type' },
  },
};

export const endpointServiceFilters: FilterSpec<ServiceDetail> = {
  tags: (s) => s.Tags,
  fields: {
    owner: { get: (s) => s.Owner },
    'service-name': { get: (s) => s.ServiceName },
    'service-region': { get: (s) => s.ServiceRegion },
    'service-type': { get: (s) => s.ServiceType?.map((t) => t.ServiceType) as string[] },
    'supported-ip-address-types': { get: (s) => s.SupportedIpAddressTypes as string[] },
  },
};
