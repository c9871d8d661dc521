import { describe } from '../domain/describe';
import { listFleets } from '../domain/fleets';
import { FleetErrors } from '../errors';
import { fleetFilters } from '../filters/fleets';
import { presentFleets } from '../views/fleet';
import { defineAction } from './define';

export default defineAction('DescribeFleets', (input, ctx) => {
  const page = describe(ctx, {
    ids: input.FleetIds,
    filters: input.Filters,
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
    filterSpec: fleetFilters,
    list: (opts) => listFleets(ctx, opts),
    present: (rows) => presentFleets(ctx, rows),
    notFound: (missing) => FleetErrors.notFound(missing[0]),
  });
  return { Fleets: page.items, NextToken: page.nextToken };
});
