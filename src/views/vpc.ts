/** Stored VPC plumbing -> EC2 API objects (model member names). */
import { vpcBlockPublicAccessMode } from '../domain/accountSettings';
import type { LoadContext } from './context';
import { zoneByName } from '../domain/regions';
import { freeCount } from '../domain/addressing';
import type {
  HostnameType,
  InternetGatewayBlockMode,
  Subnet,
  SubnetCidrBlockStateCode,
  SubnetIpv6CidrBlockAssociation,
  SubnetState,
  Tag,
  Tenancy,
  Vpc,
  VpcCidrBlockAssociation,
  VpcCidrBlockStateCode,
  VpcIpv6CidrBlockAssociation,
  VpcState,
} from '../protocol/model/types.generated';
import type { SubnetRow, VpcCidrBlockRow, VpcRow } from '../store/rows';

/** AWS omits tagSet on untagged VPCs, subnets, groups and instances. */
export const tagsOrNothing = (tags: Tag[] | undefined): Tag[] | undefined => (tags && tags.length > 0 ? tags : undefined);

/** A secondary IPv4 block as AssociateVpcCidrBlock, DisassociateVpcCidrBlock and DescribeVpcs show it. */
export function presentIpv4Association(b: VpcCidrBlockRow, state: VpcCidrBlockStateCode = 'associated'): VpcCidrBlockAssociation {
  return { AssociationId: b.id, CidrBlock: b.cidr, CidrBlockState: { State: state } };
}

/** The Amazon-provided IPv6 block (AWS lists the address attribute and source with it). */
export function presentIpv6Association(b: VpcCidrBlockRow, state: VpcCidrBlockStateCode = 'associated'): VpcIpv6CidrBlockAssociation {
  return {
    AssociationId: b.id,
    Ipv6CidrBlock: b.cidr,
    Ipv6CidrBlockState: { State: state },
    NetworkBorderGroup: b.network_border_group ?? undefined,
    Ipv6Pool: b.ipv6_pool ?? undefined,
    Ipv6AddressAttribute: 'public',
    IpSource: 'amazon',
  };
}

function presentVpc(row: VpcRow, blocks: readonly VpcCidrBlockRow[], tags: Tag[] | undefined, blockMode: string): Vpc {
  const ipv6 = blocks.filter((b) => b.family === 6).map((b) => presentIpv6Association(b));
  return {
    VpcId: row.id,
    OwnerId: row.account,
    InstanceTenancy: row.instance_tenancy as Tenancy,
    // AWS lists only what a VPC has: no IPv6 set on a VPC without an IPv6 block
    Ipv6CidrBlockAssociationSet: ipv6.length > 0 ? ipv6 : undefined,
    CidrBlockAssociationSet: [
      { AssociationId: row.cidr_association_id, CidrBlock: row.cidr, CidrBlockState: { State: 'associated' } },
      ...blocks.filter((b) => b.family === 4).map((b) => presentIpv4Association(b)),
    ],
    IsDefault: row.is_default === 1,
    Tags: tagsOrNothing(tags),
    BlockPublicAccessStates: { InternetGatewayBlockMode: blockMode as InternetGatewayBlockMode },
    State: row.state as VpcState,
    CidrBlock: row.cidr,
    DhcpOptionsId: row.dhcp_options_id ?? 'default',
  };
}

/** A subnet's IPv6 block as AssociateSubnetCidrBlock, DisassociateSubnetCidrBlock and DescribeSubnets show it. */
export function presentSubnetIpv6Association(
  row: Pick<SubnetRow, 'ipv6_cidr' | 'ipv6_association_id'>,
  state: SubnetCidrBlockStateCode,
): SubnetIpv6CidrBlockAssociation {
  return {
    AssociationId: row.ipv6_association_id ?? undefined,
    Ipv6CidrBlock: row.ipv6_cidr ?? undefined,
    Ipv6CidrBlockState: { State: state },
    Ipv6AddressAttribute: 'public',
    IpSource: 'amazon',
  };
}

function availableIpCount(row: SubnetRow): number {
  return freeCount(row);
}

function presentSubnet(row: SubnetRow, tags: Tag[] | undefined, blockMode: string): Subnet {
  return {
    AvailabilityZoneId: zoneByName(row.region, row.availability_zone)?.id,
    MapCustomerOwnedIpOnLaunch: false,
    OwnerId: row.account,
    AssignIpv6AddressOnCreation: row.assign_ipv6_on_creation === 1,
    Ipv6CidrBlockAssociationSet: row.ipv6_cidr === null ? [] : [presentSubnetIpv6Association(row, 'associated')],
    Tags: tagsOrNothing(tags),
    SubnetArn: `arn:aws:ec2:${row.region}:${row.account}:subnet/${row.id}`,
    EnableDns64: row.enable_dns64 === 1,
    Ipv6Native: row.ipv6_native === 1,
    PrivateDnsNameOptionsOnLaunch: {
      HostnameType: row.hostname_type as HostnameType,
      EnableResourceNameDnsARecord: row.dns_a_record === 1,
      EnableResourceNameDnsAAAARecord: row.dns_aaaa_record === 1,
    },
    BlockPublicAccessStates: { InternetGatewayBlockMode: blockMode as InternetGatewayBlockMode },
    SubnetId: row.id,
    State: row.state as SubnetState,
    VpcId: row.vpc_id,
    CidrBlock: row.cidr === '' ? undefined : row.cidr, // IPv6-only subnets have none
    AvailableIpAddressCount: availableIpCount(row),
    AvailabilityZone: row.availability_zone,
    DefaultForAz: row.default_for_az === 1,
    MapPublicIpOnLaunch: row.map_public_ip_on_launch === 1,
  };
}

/** VPCs with their CIDR blocks and tags, in one query each. */
export function presentVpcs(ctx: LoadContext, rows: readonly VpcRow[]): Vpc[] {
  const ids = rows.map((r) => r.id);
  const tags = ctx.store.tags.forResources(ctx.scope, ids);
  const blocks = ctx.store.vpcCidrBlocks.ofVpcs(ids);
  const blockMode = vpcBlockPublicAccessMode(ctx); // the account's VPC Block Public Access mode
  return rows.map((r) => presentVpc(r, blocks.get(r.id) ?? [], tags.get(r.id), blockMode));
}

/** Subnets with their tags, in one query. */
export function presentSubnets(ctx: LoadContext, rows: readonly SubnetRow[]): Subnet[] {
  const tags = ctx.store.tags.forResources(ctx.scope, rows.map((r) => r.id));
  const blockMode = vpcBlockPublicAccessMode(ctx);
  return rows.map((r) => presentSubnet(r, tags.get(r.id), blockMode));
}
