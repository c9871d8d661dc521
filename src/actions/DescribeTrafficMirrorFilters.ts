import { describe } from '../domain/describe';
import { listMirrorFilters } from '../domain/trafficMirroring';
import { TrafficMirrorErrors } from '../errors';
import { mirrorFilterFilters } from '../filters/trafficMirror';
import { presentMirrorFilters } from '../views/trafficMirror';
import { defineAction } from './define';

export default defineAction('DescribeTrafficMirrorFilters', (input, ctx) => {
  const page = describe(ctx, {
    ids: input.TrafficMirrorFilterIds,
    filters: input.Filters,
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
    filterSpec: mirrorFilterFilters,
    list: (opts) => listMirrorFilters(ctx, opts),
    present: (rows) => presentMirrorFilters(ctx, rows),
    notFound: (missing) => TrafficMirrorErrors.filterNotFound(missing[0]),
  });
  return { TrafficMirrorFilters: page.items, NextToken: page.nextToken };
});
