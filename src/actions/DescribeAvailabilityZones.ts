import { regionOptInStatus, zonesOf } from '../domain/regions';
import { VpcErrors } from '../errors';
import { compileFilters } from '../filters/engine';
import { availabilityZoneFilters } from '../filters/regions';
import type { AvailabilityZone } from '../protocol/model/types.generated';
import { defineAction } from './define';

export default defineAction('DescribeAvailabilityZones', (input, ctx) => {
  const region = ctx.scope.region;
  const zones: AvailabilityZone[] = zonesOf(region).map((z) => ({
    OptInStatus: regionOptInStatus(region) === 'opted-in' ? 'opted-in' : 'opt-in-not-required',
    Messages: [],
    RegionName: region,
    ZoneName: z.name,
    ZoneId: z.id,
    GroupName: region,
    NetworkBorderGroup: region,
    ZoneType: 'availability-zone',
    State: 'available',
  }));
  const unknown = [
    ...(input.ZoneNames ?? []).filter((n) => !zones.some((z) => z.ZoneName === n)),
    ...(input.ZoneIds ?? []).filter((n) => !zones.some((z) => z.ZoneId === n)),
  ];
  if (unknown.length > 0) throw VpcErrors.unknownZones(unknown);
  const f = compileFilters(availabilityZoneFilters, input.Filters, ctx.scope);
  return {
    AvailabilityZones: zones.filter(
      (z) =>
        (!input.ZoneNames?.length || input.ZoneNames.includes(z.ZoneName!)) &&
        (!input.ZoneIds?.length || input.ZoneIds.includes(z.ZoneId!)) &&
        f.matches(z),
    ),
  };
});
