import { describe } from '../domain/describe';
import { listNetworkAcls } from '../domain/networkAcls';
import { NetworkAclErrors } from '../errors';
import { networkAclFilters } from '../filters/networkAcls';
import { presentNetworkAcls } from '../views/networkAcl';
import { defineAction } from './define';

export default defineAction('DescribeNetworkAcls', (input, ctx) => {
  const page = describe(ctx, {
    ids: input.NetworkAclIds,
    filters: input.Filters,
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
    filterSpec: networkAclFilters,
    list: (opts) => listNetworkAcls(ctx, opts),
    present: (rows) => presentNetworkAcls(ctx, rows),
    notFound: (missing) => NetworkAclErrors.notFound(missing),
  });
  return { NetworkAcls: page.items, NextToken: page.nextToken };
});
