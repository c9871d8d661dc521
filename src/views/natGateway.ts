/** NAT gateways as the API shows them (docs/behavior.md "NAT gateways"). */
import type { RequestContext } from '../core/context';
import type { NatGateway, NatGatewayAddress, NatGatewayAddressStatus, NatGatewayState, Tag } from '../protocol/model/types.generated';
import type { NatGatewayRow, PrivateIpRow } from '../store/rows';

/** How the gateway's addresses stand while it changes state. */
const ADDRESS_STATUS: Record<string, NatGatewayAddressStatus> = {
  pending: 'associating',
  available: 'succeeded',
  deleting: 'disassociating',
  deleted: 'succeeded',
  failed: 'failed',
};

function addressesOf(g: NatGatewayRow, ips: readonly PrivateIpRow[]): NatGatewayAddress[] {
  const status = g.connectivity_type === 'private' && g.state === 'pending' ? 'assigning' : ADDRESS_STATUS[g.state];
  const primary: NatGatewayAddress = {
    AllocationId: g.allocation_id ?? undefined,
    NetworkInterfaceId: g.network_interface_id ?? undefined,
    PrivateIp: g.private_ip ?? undefined,
    PublicIp: g.public_ip ?? undefined,
    AssociationId: g.association_id ?? undefined,
    IsPrimary: true,
    Status: status,
    FailureMessage: g.state === 'failed' ? (g.failure_message ?? undefined) : undefined,
  };
  // secondary private addresses, while the interface lives
  const secondaries = ips
    .filter((ip) => ip.is_primary === 0)
    .map((ip) => ({ NetworkInterfaceId: g.network_interface_id ?? undefined, PrivateIp: ip.ip, IsPrimary: false, Status: status }));
  return [primary, ...secondaries];
}

function present(g: NatGatewayRow, ips: readonly PrivateIpRow[], tags: Tag[]): NatGateway {
  return {
    CreateTime: new Date(g.created_at),
    DeleteTime: g.deleted_at !== null ? new Date(g.deleted_at) : undefined,
    FailureCode: g.failure_code ?? undefined,
    FailureMessage: g.failure_message ?? undefined,
    NatGatewayAddresses: addressesOf(g, ips),
    NatGatewayId: g.id,
    State: g.state as NatGatewayState,
    SubnetId: g.subnet_id,
    VpcId: g.vpc_id,
    Tags: tags,
    ConnectivityType: g.connectivity_type as 'public' | 'private',
    AvailabilityMode: 'zonal',
  };
}

type LoadContext = Pick<RequestContext, 'store' | 'scope'>;

/** Gateways with their tags and their interface's addresses, one query each. */
export function presentNatGateways(ctx: LoadContext, rows: readonly NatGatewayRow[]): NatGateway[] {
  const tags = ctx.store.tags.forResources(ctx.scope, rows.map((r) => r.id));
  const eniIds = rows.map((r) => r.network_interface_id).filter((id): id is string => id !== null);
  const ips = ctx.store.privateIps.ofInterfaces(eniIds);
  return rows.map((r) => present(r, (r.network_interface_id && ips.get(r.network_interface_id)) || [], tags.get(r.id) ?? []));
}
