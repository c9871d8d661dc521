/**
 * CreateDefaultVpc and CreateDefaultSubnet: the same layout the scope's first request makes (src/domain/vpc.ts),
 * on demand after the default VPC or one of its default subnets was deleted.
 * See docs/behavior.md "Default VPC and default subnets".
 */
import type { RequestContext } from '../core/context';
import { CidrErrors, RequestErrors, VpcErrors } from '../errors';
import type { SubnetRow, VpcRow } from '../store/rows';
import { parseCidr } from './cidr';
import { formatCidr6, subnets6 } from './cidr6';
import { ipv6Blocks } from './vpcCidrs';
import { zonesOf } from './regions';
import { createDefaultVpcLayout, DEFAULT_SUBNET_SIZE, defaultVpc, insertDefaultSubnet } from './vpc';

export function createDefaultVpc(ctx: RequestContext): VpcRow {
  if (defaultVpc(ctx)) throw CidrErrors.defaultVpcExists();
  return ctx.store.vpcs.get(ctx.scope, createDefaultVpcLayout(ctx))!;
}

/**
 * A default /20 for the zone: the zone's own slot of 172.31.0.0/16 (where the first request put it) when free,
 * else the lowest free /20 of the default VPC.
 */
export function createDefaultSubnet(
  ctx: RequestContext,
  input: { AvailabilityZone?: string; AvailabilityZoneId?: string; Ipv6Native?: boolean },
): SubnetRow {
  const { scope, store } = ctx;
  const zones = zonesOf(scope.region);
  // default subnets go in standard Availability Zones only
  const zone =
    input.AvailabilityZone !== undefined
      ? zones.find((z) => z.name === input.AvailabilityZone)
      : input.AvailabilityZoneId !== undefined
        ? zones.find((z) => z.id === input.AvailabilityZoneId)
        : undefined;
  if (!zone) {
    const given = input.AvailabilityZone ?? input.AvailabilityZoneId;
    if (given === undefined) throw RequestErrors.missingParameter('availabilityZone');
    throw VpcErrors.invalidZone(input.AvailabilityZone !== undefined ? 'availabilityZone' : 'availabilityZoneId', given, zones.map((z) => z.name));
  }
  const vpc = defaultVpc(ctx);
  if (!vpc) throw CidrErrors.noDefaultVpcForSubnet();
  if (store.subnets.defaultForZone(scope, zone.name)) throw CidrErrors.defaultSubnetExists(zone.name);
  if (input.Ipv6Native) return createIpv6OnlyDefaultSubnet(ctx, vpc, zone.name);
  const vpcBase = parseCidr(vpc.cidr)!.base;
  const slots = parseCidr(vpc.cidr)!.size / DEFAULT_SUBNET_SIZE;
  const own = zones.findIndex((z) => z.name === zone.name);
  const candidates = [own, ...Array.from({ length: slots }, (_, i) => i)];
  const free = candidates.find((i) => i >= 0 && i < slots && !store.subnets.overlapping(vpc.id, vpcBase + i * DEFAULT_SUBNET_SIZE, DEFAULT_SUBNET_SIZE));
  if (free === undefined) throw CidrErrors.defaultVpcFull(vpc.id);
  return store.subnets.get(scope, insertDefaultSubnet(ctx, vpc.id, zone.name, vpcBase + free * DEFAULT_SUBNET_SIZE))!;
}

/** An IPv6-only default subnet: the lowest /64 of the default VPC's IPv6 block that no subnet holds. */
function createIpv6OnlyDefaultSubnet(ctx: RequestContext, vpc: VpcRow, zone: string): SubnetRow {
  const block = ipv6Blocks(ctx, vpc.id)[0];
  if (!block) throw CidrErrors.vpcWithoutIpv6(vpc.id);
  const taken = new Set(ctx.store.subnets.inVpc(vpc.id).map((sn) => sn.ipv6_cidr));
  const free = subnets6(block.parsed, 64, 256).map(formatCidr6).find((c) => !taken.has(c));
  if (!free) throw CidrErrors.defaultVpcFull(vpc.id);
  const id = ctx.ids.id('subnet');
  ctx.store.subnets.insert({
    id,
    account: ctx.scope.account,
    region: ctx.scope.region,
    vpc_id: vpc.id,
    cidr: '',
    cidr_base: 0,
    cidr_size: 0,
    availability_zone: zone,
    default_for_az: 1,
    ipv6_cidr: free,
    ipv6_association_id: ctx.ids.id('subnet-cidr-assoc'),
    ipv6_native: 1,
    assign_ipv6_on_creation: 1,
    hostname_type: 'resource-name',
  });
  return ctx.store.subnets.get(ctx.scope, id)!;
}
