/** Network ACLs and DHCP option sets as the API shows them. */
import type { LoadContext } from './context';
import type { DhcpOptions, NetworkAcl, NetworkAclEntry, RuleAction, Tag } from '../protocol/model/types.generated';
import type { DhcpOptionsRow, DhcpOptionValueRow, NetworkAclAssociationRow, NetworkAclEntryRow, NetworkAclRow } from '../store/rows';

/** Ports only for TCP/UDP and the ICMP type and code only where stored, as AWS omits them otherwise. */
export function presentAclEntry(e: NetworkAclEntryRow): NetworkAclEntry {
  return {
    CidrBlock: e.cidr_ipv4 ?? undefined,
    Egress: e.egress === 1,
    IcmpTypeCode: e.icmp_type !== null ? { Code: e.icmp_code ?? undefined, Type: e.icmp_type } : undefined,
    Ipv6CidrBlock: e.cidr_ipv6 ?? undefined,
    PortRange: e.port_from !== null ? { From: e.port_from, To: e.port_to ?? undefined } : undefined,
    Protocol: e.protocol,
    RuleAction: e.rule_action as RuleAction,
    RuleNumber: e.rule_number,
  };
}

function presentNetworkAcl(acl: NetworkAclRow, entries: NetworkAclEntryRow[], assocs: NetworkAclAssociationRow[], tags: Tag[]): NetworkAcl {
  return {
    Associations: assocs.map((a) => ({ NetworkAclAssociationId: a.id, NetworkAclId: a.network_acl_id, SubnetId: a.subnet_id })),
    Entries: entries.map(presentAclEntry),
    IsDefault: acl.is_default === 1,
    NetworkAclId: acl.id,
    Tags: tags,
    VpcId: acl.vpc_id,
    OwnerId: acl.account,
  };
}

/** Network ACLs with their entries, associations and tags, in one query each. */
export function presentNetworkAcls(ctx: LoadContext, rows: readonly NetworkAclRow[]): NetworkAcl[] {
  const ids = rows.map((r) => r.id);
  const entries = ctx.store.networkAcls.entriesOf(ids);
  const assocs = ctx.store.networkAcls.associationsOf(ids);
  const tags = ctx.store.tags.forResources(ctx.scope, ids);
  return rows.map((r) => presentNetworkAcl(r, entries.get(r.id) ?? [], assocs.get(r.id) ?? [], tags.get(r.id) ?? []));
}

/** Keys in alphabetical order, values in the order given, as AWS lists them. */
function presentDhcpOptionSet(row: DhcpOptionsRow, values: DhcpOptionValueRow[], tags: Tag[]): DhcpOptions {
  const byKey = new Map<string, string[]>();
  for (const v of values) byKey.set(v.key, [...(byKey.get(v.key) ?? []), v.value]);
  return {
    OwnerId: row.account,
    Tags: tags,
    DhcpOptionsId: row.id,
    DhcpConfigurations: [...byKey].map(([Key, vs]) => ({ Key, Values: vs.map((Value) => ({ Value })) })),
  };
}

/** DHCP option sets with their values and tags, in one query each. */
export function presentDhcpOptions(ctx: LoadContext, rows: readonly DhcpOptionsRow[]): DhcpOptions[] {
  const ids = rows.map((r) => r.id);
  const values = ctx.store.dhcpOptions.valuesOf(ids);
  const tags = ctx.store.tags.forResources(ctx.scope, ids);
  return rows.map((r) => presentDhcpOptionSet(r, values.get(r.id) ?? [], tags.get(r.id) ?? []));
}
