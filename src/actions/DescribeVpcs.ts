import { describe } from '../domain/describe';
import { listVpcs } from '../domain/vpc';
import { NotFoundErrors } from '../errors';
import { vpcFilters } from '../filters/vpc';
import { presentVpcs } from '../views/vpc';
import { defineAction } from './define';

export default defineAction('DescribeVpcs', (input, ctx) => {
  const page = describe(ctx, {
    ids: input.VpcIds,
    filters: input.Filters,
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
    filterSpec: vpcFilters,
    list: (opts) => listVpcs(ctx, opts),
    present: (rows) => presentVpcs(ctx, rows),
    notFound: (missing) => NotFoundErrors.vpc(missing[0]),
  });
  return { Vpcs: page.items, NextToken: page.nextToken };
});
