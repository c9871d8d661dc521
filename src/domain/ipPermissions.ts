/**
 * Security group rules: an IpPermission (protocol + port range + several peers) is stored as one rule per peer,
 * as AWS's SecurityGroupRule API shows them; describe calls group them back by (protocol, ports).
 */
import { requirePrefixList } from './prefixLists';
import type { RequestContext } from '../core/context';
import { NotFoundErrors, RequestErrors, SecurityGroupErrors } from '../errors';
import type { IpPermission } from '../protocol/model/types.generated';
import type { SecurityGroupRow, SecurityGroupRuleRow } from '../store/rows';
import { parseCidr } from './cidr';

const PROTOCOL_NAMES: Record<string, string> = { '6': 'tcp', '17': 'udp', '1': 'icmp', '58': 'icmpv6', all: '-1' };

/** "TCP", "6" -> "tcp"; "-1"/"all" -> "-1"; other numbers stay numbers. Undefined when unknown. */
function normalizeProtocol(p: string | undefined): string | undefined {
  if (p === undefined) return undefined;
  const lower = p.toLowerCase();
  if (['tcp', 'udp', 'icmp', 'icmpv6', '-1'].includes(lower)) return lower;
  if (PROTOCOL_NAMES[lower]) return PROTOCOL_NAMES[lower];
  if (/^\d+$/.test(lower) && Number(lower) <= 255) return String(Number(lower));
  return undefined;
}

/** A rule to store, before it has an id. */
export type RuleSpec = Pick<
  SecurityGroupRuleRow,
  'ip_protocol' | 'from_port' | 'to_port' | 'cidr_ipv4' | 'cidr_ipv6' | 'prefix_list_id' | 'ref_group_id' | 'ref_user_id' | 'description'
>;

const hasPorts = (protocol: string) => protocol === 'tcp' || protocol === 'udp';
const isIcmp = (protocol: string) => protocol === 'icmp' || protocol === 'icmpv6';

/** TCP or UDP in any of their spellings ("TCP", "6"): a rule of it needs a port range. */
export const needsPorts = (p: string | undefined): boolean => {
  const protocol = normalizeProtocol(p);
  return protocol !== undefined && hasPorts(protocol);
};

/** Expands IpPermissions into one rule spec per peer, validating as AWS does. */
export function expandPermissions(ctx: RequestContext, group: SecurityGroupRow, perms: readonly IpPermission[]): RuleSpec[] {
  const out: RuleSpec[] = [];
  for (const p of perms) {
    const protocol = normalizeProtocol(p.IpProtocol);
    if (p.IpProtocol === undefined) throw RequestErrors.missingParameter('ipProtocol');
    if (!protocol) throw SecurityGroupErrors.unknownProtocol(p.IpProtocol);
    let from: number | null = null;
    let to: number | null = null;
    if (hasPorts(protocol)) {
      if (p.FromPort === undefined || p.ToPort === undefined) throw SecurityGroupErrors.portsRequired();
      if (p.FromPort < 0 || p.ToPort > 65535 || p.FromPort > p.ToPort) throw SecurityGroupErrors.portRange(p.FromPort, p.ToPort);
      from = p.FromPort;
      to = p.ToPort;
    } else if (isIcmp(protocol)) {
      from = p.FromPort ?? -1;
      to = p.ToPort ?? -1;
      // FromPort is the ICMP type and ToPort the code: one byte each, or -1 for all.
      if (from < -1 || from > 255) throw SecurityGroupErrors.icmpType(from);
      if (to < -1 || to > 255) throw SecurityGroupErrors.icmpCode(to);
    }
    const base = { ip_protocol: protocol, from_port: from, to_port: to, cidr_ipv4: null, cidr_ipv6: null, prefix_list_id: null, ref_group_id: null, ref_user_id: null };
    for (const r of p.IpRanges ?? []) {
      const cidr = parseCidr(r.CidrIp ?? '');
      if (!cidr) throw RequestErrors.invalidParameter('cidrIp', r.CidrIp ?? '', 'This is not a valid CIDR block.');
      out.push({ ...base, cidr_ipv4: cidr.text, description: r.Description ?? null });
    }
    for (const r of p.Ipv6Ranges ?? []) {
      if (!/^[0-9a-fA-F:]+\/\d{1,3}$/.test(r.CidrIpv6 ?? '')) {
        throw RequestErrors.invalidParameter('cidrIpv6', r.CidrIpv6 ?? '', 'This is not a valid CIDR block.');
      }
      out.push({ ...base, cidr_ipv6: (r.CidrIpv6 as string).toLowerCase(), description: r.Description ?? null });
    }
    for (const r of p.PrefixListIds ?? []) {
      // the list must exist (the caller's own or AWS's); it cannot be deleted while a rule names it
      if (r.PrefixListId === undefined) throw RequestErrors.missingParameter('prefixListId'); // guess
      out.push({ ...base, prefix_list_id: requirePrefixList(ctx, r.PrefixListId).id, description: r.Description ?? null });
    }
    for (const pair of p.UserIdGroupPairs ?? []) {
      const peer = resolvePeerGroup(ctx, group, pair.GroupId, pair.GroupName);
      out.push({ ...base, ref_group_id: peer.id, ref_user_id: peer.account, description: pair.Description ?? null });
    }
    if ((p.IpRanges ?? []).length + (p.Ipv6Ranges ?? []).length + (p.PrefixListIds ?? []).length + (p.UserIdGroupPairs ?? []).length === 0) {
      throw SecurityGroupErrors.noPeer();
    }
  }
  return out;
}

/** A peer group by id, or by name within the group's VPC. */
function resolvePeerGroup(ctx: RequestContext, group: SecurityGroupRow, id?: string, name?: string): SecurityGroupRow {
  if (id) {
    const peer = ctx.store.securityGroups.get(ctx.scope, id);
    if (!peer) throw NotFoundErrors.securityGroup(id);
    return peer;
  }
  if (name) {
    const peer = ctx.store.securityGroups.byName(group.vpc_id, name);
    if (!peer) throw NotFoundErrors.securityGroupInVpc(name, group.vpc_id);
    return peer;
  }
  throw RequestErrors.missingParameter('groupId');
}

/** Two rules are the same permission when protocol, ports and peer agree (descriptions do not count). */
export function sameRule(a: RuleSpec, b: RuleSpec): boolean {
  return (
    a.ip_protocol === b.ip_protocol &&
    a.from_port === b.from_port &&
    a.to_port === b.to_port &&
    a.cidr_ipv4 === b.cidr_ipv4 &&
    a.cidr_ipv6 === b.cidr_ipv6 &&
    a.prefix_list_id === b.prefix_list_id &&
    a.ref_group_id === b.ref_group_id
  );
}

/** AWS's text for a rule in InvalidPermission.Duplicate: `peer: 0.0.0.0/0, TCP, from port: 22, to port: 22, ALLOW`. */
export function describeRule(r: RuleSpec): string {
  const peer = r.cidr_ipv4 ?? r.cidr_ipv6 ?? r.prefix_list_id ?? r.ref_group_id ?? '';
  let what: string;
  if (r.ip_protocol === '-1') what = 'ALL';
  else if (hasPorts(r.ip_protocol)) what = `${r.ip_protocol.toUpperCase()}, from port: ${r.from_port}, to port: ${r.to_port}`;
  else if (isIcmp(r.ip_protocol)) what = `${r.ip_protocol.toUpperCase()}, type: ${r.from_port}, code: ${r.to_port}`;
  else what = `protocol: ${r.ip_protocol}`;
  return `peer: ${peer}, ${what}, ALLOW`;
}

/** Stored rules -> IpPermissions, grouped by (protocol, ports) in first-seen order. */
export function toIpPermissions(rules: readonly SecurityGroupRuleRow[]): IpPermission[] {
  const groups = new Map<string, IpPermission>();
  for (const r of rules) {
    const key = `${r.ip_protocol}|${r.from_port}|${r.to_port}`;
    let perm = groups.get(key);
    if (!perm) {
      perm = {
        IpProtocol: r.ip_protocol,
        ...(r.ip_protocol === '-1' ? {} : { FromPort: r.from_port ?? undefined, ToPort: r.to_port ?? undefined }),
        UserIdGroupPairs: [],
        IpRanges: [],
        Ipv6Ranges: [],
        PrefixListIds: [],
      };
      groups.set(key, perm);
    }
    const description = r.description ?? undefined;
    if (r.cidr_ipv4) perm.IpRanges!.push({ CidrIp: r.cidr_ipv4, Description: description });
    else if (r.cidr_ipv6) perm.Ipv6Ranges!.push({ CidrIpv6: r.cidr_ipv6, Description: description });
    else if (r.prefix_list_id) perm.PrefixListIds!.push({ PrefixListId: r.prefix_list_id, Description: description });
    else if (r.ref_group_id) perm.UserIdGroupPairs!.push({ GroupId: r.ref_group_id, UserId: r.ref_user_id ?? undefined, Description: description });
  }
  return [...groups.values()];
}
