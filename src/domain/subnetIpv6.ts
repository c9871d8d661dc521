/**
 * A subnet's IPv6 side: its /64 inside the VPC's /56 (one per subnet, never shared), IPv6-only subnets, and the
 * launch attributes ModifySubnetAttribute stores. See docs/behavior.md "Subnet IPv6 and attributes".
 */
import type { RequestContext } from '../core/context';
import { CidrErrors, RequestErrors } from '../errors';
import type { SubnetRow, VpcRow } from '../store/rows';
import { canonicalCidr6, contains6 } from './cidr6';
import { ipv6Blocks } from './vpcCidrs';

/** Amazon-provided VPC blocks are /56 and their subnets /64. */
const SUBNET_IPV6_PREFIX = 64;

/** Checks a requested subnet block against the VPC and its other subnets; returns its canonical text. */
export function checkSubnetIpv6Block(ctx: RequestContext, vpc: VpcRow, text: string): string {
  // AWS wire: "invalid value for parameter ipv6-cidr-block: 2600:1f16:c6:ff10::/60"
  const parsed = canonicalCidr6(text);
  if (!parsed) throw CidrErrors.ipv4Only('ipv6CidrBlock', text);
  if (parsed.cidr.prefix !== SUBNET_IPV6_PREFIX) throw RequestErrors.invalidValue(`invalid value for parameter ipv6-cidr-block: ${text}`);
  const blocks = ipv6Blocks(ctx, vpc.id);
  if (blocks.length === 0) throw CidrErrors.vpcWithoutIpv6(vpc.id);
  if (!blocks.some((b) => contains6(b.parsed, parsed.cidr))) throw CidrErrors.subnetIpv6Range(text);
  if (ctx.store.subnets.withIpv6Block(vpc.id, parsed.text)) throw CidrErrors.subnetIpv6Conflict(text);
  return parsed.text;
}

/** AssociateSubnetCidrBlock: the subnet's one IPv6 block. */
export function associateSubnetIpv6(ctx: RequestContext, subnet: SubnetRow, vpc: VpcRow, text: string): SubnetRow {
  if (subnet.ipv6_cidr !== null) throw CidrErrors.subnetHasIpv6(subnet.id);
  const cidr = checkSubnetIpv6Block(ctx, vpc, text);
  ctx.store.subnets.update(subnet.id, { ipv6_cidr: cidr, ipv6_association_id: ctx.ids.id('subnet-cidr-assoc') });
  return ctx.store.subnets.get(ctx.scope, subnet.id)!;
}

/**
 * DisassociateSubnetCidrBlock: not from an IPv6-only subnet, not while AssignIpv6AddressOnCreation is on (AWS
 * wire), not while an interface holds one of its addresses. Returns the subnet as it was.
 */
export function disassociateSubnetIpv6(ctx: RequestContext, associationId: string): SubnetRow {
  const subnet = ctx.store.subnets.byIpv6Association(ctx.scope, associationId);
  if (!subnet) throw CidrErrors.subnetAssociationNotFound(associationId);
  if (subnet.ipv6_native === 1) throw CidrErrors.ipv6NativeLastBlock(associationId);
  if (subnet.assign_ipv6_on_creation === 1) throw CidrErrors.assignOnCreationSet(associationId);
  if (ctx.store.subnets.ipv6AddressCount(subnet.id) > 0) throw CidrErrors.subnetIpv6InUse(associationId);
  ctx.store.subnets.update(subnet.id, { ipv6_cidr: null, ipv6_association_id: null });
  return subnet;
}

interface BooleanValue {
  Value?: boolean;
}

export interface SubnetIpv6Attributes {
  AssignIpv6AddressOnCreation?: BooleanValue;
  EnableDns64?: BooleanValue;
  EnableResourceNameDnsARecordOnLaunch?: BooleanValue;
  EnableResourceNameDnsAAAARecordOnLaunch?: BooleanValue;
  PrivateDnsHostnameTypeOnLaunch?: string;
}

/**
 * The IPv6 and DNS-name launch attributes. Turning on an IPv6 one needs an IPv6 block (AWS wire: "Invalid value
 * 'true' for enable-dns64. Cannot set enable-dns64 to true unless the subnet (subnet-…) has an IPv6 CIDR block
 * associated with it.").
 */
export function setSubnetIpv6Attributes(ctx: RequestContext, subnet: SubnetRow, attrs: SubnetIpv6Attributes): void {
  const needsIpv6: Array<[string, boolean | undefined]> = [
    ['assign-ipv6-address-on-creation', attrs.AssignIpv6AddressOnCreation?.Value],
    ['enable-dns64', attrs.EnableDns64?.Value],
    ['enable-resource-name-dns-aaaa-record-on-launch', attrs.EnableResourceNameDnsAAAARecordOnLaunch?.Value],
  ];
  for (const [name, value] of needsIpv6) if (value === true && subnet.ipv6_cidr === null) throw CidrErrors.needsIpv6Block(name, subnet.id);
  const changes: Partial<SubnetRow> = {};
  if (attrs.AssignIpv6AddressOnCreation?.Value !== undefined) changes.assign_ipv6_on_creation = attrs.AssignIpv6AddressOnCreation.Value ? 1 : 0;
  if (attrs.EnableDns64?.Value !== undefined) changes.enable_dns64 = attrs.EnableDns64.Value ? 1 : 0;
  if (attrs.EnableResourceNameDnsARecordOnLaunch?.Value !== undefined) changes.dns_a_record = attrs.EnableResourceNameDnsARecordOnLaunch.Value ? 1 : 0;
  if (attrs.EnableResourceNameDnsAAAARecordOnLaunch?.Value !== undefined) {
    changes.dns_aaaa_record = attrs.EnableResourceNameDnsAAAARecordOnLaunch.Value ? 1 : 0;
  }
  if (attrs.PrivateDnsHostnameTypeOnLaunch !== undefined) changes.hostname_type = attrs.PrivateDnsHostnameTypeOnLaunch;
  ctx.store.subnets.update(subnet.id, changes);
}
