/**
 * Network ACLs (docs/behavior.md "Network ACLs"): every VPC has a default ACL (rule 100 allows everything, the
 * catch-all 32767 denies it, both directions), every subnet is associated with exactly one ACL of its VPC (the
 * default one when the subnet is made), and an ACL with subnets, or the default one, cannot be deleted.
 * Rules are numbered 1..32766 per direction; 32767 (and 32768 for IPv6) are AWS's own catch-alls.
 */
import type { RequestContext } from '../core/context';
import { derivedId, type IdGenerator } from '../core/ids';
import { NetworkAclErrors, NotFoundErrors, SecurityGroupErrors, VpcErrors } from '../errors';
import type { Store } from '../store';
import type { NewAclEntry } from '../store/networkAclRepo';
import type { ListOptions, Scope } from '../store/query';
import type { NetworkAclAssociationRow, NetworkAclRow } from '../store/rows';
import { parseCidr } from './cidr';
import { requireSubnet } from './subnets';
import { requireVpc } from './vpc';

interface Deps {
  store: Store;
  ids: IdGenerator;
  scope: Scope;
}

const CATCH_ALL = 32767;
/** AWS's catch-all for IPv6 entries, after the IPv4 one. */
const CATCH_ALL_IPV6 = 32768;
const ALL = { protocol: '-1', icmp_type: null, icmp_code: null, port_from: null, port_to: null };

/**
 * The entries a new ACL starts with: the catch-all deny in each direction; a default ACL also allows everything
 * (rule 100). `ipv6Cidr`: the hook for IPv6 VPCs (AWS adds rule 101 allow ::/0 and 32768 deny ::/0 to the default
 * ACL, and 32768 deny to a new one); see also addIpv6Entries.
 */
export function initialEntries(aclId: string, isDefault: boolean, ipv6Cidr?: string): NewAclEntry[] {
  const out: NewAclEntry[] = [];
  for (const egress of [1, 0]) {
    const entry = (rule_number: number, rule_action: string, cidr_ipv4: string | null, cidr_ipv6: string | null): NewAclEntry => ({
      network_acl_id: aclId, egress, rule_number, rule_action, cidr_ipv4, cidr_ipv6, ...ALL,
    });
    if (isDefault) out.push(entry(100, 'allow', '0.0.0.0/0', null));
    if (isDefault && ipv6Cidr) out.push(entry(101, 'allow', null, '::/0'));
    out.push(entry(CATCH_ALL, 'deny', '0.0.0.0/0', null));
    if (ipv6Cidr) out.push(entry(CATCH_ALL_IPV6, 'deny', null, '::/0'));
  }
  return out;
}

/** A network ACL of the VPC with its initial entries. The default one keeps the id the VPC row already names. */
export function createNetworkAclRow(d: Deps, vpcId: string, opts: { id?: string; isDefault: boolean; ipv6Cidr?: string }): string {
  const id = opts.id ?? d.ids.id('acl');
  d.store.networkAcls.insert({ id, account: d.scope.account, region: d.scope.region, vpc_id: vpcId, is_default: opts.isDefault ? 1 : 0 });
  for (const e of initialEntries(id, opts.isDefault, opts.ipv6Cidr)) d.store.networkAcls.insertEntry(e);
  return id;
}

/**
 * A VPC that gets its first IPv6 block (CreateVpc or AssociateVpcCidrBlock): AWS adds the IPv6 entries to its ACLs,
 * rule 101 allow `::/0` to the default one and the 32768 deny `::/0` to every one, both directions (AWS docs
 * "Default network ACL", "Custom network ACLs"). A rule number the user already took stays theirs.
 */
export function addIpv6Entries(d: Pick<Deps, 'store'>, vpcId: string): void {
  for (const acl of d.store.networkAcls.inVpc(vpcId)) {
    for (const e of initialEntries(acl.id, acl.is_default === 1, '::/0')) {
      if (e.cidr_ipv6 === null || d.store.networkAcls.entry(acl.id, e.egress === 1, e.rule_number)) continue;
      d.store.networkAcls.insertEntry(e);
    }
  }
}

/** A new subnet uses its VPC's default ACL. The association id derives from the subnet's (see derivedId). */
export function associateDefaultAcl(d: Pick<Deps, 'store'>, subnetId: string, vpcId: string): void {
  const acl = d.store.networkAcls.defaultOf(vpcId);
  if (!acl) return; // a VPC always has one; nothing to associate with otherwise
  d.store.networkAcls.associations.insert({ id: derivedId('aclassoc', subnetId), network_acl_id: acl.id, subnet_id: subnetId });
}

/** DeleteSubnet: the subnet's association goes with it. */
export function dropSubnetAssociation(ctx: Pick<RequestContext, 'store'>, subnetId: string): void {
  const assoc = ctx.store.networkAcls.subnetAssociation(subnetId);
  if (assoc) ctx.store.networkAcls.deleteAssociation(assoc.id);
}

/** DeleteVpc: refused while ACLs other than the default remain; the default one goes with the VPC. */
export function checkVpcAcls(ctx: Pick<RequestContext, 'store'>, vpcId: string): boolean {
  return ctx.store.networkAcls.nonDefaultCount(vpcId) === 0;
}

export function deleteVpcAcls(ctx: Pick<RequestContext, 'store'>, vpcId: string): void {
  for (const acl of ctx.store.networkAcls.inVpc(vpcId)) ctx.store.networkAcls.delete(acl.id);
}

export function requireNetworkAcl(ctx: RequestContext, id: string): NetworkAclRow {
  const acl = ctx.store.networkAcls.get(ctx.scope, id);
  if (!acl) throw NetworkAclErrors.notFound([id]);
  return acl;
}

export function listNetworkAcls(ctx: RequestContext, opts: ListOptions): NetworkAclRow[] {
  return ctx.store.networkAcls.list(ctx.scope, opts);
}

export function createNetworkAcl(ctx: RequestContext, vpcId: string): NetworkAclRow {
  const vpc = requireVpc(ctx, vpcId);
  const ipv6 = ctx.store.vpcCidrBlocks.ofVpc(vpc.id, 6)[0]?.cidr;
  const id = createNetworkAclRow(ctx, vpc.id, { isDefault: false, ipv6Cidr: ipv6 });
  return ctx.store.networkAcls.get(ctx.scope, id)!;
}

/** The default ACL and any ACL with subnets stay. */
export function deleteNetworkAcl(ctx: RequestContext, id: string): void {
  const acl = requireNetworkAcl(ctx, id);
  if (acl.is_default === 1) throw NetworkAclErrors.deleteDefault(acl.id);
  if ((ctx.store.networkAcls.associationsOf([acl.id]).get(acl.id) ?? []).length > 0) throw NetworkAclErrors.dependency(acl.id);
  ctx.store.networkAcls.delete(acl.id);
}

export interface EntryInput {
  NetworkAclId: string;
  RuleNumber: number;
  Protocol: string;
  RuleAction: string;
  Egress: boolean;
  CidrBlock?: string;
  Ipv6CidrBlock?: string;
  IcmpTypeCode?: { Type?: number; Code?: number };
  PortRange?: { From?: number; To?: number };
}

/** Protocol names the API takes besides numbers; stored and shown as the number, as AWS does. */
const PROTOCOL_NAMES: Readonly<Record<string, string>> = { all: '-1', tcp: '6', udp: '17', icmp: '1', icmpv6: '58' };

function protocolNumber(p: string): string {
  const named = PROTOCOL_NAMES[p.toLowerCase()];
  if (named !== undefined) return named;
  if (!/^-?\d{1,3}$/.test(p)) throw NetworkAclErrors.protocol(p);
  const n = Number(p);
  if (n < -1 || n > 255) throw NetworkAclErrors.protocol(p);
  return String(n);
}

/** Validates an entry as AWS does (rule number, protocol, CIDR, ports for TCP/UDP, type and code for ICMP). */
function entryColumns(input: EntryInput): Omit<NewAclEntry, 'network_acl_id'> {
  if (input.RuleNumber < 1 || input.RuleNumber > CATCH_ALL - 1) throw NetworkAclErrors.ruleNumber(input.RuleNumber);
  const protocol = protocolNumber(input.Protocol);
  if (input.CidrBlock === undefined && input.Ipv6CidrBlock === undefined) throw NetworkAclErrors.cidrMissing();
  if (input.CidrBlock !== undefined && input.Ipv6CidrBlock !== undefined) throw NetworkAclErrors.cidrBoth();
  let cidr4: string | null = null;
  let cidr6: string | null = null;
  if (input.CidrBlock !== undefined) {
    const c = parseCidr(input.CidrBlock);
    if (!c) throw VpcErrors.invalidCidr('cidrBlock', input.CidrBlock);
    cidr4 = c.text;
  } else {
    cidr6 = normalizeIpv6Cidr(input.Ipv6CidrBlock!);
  }
  const row = { rule_number: input.RuleNumber, egress: input.Egress ? 1 : 0, protocol, rule_action: input.RuleAction, cidr_ipv4: cidr4, cidr_ipv6: cidr6, icmp_type: null as number | null, icmp_code: null as number | null, port_from: null as number | null, port_to: null as number | null };
  if (protocol === '6' || protocol === '17') {
    const from = input.PortRange?.From;
    const to = input.PortRange?.To;
    if (from === undefined || to === undefined) throw NetworkAclErrors.portRangeRequired();
    if (from < 0 || from > 65535) throw NetworkAclErrors.port('from', from);
    if (to < 0 || to > 65535) throw NetworkAclErrors.port('to', to);
    row.port_from = from;
    row.port_to = to;
  } else if (protocol === '1' || (protocol === '58' && cidr6 !== null)) {
    // ICMP, and ICMPv6 with an IPv6 block: the type and code are required (-1 = any); otherwise AWS ignores them.
    const type = input.IcmpTypeCode?.Type;
    const code = input.IcmpTypeCode?.Code;
    if (type === undefined || code === undefined) throw NetworkAclErrors.icmpTypeCodeRequired();
    if (type < -1 || type > 255) throw SecurityGroupErrors.icmpType(type);
    if (code < -1 || code > 255) throw SecurityGroupErrors.icmpCode(code);
    row.icmp_type = type;
    row.icmp_code = code;
  }
  return row;
}

/** An IPv6 CIDR as written (lower case), once it parses; the full IPv6 algebra lives with the IPv6 work. */
function normalizeIpv6Cidr(text: string): string {
  const m = /^([0-9a-fA-F:]+)\/(\d{1,3})$/.exec(text);
  if (!m || !m[1].includes(':') || Number(m[2]) > 128 || (m[1].match(/::/g) ?? []).length > 1) {
    throw VpcErrors.invalidCidr('ipv6CidrBlock', text);
  }
  return text.toLowerCase();
}

export function createNetworkAclEntry(ctx: RequestContext, input: EntryInput): void {
  const acl = requireNetworkAcl(ctx, input.NetworkAclId);
  const cols = entryColumns(input);
  if (ctx.store.networkAcls.entry(acl.id, input.Egress, input.RuleNumber)) throw NetworkAclErrors.entryExists(input.RuleNumber);
  ctx.store.networkAcls.insertEntry({ network_acl_id: acl.id, ...cols });
}

export function replaceNetworkAclEntry(ctx: RequestContext, input: EntryInput): void {
  const acl = requireNetworkAcl(ctx, input.NetworkAclId);
  const cols = entryColumns(input);
  const entry = ctx.store.networkAcls.entry(acl.id, input.Egress, input.RuleNumber);
  if (!entry) throw NetworkAclErrors.entryNotFound(input.Egress, input.RuleNumber);
  ctx.store.networkAcls.updateEntry(entry.seq, cols);
}

export function deleteNetworkAclEntry(ctx: RequestContext, aclId: string, egress: boolean, ruleNumber: number): void {
  const acl = requireNetworkAcl(ctx, aclId);
  if (ruleNumber < 1 || ruleNumber > CATCH_ALL - 1) throw NetworkAclErrors.ruleNumber(ruleNumber);
  const entry = ctx.store.networkAcls.entry(acl.id, egress, ruleNumber);
  if (!entry) throw NetworkAclErrors.entryNotFound(egress, ruleNumber);
  ctx.store.networkAcls.deleteEntry(entry.seq);
}

function requireAssociation(ctx: RequestContext, id: string): NetworkAclAssociationRow {
  const assoc = ctx.store.networkAcls.association(ctx.scope, id);
  if (!assoc) throw NotFoundErrors.association(id);
  return assoc;
}

/** Moves a subnet's association to another ACL of its VPC; the subnet gets a new association id. */
export function replaceNetworkAclAssociation(ctx: RequestContext, associationId: string, aclId: string): string {
  const assoc = requireAssociation(ctx, associationId);
  const acl = requireNetworkAcl(ctx, aclId);
  const subnet = requireSubnet(ctx, assoc.subnet_id);
  if (subnet.vpc_id !== acl.vpc_id) throw NetworkAclErrors.differentNetworks(acl.id, subnet.id);
  const id = ctx.ids.id('aclassoc');
  ctx.store.networkAcls.deleteAssociation(assoc.id);
  ctx.store.networkAcls.associations.insert({ id, network_acl_id: acl.id, subnet_id: subnet.id });
  return id;
}
