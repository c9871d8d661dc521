import { regionOptInStatus, zonesOf } from '../domain/regions';
import { VpcErrors } from '../errors';
import { compileFilters, FilterSpec } from '../filters/engine';
import type { AvailabilityZone } from '../protocol/model/types.generated';
import { defineAction } from './define';

const none = { get: () => undefined };

const filters: FilterSpec<AvailabilityZone> = {
  fields: {
    'group-long-name': none,
    'group-name': { get: (z) => z.GroupName },
    message: { get: (z) => z.Messages?.map((m) => m.Message) },
    'opt-in-status': { get: (z) => z.OptInStatus },
    'parent-zone-id': none,
    'parent-zone-name': none,
    'region-name': { get: (z) => z.RegionName },
    state: { get: (z) => z.State },
    'zone-id': { get: (z) => z.ZoneId },
    'zone-name': { get: (z) => z.ZoneName },
    'zone-type': { get: (z) => z.ZoneType },
  },
};

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
  const f = compileFilters(filters, input.Filters, ctx.scope);
  return {
    AvailabilityZones: zones.filter(
      (z) =>
        (!input.ZoneNames?.length || input.ZoneNames.includes(z.ZoneName!)) &&
        (!input.ZoneIds?.length || input.ZoneIds.includes(z.ZoneId!)) &&
        f.matches(z),
    ),
  };
});
