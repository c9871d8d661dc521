import { NotFoundErrors } from '../errors';
import { compileFilters, FilterSpec } from '../filters/engine';
import { paginate } from '../pagination';
import { getOperation } from '../protocol/model';
import type { InstanceTypeInfo } from '../protocol/model/types.generated';
import { valueAtPath } from '../filters/paths';
import { defineAction } from './define';

/** Every documented filter reads the member path it names. */
const filters: FilterSpec<InstanceTypeInfo> = {
  fields: Object.fromEntries(
    (getOperation('DescribeInstanceTypes')?.filters ?? []).map((name) => [name, { get: (t: InstanceTypeInfo) => valueAtPath(t, name) }]),
  ),
};

/** AWS pages DescribeInstanceTypes even without MaxResults. */
const DEFAULT_PAGE = 100;

export default defineAction('DescribeInstanceTypes', (input, ctx) => {
  const catalog = ctx.instanceTypes;
  const wanted = input.InstanceTypes ?? [];
  const missing = wanted.filter((t) => !catalog.exists(t));
  if (missing.length > 0) throw NotFoundErrors.instanceTypes(missing);
  const f = compileFilters(filters, input.Filters, ctx.scope);
  const names = wanted.length > 0 ? [...new Set(wanted)] : catalog.names();
  const page = paginate(
    { maxResults: input.MaxResults ?? DEFAULT_PAGE, nextToken: input.NextToken, fingerprint: `${f.fingerprint}|${wanted.join(',')}` },
    (after, limit) => names.slice(after, after + limit).map((n, i) => ({ seq: after + i + 1, item: catalog.get(n)! })),
    f.matches,
  );
  return { InstanceTypes: page.items, NextToken: page.nextToken };
});
