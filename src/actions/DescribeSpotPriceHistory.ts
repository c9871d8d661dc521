import { compileFilters } from '../filters/engine';
import { type PriceItem, spotPriceFilters } from '../filters/fleets';
import { spotPriceHistory } from '../domain/spot';
import { paginate } from '../pagination';
import { defineAction } from './define';

/** AWS's default (and largest) page: the whole history of every type would be tens of thousands of points. */
const DEFAULT_PAGE = 1000;

/** Deterministic prices per type, zone, product and hour (docs/behavior.md "Fleets and spot"). */
export default defineAction('DescribeSpotPriceHistory', (input, ctx) => {
  const f = compileFilters(spotPriceFilters, input.Filters, ctx.scope);
  const history = spotPriceHistory(ctx, {
    instanceTypes: input.InstanceTypes,
    products: input.ProductDescriptions,
    zone: input.AvailabilityZone,
    zoneId: input.AvailabilityZoneId,
    start: input.StartTime,
    end: input.EndTime,
  });
  const fp = JSON.stringify([f.fingerprint, input.InstanceTypes, input.ProductDescriptions, input.AvailabilityZone, input.AvailabilityZoneId, input.StartTime, input.EndTime]);
  const page = paginate<PriceItem>(
    { maxResults: input.MaxResults ?? DEFAULT_PAGE, nextToken: input.NextToken, fingerprint: fp },
    (afterSeq, limit) =>
      Array.from({ length: Math.max(0, Math.min(limit, history.total - afterSeq)) }, (_, k) => history.point(afterSeq + k + 1)).map((p) => ({
        seq: p.seq,
        item: { AvailabilityZone: p.zone, AvailabilityZoneId: p.zoneId, InstanceType: p.instanceType, ProductDescription: p.product, SpotPrice: p.price, Timestamp: new Date(p.at) },
      })),
    f.matches,
  );
  return { SpotPriceHistory: page.items as never, NextToken: page.nextToken };
});
