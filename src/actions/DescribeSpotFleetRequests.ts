import { describe } from '../domain/describe';
import { listSpotFleets, spotFleetNotFound } from '../domain/spotFleets';
import { spotFleetFilters } from '../filters/fleets';
import { presentSpotFleets } from '../views/fleet';
import { defineAction } from './define';

/** Ids and paging (the model has no Filters); each request with its configuration echoed. */
export default defineAction('DescribeSpotFleetRequests', (input, ctx) => {
  const page = describe(ctx, {
    ids: input.SpotFleetRequestIds,
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
    filterSpec: spotFleetFilters,
    list: (opts) => listSpotFleets(ctx, opts),
    present: (rows) => presentSpotFleets(ctx, rows),
    notFound: (missing) => spotFleetNotFound(missing),
  });
  return { SpotFleetRequestConfigs: page.items, NextToken: page.nextToken };
});
