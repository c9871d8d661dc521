/** Endpoint service configurations, permissions, connections and notifications (docs/behavior.md "VPC endpoint services"). */
import type { RequestContext } from '../core/context';
import { zonesOf } from '../domain/regions';
import { arnsOf, ipTypesOf } from '../domain/vpcEndpointServices';
import type { AllowedPrincipal, ConnectionNotification, ServiceConfiguration, VpcEndpointConnection } from '../protocol/model/types.generated';
import type { VpcEndpointConnectionNotificationRow, VpcEndpointConnectionRow, VpcEndpointServicePermissionRow, VpcEndpointServiceRow } from '../store/rows';
import { presentVpcEndpoints } from './vpcEndpoint';

type LoadContext = Pick<RequestContext, 'store' | 'scope'>;

export function presentServiceConfigs(ctx: LoadContext, rows: readonly VpcEndpointServiceRow[]): ServiceConfiguration[] {
  const tags = ctx.store.tags.forResources(ctx.scope, rows.map((r) => r.id));
  return rows.map((s) => {
    const zones = zonesOf(s.region);
    const gateway = s.service_type === 'GatewayLoadBalancer';
    return {
      ServiceType: [{ ServiceType: s.service_type as 'Interface' }],
      ServiceId: s.id,
      ServiceName: s.name,
      ServiceState: s.state as 'Available',
      AvailabilityZoneIds: zones.map((z) => z.id),
      AvailabilityZones: zones.map((z) => z.name),
      AcceptanceRequired: s.acceptance_required === 1,
      ManagesVpcEndpoints: false,
      NetworkLoadBalancerArns: gateway ? undefined : arnsOf(s),
      GatewayLoadBalancerArns: gateway ? arnsOf(s) : undefined,
      SupportedIpAddressTypes: ipTypesOf(s) as ServiceConfiguration['SupportedIpAddressTypes'],
      BaseEndpointDnsNames: [`${s.id}.${s.region}.vpce.amazonaws.com`],
      PrivateDnsName: s.private_dns_name ?? undefined,
      PrivateDnsNameConfiguration:
        s.private_dns_name === null
          ? undefined
          : {
              State: s.private_dns_state as 'verified',
              Type: 'TXT',
              Value: s.private_dns_record_value ?? undefined,
              Name: s.private_dns_record_name ?? undefined,
            },
      PayerResponsibility: 'ServiceOwner',
      Tags: tags.get(s.id) ?? [],
      SupportedRegions: [{ Region: s.region, ServiceState: 'Available' }],
      RemoteAccessEnabled: false,
    };
  });
}

export function presentServicePermissions(ctx: LoadContext, rows: readonly VpcEndpointServicePermissionRow[]): AllowedPrincipal[] {
  const tags = ctx.store.tags.forResources(ctx.scope, rows.map((r) => r.id));
  return rows.map((p) => ({
    PrincipalType: p.principal_type as 'Account',
    Principal: p.principal,
    ServicePermissionId: p.id,
    Tags: tags.get(p.id) ?? [],
    ServiceId: p.service_id,
  }));
}

/** The owner's view of connected endpoints: each endpoint's state and DNS names as its own account sees them. */
export function presentEndpointConnections(ctx: LoadContext, rows: readonly VpcEndpointConnectionRow[]): VpcEndpointConnection[] {
  const services = ctx.store.vpcEndpointServices.getMany(ctx.scope, [...new Set(rows.map((r) => r.service_id))]);
  const endpoints = new Map<string, ReturnType<typeof presentVpcEndpoints>[number]>();
  for (const owner of new Set(rows.map((r) => `${r.endpoint_owner}/${r.endpoint_region}`))) {
    const [account, region] = owner.split('/');
    const scope = { account, region };
    const mine = rows.filter((r) => r.endpoint_owner === account && r.endpoint_region === region).map((r) => r.endpoint_id);
    const found = [...ctx.store.vpcEndpoints.getMany(scope, mine).values()];
    for (const e of presentVpcEndpoints({ store: ctx.store, scope }, found)) endpoints.set(e.VpcEndpointId!, e);
  }
  const tags = ctx.store.tags.forResources(ctx.scope, rows.map((r) => r.id));
  return rows.map((c) => {
    const s = services.get(c.service_id);
    const gateway = s?.service_type === 'GatewayLoadBalancer';
    return {
      ServiceId: c.service_id,
      VpcEndpointId: c.endpoint_id,
      VpcEndpointOwner: c.endpoint_owner,
      // lower case, as the endpoint's own State (docs/behavior.md "VPC endpoints")
      VpcEndpointState: c.endpoint_state as 'Available',
      CreationTimestamp: new Date(c.created_at),
      DnsEntries: endpoints.get(c.endpoint_id)?.DnsEntries ?? [],
      NetworkLoadBalancerArns: s && !gateway ? arnsOf(s) : undefined,
      GatewayLoadBalancerArns: s && gateway ? arnsOf(s) : undefined,
      IpAddressType: c.ip_address_type as 'ipv4',
      VpcEndpointConnectionId: c.id,
      Tags: tags.get(c.id) ?? [],
      VpcEndpointRegion: c.endpoint_region,
    };
  });
}

export function presentConnectionNotifications(rows: readonly VpcEndpointConnectionNotificationRow[]): ConnectionNotification[] {
  return rows.map((n) => ({
    ConnectionNotificationId: n.id,
    ServiceId: n.service_id ?? undefined,
    VpcEndpointId: n.endpoint_id ?? undefined,
    ConnectionNotificationType: 'Topic',
    ConnectionNotificationArn: n.topic_arn,
    ConnectionEvents: JSON.parse(n.events) as string[],
    ConnectionNotificationState: n.state as 'Enabled',
    ServiceRegion: n.region,
  }));
}
