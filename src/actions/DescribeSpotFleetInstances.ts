import { describe } from '../domain/describe';
import { listSpotFleetInstances, requireSpotFleet, spotFleetNotFound } from '../domain/spotFleets';
import { fleetInstanceFilters } from '../filters/fleets';
import { presentFleetInstances } from '../views/fleet';
import { defineAction } from './define';

/** The request's instances that are running or on their way, with their Spot Instance request ids. */
export default defineAction('DescribeSpotFleetInstances', (input, ctx) => {
  requireSpotFleet(ctx, input.SpotFleetRequestId);
  const page = describe(ctx, {
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
    filterSpec: fleetInstanceFilters,
    list: (opts) => listSpotFleetInstances(ctx, input.SpotFleetRequestId, opts),
    present: (rows) => presentFleetInstances(rows),
    notFound: (missing) => spotFleetNotFound(missing),
  });
  return { SpotFleetRequestId: input.SpotFleetRequestId, ActiveInstances: page.items, NextToken: page.nextToken };
});
