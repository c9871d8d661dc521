import { describe } from '../domain/describe';
import { listAwsPrefixLists } from '../domain/prefixLists';
import { PrefixListErrors } from '../errors';
import { legacyPrefixListFilters } from '../filters/prefixLists';
import { presentLegacyPrefixLists } from '../views/prefixList';
import { defineAction } from './define';

/** The older call gateway endpoints' clients still use (Terraform reads `prefix_list_id` and `cidr_blocks` through it). */
export default defineAction('DescribePrefixLists', (input, ctx) => {
  const page = describe(ctx, {
    ids: input.PrefixListIds,
    filters: input.Filters,
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
    filterSpec: legacyPrefixListFilters,
    list: (opts) => listAwsPrefixLists(ctx, opts),
    present: (rows) => presentLegacyPrefixLists(ctx, rows),
    notFound: (missing) => PrefixListErrors.notFound(missing[0]),
  });
  return { PrefixLists: page.items, NextToken: page.nextToken };
});
