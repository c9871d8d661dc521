import { describe } from '../domain/describe';
import { listPeerings } from '../domain/transitGatewayPeering';
import { TgwPeeringErrors } from '../errors';
import { tgwPeeringFilters } from '../filters/transitGateways';
import { presentPeerings } from '../views/transitGateway';
import { defineAction } from './define';

export default defineAction('DescribeTransitGatewayPeeringAttachments', (input, ctx) => {
  const page = describe(ctx, {
    ids: input.TransitGatewayAttachmentIds,
    filters: input.Filters,
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
    filterSpec: tgwPeeringFilters,
    list: (opts) => listPeerings(ctx, opts),
    present: (rows) => presentPeerings(ctx, rows),
    notFound: (missing) => TgwPeeringErrors.notFound(missing[0]),
  });
  return { TransitGatewayPeeringAttachments: page.items, NextToken: page.nextToken };
});
