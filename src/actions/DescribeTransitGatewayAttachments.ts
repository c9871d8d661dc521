import { describe } from '../domain/describe';
import { listAttachments } from '../domain/transitGateways';
import { TransitGatewayErrors } from '../errors';
import { tgwAttachmentFilters } from '../filters/transitGateways';
import { presentAttachments } from '../views/transitGateway';
import { defineAction } from './define';

export default defineAction('DescribeTransitGatewayAttachments', (input, ctx) => {
  const page = describe(ctx, {
    ids: input.TransitGatewayAttachmentIds,
    filters: input.Filters,
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
    filterSpec: tgwAttachmentFilters,
    list: (opts) => listAttachments(ctx, opts, false),
    present: (rows) => presentAttachments(ctx, rows),
    notFound: (missing) => TransitGatewayErrors.attachmentNotFound(missing[0]),
  });
  return { TransitGatewayAttachments: page.items, NextToken: page.nextToken };
});
