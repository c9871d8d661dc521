import { offeringCandidates } from '../domain/reservedInstances';
import { compileFilters } from '../filters/engine';
import { reservedInstancesOfferingFilters } from '../filters/reservedInstances';
import { paginate } from '../pagination';
import { defineAction } from './define';

/** AWS pages this catalog by 100 when MaxResults is absent (and at most 100 at a time). */
const PAGE = 100;
/** Offerings a filter the catalog cannot narrow on (fixed-price, wildcards) may examine per request (~10 ms). */
const SCAN_BUDGET = 5_000;

/** The generated offering catalog (src/domain/reservedInstances.ts), narrowed, filtered and paged. */
export default defineAction('DescribeReservedInstancesOfferings', (input, ctx) => {
  const f = compileFilters(reservedInstancesOfferingFilters, input.Filters, ctx.scope);
  const { fetch, fingerprint } = offeringCandidates(ctx, input);
  const page = paginate(
    { maxResults: Math.min(input.MaxResults ?? PAGE, PAGE), nextToken: input.NextToken, fingerprint: `${f.fingerprint}|${fingerprint}` },
    fetch,
    f.matches,
    SCAN_BUDGET,
  );
  return { ReservedInstancesOfferings: page.items, NextToken: page.nextToken };
});
