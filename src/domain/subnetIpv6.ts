/**
 * A subnet's IPv6 side: its block inside one of the VPC's (one per subnet, never shared), IPv6-only subnets, and
 * the launch attributes ModifySubnetAttribute stores. See docs/behavior.md "Subnet IPv6 and attributes".
 */
import type { RequestContext } from '../core/context';
import { CidrErrors, RequestErrors } from '../errors';
import type { SubnetRow, VpcRow } from '../store/rows';
import { canonicalCidr6, contains6, overlaps6, parseCidr6 } from './cidr6';
import { ipv6Blocks } from './vpcCidrs';

/**
 * A subnet's IPv6 block is /44 to /64 in steps of 4 (AWS's VPC guide; AWS took a /56, the whole Amazon-provided VPC
 * block, in moto's AWS-verified test_create_ipv6native_subnet, where before 2023 it took only /64).
 */
const subnetIpv6Prefix = (prefix: number) => prefix >= 44 && prefix <= 64 && prefix % 4 === 0;

/** Checks a requested subnet block against the VPC and its other subnets; returns its canonical text. */
export function checkSubnetIpv6Block(ctx: RequestContext, vpc: VpcRow, text: string): string {
  // AWS wire (then for a /60): "invalid value for parameter ipv6-cidr-block: 2600:1f16:c6:ff10::/60"
  const parsed = canonicalCidr6(text);
  if (!parsed) throw CidrErrors.ipv4Only('ipv6CidrBlock', text);
  if (!subnetIpv6Prefix(parsed.cidr.prefix)) throw RequestErrors.invalidValue(`invalid value for parameter ipv6-cidr-block: ${text}`);
  const blocks = ipv6Blocks(ctx, vpc.id);
  if (blocks.length === 0) throw CidrErrors.vpcWithoutIpv6(vpc.id);
  if (!blocks.some((b) => contains6(b.parsed, parsed.cidr))) throw CidrErrors.subnetIpv6Range(text);
  const taken = (other: string | null) => {
    const block = other === null ? undefined : parseCidr6(other);
    return block !== undefined && overlaps6(block, parsed.cidr);
  };
  if (ctx.store.subnets.inVpc(vpc.id).some((s) => taken(s.ipv6_cidr))) throw CidrErrors.subnetIpv6Conflict(text);
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
