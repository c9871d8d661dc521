import { describe } from '../domain/describe';
import { listFlowLogs } from '../domain/flowLogs';
import { FlowLogErrors } from '../errors';
import { flowLogFilters } from '../filters/flowLogs';
import { presentFlowLogs } from '../views/flowLog';
import { defineAction } from './define';

/** Unknown FlowLogIds match nothing (AWS answers an empty list, not an error). */
export default defineAction('DescribeFlowLogs', (input, ctx) => {
  const page = describe(ctx, {
    ids: input.FlowLogIds,
    filters: input.Filter,
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
    filterSpec: flowLogFilters,
    list: (opts) => listFlowLogs(ctx, opts),
    existing: (ids) => new Set(ids),
    present: (rows) => presentFlowLogs(ctx, rows),
    notFound: (missing) => FlowLogErrors.notFound(missing),
  });
  return { FlowLogs: page.items, NextToken: page.nextToken };
});
