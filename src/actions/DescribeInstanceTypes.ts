import { NotFoundErrors } from '../errors';
import { compileFilters } from '../filters/engine';
import { instanceTypeFilters } from '../filters/instanceTypes';
import { paginate } from '../pagination';
import { defineAction } from './define';

/** AWS pages DescribeInstanceTypes even without MaxResults. */
const DEFAULT_PAGE = 100;

export default defineAction('DescribeInstanceTypes', (input, ctx) => {
  const catalog = ctx.instanceTypes;
  const wanted = input.InstanceTypes ?? [];
  const missing = wanted.filter((t) => !catalog.exists(t));
  if (missing.length > 0) throw NotFoundErrors.instanceTypes(missing);
  const f = compileFilters(instanceTypeFilters, input.Filters, ctx.scope);
  const names = wanted.length > 0 ? [...new Set(wanted)] : catalog.names();
  const page = paginate(
    { maxResults: input.MaxResults ?? DEFAULT_PAGE, nextToken: input.NextToken, fingerprint: `${f.fingerprint}|${wanted.join(',')}` },
    (after, limit) => names.slice(after, after + limit).map((n, i) => ({ seq: after + i + 1, item: catalog.get(n)! })),
    f.matches,
  );
  return { InstanceTypes: page.items, NextToken: page.nextToken };
});
