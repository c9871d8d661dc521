import { describe } from '../domain/describe';
import { listPrefixLists } from '../domain/prefixLists';
import { PrefixListErrors } from '../errors';
import { prefixListFilters } from '../filters/prefixLists';
import { presentPrefixLists } from '../views/prefixList';
import { defineAction } from './define';

/** The account's lists and the region's AWS-managed ones. */
export default defineAction('DescribeManagedPrefixLists', (input, ctx) => {
  const page = describe(ctx, {
    ids: input.PrefixListIds,
    filters: input.Filters,
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
    filterSpec: prefixListFilters,
    list: (opts) => listPrefixLists(ctx, opts),
    present: (rows) => presentPrefixLists(ctx, rows),
    notFound: (missing) => PrefixListErrors.notFound(missing[0]),
  });
  return { PrefixLists: page.items, NextToken: page.nextToken };
});
