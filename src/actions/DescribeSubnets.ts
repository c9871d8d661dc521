import { describe } from '../domain/describe';
import { listSubnets } from '../domain/subnets';
import { NotFoundErrors } from '../errors';
import { subnetFilters } from '../filters/vpc';
import { presentSubnets } from '../views/vpc';
import { defineAction } from './define';

export default defineAction('DescribeSubnets', (input, ctx) => {
  const page = describe(ctx, {
    ids: input.SubnetIds,
    filters: input.Filters,
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
    filterSpec: subnetFilters,
    list: (opts) => listSubnets(ctx, opts),
    present: (rows) => presentSubnets(ctx, rows),
    notFound: (missing) => NotFoundErrors.subnet(missing[0]),
  });
  return { Subnets: page.items, NextToken: page.nextToken };
});
