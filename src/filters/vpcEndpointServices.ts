/**
 * The filters of DescribeVpcEndpointServiceConfigurations, DescribeVpcEndpointServicePermissions,
 * DescribeVpcEndpointConnections and DescribeVpcEndpointConnectionNotifications (every name the model documents).
 */
import type { AllowedPrincipal, ConnectionNotification, ServiceConfiguration, VpcEndpointConnection } from '../protocol/model/types.generated';
import type { FilterSpec } from './engine';

export const serviceConfigFilters: FilterSpec<ServiceConfiguration> = {
  idSql: 's.id',
  tags: (s) => s.Tags,
  fields: {
    'service-id': { get: (s) => s.ServiceId, sql: 's.id' },
    'service-name': { get: (s) => s.ServiceName, sql: 's.name' },
    'service-state': { get: (s) => s.ServiceState, sql: 's.state' },
    'supported-ip-address-types': { get: (s) => s.SupportedIpAddressTypes as string[] },
  },
};

export const servicePermissionFilters: FilterSpec<AllowedPrincipal> = {
  fields: {
    principal: { get: (p) => p.Principal, sql: 'p.principal' },
    'principal-type': { get: (p) => p.PrincipalType, sql: 'p.principal_type' },
  },
};

export const endpointConnectionFilters: FilterSpec<VpcEndpointConnection> = {
  fields: {
    'ip-address-type': { get: (c) => c.IpAddressType, sql: 'e.ip_address_type' },
    'service-id': { get: (c) => c.ServiceId, sql: 'c.service_id' },
    'vpc-endpoint-id': { get: (c) => c.VpcEndpointId, sql: 'c.endpoint_id' },
    'vpc-endpoint-owner': { get: (c) => c.VpcEndpointOwner, sql: 'c.endpoint_owner' },
    'vpc-endpoint-region': { get: (c) => c.VpcEndpointRegion, sql: 'e.region' },
    'vpc-endpoint-state': { get: (c) => c.VpcEndpointState, sql: 'e.state' },
  },
};

export const connectionNotificationFilters: FilterSpec<ConnectionNotification> = {
  fields: {
    'connection-notification-arn': { get: (n) => n.ConnectionNotificationArn, sql: 'n.topic_arn' },
    'connection-notification-id': { get: (n) => n.ConnectionNotificationId, sql: 'n.id' },
    'connection-notification-state': { get: (n) => n.ConnectionNotificationState, sql: 'n.state' },
    'connection-notification-type': { get: (n) => n.ConnectionNotificationType },
    'service-id': { get: (n) => n.ServiceId, sql: 'n.service_id' },
    'vpc-endpoint-id': { get: (n) => n.VpcEndpointId, sql: 'n.endpoint_id' },
  },
};
