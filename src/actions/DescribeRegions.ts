import { endpointOf, isRegionName, KNOWN_REGIONS, regionOptInStatus } from '../domain/regions';
import { compileFilters } from '../filters/engine';
import { regionFilters } from '../filters/regions';
import { defineAction } from './define';

/** Every region AWS has (plus the caller's own, if it signed for one we do not list). */
export default defineAction('DescribeRegions', (input, ctx) => {
  const names = new Set(KNOWN_REGIONS);
  if (isRegionName(ctx.scope.region)) names.add(ctx.scope.region);
  const all = [...names].sort().map((name) => ({ RegionName: name, Endpoint: endpointOf(name), OptInStatus: regionOptInStatus(name) }));
  const f = compileFilters(regionFilters, input.Filters, ctx.scope);
  const wanted = input.RegionNames;
  return { Regions: all.filter((r) => (!wanted || wanted.includes(r.RegionName)) && f.matches(r)) };
});
