/** The filters of DescribeVpcs and DescribeSubnets, over the API objects (SQL where a column holds the value). */
import type { Subnet, Vpc } from '../protocol/model/types.generated';
import type { FilterSpec } from './engine';

export const vpcFilters: FilterSpec<Vpc> = {
  idSql: 'v.id',
  tags: (v) => v.Tags,
  // `cidr-block` is what amazon.aws's ec2_vpc_net sends; AWS answers it as `cidr` (moto does the same).
  aliases: { 'cidr-block': 'cidr', cidrBlock: 'cidr' },
  fields: {
    'vpc-id': { get: (v) => v.VpcId, sql: 'v.id' },
    cidr: { get: (v) => v.CidrBlock, sql: 'v.cidr' },
    'cidr-block-association.cidr-block': { get: (v) => v.CidrBlockAssociationSet?.map((a) => a.CidrBlock) },
    'cidr-block-association.association-id': { get: (v) => v.CidrBlockAssociationSet?.map((a) => a.AssociationId) },
    'cidr-block-association.state': { get: (v) => v.CidrBlockAssociationSet?.map((a) => a.CidrBlockState?.State) },
    'dhcp-options-id': { get: (v) => v.DhcpOptionsId, sql: 'v.dhcp_options_id' },
    'ipv6-cidr-block-association.association-id': { get: (v) => v.Ipv6CidrBlockAssociationSet?.map((a) => a.AssociationId) },
    'ipv6-cidr-block-association.ipv6-cidr-block': {
      get: (v) => v.Ipv6CidrBlockAssociationSet?.map((a) => a.Ipv6CidrBlock),
      sqlIn: (json) => ({ sql: 'v.id IN (SELECT vpc_id FROM vpc_cidr_blocks WHERE cidr IN (SELECT value FROM json_each(?)))', params: [json] }),
    },
    'ipv6-cidr-block-association.ipv6-pool': { get: (v) => v.Ipv6CidrBlockAssociationSet?.map((a) => a.Ipv6Pool) },
    'ipv6-cidr-block-association.state': { get: (v) => v.Ipv6CidrBlockAssociationSet?.map((a) => a.Ipv6CidrBlockState?.State) },
    'is-default': { get: (v) => v.IsDefault },
    'owner-id': { get: (v) => v.OwnerId, sql: 'v.account' },
    state: { get: (v) => v.State, sql: 'v.state' },
  },
};

const none = { get: () => undefined };

export const subnetFilters: FilterSpec<Subnet> = {
  idSql: 's.id',
  tags: (s) => s.Tags,
  aliases: { cidr: 'cidr-block' }, // AWS documents `cidr` and `cidrBlock` for `cidr-block`
  fields: {
    'subnet-id': { get: (s) => s.SubnetId, sql: 's.id' },
    'vpc-id': { get: (s) => s.VpcId, sql: 's.vpc_id' },
    'availability-zone': { get: (s) => s.AvailabilityZone, sql: 's.availability_zone' },
    'availability-zone-id': { get: (s) => s.AvailabilityZoneId },
    'available-ip-address-count': { get: (s) => s.AvailableIpAddressCount },
    'cidr-block': { get: (s) => s.CidrBlock, sql: 's.cidr' },
    'customer-owned-ipv4-pool': none,
    'default-for-az': { get: (s) => s.DefaultForAz },
    'enable-dns64': { get: (s) => s.EnableDns64 },
    'enable-lni-at-device-index': none,
    'ipv6-cidr-block-association.association-id': {
      get: (s) => s.Ipv6CidrBlockAssociationSet?.map((a) => a.AssociationId),
      sql: 's.ipv6_association_id',
    },
    'ipv6-cidr-block-association.ipv6-cidr-block': { get: (s) => s.Ipv6CidrBlockAssociationSet?.map((a) => a.Ipv6CidrBlock), sql: 's.ipv6_cidr' },
    'ipv6-cidr-block-association.state': { get: (s) => s.Ipv6CidrBlockAssociationSet?.map((a) => a.Ipv6CidrBlockState?.State) },
    'ipv6-native': { get: (s) => s.Ipv6Native },
    'map-customer-owned-ip-on-launch': { get: (s) => s.MapCustomerOwnedIpOnLaunch },
    'map-public-ip-on-launch': { get: (s) => s.MapPublicIpOnLaunch },
    'outpost-arn': none,
    'owner-id': { get: (s) => s.OwnerId, sql: 's.account' },
    'private-dns-name-options-on-launch.hostname-type': { get: (s) => s.PrivateDnsNameOptionsOnLaunch?.HostnameType },
    'private-dns-name-options-on-launch.enable-resource-name-dns-a-record': {
      get: (s) => s.PrivateDnsNameOptionsOnLaunch?.EnableResourceNameDnsARecord,
    },
    'private-dns-name-options-on-launch.enable-resource-name-dns-aaaa-record': {
      get: (s) => s.PrivateDnsNameOptionsOnLaunch?.EnableResourceNameDnsAAAARecord,
    },
    state: { get: (s) => s.State, sql: 's.state' },
    'subnet-arn': { get: (s) => s.SubnetArn },
  },
};
