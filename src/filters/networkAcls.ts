/** The filters of DescribeNetworkAcls and DescribeDhcpOptions, over the API objects (SQL where a column holds the value). */
import type { DhcpOptions, NetworkAcl } from '../protocol/model/types.generated';
import type { FilterSpec } from './engine';

const entries = <T>(a: NetworkAcl, f: (e: NonNullable<NetworkAcl['Entries']>[number]) => T) => (a.Entries ?? []).map(f);
const assocs = <T>(a: NetworkAcl, f: (x: NonNullable<NetworkAcl['Associations']>[number]) => T) => (a.Associations ?? []).map(f);

export const networkAclFilters: FilterSpec<NetworkAcl> = {
  idSql: 'n.id',
  tags: (a) => a.Tags,
  fields: {
    'association.association-id': {
      get: (a) => assocs(a, (x) => x.NetworkAclAssociationId),
      sqlIn: (json) => ({ sql: 'n.id IN (SELECT network_acl_id FROM network_acl_associations WHERE id IN (SELECT value FROM json_each(?)))', params: [json] }),
    },
    'association.network-acl-id': { get: (a) => assocs(a, (x) => x.NetworkAclId) },
    'association.subnet-id': {
      get: (a) => assocs(a, (x) => x.SubnetId),
      sqlIn: (json) => ({ sql: 'n.id IN (SELECT network_acl_id FROM network_acl_associations WHERE subnet_id IN (SELECT value FROM json_each(?)))', params: [json] }),
    },
    default: { get: (a) => a.IsDefault },
    'entry.cidr': { get: (a) => entries(a, (e) => e.CidrBlock) },
    'entry.egress': { get: (a) => entries(a, (e) => e.Egress) },
    'entry.icmp.code': { get: (a) => entries(a, (e) => e.IcmpTypeCode?.Code) },
    'entry.icmp.type': { get: (a) => entries(a, (e) => e.IcmpTypeCode?.Type) },
    'entry.ipv6-cidr': { get: (a) => entries(a, (e) => e.Ipv6CidrBlock) },
    'entry.port-range.from': { get: (a) => entries(a, (e) => e.PortRange?.From) },
    'entry.port-range.to': { get: (a) => entries(a, (e) => e.PortRange?.To) },
    'entry.protocol': { get: (a) => entries(a, (e) => e.Protocol) },
    'entry.rule-action': { get: (a) => entries(a, (e) => e.RuleAction) },
    'entry.rule-number': { get: (a) => entries(a, (e) => e.RuleNumber) },
    'network-acl-id': { get: (a) => a.NetworkAclId, sql: 'n.id' },
    'owner-id': { get: (a) => a.OwnerId, sql: 'n.account' },
    'vpc-id': { get: (a) => a.VpcId, sql: 'n.vpc_id' },
  },
};

export const dhcpOptionsFilters: FilterSpec<DhcpOptions> = {
  idSql: 'd.id',
  tags: (d) => d.Tags,
  fields: {
    'dhcp-options-id': { get: (d) => d.DhcpOptionsId, sql: 'd.id' },
    key: { get: (d) => d.DhcpConfigurations?.map((c) => c.Key) },
    value: { get: (d) => d.DhcpConfigurations?.flatMap((c) => (c.Values ?? []).map((v) => v.Value)) },
    'owner-id': { get: (d) => d.OwnerId, sql: 'd.account' },
  },
};
