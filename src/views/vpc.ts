/** Stored VPC plumbing -> EC2 API objects (model member names). */
import type { LoadContext } from './context';
import { zoneByName } from '../domain/regions';
import { freeCount } from '../domain/addressing';
import type { Subnet, SubnetState, Tag, Tenancy, Vpc, VpcState } from '../protocol/model/types.generated';
import type { SubnetRow, VpcRow } from '../store/rows';

/** AWS omits tagSet on untagged VPCs, subnets, groups and instances. */
export const tagsOrNothing = (tags: Tag[] | undefined): Tag[] | undefined => (tags && tags.length > 0 ? tags : undefined);

function presentVpc(row: VpcRow, tags?: Tag[]): Vpc {
  return {
    VpcId: row.id,
    OwnerId: row.account,
    InstanceTenancy: row.instance_tenancy as Tenancy,
    CidrBlockAssociationSet: [{ AssociationId: row.cidr_association_id, CidrBlock: row.cidr, CidrBlockState: { State: 'associated' } }],
    IsDefault: row.is_default === 1,
    Tags: tagsOrNothing(tags),
    BlockPublicAccessStates: { InternetGatewayBlockMode: 'off' },
    State: row.state as VpcState,
    CidrBlock: row.cidr,
    DhcpOptionsId: row.dhcp_options_id ?? 'default',
  };
}

function availableIpCount(row: SubnetRow): number {
  return freeCount(row);
}

function presentSubnet(row: SubnetRow, tags?: Tag[]): Subnet {
  return {
    AvailabilityZoneId: zoneByName(row.region, row.availability_zone)?.id,
    MapCustomerOwnedIpOnLaunch: false,
    OwnerId: row.account,
    AssignIpv6AddressOnCreation: false,
    Ipv6CidrBlockAssociationSet: [],
    Tags: tagsOrNothing(tags),
    SubnetArn: `arn:aws:ec2:${row.region}:${row.account}:subnet/${row.id}`,
    EnableDns64: false,
    Ipv6Native: false,
    PrivateDnsNameOptionsOnLaunch: { HostnameType: 'ip-name', EnableResourceNameDnsARecord: false, EnableResourceNameDnsAAAARecord: false },
    BlockPublicAccessStates: { InternetGatewayBlockMode: 'off' },
    SubnetId: row.id,
    State: row.state as SubnetState,
    VpcId: row.vpc_id,
    CidrBlock: row.cidr,
    AvailableIpAddressCount: availableIpCount(row),
    AvailabilityZone: row.availability_zone,
    DefaultForAz: row.default_for_az === 1,
    MapPublicIpOnLaunch: row.map_public_ip_on_launch === 1,
  };
}

/** VPCs with their tags, in one query. */
export function presentVpcs(ctx: LoadContext, rows: readonly VpcRow[]): Vpc[] {
  const tags = ctx.store.tags.forResources(rows.map((r) => r.id));
  return rows.map((r) => presentVpc(r, tags.get(r.id)));
}

/** Subnets with their tags, in one query. */
export function presentSubnets(ctx: LoadContext, rows: readonly SubnetRow[]): Subnet[] {
  const tags = ctx.store.tags.forResources(rows.map((r) => r.id));
  return rows.map((r) => presentSubnet(r, tags.get(r.id)));
}
