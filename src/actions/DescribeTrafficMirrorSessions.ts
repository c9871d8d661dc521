import { describe } from '../domain/describe';
import { listMirrorSessions } from '../domain/trafficMirroring';
import { TrafficMirrorErrors } from '../errors';
import { mirrorSessionFilters } from '../filters/trafficMirror';
import { presentMirrorSessions } from '../views/trafficMirror';
import { defineAction } from './define';

export default defineAction('DescribeTrafficMirrorSessions', (input, ctx) => {
  const page = describe(ctx, {
    ids: input.TrafficMirrorSessionIds,
    filters: input.Filters,
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
    filterSpec: mirrorSessionFilters,
    list: (opts) => listMirrorSessions(ctx, opts),
    present: (rows) => presentMirrorSessions(ctx, rows),
    notFound: (missing) => TrafficMirrorErrors.sessionNotFound(missing[0]),
  });
  return { TrafficMirrorSessions: page.items, NextToken: page.nextToken };
});
