import { contains, parseCidr } from '../domain/cidr';
import { zoneById, zoneByName, zonesOf } from '../domain/regions';
import { addTags, tagsFromSpecifications } from '../domain/tags';
import { NotFoundErrors, VpcErrors } from '../errors';
import { presentSubnet } from '../views/vpc';
import { defineAction } from './define';

export default defineAction('CreateSubnet', (input, ctx) => {
  const { store, scope } = ctx;
  const vpc = store.vpcs.get(scope, input.VpcId);
  if (!vpc) throw NotFoundErrors.vpc(input.VpcId);
  if (input.CidrBlock === undefined) throw VpcErrors.cidrMissing();
  const cidr = parseCidr(input.CidrBlock);
  if (!cidr) throw VpcErrors.invalidCidr('cidrBlock', input.CidrBlock);
  const vpcCidr = parseCidr(vpc.cidr)!;
  if (cidr.prefix < 16 || cidr.prefix > 28 || !contains(vpcCidr, cidr)) throw VpcErrors.subnetRange(input.CidrBlock);

  const zones = zonesOf(scope.region);
  let zone = zones[0];
  if (input.AvailabilityZone !== undefined) {
    const z = zoneByName(scope.region, input.AvailabilityZone);
    if (!z) throw VpcErrors.invalidZone('availabilityZone', input.AvailabilityZone, zones.map((x) => x.name));
    zone = z;
  } else if (input.AvailabilityZoneId !== undefined) {
    const z = zoneById(scope.region, input.AvailabilityZoneId);
    if (!z) throw VpcErrors.invalidZone('availabilityZoneId', input.AvailabilityZoneId, zones.map((x) => x.id));
    zone = z;
  }
  if (store.subnets.overlapping(vpc.id, cidr.base, cidr.size)) throw VpcErrors.subnetConflict(input.CidrBlock);
  const tags = tagsFromSpecifications(input.TagSpecifications, ['subnet']).get('subnet') ?? [];

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
  addTags(ctx, id, 'subnet', tags);
  return { Subnet: presentSubnet(store.subnets.get(scope, id)!, store.tags.of(id)) };
});
