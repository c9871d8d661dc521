import { describe } from '../domain/describe';
import { listSecurityGroups, resolveGroup } from '../domain/securityGroups';
import { NotFoundErrors } from '../errors';
import { securityGroupFilters } from '../filters/securityGroups';
import { presentSecurityGroups } from '../views/securityGroup';
import { defineAction } from './define';

export default defineAction('DescribeSecurityGroups', (input, ctx) => {
  // GroupName names groups of the default VPC (use the group-name filter for others).
  const ids = [...(input.GroupIds ?? []), ...(input.GroupNames ?? []).map((name) => resolveGroup(ctx, undefined, name).id)];
  const page = describe(ctx, {
    ids,
    filters: input.Filters,
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
    filterSpec: securityGroupFilters,
    list: (opts) => listSecurityGroups(ctx, opts),
    present: (rows) => presentSecurityGroups(ctx, rows),
    notFound: (missing) => NotFoundErrors.securityGroup(missing[0]),
  });
  return { SecurityGroups: page.items, NextToken: page.nextToken };
});
