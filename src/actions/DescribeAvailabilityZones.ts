import { describeZones } from '../domain/zones';
import { compileFilters } from '../filters/engine';
import { availabilityZoneFilters } from '../filters/regions';
import { defineAction } from './define';

/** Standard zones, opted-in Local and Wavelength Zones; all of them with AllAvailabilityZones (docs/behavior.md). */
export default defineAction('DescribeAvailabilityZones', (input, ctx) => {
  const zones = describeZones(ctx, { all: input.AllAvailabilityZones === true, names: input.ZoneNames ?? [], ids: input.ZoneIds ?? [] });
  const f = compileFilters(availabilityZoneFilters, input.Filters, ctx.scope);
  return { AvailabilityZones: zones.filter((z) => f.matches(z)) };
});
