import { describe } from '../domain/describe';
import { listHosts } from '../domain/hosts';
import { HostErrors } from '../errors';
import { hostFilters } from '../filters/hosts';
import { presentHosts } from '../views/host';
import { defineAction } from './define';

export default defineAction('DescribeHosts', (input, ctx) => {
  const page = describe(ctx, {
    ids: input.HostIds,
    filters: input.Filter,
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
    filterSpec: hostFilters,
    list: (opts) => listHosts(ctx, opts),
    present: (rows) => presentHosts(ctx, rows),
    notFound: (missing) => HostErrors.notFound(missing[0]),
  });
  return { Hosts: page.items, NextToken: page.nextToken };
});
