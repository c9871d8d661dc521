import { describe } from '../domain/describe';
import { listAttachments } from '../domain/transitGateways';
import { TransitGatewayErrors } from '../errors';
import { tgwVpcAttachmentFilters } from '../filters/transitGateways';
import { presentVpcAttachments } from '../views/transitGateway';
import { defineAction } from './define';

export default defineAction('DescribeTransitGatewayVpcAttachments', (input, ctx) => {
  const page = describe(ctx, {
    ids: input.TransitGatewayAttachmentIds,
    filters: input.Filters,
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
    filterSpec: tgwVpcAttachmentFilters,
    list: (opts) => listAttachments(ctx, opts, true),
    present: (rows) => presentVpcAttachments(ctx, rows),
    notFound: (missing) => TransitGatewayErrors.vpcAttachmentNotFound(missing[0]),
  });
  return { TransitGatewayVpcAttachments: page.items, NextToken: page.nextToken };
});
