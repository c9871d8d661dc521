import { describe } from '../domain/describe';
import { listPrefixListReferences } from '../domain/tgwPrefixListReferences';
import { requireRouteTable } from '../domain/transitGateways';
import { tgwPrefixListReferenceFilters } from '../filters/transitGateways';
import { presentPrefixListReferences } from '../views/transitGateway';
import { defineAction } from './define';

/** A route table's prefix list references (every state but gone), filtered and paged. */
export default defineAction('GetTransitGatewayPrefixListReferences', (input, ctx) => {
  const table = requireRouteTable(ctx, input.TransitGatewayRouteTableId);
  const page = describe(ctx, {
    filters: input.Filters,
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
    filterSpec: tgwPrefixListReferenceFilters,
    list: (opts) => listPrefixListReferences(ctx, table.id, opts),
    present: (rows) => presentPrefixListReferences(ctx, rows),
    notFound: () => {
      throw new Error('unreachable: no ids');
    },
  });
  return { TransitGatewayPrefixListReferences: page.items, NextToken: page.nextToken };
});
