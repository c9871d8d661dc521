import { describe } from '../domain/describe';
import { listSpotRequests, existingSpotRequestIds } from '../domain/spot';
import { SpotErrors } from '../errors';
import { spotRequestFilters } from '../filters/fleets';
import { presentSpotRequests } from '../views/fleet';
import { defineAction } from './define';

export default defineAction('DescribeSpotInstanceRequests', (input, ctx) => {
  const page = describe(ctx, {
    ids: input.SpotInstanceRequestIds,
    filters: input.Filters,
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
    filterSpec: spotRequestFilters,
    list: (opts) => listSpotRequests(ctx, opts),
    existing: (ids) => existingSpotRequestIds(ctx, ids),
    present: (rows) => presentSpotRequests(ctx, rows),
    notFound: (missing) => SpotErrors.notFound(missing[0]),
  });
  return { SpotInstanceRequests: page.items, NextToken: page.nextToken };
});
