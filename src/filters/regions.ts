/** The filters of DescribeRegions and DescribeAvailabilityZones. */
import type { AvailabilityZone, Region } from '../protocol/model/types.generated';
import type { FilterSpec } from './engine';

export const regionFilters: FilterSpec<Region> = {
  fields: {
    endpoint: { get: (r) => r.Endpoint },
    'opt-in-status': { get: (r) => r.OptInStatus },
    'region-name': { get: (r) => r.RegionName },
  },
};

export const availabilityZoneFilters: FilterSpec<AvailabilityZone> = {
  fields: {
    'group-long-name': { get: (z) => z.GroupLongName },
    'group-name': { get: (z) => z.GroupName },
    message: { get: (z) => z.Messages?.map((m) => m.Message) },
    'network-border-group': { get: (z) => z.NetworkBorderGroup },
    'opt-in-status': { get: (z) => z.OptInStatus },
    'parent-zone-id': { get: (z) => z.ParentZoneId },
    'parent-zone-name': { get: (z) => z.ParentZoneName },
    'region-name': { get: (z) => z.RegionName },
    state: { get: (z) => z.State },
    'zone-id': { get: (z) => z.ZoneId },
    'zone-name': { get: (z) => z.ZoneName },
    'zone-type': { get: (z) => z.ZoneType },
  },
};
