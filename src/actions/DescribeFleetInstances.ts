import { describe } from '../domain/describe';
import { listFleetInstances, requireFleet } from '../domain/fleets';
import { FleetErrors } from '../errors';
import { fleetInstanceFilters } from '../filters/fleets';
import { presentFleetInstances } from '../views/fleet';
import { defineAction } from './define';

/** The fleet's instances that are running or on their way (instant fleets: AWS's `Unsupported`). */
export default defineAction('DescribeFleetInstances', (input, ctx) => {
  requireFleet(ctx, input.FleetId);
  const page = describe(ctx, {
    filters: input.Filters,
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
    filterSpec: fleetInstanceFilters,
    list: (opts) => listFleetInstances(ctx, input.FleetId, opts),
    present: (rows) => presentFleetInstances(rows),
    notFound: (missing) => FleetErrors.notFound(missing[0]),
  });
  return { FleetId: input.FleetId, ActiveInstances: page.items, NextToken: page.nextToken };
});
