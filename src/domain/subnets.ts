/** Subnets: a block inside its VPC's CIDR, in one zone of the region, never overlapping a sibling. */
import type { RequestContext } from '../core/context';
import { NotFoundErrors, VpcErrors } from '../errors';
import type { Tag } from '../protocol/model/types.generated';
import type { ListOptions } from '../store/query';
import type { SubnetRow } from '../store/rows';
import { contains, parseCidr } from './cidr';
import { zoneById, zoneByName, zonesOf } from './regions';
import { addTags } from './tags';
import { requireVpc } from './vpc';
import { ipv4Blocks } from './vpcCidrs';

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
}

/** `tags` is called once the subnet is valid, before it is written (so its errors come after the subnet's). */
export function createSubnet(ctx: RequestContext, spec: NewSubnet, tags: () => Tag[]): SubnetRow {
  const { store, scope } = ctx;
  const vpc = requireVpc(ctx, spec.VpcId);
  if (spec.CidrBlock === undefined) throw VpcErrors.cidrMissing();
  const cidr = parseCidr(spec.CidrBlock);
  if (!cidr) throw VpcErrors.invalidCidr('cidrBlock', spec.CidrBlock);
  // any of the VPC's IPv4 blocks, the secondary ones included
  const inVpc = ipv4Blocks(ctx, vpc).some((b) => contains(b.cidr, cidr));
  if (cidr.prefix < 16 || cidr.prefix > 28 || !inVpc) throw VpcErrors.subnetRange(spec.CidrBlock);

  const zones = zonesOf(scope.region);
  let zone = zones[0];
  if (spec.AvailabilityZone !== undefined) {
    const z = zoneByName(scope.region, spec.AvailabilityZone);
    if (!z) throw VpcErrors.invalidZone('availabilityZone', spec.AvailabilityZone, zones.map((x) => x.name));
    zone = z;
  } else if (spec.AvailabilityZoneId !== undefined) {
    const z = zoneById(scope.region, spec.AvailabilityZoneId);
    if (!z) throw VpcErrors.invalidZone('availabilityZoneId', spec.AvailabilityZoneId, zones.map((x) => x.id));
    zone = z;
  }
  if (store.subnets.overlapping(vpc.id, cidr.base, cidr.size)) throw VpcErrors.subnetConflict(spec.CidrBlock);
  const tagList = tags();

  const id = ctx.ids.id('subnet');
  store.subnets.insert({
    id,
    account: scope.account,
    region: scope.region,
    vpc_id: vpc.id,
    cidr: cidr.text,
    cidr_base: cidr.base,
    cidr_size: cidr.size,
    availability_zone: zone.name,
  });
  addTags(ctx, id, 'subnet', tagList);
  return store.subnets.get(scope, id)!;
}

/** A subnet with interfaces in it cannot go; its explicit route table association goes with it. */
export function deleteSubnet(ctx: RequestContext, id: string): void {
  const { store } = ctx;
  const subnet = requireSubnet(ctx, id);
  if (store.subnets.interfaceCount(subnet.id) > 0) throw VpcErrors.subnetDependency(subnet.id);
  const assoc = store.routeTables.subnetAssociation(subnet.id);
  if (assoc) store.routeTables.deleteAssociation(assoc.id);
  store.subnets.delete(subnet.id);
}

export function setMapPublicIpOnLaunch(ctx: RequestContext, subnetId: string, value: boolean): void {
  ctx.store.subnets.update(subnetId, { map_public_ip_on_launch: value ? 1 : 0 });
}
