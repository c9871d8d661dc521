import { zonesOf } from '../domain/regions';
import { compileFilters } from '../filters/engine';
import { instanceTypeOfferingFilters } from '../filters/instanceTypes';
import { paginate } from '../pagination';
import type { InstanceTypeOffering } from '../protocol/model/types.generated';
import { defineAction } from './define';

/** Every type is offered everywhere in the emulator (a launch never fails for lack of capacity in a zone). */
export default defineAction('DescribeInstanceTypeOfferings', (input, ctx) => {
  const type = input.LocationType ?? 'region';
  const locations =
    type === 'region'
      ? [ctx.scope.region]
      : zonesOf(ctx.scope.region).map((z) => (type === 'availability-zone' ? z.name : z.id));
  const names = ctx.instanceTypes.names();
  const f = compileFilters(instanceTypeOfferingFilters, input.Filters, ctx.scope);
  const total = names.length * locations.length;
  const page = paginate(
    { maxResults: input.MaxResults, nextToken: input.NextToken, fingerprint: `${type}|${f.fingerprint}` },
    (after, limit) => {
      const out = [];
      for (let k = after; k < Math.min(total, after + limit); k++) {
        const item: InstanceTypeOffering = { InstanceType: names[k % names.length], LocationType: type, Location: locations[Math.floor(k / names.length)] };
        out.push({ seq: k + 1, item });
      }
      return out;
    },
    f.matches,
  );
  return { InstanceTypeOfferings: page.items, NextToken: page.nextToken };
});
