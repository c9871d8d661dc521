/** EC2 Instance Connect Endpoints as the API shows them, with their tags (one query for the batch). */
import { zoneByName } from '../domain/regions';
import type { Ec2InstanceConnectEndpoint } from '../protocol/model/types.generated';
import type { InstanceConnectEndpointRow } from '../store/rows';
import type { LoadContext } from './context';
import { tagsOrNothing } from './vpc';

export function presentInstanceConnectEndpoints(ctx: LoadContext, rows: readonly InstanceConnectEndpointRow[]): Ec2InstanceConnectEndpoint[] {
  const tags = ctx.store.tags.forResources(ctx.scope, rows.map((r) => r.id));
  return rows.map((r) => {
    const host = `${r.id}.${r.dns_token}`;
    return {
      OwnerId: r.account,
      InstanceConnectEndpointId: r.id,
      InstanceConnectEndpointArn: `arn:aws:ec2:${r.region}:${r.account}:instance-connect-endpoint/${r.id}`,
      State: r.state as Ec2InstanceConnectEndpoint['State'],
      StateMessage: '',
      DnsName: `${host}.ec2-instance-connect-endpoint.${r.region}.amazonaws.com`,
      FipsDnsName: `${host}.fips.ec2-instance-connect-endpoint.${r.region}.amazonaws.com`,
      NetworkInterfaceIds: r.network_interface_id ? [r.network_interface_id] : [],
      VpcId: r.vpc_id,
      AvailabilityZone: r.availability_zone,
      AvailabilityZoneId: zoneByName(r.region, r.availability_zone)?.id,
      CreatedAt: new Date(r.created_at),
      SubnetId: r.subnet_id,
      PreserveClientIp: r.preserve_client_ip === 1,
      SecurityGroupIds: JSON.parse(r.security_group_ids) as string[],
      IpAddressType: r.ip_address_type as Ec2InstanceConnectEndpoint['IpAddressType'],
      Tags: tagsOrNothing(tags.get(r.id) ?? []),
    };
  });
}
