import { NotFoundErrors } from '../errors';
import type { FilterSpec } from '../filters/engine';
import type { Subnet } from '../protocol/model/types.generated';
import { presentSubnet } from '../views/vpc';
import { describe } from '../domain/describe';
import { defineAction } from './define';

const none = { get: () => undefined };

const filters: FilterSpec<Subnet> = {
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
    'ipv6-cidr-block-association.association-id': none,
    'ipv6-cidr-block-association.ipv6-cidr-block': none,
    'ipv6-cidr-block-association.state': none,
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

export default defineAction('DescribeSubnets', (input, ctx) => {
  const page = describe(ctx, {
    ids: input.SubnetIds,
    filters: input.Filters,
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
    filterSpec: filters,
    list: (opts) => ctx.store.subnets.list(ctx.scope, opts),
    present: (rows) => {
      const tags = ctx.store.tags.forResources(rows.map((r) => r.id));
      return rows.map((r) => presentSubnet(r, tags.get(r.id)));
    },
    notFound: (missing) => NotFoundErrors.subnet(missing[0]),
  });
  return { Subnets: page.items, NextToken: page.nextToken };
});
