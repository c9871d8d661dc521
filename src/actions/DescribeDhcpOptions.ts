import { describe } from '../domain/describe';
import { listDhcpOptions } from '../domain/dhcpOptions';
import { DhcpOptionsErrors } from '../errors';
import { dhcpOptionsFilters } from '../filters/networkAcls';
import { presentDhcpOptions } from '../views/networkAcl';
import { defineAction } from './define';

export default defineAction('DescribeDhcpOptions', (input, ctx) => {
  const page = describe(ctx, {
    ids: input.DhcpOptionsIds,
    filters: input.Filters,
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
    filterSpec: dhcpOptionsFilters,
    list: (opts) => listDhcpOptions(ctx, opts),
    present: (rows) => presentDhcpOptions(ctx, rows),
    notFound: (missing) => DhcpOptionsErrors.notFound(missing),
  });
  return { DhcpOptions: page.items, NextToken: page.nextToken };
});
