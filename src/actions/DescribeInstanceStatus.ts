import { describe } from '../domain/describe';
import { existingInstanceIds, listInstances } from '../domain/instances';
import { NotFoundErrors } from '../errors';
import { instanceStatusFilters } from '../filters/instanceStatus';
import { presentInstanceStatus } from '../views/instanceStatus';
import { defineAction } from './define';

/** Running instances only, unless IncludeAllInstances. */
export default defineAction('DescribeInstanceStatus', (input, ctx) => {
  const runningOnly = input.IncludeAllInstances !== true;
  const page = describe(ctx, {
    ids: input.InstanceIds,
    filters: input.Filters,
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
    filterSpec: instanceStatusFilters,
    idSetName: 'instancesSet',
    existing: (ids) => existingInstanceIds(ctx, ids),
    list: (opts) => listInstances(ctx, opts, { runningOnly }),
    present: (rows) => rows.map(presentInstanceStatus),
    notFound: (missing) => NotFoundErrors.instances(missing),
  });
  return { InstanceStatuses: page.items, NextToken: page.nextToken };
});
