import { describe } from '../domain/describe';
import { listMirrorTargets } from '../domain/trafficMirroring';
import { TrafficMirrorErrors } from '../errors';
import { mirrorTargetFilters } from '../filters/trafficMirror';
import { presentMirrorTargets } from '../views/trafficMirror';
import { defineAction } from './define';

export default defineAction('DescribeTrafficMirrorTargets', (input, ctx) => {
  const page = describe(ctx, {
    ids: input.TrafficMirrorTargetIds,
    filters: input.Filters,
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
    filterSpec: mirrorTargetFilters,
    list: (opts) => listMirrorTargets(ctx, opts),
    present: (rows) => presentMirrorTargets(ctx, rows),
    notFound: (missing) => TrafficMirrorErrors.targetNotFound(missing[0]),
  });
  return { TrafficMirrorTargets: page.items, NextToken: page.nextToken };
});
