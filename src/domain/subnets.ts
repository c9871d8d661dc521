/** Subnets: a block inside its VPC's CIDR, in one zone of the region, never overlapping a sibling. */
import type { RequestContext } from '../core/context';
import { CidrErrors, NotFoundErrors, VpcErrors } from '../errors';
import type { Tag } from '../protocol/model/types.generated';
import type { ListOptions } from '../store/query';
import type { SubnetRow } from '../store/rows';
import { contains, parseCidr } from './cidr';
import { zonesOf } from './regions';
import { requireUsableZone } from './zones';
import { associateDefaultAcl, dropSubnetAssociation } from './networkAcls';
import { addTags } from './tags';
import { requireVpc } from './vpc';
import { ipv4Blocks } from './vpcCidrs';
import { checkSubnetIpv6Block } from './subnetIpv6';

export function requireSubnet(ctx: RequestContext, id: string): SubnetRow {
  const subnet = ctx.store.subnets.get(ctx.scope, id);
  if (!subnet) throw NotFoundErrors.subnet(id);
  return subnet;
}

export function listSubnets(ctx: RequestContext, opts: ListOptions): SubnetRow[] {
  return ctx.store.subnets.list(ctx.scope, opts);
}

interface NewSubnet {
  VpcId: string;
  CidrBlock?: string;
  AvailabilityZone?: string;
  AvailabilityZoneId?: string;
  Ipv6CidrBlock?: string;
  Ipv6Native?: boolean;
}

/** `tags` is called once the subnet is valid, before it is written (so its errors come after the subnet's). */
export function createSubnet(ctx: RequestContext, spec: NewSubnet, tags: () => Tag[]): SubnetRow {
  const { store, scope } = ctx;
  const vpc = requireVpc(ctx, spec.VpcId);
  // an IPv6-only subnet has an IPv6 block and no IPv4 one (docs/behavior.md "Subnet IPv6 and attributes")
  if (spec.Ipv6Native && spec.Ipv6CidrBlock === undefined) throw CidrErrors.ipv6NativeWithoutIpv6();
  if (spec.Ipv6Native && spec.CidrBlock !== undefined) throw CidrErrors.ipv6NativeWithIpv4();
  if (spec.CidrBlock === undefined && !spec.Ipv6Native) throw VpcErrors.cidrMissing();
  const cidr = spec.CidrBlock === undefined ? undefined : parseCidr(spec.CidrBlock);
  if (spec.CidrBlock !== undefined && !cidr) throw VpcErrors.invalidCidr('cidrBlock', spec.CidrBlock);
  // any of the VPC's IPv4 blocks, the secondary ones included
  if (cidr && (cidr.prefix < 16 || cidr.prefix > 28 || !ipv4Blocks(ctx, vpc).some((b) => contains(b.cidr, cidr)))) {
    throw VpcErrors.subnetRange(spec.CidrBlock!);
  }

  // a Local or Wavelength Zone only once the account opted in to its group (docs/behavior.md "Availability Zones, …")
  const zone =
    spec.AvailabilityZone !== undefined
      ? requireUsableZone(ctx, 'availabilityZone', spec.AvailabilityZone)
      : spec.AvailabilityZoneId !== undefined
        ? requireUsableZone(ctx, 'availabilityZoneId', spec.AvailabilityZoneId)
        : zonesOf(scope.region)[0];
  if (cidr && store.subnets.overlapping(vpc.id, cidr.base, cidr.size)) throw VpcErrors.subnetConflict(spec.CidrBlock!);
  const ipv6 = spec.Ipv6CidrBlock === undefined ? undefined : checkSubnetIpv6Block(ctx, vpc, spec.Ipv6CidrBlock);
  const tagList = tags();

  const id = ctx.ids.id('subnet');
  store.subnets.insert({
    id,
    account: scope.account,
    region: scope.region,
    vpc_id: vpc.id,
    cidr: cidr?.text ?? '',
    cidr_base: cidr?.base ?? 0,
    cidr_size: cidr?.size ?? 0,
    availability_zone: zone.name,
    ...(ipv6 && { ipv6_cidr: ipv6, ipv6_association_id: ctx.ids.id('subnet-cidr-assoc') }),
    // AWS: IPv6-only subnets assign IPv6 addresses and name hosts by resource
    ...(spec.Ipv6Native && { ipv6_native: 1, assign_ipv6_on_creation: 1, hostname_type: 'resource-name' }),
  });
  associateDefaultAcl(ctx, id, vpc.id);
  addTags(ctx, id, 'subnet', tagList);
  return store.subnets.get(scope, id)!;
}

/** A subnet with interfaces in it cannot go; its explicit route table association and its network ACL association go with it. */
export function deleteSubnet(ctx: RequestContext, id: string): void {
  const { store } = ctx;
  const subnet = requireSubnet(ctx, id);
  if (store.subnets.interfaceCount(subnet.id) > 0) throw VpcErrors.subnetDependency(subnet.id);
  const assoc = store.routeTables.subnetAssociation(subnet.id);
  if (assoc) store.routeTables.deleteAssociation(assoc.id);
  dropSubnetAssociation(ctx, subnet.id);
  store.subnets.delete(subnet.id);
}

export function setMapPublicIpOnLaunch(ctx: RequestContext, subnetId: string, value: boolean): void {
  ctx.store.subnets.update(subnetId, { map_public_ip_on_launch: value ? 1 : 0 });
}
